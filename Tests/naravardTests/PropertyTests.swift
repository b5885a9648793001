import Foundation
import Testing
import TestSupport

/// Properties that hold for any store: what export writes, ingest reads back unchanged; the order of the rows
/// does not matter.
@Suite struct PropertyTests {
    let cli: CLITests

    init() throws {
        cli = try CLITests()
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
        _ = try ingest(CLITests.samples.map { CLITests.examples.appending(path: $0).path })
        // A revision and a withdrawn import too: withdrawn keys are not exported and do not come back.
        try Data(SyntheticCSV.text(indicators: ["PV01"], quarters: 8, seed: 5).utf8).write(to: cli.directory.url.appending(path: "extra.csv"))
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

    @Test(arguments: [UInt64(1), 2, 3])
    func anyOrderOfTheRowsGivesTheSameStore(seed: UInt64) throws {
        _ = try ingest(CLITests.samples.map { CLITests.examples.appending(path: $0).path })
        let expected = try export()

        var random = SplitMix(seed: seed)
        var shuffled: [String] = []
        for name in CLITests.samples where name.hasSuffix(".csv") {
            let lines = try Data(contentsOf: CLITests.examples.appending(path: name)).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            let body = lines.dropFirst().filter { !$0.isEmpty }.shuffled(using: &random)
            let text = ([lines[0]] + body).joined(separator: [UInt8(ascii: "\n")])
            try Data(text).write(to: cli.directory.url.appending(path: "shuffled-\(name)"))
            shuffled.append("shuffled-\(name)")
        }
        try cli.run("init", "--db", "other.sqlite")
        _ = try ingest((shuffled + [CLITests.examples.appending(path: "kolada.json").path]).shuffled(using: &random), db: "other.sqlite")
        #expect(try export(db: "other.sqlite") == expected)
    }
}
