import ArgumentParser
import NaraVardKit

@main
struct Naravard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "naravard",
        abstract: "Follow up the move to nära vård: indicator store, trends and reports.",
        discussion: """
            Exit codes: 0 done; 64 usage error; 65 input refused (nothing written), or `check` found something; \
            66 an input file or the store missing or unreadable; 1 anything else (among them, in one line: \
            the disk full, the store read-only or locked by another writer, an output that cannot be written).
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, CatalogCommand.self, IngestCommand.self, ValuesCommand.self,
            ExportCommand.self, ImportsCommand.self, CheckCommand.self, TrendsCommand.self, ShiftsCommand.self, ReportCommand.self,
        ]
    )

    /// Runs the command; a failure of the machine (disk full, a locked or read-only store, an output path that
    /// cannot be written) is told in one line instead of as a raw error.
    static func main() {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            try command.run()
        } catch {
            guard let failure = SystemFailure(error, store: storeOptions(in: command)?.path ?? "the store") else { exit(withError: error) }
            printError(failure.description)
            exit(withError: ExitCode(failure.exitCode))
        }
    }
}

/// The `--db` options of a parsed command, wherever its option groups hold them.
private func storeOptions(in value: Any) -> StoreOptions? {
    if let options = value as? StoreOptions { return options }
    for child in Mirror(reflecting: value).children {
        if let options = storeOptions(in: child.value) { return options }
    }
    return nil
}
