import ArgumentParser

@main
struct Naravard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "naravard",
        abstract: "Follow up the move to nära vård: indicator store, trends and reports.",
        discussion: """
            Exit codes: 0 done; 64 usage error; 65 input refused (nothing written); \
            66 an input file or the store missing or unreadable; 1 anything else.
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, CatalogCommand.self, IngestCommand.self, ValuesCommand.self,
            ExportCommand.self, ImportsCommand.self, TrendsCommand.self, ShiftsCommand.self, ReportCommand.self,
            AgreementsCommand.self,
        ]
    )
}
