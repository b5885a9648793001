import Foundation
import Testing
import TestSupport

/// The `naravard` binary as users and scripts run it: exit codes, JSON, messages.
@Suite struct CLITests {
    let cli: CLIFixture

    init() throws { cli = try CLIFixture() }

    @Test func missingStoreIsRefusedWithAHint() throws {
        let result = try cli.run("values", "--db", "typo.sqlite")
        #expect(result.status == 66)
        #expect(result.stderr.contains("naravard init"))
        #expect(!cli.directory.exists("typo.sqlite"), "a mistyped path must not create an empty store")
    }

    @Test func initIsSafeToRepeatAndHonoursTheEnvironment() throws {
        #expect(try cli.run("init", environment: ["NARAVARD_DB": "env.sqlite"]).status == 0)
        #expect(cli.directory.exists("env.sqlite"))
        let again = try cli.run("init", environment: ["NARAVARD_DB": "env.sqlite"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("nothing to add"))
    }

    @Test func ingestJSONIsOneObjectAndRefusalExits65() throws {
        try cli.run("init")
        let samples = CLIFixture.samples.map { CLIFixture.examples.appending(path: $0).path }
        let refused = try cli.run(["ingest", "--json"] + samples)
        #expect(refused.status == 65)
        #expect(refused.stdout.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix(#"{"import_id": null,"#))
        #expect(refused.stderr.contains("kolada.json:"))

        let loaded = try cli.run(["ingest", "--json", "--ignore-unknown-areas", "--note", "första laddningen"] + samples)
        #expect(loaded.status == 0, "\(loaded.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(loaded.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["import_id", "imported", "updated", "unchanged", "ignored", "rejected", "warnings"])
        #expect(object["import_id"] as? Int == 2, "ids share one sequence with the catalogue load (1)")
        #expect(object["rejected"] as? Int == 0)
        #expect((object["ignored"] as? Int ?? 0) > 0)

        let values = try cli.run("values", "--indicator", "PV01", "--area", "ostra", "--period", "2024Q1", "--format", "json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(values.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(Set(rows[0].keys) == ["indicator", "area", "period", "gender", "value", "numerator", "denominator", "status", "detail"])
        #expect(rows[0]["status"] as? String == "computed")
    }

    /// The catalogue says which indicators are seasonal; trends say which test classified each series.
    @Test func seasonalIndicatorsInCatalogueAndTrends() throws {
        try cli.run("init")
        let list = try cli.run("catalog", "list", "--format", "json")
        let indicators = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(indicators.first { $0["id"] as? String == "PV08" }?["seasonal"] as? Bool == true)
        #expect(indicators.first { $0["id"] as? String == "PV01" }?["seasonal"] as? Bool == false)
        let show = try cli.run("catalog", "show", "PC01", "--json")
        let pc01 = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(pc01["seasonal"] as? Bool == false && pc01["levels"] as? [String] == ["county"] && pc01["kolada"] as? String == "U70447")

        let samples = CLIFixture.samples.map { CLIFixture.examples.appending(path: $0).path }
        #expect(try cli.run(["ingest", "--ignore-unknown-areas"] + samples).status == 0)
        let trends = try cli.run("trends", "--indicator", "PV08", "--indicator", "PV01", "--level", "county", "--format", "json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(trends.stdout.utf8)) as? [[String: Any]])
        let pv08 = try #require(rows.first { $0["indicator"] as? String == "PV08" && $0["gender"] as? String == "T" })
        #expect(pv08["method"] as? String == "seasonal_kendall")
        for field in ["centre", "lcl", "ucl", "variation", "assurance", "runs_signal"] { #expect(pv08[field] is NSNull, "\(field)") }
        let pv01 = try #require(rows.first { $0["indicator"] as? String == "PV01" && $0["gender"] as? String == "T" })
        #expect(pv01["method"] as? String == "mann_kendall")
        #expect(pv01["variation"] as? String != nil)
        let table = try cli.run("trends", "--indicator", "PV08", "--level", "county", "--lang", "sv")
        #expect(table.stdout.contains("Säsongsvarierande"))
        #expect(try cli.run("trends", "--indicator", "PV08", "--level", "county").stdout.contains("säsongsvarierande"))
    }

    /// Every command that prints a summary of what it did prints it, with `--json`, as one object.
    @Test func summariesAreOneJSONObjectWithJSON() throws {
        let examples = CLIFixture.examples
        let commands: [(arguments: [String], key: String)] = [
            (["init", "--json"], "schema_version"),
            (["ingest", examples.appending(path: "kvartalsdata-koder.csv").path, "--json"], "import_id"),
            (["catalog", "load", examples.appending(path: "../Indicators").standardized.path, "--json"], "import_id"),
            (["agreements", "load", examples.appending(path: "overenskommelser/aktiviteter-2022.yaml").path, "--json"], "import_id"),
            (["agreements", "ingest", examples.appending(path: "overenskommelser/forbrukning-2022.csv").path, "--json"], "import_id"),
            (["export", "--out", "alla.csv", "--json"], "records"),
            (["export", "--format", "xlsx", "--out", "alla.xlsx", "--json"], "values"),
            (["template", "--period", "2026Q1", "--out", "mall.xlsx", "--json"], "rows"),
            (["report", "committee", "--out", "u.xlsx", "--json"], "report_id"),
            (["imports", "revert", "2", "--json"], "import_id"),
        ]
        for (arguments, key) in commands {
            let result = try cli.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            #expect(object?.keys.contains(key) == true, "\(arguments): \(result.stdout)")
        }
    }

    @Test func usageErrorsExit64AndMissingFilesExit66() throws {
        try cli.run("init")
        #expect(try cli.run("values", "--level", "planet").status == 64)
        #expect(try cli.run("values", "--indicator", "NOPE").status == 64)
        #expect(try cli.run("ingest", "no-such-file.csv").status == 66)
    }

    @Test func exportWritesAWideWorkbookAndRefusesLayoutsItCannotWrite() throws {
        try cli.run("init")
        let sample = CLIFixture.examples.appending(path: "kvartalsdata-koder.csv").path
        #expect(try cli.run("ingest", sample).status == 0)
        let long = try cli.run("export", "--format", "xlsx", "--layout", "long", "--out", "long.xlsx")
        #expect(long.status == 64)
        #expect(long.stderr.contains("--layout long is only for --format csv"))
        #expect(try cli.run("export", "--layout", "wide", "--out", "wide.csv").status == 64)
        #expect(try cli.run("export", "--format", "xlsx", "--csv-dialect", "rfc4180", "--out", "wide.xlsx").status == 64)
        #expect(try cli.run("export", "--format", "xlsx", "--as-of", "99", "--out", "wide.xlsx").status == 64)
        #expect(!cli.directory.exists("long.xlsx") && !cli.directory.exists("wide.csv") && !cli.directory.exists("wide.xlsx"))

        let wide = try cli.run("export", "--format", "xlsx", "--layout", "wide", "--out", "wide.xlsx")
        #expect(wide.status == 0, "\(wide.stderr)")
        #expect(wide.stdout.hasPrefix("wrote wide.xlsx: "))
        let reader = try XLSXReader(path: cli.directory.path("wide.xlsx"))
        #expect(reader.sheetNames == ["Sammanfattning", "Värden 1", "Teckenförklaring"])
        #expect(try cli.run("export", "--out", "all.csv").status == 0, "CSV stays the default")
        let csv = try Data(contentsOf: cli.directory.url.appending(path: "all.csv"))
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF] + Array("indicator;area;period;gender;value".utf8)))
    }
}

/// Every kind of ``CommandError`` as a user meets it: its exit code, and exactly one line on standard error
/// without ArgumentParser's usage text.
@Suite struct ErrorKindTests {
    let cli: CLIFixture

