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

    /// The existing store; a missing one is refused with exit 66 and a hint to run `naravard init`.
    func open() throws -> MetricsStore {
        do {
            return try MetricsStore.open(at: path)
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

/// Runs a store request, turning "there is no such import" and the like into a usage error (exit 64).
func asUsageError<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreQueryError {
        throw ValidationError(error.description)
    }
}
