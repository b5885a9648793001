import Foundation
import Testing
import TestSupport

/// Runs the built `naravard` binary as users and scripts do: exit codes, JSON, messages.
@Suite struct CLITests {
    let directory: TemporaryDirectory

    init() throws { directory = try TemporaryDirectory() }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        // Bundle.main is the test bundle in .build/<triple>/debug (or that folder); the binary sits there.
        let bundle = Bundle.main.bundleURL
        return (bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle).appending(path: "naravard")
    }

    static var examples: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../../Examples").standardized
    }

    /// The bundled report definitions.
    static var definitions: URL { examples.deletingLastPathComponent().appending(path: "Reports") }

    @discardableResult
    func run(_ arguments: String..., environment: [String: String] = [:]) throws -> Run {
        try run(arguments, environment: environment)
    }

    @Test func missingStoreIsRefusedWithAHint() throws {
        let result = try run("values", "--db", "typo.sqlite")
        #expect(result.status == 66)
        #expect(result.stderr.contains("naravard init"))
        #expect(!directory.exists("typo.sqlite"), "a mistyped path must not create an empty store")
    }

    @Test func initIsSafeToRepeatAndHonoursTheEnvironment() throws {
        #expect(try run("init", environment: ["NARAVARD_DB": "env.sqlite"]).status == 0)
        #expect(directory.exists("env.sqlite"))
        let again = try run("init", environment: ["NARAVARD_DB": "env.sqlite"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("nothing to add"))
    }

    @Test func ingestJSONIsOneObjectAndRefusalExits65() throws {
        try run("init")
        let samples = Self.samples.map { Self.examples.appending(path: $0).path }
        let refused = try run(["ingest", "--json"] + samples)
        #expect(refused.status == 65)
        #expect(refused.stdout.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix(#"{"import_id": null,"#))
        #expect(refused.stderr.contains("kolada.json:"))

        let loaded = try run(["ingest", "--json", "--ignore-unknown-areas", "--note", "första laddningen"] + samples)
        #expect(loaded.status == 0, "\(loaded.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(loaded.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["import_id", "imported", "updated", "unchanged", "ignored", "rejected", "warnings"])
        #expect(object["import_id"] as? Int == 2, "ids share one sequence with the catalogue load (1)")
        #expect(object["rejected"] as? Int == 0)
        #expect((object["ignored"] as? Int ?? 0) > 0)

        let values = try run("values", "--indicator", "PV01", "--area", "ostra", "--period", "2024Q1", "--format", "json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(values.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(Set(rows[0].keys) == ["indicator", "area", "period", "gender", "value", "numerator", "denominator", "status", "detail"])
        #expect(rows[0]["status"] as? String == "computed")
    }

    /// The catalogue says which indicators are seasonal; trends say which test classified each series.
    @Test func seasonalIndicatorsInCatalogueAndTrends() throws {
        try run("init")
        let list = try run("catalog", "list", "--format", "json")
        let indicators = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(indicators.first { $0["id"] as? String == "PV08" }?["seasonal"] as? Bool == true)
        #expect(indicators.first { $0["id"] as? String == "PV01" }?["seasonal"] as? Bool == false)
        let show = try run("catalog", "show", "PC01", "--json")
        let pc01 = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(pc01["seasonal"] as? Bool == false && pc01["levels"] as? [String] == ["county"] && pc01["kolada"] as? String == "U70447")

        let samples = Self.samples.map { Self.examples.appending(path: $0).path }
        #expect(try run(["ingest", "--ignore-unknown-areas"] + samples).status == 0)
        let trends = try run("trends", "--indicator", "PV08", "--indicator", "PV01", "--level", "county", "--format", "json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(trends.stdout.utf8)) as? [[String: Any]])
        let pv08 = try #require(rows.first { $0["indicator"] as? String == "PV08" && $0["gender"] as? String == "T" })
        #expect(pv08["method"] as? String == "seasonal_kendall")
        for field in ["centre", "lcl", "ucl", "variation", "assurance", "runs_signal"] { #expect(pv08[field] is NSNull, "\(field)") }
        let pv01 = try #require(rows.first { $0["indicator"] as? String == "PV01" && $0["gender"] as? String == "T" })
        #expect(pv01["method"] as? String == "mann_kendall")
        #expect(pv01["variation"] as? String != nil)
        let table = try run("trends", "--indicator", "PV08", "--level", "county", "--lang", "sv")
        #expect(table.stdout.contains("Säsongsvarierande"))
        #expect(try run("trends", "--indicator", "PV08", "--level", "county").stdout.contains("säsongsvarierande"))
    }

    @Test func usageErrorsExit64AndMissingFilesExit66() throws {
        try run("init")
        #expect(try run("values", "--level", "planet").status == 64)
        #expect(try run("values", "--indicator", "NOPE").status == 64)
        #expect(try run("ingest", "no-such-file.csv").status == 66)
    }

    @Test func exportWritesAWideWorkbookAndRefusesLayoutsItCannotWrite() throws {
        try run("init")
        let sample = Self.examples.appending(path: "kvartalsdata-koder.csv").path
        #expect(try run("ingest", sample).status == 0)
        let long = try run("export", "--format", "xlsx", "--layout", "long", "--out", "long.xlsx")
        #expect(long.status == 64)
        #expect(long.stderr.contains("--layout long is only for --format csv"))
        #expect(try run("export", "--layout", "wide", "--out", "wide.csv").status == 64)
        #expect(try run("export", "--format", "xlsx", "--csv-dialect", "rfc4180", "--out", "wide.xlsx").status == 64)
        #expect(try run("export", "--format", "xlsx", "--as-of", "99", "--out", "wide.xlsx").status == 64)
        #expect(!directory.exists("long.xlsx") && !directory.exists("wide.csv") && !directory.exists("wide.xlsx"))

        let wide = try run("export", "--format", "xlsx", "--layout", "wide", "--out", "wide.xlsx")
        #expect(wide.status == 0, "\(wide.stderr)")
        #expect(wide.stdout.hasPrefix("wrote wide.xlsx: "))
        let reader = try XLSXReader(path: directory.path("wide.xlsx"))
        #expect(reader.sheetNames == ["Sammanfattning", "Värden 1", "Teckenförklaring"])
        #expect(try run("export", "--out", "all.csv").status == 0, "CSV stays the default")
        let csv = try Data(contentsOf: directory.url.appending(path: "all.csv"))
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF] + Array("indicator;area;period;gender;value".utf8)))
    }

    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory.url
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NARAVARD_DB")
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Standard error is read on another thread while standard output is read here: read one after the
        // other, a command that fills the stderr pipe (64 KiB of problems) before it closes stdout would hang.
        nonisolated(unsafe) var stderr = Data()
        let errorsRead = DispatchSemaphore(value: 0)
        Thread {
            stderr = err.fileHandleForReading.readDataToEndOfFile()
            errorsRead.signal()
        }.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        errorsRead.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }
}

