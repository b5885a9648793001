import Foundation
import Testing
import TestSupport

/// Properties that hold for any store: what export writes, ingest reads back unchanged; the order of the rows
/// does not matter.
@Suite struct PropertyTests {
    let cli: CLIFixture

    init() throws {
        cli = try CLIFixture()
        try cli.run("init")
    }

    func export(db: String = "naravard.sqlite", dialect: String = "excel") throws -> Data {
        let result = try cli.run("export", "--db", db, "--out", "export.csv", "--csv-dialect", dialect)
        #expect(result.status == 0, "\(result.stderr)")
        return try Data(contentsOf: cli.directory.url.appending(path: "export.csv"))
    }

    func ingest(_ files: [String], db: String = "naravard.sqlite") throws -> [String: Any] {
        let result = try cli.run(["ingest", "--json", "--ignore-unknown-areas", "--db", db] + files)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test(arguments: ["excel", "rfc4180"])
    func exportThenIngestIsANoOp(dialect: String) throws {
        _ = try ingest(CLIFixture.samples.map { CLIFixture.examples.appending(path: $0).path })
        // A revision and a withdrawn import too: withdrawn keys are not exported and do not come back.
        try Synth.counts(indicators: ["PV01"], quarters: 8, seed: 5, to: cli.directory.url.appending(path: "extra.csv"))
        let extra = try ingest(["extra.csv"])
        #expect(try cli.run("imports", "revert", "\(extra["import_id"] as? Int ?? 0)").status == 0)

        let before = try export(dialect: dialect)
        try before.write(to: cli.directory.url.appending(path: "round.csv"))
        let records = before.split(separator: UInt8(ascii: "\n")).count - 1
        let summary = try ingest(["round.csv"])
        #expect(summary["imported"] as? Int == 0)
        #expect(summary["updated"] as? Int == 0)
        #expect(summary["unchanged"] as? Int == records)
        #expect(try export(dialect: dialect) == before)
    }

    /// Tiny and huge values too: export writes plain digits (never `1e-05` or `1e+21`), which ingest reads back.
    @Test(arguments: ["excel", "rfc4180"])
    func tinyAndHugeValuesSurviveTheRoundTrip(dialect: String) throws {
        let tiny = "0," + String(repeating: "0", count: 300) + "17"
        let rows = ["PV01;2580;2024Q1;T;;;0,00001", "PV01;2582;2024Q1;T;;;0,0000000000000000000001", "PV01;2584;2024Q1;T;;;\(tiny)",
                    "OV06;2580;2024Q1;T;;;1000000000000000000000", "OV06;2582;2024Q1;T;;;123456789012345678901234567890"]
        try Data((["indicator;area;period;gender;numerator;denominator;value"] + rows).joined(separator: "\n").utf8)
            .write(to: cli.directory.url.appending(path: "extremes.csv"))
        #expect(try ingest(["extremes.csv"])["imported"] as? Int == rows.count)

        let before = try export(dialect: dialect)
        let text = String(decoding: before, as: UTF8.self)
        #expect(!text.contains("e-") && !text.contains("e+"), "\(text)")
        try before.write(to: cli.directory.url.appending(path: "round.csv"))
        let summary = try ingest(["round.csv"])
        #expect(summary["unchanged"] as? Int == rows.count && summary["updated"] as? Int == 0, "\(summary)")
        #expect(try export(dialect: dialect) == before)
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func anyOrderOfTheRowsGivesTheSameStore(seed: UInt64) throws {
        _ = try ingest(CLIFixture.samples.map { CLIFixture.examples.appending(path: $0).path })
        let expected = try export()

        var random = SplitMix(seed: seed)
        var shuffled: [String] = []
        for name in CLIFixture.samples where name.hasSuffix(".csv") {
            let lines = try Data(contentsOf: CLIFixture.examples.appending(path: name)).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            let body = lines.dropFirst().filter { !$0.isEmpty }.shuffled(using: &random)
            let text = ([lines[0]] + body).joined(separator: [UInt8(ascii: "\n")])
            try Data(text).write(to: cli.directory.url.appending(path: "shuffled-\(name)"))
            shuffled.append("shuffled-\(name)")
        }
        try cli.run("init", "--db", "other.sqlite")
        _ = try ingest((shuffled + [CLIFixture.examples.appending(path: "kolada.json").path]).shuffled(using: &random), db: "other.sqlite")
        #expect(try export(db: "other.sqlite") == expected)
    }
}