    init() throws {
        cli = try CLIFixture()
        try cli.run("init")
        try Data("indicator;area;period;value\nNOPE;2580;2024Q1;30\n".utf8).write(to: cli.directory.url.appending(path: "bad.csv"))
        try Data("not a store\n".utf8).write(to: cli.directory.url.appending(path: "text.txt"))
        try FileManager.default.createDirectory(atPath: cli.directory.path("mapp"), withIntermediateDirectories: false)
    }

    static let cases: [(kind: String, arguments: [String], status: Int32, line: String)] = [
        ("unknown indicator", ["values", "--indicator", "NOPE"], 64, "Error: no indicator 'NOPE' in the catalogue"),
        ("unknown indicator in check", ["check", "--indicator", "NOPE"], 64, "Error: no indicator 'NOPE' in the catalogue"),
        ("unknown indicator in changes", ["changes", "--since", "0", "--indicator", "NOPE"], 64, "Error: no indicator 'NOPE' in the catalogue"),
        ("unknown indicator in catalog show", ["catalog", "show", "NOPE"], 64, "Error: no indicator 'NOPE' in the catalogue"),
        ("unknown import", ["trends", "--as-of", "99"], 64, "Error: there is no import 99 (see `naravard imports`)"),
        ("unknown import, store without values", ["export", "--as-of", "999", "--out", "alla.csv"], 64,
         "Error: there is no import 999 (see `naravard imports`)"),
        ("output folder refused", ["export", "--out", "mapp"], 64, "mapp: is a folder"),
        ("bad input file", ["ingest", "bad.csv"], 65, "bad.csv:2: "),
        ("missing input", ["ingest", "saknas.csv"], 66, "saknas.csv: no such file"),
        ("missing catalogue folder", ["catalog", "load", "saknas"], 66, "saknas: no such file or folder"),
        ("not a store", ["values", "--db", "text.txt"], 66, "text.txt: not a naravard store"),
        ("missing store", ["values", "--db", "saknas.sqlite"], 66, "saknas.sqlite: there is no store"),
        ("output folder missing", ["export", "--out", "saknad-mapp/alla.csv"], 1, "saknad-mapp"),
    ]

    @Test(arguments: cases.indices)
    func exitCodeAndOneLine(_ index: Int) throws {
        let (kind, arguments, status, line) = Self.cases[index]
        let result = try cli.run(arguments)
        #expect(result.status == status, "\(kind): \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(kind): \(result.stderr)")
        #expect(result.stderr.hasPrefix(line), "\(kind): \(result.stderr)")
        #expect(!result.stderr.contains("Usage:") && !result.stderr.contains("--help"), "\(kind): \(result.stderr)")
    }
}
