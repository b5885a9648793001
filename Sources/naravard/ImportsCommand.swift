import ArgumentParser
import Foundation
import NaraVardKit

struct ImportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imports",
        abstract: "The audit log of imports, catalogue loads and reverts.",
        subcommands: [List.self, Revert.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every import with its files and SHA-256.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOption

        func run() throws {
            let records = try store.openForReading().imports()
            if output.format == .json {
                let objects = records.map { record in
                    let files = record.files.map {
                        "{\"path\": \(jsonString($0.path)), \"sha256\": \(jsonString($0.sha256)), \"rows\": \($0.rows)}"
                    }.joined(separator: ", ")
                    let summary = record.summary
                    return "  {\"import_id\": \(record.id), \"kind\": \(jsonString(record.kind)), \"time\": \(jsonString(record.createdAt)), "
                        + "\"note\": \(record.note.map(jsonString) ?? "null"), \"imported\": \(summary.imported), \"updated\": \(summary.updated), "
                        + "\"unchanged\": \(summary.unchanged), \"ignored\": \(summary.ignored), \"rejected\": \(summary.rejected), "
                        + "\"reverts\": \(record.reverts.map(String.init) ?? "null"), \"files\": [\(files)]}"
                }
                print(objects.isEmpty ? "[]" : "[\n" + objects.joined(separator: ",\n") + "\n]")
                return
            }
            let rows: [[Cell]] = records.map { record in
                let summary = record.summary
                return [.integer(record.id), .text(record.createdAt), .text(record.kind),
                        .integer(Int64(summary.imported)), .integer(Int64(summary.updated)), .integer(Int64(summary.unchanged)),
                        .integer(Int64(summary.ignored)), .integer(Int64(summary.rejected)),
                        .text(fileSummary(record.files)),
                        .text(record.note)]
            }
            try OutputTable(
                columns: ["id", "time", "kind", "imported", "updated", "unchanged", "ignored", "rejected", "files", "note"],
                rows: rows
            ).print(output.format)
        }
    }

    struct Revert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Withdraw an import: a new import restores the state before it, keeping what later imports changed.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The import to withdraw.") var importID: Int64
        @Option(help: "A note for the audit log.") var note: String?
        @OptionGroup var output: SummaryOption

        func run() throws {
            let result = try store.openForWriting().revert(importID, note: note)
            print(output.json ? result.json : "import \(result.summary.importID ?? 0) reverts import \(importID): \(result)")
        }
    }
}

/// The files of an import in a few words: their names, or a count when there are many.
private func fileSummary(_ files: [ImportRecord.File]) -> String {
    if files.count > 3 { return "\(files.count) files" }
    return files.map { ($0.path as NSString).lastPathComponent + " " + $0.sha256.prefix(8) }.joined(separator: ", ")
}
