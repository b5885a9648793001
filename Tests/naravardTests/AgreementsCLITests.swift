import Foundation
import Testing
import TestSupport

/// `naravard agreements`, `agreements load` and `agreements ingest` run as users run them.
@Suite struct AgreementsCLITests {
    let cli: CLIFixture

    init() throws {
        cli = try CLIFixture()
        let initialised = try cli.run("init")
        #expect(initialised.stdout.contains("agreements: 13 national agreements 2017–2022, 0 decided activities"), "\(initialised.stdout)")
    }

    var activities: String { CLIFixture.examples.appending(path: "overenskommelser/aktiviteter-2022.yaml").path }
    var use: String { CLIFixture.examples.appending(path: "overenskommelser/forbrukning-2022.csv").path }

    @Test func loadIngestAndReport() throws {
        let loaded = try cli.run("agreements", "load", activities)
        #expect(loaded.status == 0 && loaded.stdout == "import 2: imported 9, updated 0, unchanged 0\n", "\(loaded)")
        let ingested = try cli.run("agreements", "ingest", "--json", use)
        #expect(ingested.status == 0)
        #expect(ingested.stdout == #"{"import_id": 3, "imported": 13, "updated": 0, "unchanged": 0, "ignored": 0, "rejected": 0, "warnings": 0}"# + "\n")
        let again = try cli.run("agreements", "ingest", use)
        #expect(again.stdout == "import 4: imported 0, updated 0, unchanged 13, ignored 0, rejected 0\n")

        let shown = try cli.run("agreements", "--year", "2022", "--format", "json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 2 + 6 + 8, "two agreements and their insatsområden")
        let nav = try #require(rows.first { $0["insatsomrade"] as? String == "pv-som-nav" })
        #expect(nav["allocated"] as? Int == 57_923_351 && nav["decided"] as? Int == 18_500_000)
        #expect(nav["spent"] as? Double == 4_770_500.5)
        let before = try cli.run("agreements", "--as-of", "2", "--format", "csv")
        #expect(before.stdout.contains("god-och-nara-vard-2022,2022,pv-som-nav,3,57923351,,18500000,0,57923351,0,"), "\(before.stdout)")
        #expect(try cli.run("agreements", "--as-of", "99").status == 64)
    }

    @Test func refusalsAndMissingInput() throws {
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().appending(path: "../../Agreements/2022/psykisk-halsa-2022.yaml").standardized, encoding: .utf8)
        let broken = source.replacingOccurrences(of: "joint_amount: 7 271 973 kr", with: "joint_amount: 7 271 97373 kr")
        try Data(broken.utf8).write(to: cli.directory.url.appending(path: "psh.yaml"))
        let line = broken.components(separatedBy: "\n").firstIndex { $0.contains("joint_amount: 7 271 97373") }! + 1
        let refused = try cli.run("agreements", "load", "psh.yaml")
        #expect(refused.status == 65)
        #expect(refused.stderr.hasPrefix("psh.yaml:\(line):"), "\(refused.stderr)")
        #expect(refused.stderr.contains("refused, nothing loaded"))

        #expect(try cli.run("agreements", "load", "ok.yaml").status == 66, "not there yet")
        try Data(source.utf8).write(to: cli.directory.url.appending(path: "ok.yaml"))
        let accepted = try cli.run("agreements", "load", "ok.yaml")
        #expect(accepted.status == 0)
        let totalLine = source.components(separatedBy: "\n").firstIndex { $0 == "    total: 16 908 861 kr" }! + 1
        #expect(accepted.stderr.contains("ok.yaml:\(totalLine):12: warning: the insatsområden of 'Insatsområde psykisk hälsa' sum to 16 908 860 kr, 1 kr under the stated total 16 908 861 kr"),
                "\(accepted.stderr)")

