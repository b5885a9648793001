import Foundation

/// Runs the built `naravard` binary as users and scripts do, in a temporary directory of its own: the shared
/// fixture of the end-to-end suites (argument-parser's habit of testing the built binary).
///
/// ```swift
/// @Suite struct ValuesCLITests {
///     let cli = try CLIFixture.withSamples()
///     @Test func json() throws {
///         let result = try cli.run("values", "--indicator", "PV01", "--format", "json")
///         #expect(result.status == 0, "\(result.stderr)")
///     }
/// }
/// ```
public struct CLIFixture: Sendable {
    /// The working directory of every run; the store is `naravard.sqlite` in it unless `--db` says otherwise.
    public let directory: TemporaryDirectory

    /// A fixture with a fresh, empty directory and no store.
    public init() throws { directory = try TemporaryDirectory() }

    /// What a run left: its exit status and everything it printed.
    public struct Run: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The `naravard` binary beside the test bundle.
    public static var binary: URL {
        // Bundle.main is the test bundle in .build/<triple>/debug (or that folder); the binary sits there.
        let bundle = Bundle.main.bundleURL
        return (bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle).appending(path: "naravard")
    }

    /// The repository's `Examples/` folder.
    public static var examples: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../../Examples").standardized
    }

    /// The bundled report definitions (`Reports/`).
    public static var definitions: URL { examples.deletingLastPathComponent().appending(path: "Reports") }

    /// The bundled sample files in `Examples/`.
    public static let samples = ["kvartalsdata-kommuner.csv", "kvartalsdata-koder.csv", "arsdata.csv", "kolada.json"]

    /// A fresh store with the sample data loaded (`init`, then `ingest --ignore-unknown-areas` of ``samples``).
    public static func withSamples() throws -> CLIFixture {
        let cli = try CLIFixture()
        try cli.run("init")
        let loaded = try cli.run(["ingest", "--ignore-unknown-areas"] + samples.map { examples.appending(path: $0).path })
        guard loaded.status == 0 else { throw FixtureError(description: "the samples did not load: \(loaded.stderr)") }
        return cli
    }

    /// Runs `naravard` with these arguments in ``directory``, without `$NARAVARD_DB` unless `environment` sets it.
    @discardableResult
    public func run(_ arguments: String..., environment: [String: String] = [:]) throws -> Run {
        try run(arguments, environment: environment)
    }

    /// Runs `naravard` with these arguments in ``directory``, without `$NARAVARD_DB` unless `environment` sets it.
    @discardableResult
    public func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
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

    /// Another process (Python's sqlite3) that takes the store's write lock and holds it, as an ingest does;
    /// with `insert`, its transaction has written a row. Returns once it has the lock.
    public func holdWriteLock(seconds: Int, insert: Bool = false, db: String = "naravard.sqlite") throws -> Process {
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

/// The fixture could not be set up.
struct FixtureError: Error, CustomStringConvertible {
    var description: String
}
