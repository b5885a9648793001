import Foundation
import Testing
import TestSupport

/// `--as-of` and `imports revert` as users run them.
@Suite struct HistoryCLITests {
    let cli: CLIFixture

    init() throws {
        cli = try CLIFixture()
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
            #expect(result.stderr == "Error: there is no import \(asOf) (see `naravard imports`)\n", "one line, no usage text: \(command): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(command): \(result.stdout)")
        }
        #expect(!cli.directory.exists("all.csv") && !cli.directory.exists("all.xlsx") && !cli.directory.exists("r.xlsx"))
    }

    @Test func revertKeepsWhatALaterImportChanged() throws {
        let header = "indicator;area;period;gender;numerator;denominator;value"
        let files = [
            "a.csv": [header, "PV01;2580;2024Q1;T;30;100;", "PV01;2582;2024Q1;T;10;100;", "PV01;2584;2024Q1;T;5;100;"],
            "b.csv": [header, "PV01;2582;2024Q1;T;12;100;"],
        ]
        for (name, lines) in files {
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: cli.directory.url.appending(path: name))
        }
        #expect(try cli.run("ingest", "a.csv").status == 0)  // import 2
        #expect(try cli.run("ingest", "b.csv").status == 0)  // import 3
        let revert = try cli.run("imports", "revert", "2")
        #expect(revert.status == 0, "\(revert.stderr)")
        #expect(revert.stdout.contains("kept 1 changed later by import 3"), "\(revert.stdout)")
        let values = try cli.run("values", "--indicator", "PV01", "--period", "2024Q1", "--level", "municipality", "--format", "csv")
        #expect(values.stdout.contains("PV01,2582,2024Q1,T,12,12,100,reported"), "\(values.stdout)")
        #expect(!values.stdout.contains(",2580,") && !values.stdout.contains(",2584,"), "\(values.stdout)")
        let json = try cli.run("imports", "revert", "3", "--json")
        #expect(json.stdout.contains(#""kept": 0, "kept_by": []"#), "\(json.stdout)")
    }
}
