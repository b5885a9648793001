import Foundation
import Testing
import TestSupport

/// Faults of the machine and of the paths given: each gives one clear line on standard error, a documented
/// exit code, and leaves the store and the output paths as they were.
@Suite struct FaultTests {
    let cli: CLIFixture

    init() throws { cli = try CLIFixture.withSamples() }

    /// What a reader sees of the store: every record and the audit log without its times.
    func state(db: String = "naravard.sqlite") throws -> String {
        let export = try cli.run("export", "--db", db, "--out", "state.csv", "--csv-dialect", "rfc4180")
        #expect(export.status == 0, "\(export.stderr)")
        let imports = try cli.run("imports", "--db", db, "--format", "csv").stdout
            .split(separator: "\n").map { $0.split(separator: ",").enumerated().filter { $0.offset != 1 }.map(\.element).joined(separator: ",") }
        return try String(contentsOfFile: cli.directory.path("state.csv"), encoding: .utf8) + imports.joined(separator: "\n")
    }

    /// Exactly one line on standard error, containing `text`.
    func expectOneLine(_ run: CLIFixture.Run, status: Int32, containing text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == status, "\(run.stderr)", sourceLocation: sourceLocation)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1 && run.stderr.contains(text), "\(run.stderr)", sourceLocation: sourceLocation)
    }

    @Test func missingFolderAndEmptyPathInputsExit66() throws {
        let before = try state()
        expectOneLine(try cli.run("ingest", "saknas.csv"), status: 66, containing: "saknas.csv: no such file")
        #expect(mkfifo(cli.directory.path("rör.csv"), 0o600) == 0)
        expectOneLine(try cli.run("ingest", "rör.csv"), status: 66, containing: "rör.csv: is not a regular file")
        try FileManager.default.createDirectory(atPath: cli.directory.path("mapp.csv"), withIntermediateDirectories: false)
        expectOneLine(try cli.run("ingest", "mapp.csv"), status: 66, containing: "mapp.csv: is a folder")
        #expect(try state() == before)
    }

    @Test(.enabled(if: getuid() != 0, "root reads every file")) func unreadableInputExits66() throws {
        try Data("indicator;area;period;value\n".utf8).write(to: cli.directory.url.appending(path: "låst.csv"))
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: cli.directory.path("låst.csv"))
        expectOneLine(try cli.run("ingest", "låst.csv"), status: 66, containing: "låst.csv: cannot be read")
    }

    @Test func outputPathsThatCannotBeWrittenLeaveNothing() throws {
        let before = try state()
        let reportsBefore = try cli.run("report", "committee", "--period", "2025Q4", "--out", "ok.xlsx")
        #expect(reportsBefore.status == 0)
        expectOneLine(try cli.run("export", "--out", "saknad-mapp/alla.csv"), status: 1, containing: "saknad-mapp")
        expectOneLine(try cli.run("report", "committee", "--out", "saknad-mapp/r.xlsx"), status: 1, containing: "saknad-mapp")
        try FileManager.default.createDirectory(atPath: cli.directory.path("mapp.xlsx"), withIntermediateDirectories: false)
        expectOneLine(try cli.run("report", "committee", "--out", "mapp.xlsx"), status: 64, containing: "mapp.xlsx: is a folder")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path("mapp.xlsx")).isEmpty)
        #expect(try cli.directory.contents().filter { $0.hasPrefix(".") || $0.hasSuffix(".tmp") }.isEmpty, "no temporary files left")
        #expect(try state() == before)
    }

    @Test(.enabled(if: FileFreezer.available, "needs chattr (root) or a non-root user"))
    func readOnlyStoreRefusesWritesAndStillReads() throws {
        let before = try state()
        try Synth.counts(indicators: ["PV01"], quarters: 4, seed: 1, to: cli.directory.url.appending(path: "extra.csv"))
        try FileFreezer.freeze(cli.directory.path("naravard.sqlite"))
        defer { FileFreezer.thaw(cli.directory.path("naravard.sqlite")) }
        expectOneLine(try cli.run("ingest", "extra.csv"), status: 1, containing: "naravard.sqlite: the store is read-only")
        #expect(try cli.run("values", "--indicator", "PV01", "--period", "2025Q4").status == 0)
        FileFreezer.thaw(cli.directory.path("naravard.sqlite"))
        #expect(try state() == before)
    }

    @Test(.tags(.slow), .slow) func storeLockedByAnotherWriterWaitsThenGivesUpCleanly() throws {
        try Synth.counts(indicators: ["PV01"], quarters: 4, seed: 1, to: cli.directory.url.appending(path: "extra.csv"))
        let before = try state()
        // Another writer holds the write lock for 2 s: the ingest waits for it and succeeds.
        let shortLock = try cli.holdWriteLock(seconds: 2)
        let waited = try cli.run("ingest", "extra.csv")
        shortLock.waitUntilExit()
        #expect(waited.status == 0, "\(waited.stderr)")
        // Held longer than the busy timeout (10 s): the ingest gives up in one line and writes nothing.
        let after = try state()
        let longLock = try cli.holdWriteLock(seconds: 13)
        try Synth.counts(indicators: ["PV01"], quarters: 4, seed: 2, to: cli.directory.url.appending(path: "extra.csv"))
        let refused = try cli.run("ingest", "extra.csv")
        longLock.waitUntilExit()
        expectOneLine(refused, status: 1, containing: "naravard.sqlite: locked by another naravard")
        #expect(try state() == after)
        #expect(after != before)
    }

    @Test(.enabled(if: SmallDisk.available, "needs permission to mount a tmpfs"))
    func fullDiskRefusesTheImportAndTheReportWhole() throws {
        // Room for the store and half a megabyte more.
        let size = try #require(try FileManager.default.attributesOfItem(atPath: cli.directory.path("naravard.sqlite"))[.size] as? Int)
        let disk = try SmallDisk(at: cli.directory.path("disk"), bytes: size + (512 << 10))
        defer { disk.unmount() }
        let store = "disk/naravard.sqlite"
        try FileManager.default.copyItem(atPath: cli.directory.path("naravard.sqlite"), toPath: cli.directory.path(store))
        let before = try state(db: store)
        try Synth.counts(indicators: ["PV01", "OV01", "PC05", "PV03"], quarters: 400, seed: 3, to: cli.directory.url.appending(path: "big.csv"))
        expectOneLine(try cli.run("ingest", "--db", store, "big.csv"), status: 1, containing: "the disk is full")
        #expect(try state(db: store) == before)
        #expect(try cli.run("check", "--db", store, "--indicator", "PV01").status != 1, "integrity ok")

        // Fill the disk, then ask for a workbook there: no file, no temporary file.
        try? Data(count: 1 << 20).write(to: cli.directory.url.appending(path: "disk/fill"))
        let report = try cli.run("report", "committee", "--period", "2025Q4", "--out", "disk/r.xlsx")
        #expect(report.status == 1, "\(report.stderr)")
        // libxlsxwriter prints its own "[ERROR] workbook_close(): …" line before ours.
        #expect(report.stderr.split(separator: "\n").last?.hasPrefix("disk/r.xlsx: the workbook was not written (") == true, "\(report.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path("disk")).filter { $0 != "fill" && !$0.hasPrefix("naravard.sqlite") } == [])
    }
}

