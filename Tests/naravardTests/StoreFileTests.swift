import Foundation
import Testing
import TestSupport

/// The store file: only `init` creates one; a file that is not a naravard store, or a store of a newer naravard,
/// is refused by every command and left byte for byte as it was; reading commands never write the store.
@Suite struct StoreFileTests {
    let cli: CLIFixture

    init() throws { cli = try CLIFixture() }

    /// Every command that opens the store, with arguments that would otherwise succeed or fail later.
    static let writing: [[String]] = [
        ["ingest", "data.csv"], ["catalog", "load", CLIFixture.examples.appending(path: "../Indicators").standardized.path], ["agreements", "load", "activities.yaml"],
        ["agreements", "ingest", "use.csv"], ["imports", "revert", "1"], ["report", "committee", "--out", "r.xlsx"],
    ]
    static let reading: [[String]] = [
        ["values"], ["trends"], ["shifts"], ["export", "--out", "all.csv"], ["export", "--format", "xlsx", "--out", "all.xlsx"],
        ["imports"], ["check"], ["agreements"], ["catalog", "list"],
    ]

    /// The inputs the writing commands name, so that they get as far as the store.
    func writeInputs() throws {
        let examples = CLIFixture.examples
        try Data("indicator;area;period;value\nPV01;2580;2024Q1;30\n".utf8).write(to: cli.directory.url.appending(path: "data.csv"))
        try FileManager.default.copyItem(at: examples.appending(path: "overenskommelser/aktiviteter-2022.yaml"),
                                         to: cli.directory.url.appending(path: "activities.yaml"))
        try FileManager.default.copyItem(at: examples.appending(path: "overenskommelser/forbrukning-2022.csv"),
                                         to: cli.directory.url.appending(path: "use.csv"))
    }

    /// Runs SQL on a file with Python's sqlite3 (not naravard's SQLite code).
    func sql(_ file: String, _ script: String) throws {
        try Self.sql(path: cli.directory.path(file), script)
    }

