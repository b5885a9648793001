import Foundation
import Testing
import TestSupport

/// Every command that writes a file may write only a new file or an existing regular file: a folder, the store,
/// an input, a device, a FIFO or a dangling link is refused in one line (exit 64) and left as it was.
@Suite struct OutputPathTests {
    let cli: CLIFixture

    init() throws { cli = try CLIFixture.withSamples() }

    /// What sits at a path: the kind of file and, for a file, its bytes; for a folder, its entries.
    func snapshot(_ name: String) -> String {
        let path = cli.directory.path(name)
        var info = stat()
        guard lstat(path, &info) == 0 else { return "missing" }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: return "link to " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")
        case S_IFDIR: return "folder " + ((try? FileManager.default.contentsOfDirectory(atPath: path).sorted().joined(separator: ",")) ?? "?")
        case S_IFREG: return "file " + ((FileManager.default.contents(atPath: path)).map { "\($0.count) \($0.hashValue)" } ?? "?")
        default: return "special \(info.st_mode & S_IFMT)"
        }
    }

    /// A target refused by rule: exit 64, one line naming the reason, and the target, the store and the inputs
    /// as they were.
    @Test(arguments: [
        // (what the target is, the command; TARGET stands for the path)
        ("a folder", ["export", "--out", "mapp"]),
        ("a folder", ["export", "--format", "xlsx", "--out", "mapp"]),
        ("a folder", ["report", "committee", "--out", "mapp"]),
        ("a folder", ["export", "--out", "."]),
        ("a folder", ["export", "--out", "./"]),
        ("an empty path", ["export", "--out", ""]),
        ("the store", ["export", "--out", "naravard.sqlite"]),
        ("the store", ["export", "--format", "xlsx", "--out", "naravard.sqlite"]),
        ("the store", ["report", "committee", "--out", "naravard.sqlite"]),
        ("the store", ["report", "polsam", "--out", "./naravard.sqlite"]),
        ("the store", ["export", "--out", "naravard.sqlite-wal"]),
        ("the store", ["export", "--out", "naravard.sqlite-shm"]),
        ("the store", ["ingest", "--skip-invalid", "--dry-run", "--rejects", "naravard.sqlite", "indata.csv"]),
        ("the store", ["ingest", "--skip-invalid", "--rejects", "länk-till-lagret", "indata.csv"]),
        ("an input", ["ingest", "--skip-invalid", "--rejects", "indata.csv", "indata.csv"]),
        ("an input", ["report", "committee", "--definition", "def.yaml", "--out", "def.yaml"]),
        ("a FIFO", ["export", "--out", "rör"]),
        ("a device", ["export", "--out", "/dev/null"]),
        ("a dangling link", ["export", "--out", "trasig-länk"]),
        ("a file, not a report folder", ["report", "committee", "--format", "csv", "--out", "indata.csv"]),
        ("a folder with other files", ["report", "committee", "--format", "csv", "--out", "mapp"]),
        ("a link as report folder", ["report", "committee", "--format", "csv", "--out", "länk-till-mapp"]),
    ])
    func refusedTargetsAreLeftAsTheyWere(what: String, arguments: [String]) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: cli.directory.path("mapp"), withIntermediateDirectories: false)
        try Data("behåll mig\n".utf8).write(to: cli.directory.url.appending(path: "mapp/fil.txt"))
        try Data("indicator;area;period;value\nPV01;2580;2024Q1;abc\n".utf8).write(to: cli.directory.url.appending(path: "indata.csv"))
        try fm.copyItem(at: CLIFixture.definitions.appending(path: "committee.yaml"), to: cli.directory.url.appending(path: "def.yaml"))
        #expect(mkfifo(cli.directory.path("rör"), 0o600) == 0)
        try fm.createSymbolicLink(atPath: cli.directory.path("trasig-länk"), withDestinationPath: "finns-inte.csv")
        try fm.createSymbolicLink(atPath: cli.directory.path("länk-till-lagret"), withDestinationPath: "naravard.sqlite")
        try fm.createSymbolicLink(atPath: cli.directory.path("länk-till-mapp"), withDestinationPath: "tom-mapp")
        try fm.createDirectory(atPath: cli.directory.path("tom-mapp"), withIntermediateDirectories: false)
        let names = try cli.directory.contents().sorted()
        let before = names.map(snapshot)

        let run = try cli.run(arguments)
        #expect(run.status == 64, "\(what): \(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "\(what): \(run.stderr)")
        #expect(run.stderr.contains("nothing was written"), "\(what): \(run.stderr)")
        #expect(try cli.directory.contents().sorted() == names, "\(what): no file added or removed")
        #expect(names.map(snapshot) == before, "\(what): every file as it was")
    }

    @Test func aLinkToAFileIsFollowedAndStaysALink() throws {
        try Data("gammal\n".utf8).write(to: cli.directory.url.appending(path: "riktig.csv"))
        try FileManager.default.createSymbolicLink(atPath: cli.directory.path("länk.csv"), withDestinationPath: "riktig.csv")
        let run = try cli.run("export", "--out", "länk.csv")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(snapshot("länk.csv") == "link to riktig.csv")
        let written = try String(contentsOfFile: cli.directory.path("riktig.csv"), encoding: .utf8)
        #expect(written.contains("indicator;area;period"))
    }

    @Test func aMissingFolderIsNamed() throws {
        let run = try cli.run("export", "--out", "saknas/alla.csv")
        #expect(run.status == 1)
        #expect(run.stderr.contains("the folder saknas does not exist"), "\(run.stderr)")
        #expect(!run.stderr.contains("permission denied"))
    }

    @Test func dryRunWritesNoRejectsFile() throws {
        try Data("indicator;area;period;value\nPV01;2580;2024Q1;abc\nPV01;2580;2024Q2;33\n".utf8)
            .write(to: cli.directory.url.appending(path: "indata.csv"))
        // SQLite's working files of the store (-wal, -shm) come and go with any connection: not the dry run's.
        func files() throws -> [String] { try cli.directory.contents().filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }.sorted() }
        let names = try files()
        let run = try cli.run("ingest", "--skip-invalid", "--dry-run", "indata.csv")
        #expect(run.status == 0, "\(run.stderr)")
        let after = try files()
        #expect(after == names, "a dry run writes no file at all: \(names) before, \(after) after")
        let real = try cli.run("ingest", "--skip-invalid", "indata.csv")
        #expect(real.status == 0, "\(real.stderr)")
        #expect(cli.directory.exists("indata.rejects.csv"))
    }

    /// A report folder is replaced whole: the second report's files replace the first's, a killed run's staging
    /// folder and files are removed by the next run, and nothing else is left beside it.
    @Test func reportFoldersAreReplacedWholeAndLeftoversRemoved() throws {
        let first = try cli.run("report", "committee", "--format", "csv", "--out", "rapport")
        #expect(first.status == 0, "\(first.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path("rapport")).sorted()
        #expect(files.contains(".naravard-report") && files.contains("data.csv"))
        // What a run killed midway leaves: a staging folder and a staging file under a process id that is gone.
        let gone = 999_999
        try FileManager.default.createDirectory(atPath: cli.directory.path(".rapport.\(gone).tmp"), withIntermediateDirectories: false)
        try Data("halv".utf8).write(to: cli.directory.url.appending(path: ".alla.csv.\(gone).tmp"))
        try Data("halv".utf8).write(to: cli.directory.url.appending(path: "..u.xlsx.\(gone).tmp.1f2e.tmp"))

        let second = try cli.run("report", "committee", "--format", "csv", "--out", "rapport")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path("rapport")).sorted() == files)
        #expect(try cli.run("export", "--out", "alla.csv").status == 0)
        #expect(try cli.run("report", "committee", "--out", "u.xlsx").status == 0)
        let hidden = try cli.directory.contents().filter { $0.hasPrefix(".") }
        #expect(hidden.isEmpty, "left over: \(hidden)")
        let log = try cli.run("imports", "--format", "csv")
        #expect(log.status == 0)
    }
}
