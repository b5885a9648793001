import ArgumentParser
import Foundation
import NaraVardKit

/// `--db PATH`, shared by every command; `$NARAVARD_DB` and `naravard.sqlite` are the fallbacks.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store file (default: $NARAVARD_DB, else naravard.sqlite).", valueName: "PATH"))
    var db: String?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["NARAVARD_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "naravard.sqlite"
    }

    /// A file this command may write: never the store, its `-wal`/`-shm`, or one of `inputs` (``OutputTarget``).
    func outputFile(_ path: String, inputs: [String] = []) throws -> OutputTarget {
        try OutputTarget.file(path, store: self.path, inputs: inputs)
    }

    /// The existing store, for a command that only reads it: the file is never written (no upgrade either), and
    /// a writer at work is not waited for. A missing store, a file that is not one, one of a newer naravard or
    /// one that needs an upgrade is refused with exit 66.
    func openForReading() throws -> MetricsStore {
        try refusingUnopenable { try MetricsStore.openForReading(at: path) }
    }

    /// The existing store, for a command that writes it; a store of an earlier naravard is upgraded first.
    func openForWriting() throws -> MetricsStore {
        try refusingUnopenable { try MetricsStore.openForWriting(at: path) }
    }

    /// A new store at a missing path or empty file, or the existing store (upgraded): `naravard init`.
    func create() throws -> MetricsStore {
        try refusingUnopenable { try MetricsStore.create(at: path) }
    }

    private func refusingUnopenable(_ open: () throws -> MetricsStore) throws -> MetricsStore {
        do {
            return try open()
        } catch let error as MetricsStore.OpenError {
            printError(error.description)
            throw ExitCode(ExitStatus.inputMissing)
        }
    }
}

/// The exit codes README documents.
enum ExitStatus {
    static let usage: Int32 = 64
    static let inputRefused: Int32 = 65
    static let inputMissing: Int32 = 66
}

/// Writes a line to standard error.
func printError(_ text: String) {
    // Each line with the control characters of the input escaped: nothing from a file moves the terminal's cursor.
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).escapingControlCharacters }
    FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
}

/// A request the store cannot answer as asked (an unknown indicator, area or import, a period without data):
/// one line and exit 64, without the usage text ArgumentParser adds to a `ValidationError` (which stays for
/// flags that do not go together).
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs a store request, turning "there is no such import" and the like into a usage error (exit 64).
func asUsageError<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreQueryError {
        throw UsageError(error.description)
    }
}