    static func sql(path: String, _ script: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); db.executescript(sys.argv[2]); db.commit(); db.close()",
                             path, script]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
    }

    func bytes(_ file: String) throws -> Data { try Data(contentsOf: cli.directory.url.appending(path: file)) }

    enum Foreign: String, CaseIterable { case sqlite, empty, text }

    /// Makes `foreign.db` of a kind.
    func makeForeign(_ kind: Foreign) throws {
        let path = cli.directory.path("foreign.db")
        try? FileManager.default.removeItem(atPath: path)
        switch kind {
        case .sqlite: try sql("foreign.db", "CREATE TABLE kund (id INTEGER PRIMARY KEY, namn TEXT); INSERT INTO kund VALUES (1, 'Anna');")
        case .empty: try Data().write(to: URL(fileURLWithPath: path))
        case .text: try Data("indicator;area\nPV01;2580\n".utf8).write(to: URL(fileURLWithPath: path))
        }
    }

    @Test(arguments: Foreign.allCases)
    func aFileThatIsNotAStoreIsRefusedByEveryCommandUntouched(_ kind: Foreign) throws {
        try writeInputs()
        var commands = Self.writing + Self.reading
        if kind != .empty { commands.append(["init"]) }
        for command in commands {
            try makeForeign(kind)
            let before = try bytes("foreign.db")
            let result = try cli.run(command + ["--db", "foreign.db"])
            #expect(result.status == 66, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("foreign.db: not a naravard store"), "\(command): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(command): \(result.stderr)")
            #expect(try bytes("foreign.db") == before, "\(command) changed the file")
            #expect(!cli.directory.exists("foreign.db-wal") && !cli.directory.exists("foreign.db-shm"), "\(command)")
        }
        #expect(!cli.directory.exists("r.xlsx") && !cli.directory.exists("all.csv") && !cli.directory.exists("all.xlsx"))
    }

    @Test func initCreatesAStoreInAnEmptyFile() throws {
        try makeForeign(.empty)
        let result = try cli.run("init", "--db", "foreign.db")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try cli.run("values", "--db", "foreign.db").status == 0)
    }

    /// How a newer naravard marks its store: a migration this one does not know, a higher `user_version`, or both.
    enum NewerMark: CaseIterable { case unknownMigration, higherVersion, both }

    @Test(arguments: NewerMark.allCases)
    func aStoreOfANewerNaravardIsRefusedByEveryCommandUntouched(_ mark: NewerMark) throws {
        try writeInputs()
        let created = try cli.run("init")
        let known = try #require(created.stdout.split(separator: "\n").first?.split(separator: " ").last.flatMap { Int($0) }, "\(created.stdout)")
        let version = mark == .unknownMigration ? known + 1 : known + 2
        switch mark {
        case .unknownMigration: try sql("naravard.sqlite", "INSERT INTO grdb_migrations VALUES ('v\(version): from the future');")
        case .higherVersion: try sql("naravard.sqlite", "PRAGMA user_version = \(version);")
        case .both: try sql("naravard.sqlite", "INSERT INTO grdb_migrations VALUES ('v\(version): from the future'); PRAGMA user_version = \(version);")
        }
        let before = try bytes("naravard.sqlite")
        for command in Self.writing + Self.reading + [["init"]] {
            let result = try cli.run(command)
            #expect(result.status == 66, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("schema version \(version);") && result.stderr.contains("up to schema version \(known))"), "\(command): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(command): \(result.stderr)")
            #expect(try bytes("naravard.sqlite") == before, "\(command) wrote the store")
        }
    }

    @Test func readingCommandsOnAStoreThatNeedsAnUpgradeNameTheCommandThatUpgradesIt() throws {
        #expect(try cli.run("init").status == 0)
        // Make it look one migration behind (the upgrade itself is tested in MigrationTests).
        try sql("naravard.sqlite", "DELETE FROM grdb_migrations WHERE identifier LIKE 'v6:%'; PRAGMA user_version = 5;")
        let before = try bytes("naravard.sqlite")
        for command in Self.reading {
            let result = try cli.run(command)
            #expect(result.status == 66, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("run `naravard init` to upgrade it (every record is kept)"), "\(command): \(result.stderr)")
            #expect(try bytes("naravard.sqlite") == before, "\(command) wrote the store")
        }
    }

    @Test func readingCommandsNeverWriteTheStoreNorWaitForAWriter() throws {
        let cli = try CLIFixture.withSamples()
        let store = cli.directory.path("naravard.sqlite")
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        func readAll(_ situation: String) throws {
            for command in Self.reading {
                let started = Date()
                let result = try cli.run(command + ["--db", store])
                #expect(result.status == 0 || (command == ["check"] && result.status == 65), "\(situation): \(command): \(result.stderr)")
                #expect(Date().timeIntervalSince(started) < 5, "\(situation): \(command) waited")
                #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before, "\(situation): \(command) wrote the store")
            }
        }
        try readAll("plain")
        // Another process is writing (an open write transaction with rows in it), held until it is stopped:
        // a writer that finished on its own would be the last connection and could checkpoint into the file.
        let writer = try cli.holdWriteLock(seconds: 3600, insert: true)
        // SIGKILL: a child of the test runner may ignore SIGTERM.
        defer { kill(writer.processIdentifier, SIGKILL) }
        try readAll("while another process writes")
        kill(writer.processIdentifier, SIGKILL)
        writer.waitUntilExit()
        // The copy below takes the store file alone: everything the samples' import left in the log goes in first.
        try Self.sql(path: store, "PRAGMA wal_checkpoint(TRUNCATE);")
        // A store in a folder nobody may write to.
        guard FileFreezer.available else { return }
        let folder = try TemporaryDirectory()
        let frozen = folder.path("naravard.sqlite")
        try FileManager.default.copyItem(atPath: store, toPath: frozen)
        let copied = try Data(contentsOf: URL(fileURLWithPath: frozen))
        try FileFreezer.freeze(folder.url.path)
        defer { FileFreezer.thaw(folder.url.path) }
        let values = try cli.run("values", "--db", frozen, "--indicator", "PV01", "--period", "2025Q4")
        #expect(values.status == 0 && values.stdout.contains("PV01"), "\(values.stderr)")
        #expect(try cli.run("check", "--db", frozen).status != 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: frozen)) == copied)
    }

    @Test(.tags(.slow), .slow) func twoInitsAtOnceOnANewPathBothSucceed() async throws {
        for round in 0..<10 {
            let name = "ny-\(round).sqlite"
            let cli = cli
            async let first = cli.run("init", "--db", name)
            async let second = cli.run("init", "--db", name)
            async let third = cli.run("init", "--db", name)
            let results = try await [first, second, third]
            for result in results { #expect(result.status == 0, "round \(round): \(result.stderr)") }
            #expect(results.filter { $0.stdout.contains("definitions added") }.count == 1, "round \(round): one creates")
            #expect(try cli.run("check", "--db", name).status == 0)
        }
    }
}
