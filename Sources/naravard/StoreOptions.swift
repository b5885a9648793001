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
        try MetricsStore.openForReading(at: path)
    }

    /// The existing store, for a command that writes it; a store of an earlier naravard is upgraded first.
    func openForWriting() throws -> MetricsStore {
        try MetricsStore.openForWriting(at: path)
    }

    /// A new store at a missing path or empty file, or the existing store (upgraded): `naravard init`.
    func create() throws -> MetricsStore {
        try MetricsStore.create(at: path)
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    // Each line with the control characters of the input escaped: nothing from a file moves the terminal's cursor.
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).escapingControlCharacters }
    FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
}

// MARK: - Commands that name the store

extension InitCommand: StoreCommand {}
extension IngestCommand: StoreCommand {}
extension ValuesCommand: StoreCommand {}
extension ExportCommand: StoreCommand {}
extension CheckCommand: StoreCommand {}
extension TrendsCommand: StoreCommand {}
extension ShiftsCommand: StoreCommand {}
extension CompareCommand: StoreCommand {}
extension StatusCommand: StoreCommand {}
extension ChangesCommand: StoreCommand {}
extension TemplateCommand: StoreCommand {}
extension CatalogCommand.List: StoreCommand {}
extension CatalogCommand.Show: StoreCommand {}
extension CatalogCommand.Load: StoreCommand {}
extension ImportsCommand.List: StoreCommand {}
extension ImportsCommand.Revert: StoreCommand {}
extension AgreementsCommand.Show: StoreCommand {}
extension AgreementsCommand.Load: StoreCommand {}
extension AgreementsCommand.Ingest: StoreCommand {}
extension ReportCommand.Committee: StoreCommand { var store: StoreOptions { options.store } }
extension ReportCommand.Polsam: StoreCommand { var store: StoreOptions { options.store } }