extension CLITests {
    /// The bundled sample files.
    static let samples = ["kvartalsdata-kommuner.csv", "kvartalsdata-koder.csv", "arsdata.csv", "kolada.json"]

    /// A fresh store with the sample data loaded.
    static func withSamples() throws -> CLITests {
        let cli = try CLITests()
        try cli.run("init")
        let loaded = try cli.run(["ingest", "--ignore-unknown-areas"] + samples.map { examples.appending(path: $0).path })
        #expect(loaded.status == 0, "\(loaded.stderr)")
        return cli
    }
}

extension CLITests {
    /// Another process (Python's sqlite3) that takes the store's write lock and holds it, as an ingest does;
    /// with `insert`, its transaction has written a row. Returns once it has the lock.
    func holdWriteLock(seconds: Int, insert: Bool = false, db: String = "naravard.sqlite") throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import sqlite3, sys, time
            db = sqlite3.connect(sys.argv[1], isolation_level=None)
            db.execute("BEGIN IMMEDIATE")
            if sys.argv[2] == "1":
                db.execute("INSERT INTO import (kind, created_at) VALUES ('ingest', 'now')")
            print("locked", flush=True)
            time.sleep(\(seconds))
            db.execute("ROLLBACK")
            """, directory.path(db), insert ? "1" : "0"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        _ = out.fileHandleForReading.availableData  // "locked"
        return process
    }
}