        try Data("aktivitet;period;förbrukat\nA22-01;2022Q3;5\n".utf8).write(to: cli.directory.url.appending(path: "use.csv"))
        let unknown = try cli.run("agreements", "ingest", "use.csv")
        #expect(unknown.status == 65 && unknown.stderr.hasPrefix("use.csv:2: unknown activity 'A22-01'"), "\(unknown.stderr)")
        #expect(try cli.run("agreements", "ingest", "saknas.csv").status == 66)
        #expect(try cli.run("agreements", "load", "saknas").status == 66)
    }

    @Test func skipInvalidWritesTheRejectedUse() throws {
        #expect(try cli.run("agreements", "load", activities).status == 0)
        try Data("aktivitet;period;förbrukat\nA22-01;2022Q4;100\nA22-99;2022Q4;5\n".utf8).write(to: cli.directory.url.appending(path: "use.csv"))
        #expect(try cli.run("agreements", "ingest", "--rejects", "fel.csv", "use.csv").status == 64, "--rejects needs --skip-invalid")
        let refused = try cli.run("agreements", "ingest", "use.csv")
        #expect(refused.status == 65 && refused.stdout == "refused, nothing written: imported 0, updated 0, unchanged 0, ignored 0, rejected 1\n", "\(refused)")
        let dry = try cli.run("agreements", "ingest", "--skip-invalid", "--dry-run", "--rejects", "fel.csv", "use.csv")
        #expect(dry.status == 0 && dry.stdout == "dry run, nothing written: imported 1, updated 0, unchanged 0, ignored 0, rejected 1\n", "\(dry)")
        #expect(!FileManager.default.fileExists(atPath: cli.directory.url.appending(path: "fel.csv").path), "a dry run writes no file")
        let skipped = try cli.run("agreements", "ingest", "--skip-invalid", "--rejects", "fel.csv", "use.csv")
        #expect(skipped.status == 0, "\(skipped)")
        #expect(skipped.stdout == "import 3: imported 1, updated 0, unchanged 0, ignored 0, rejected 1\nrejected rows written to fel.csv\n", "\(skipped)")
        #expect(skipped.stderr.hasPrefix("use.csv:3: unknown activity 'A22-99'"), "\(skipped.stderr)")
        let rejects = try String(contentsOf: cli.directory.url.appending(path: "fel.csv"), encoding: .utf8)
        #expect(rejects.contains("A22-99;2022Q4;5"), "\(rejects)")
        let defaulted = try cli.run("agreements", "ingest", "--skip-invalid", "--json", "use.csv")
        #expect(defaulted.status == 0 && defaulted.stdout.contains(#""rejected": 1"#), "\(defaulted)")
        #expect(FileManager.default.fileExists(atPath: cli.directory.url.appending(path: "use.rejects.csv").path))
    }

    /// Input that cannot be read right refuses both kinds of ingest the same way: exit 65, `FILE:LINE:`, nothing written.
    @Test(.tags(.slow), .slow, arguments: [
        ("quote.csv", Array("aktivitet;period;förbrukat\nA22-01;2022 kv3;\"450 000;\n".utf8), "quote.csv:2:17: this quote is never closed"),
        ("long.csv", Array("aktivitet;period;förbrukat\nA22-01;\"".utf8) + [UInt8](repeating: 0x78, count: 17 << 20),
         "long.csv:2: a record longer than 16 MiB"),
        ("money.csv", Array("aktivitet;period;förbrukat\nA22-01;2022 kv3;99999999999999999999999\n".utf8), "money.csv:2: spent: '99999999999999999999999' is too large"),
    ])
    func unreadableUseIsRefusedWithItsPlace(name: String, bytes: [UInt8], message: String) throws {
        #expect(try cli.run("agreements", "load", activities).status == 0)
        try Data(bytes).write(to: cli.directory.url.appending(path: name))
        for command in [["agreements", "ingest"], ["ingest"]] where command.count == 2 || name != "money.csv" {
            let refused = try cli.run(command + [name])
            #expect(refused.status == 65, "\(command) \(refused)")
            if command.count == 2 { #expect(refused.stderr.hasPrefix(message), "\(refused.stderr)") }
            #expect(refused.stderr.contains("\(name):2:"), "\(command) \(refused.stderr)")
        }
        let imports = try cli.run("imports", "--format", "json").stdout
        #expect(imports.components(separatedBy: "\"kind\"").count - 1 == 2, "init and load only: \(imports)")
    }

    /// The same broken CSV, once as money used and once as indicator values: both ingests refuse it alike, with the
    /// same exit code, summary, `FILE:LINE:` position and message, and write nothing.
    @Test(arguments: [
        // A quote opened at the end of a row would read the next row into its field (here the note): refused.
        ("A22-01;2022 kv3;450 000;\"\nA22-02;2022 kv3;100;\"\n", "PV01;Luleå;2025Q4;34,7;\"\nPV01;Boden;2025Q4;30;\"\n",
         "this quote is left open at the end of the line"),
        ("A22-01;2022 kv3;\"450 000\n", "PV01;Luleå;2025Q4;\"34,7\n", "this quote is never closed"),
        ("A22-01;2022 kv3;\"450\" 000;\n", "PV01;Luleå;2025Q4;\"34\",7;\n", "text after the closing quote"),
        ("A22-01;2022 kv3;450 000;;;x\n", "PV01;Luleå;2025Q4;34,7;;x\n", "the row has 6 fields but the header has"),
        ("\"" + String(repeating: "x", count: 17 << 20), "\"" + String(repeating: "x", count: 17 << 20),
         "a record longer than 16 MiB"),
    ])
    func bothIngestsRefuseBrokenInputAlike(use: String, values: String, message: String) throws {
        #expect(try cli.run("agreements", "load", activities).status == 0)
        var refusals: [(status: Int32, stdout: String, line: String)] = []
        for (command, header, body) in [(["agreements", "ingest"], "aktivitet;period;förbrukat;anmärkning\n", use),
                                        (["ingest"], "indikator;kommun;period;värde;anmärkning\n", values)] {
            try Data((header + body).utf8).write(to: cli.directory.url.appending(path: "broken.csv"))
            let refused = try cli.run(command + ["broken.csv"])
            let line = refused.stderr.split(separator: "\n").first { $0.hasPrefix("broken.csv:") }.map(String.init) ?? refused.stderr
            #expect(line.hasPrefix("broken.csv:2:"), "\(command): \(refused.stderr)")
            #expect(line.contains(": " + message), "\(command): \(refused.stderr)")
            refusals.append((refused.status, refused.stdout, line))
        }
        #expect(refusals[0].status == 65 && refusals[1].status == 65, "\(refusals)")
        #expect(refusals[0].stdout == "refused, nothing written: imported 0, updated 0, unchanged 0, ignored 0, rejected 1\n", "\(refusals)")
        #expect(refusals[0].stdout == refusals[1].stdout, "the same summary")
        let imports = try cli.run("imports", "--format", "json").stdout
        #expect(imports.components(separatedBy: "\"kind\"").count - 1 == 2, "init and load only: \(imports)")
    }
}
