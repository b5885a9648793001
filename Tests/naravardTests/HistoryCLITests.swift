import Foundation
import Testing
import TestSupport

/// `--as-of` and `imports revert` as users run them.
@Suite struct HistoryCLITests {
    let cli: CLITests

    init() throws {
        cli = try CLITests()
        #expect(try cli.run("init").status == 0)
    }

    /// Every command that reads the store as of an import.
    static let commands: [[String]] = [
        ["values"], ["trends"], ["shifts"], ["check"], ["agreements"], ["export", "--out", "all.csv"],
        ["export", "--format", "xlsx", "--out", "all.xlsx"], ["report", "committee", "--out", "r.xlsx"],
    ]

    @Test(arguments: ["0", "-1", "999"])
    func anImportThatDoesNotExistIsAUsageErrorEverywhere(_ asOf: String) throws {
        for command in Self.commands {
            let result = try cli.run(command + ["--as-of", asOf])
            #expect(result.status == 64, "\(command) --as-of \(asOf): \(result.stderr)")
            #expect(result.stderr.hasPrefix("Error: there is no import \(asOf) (see `naravard imports`)"), "\(command): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(command): \(result.stdout)")
        }
        #expect(!cli.directory.exists("all.csv") && !cli.directory.exists("all.xlsx") && !cli.directory.exists("r.xlsx"))
    }
}
