import ArgumentParser
import Foundation
import NaraVardKit
#if canImport(Glibc)
import Glibc
#endif

@main
struct Naravard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "naravard",
        abstract: "Follow up the move to nära vård: indicator store, trends and reports.",
        discussion: """
            Exit codes: 0 done; 64 usage error; 65 input refused (nothing written), or `check` found something; \
            66 an input file or the store missing or unreadable, a file that is not a naravard store, a store of a newer \
            naravard, or (for a reading command) one that `naravard init` must upgrade first; 1 anything else (among them, in one line: \
            the disk full, the store read-only or locked by another writer, an output that cannot be written).
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, CatalogCommand.self, IngestCommand.self, ValuesCommand.self,
            ExportCommand.self, ImportsCommand.self, CheckCommand.self, TrendsCommand.self, ShiftsCommand.self, CompareCommand.self,
            ReportCommand.self, AgreementsCommand.self, StatusCommand.self, ChangesCommand.self, TemplateCommand.self,
        ]
    )

    /// Runs the command; whatever it fails with is told here and only here (``CommandError``): one line on
    /// standard error (one per problem for a refused input) and README's exit code.
    static func main() {
        keepFreedMemory()
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exitEscaped(error)
        }
        do {
            try command.run()
        } catch {
            guard let failure = CommandError(error, store: (command as? StoreCommand)?.store.path ?? "the store") else { exitEscaped(error) }
            if failure.message != nil { printError(failure.description) }
            Foundation.exit(failure.kind.exitCode)
        }
    }

    /// Exits as ArgumentParser's `exit(withError:)` does, but a failure's message (which may quote an argument or
    /// a file) goes through ``printError(_:)``, so control characters in it reach the terminal escaped.
    private static func exitEscaped(_ error: any Error) -> Never {
        let code = exitCode(for: error)
        guard code != .success else { exit(withError: error) }  // help and version: our own text, on standard output
        let message = fullMessage(for: error)
        if !message.isEmpty { printError(message) }
        Foundation.exit(code.rawValue)
    }

    /// Commands over a whole store allocate and free arrays of megabytes per indicator. By default glibc
    /// maps each such array fresh from the kernel and hands it back when freed, so every indicator pays
    /// for zeroed pages again (about an eighth of `trends`); keeping freed memory for reuse avoids that.
    /// (`mallopt` is in `malloc.h`, which the Glibc module does not export: it is looked up by name.)
    private static func keepFreedMemory() {
        #if canImport(Glibc)
        typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallocOption.self)
        let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3  // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD
        _ = mallopt(mmapThreshold, 256 << 20)
        _ = mallopt(trimThreshold, 512 << 20)
        #endif
    }
}