/// Makes a file unwritable even for root: `chattr +i` when running as root, else permissions.
enum FileFreezer {
    static let available: Bool = {
        guard getuid() == 0 else { return true }
        guard let probe = try? makeTemporaryDirectory().appending(path: "probe").path,
              FileManager.default.createFile(atPath: probe, contents: nil) else { return false }
        defer { thaw(probe); try? FileManager.default.removeItem(atPath: probe) }
        return (try? freeze(probe)) != nil
    }()

    static func freeze(_ path: String) throws {
        if getuid() == 0 {
            guard runTool("/usr/bin/chattr", ["+i", path]) else { throw CocoaError(.fileWriteNoPermission) }
        } else {
            try FileManager.default.setAttributes([.posixPermissions: isFolder(path) ? 0o555 : 0o444], ofItemAtPath: path)
        }
    }

    static func thaw(_ path: String) {
        if getuid() == 0 { _ = runTool("/usr/bin/chattr", ["-i", path]) }
        try? FileManager.default.setAttributes([.posixPermissions: isFolder(path) ? 0o755 : 0o644], ofItemAtPath: path)
    }

    private static func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }
}

/// A tmpfs of a few megabytes mounted on a folder, to fill up.
struct SmallDisk {
    let path: String

    static let available: Bool = {
        guard let probe = try? makeTemporaryDirectory().path, let disk = try? SmallDisk(at: probe, bytes: 1 << 20) else { return false }
        disk.unmount()
        return true
    }()

    init(at path: String, bytes: Int) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard runTool("/bin/mount", ["-t", "tmpfs", "-o", "size=\(bytes)", "tmpfs", path]) else { throw CocoaError(.fileWriteNoPermission) }
        self.path = path
    }

    func unmount() { _ = runTool("/bin/umount", [path]) }
}

/// Runs a system tool quietly; true when it succeeded.
private func runTool(_ tool: String, _ arguments: [String]) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}
