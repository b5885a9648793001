import ArgumentParser
import Foundation
import NaraVardKit

struct AgreementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreements",
        abstract: "The national agreements' money: allocated, decided and spent per insatsområde.",
        subcommands: [Show.self, Load.self, Ingest.self],
        defaultSubcommand: Show.self
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Per agreement and insatsområde: allocated, decided, spent, remaining, percent used and the linked indicators' county trends.")
        @OptionGroup var store: StoreOptions
        @Option(help: "Only the agreements of this year.") var year: Int?
        @OptionGroup var asOf: AsOfOption
        @OptionGroup var output: FormatOption

        func run() throws {
            let metrics = try store.openForReading()
            let asOf = try self.asOf.snapshot(in: metrics)
            let followUp = try metrics.agreementFollowUp(year: year, asOf: asOf)
            let columns = ["agreement", "year", "insatsomrade", "shift", "allocated", "joint_allocated", "decided", "spent",
                           "remaining", "percent_used", "indicators"]
            let rows: [[Cell]] = followUp.lines.map { line in
                let trends = line.trends.map { linked in
                    let trend = linked.trend ?? .tooFewPoints
                    return output.format == .table ? "\(linked.indicator) \(trend.arrow(better: linked.better)) \(trend.rawValue)"
                        : "\(linked.indicator):\(trend.rawValue)"
                }
                return [.text(line.agreement.id), .integer(Int64(line.agreement.year)), .text(line.area?.id ?? (output.format == .table ? "(total)" : nil)),
                        .integer(line.area?.shift.map(Int64.init)), .integer(line.allocated), .integer(line.jointAllocated),
                        .integer(line.decided), .number(line.spent), .number(line.remaining),
                        .number(line.percentUsed.map { output.format == .table ? $0.rounded(toPlaces: 1) : $0 }),
                        .text(trends.joined(separator: output.format == .table ? ", " : ";"))]
            }
            try OutputTable(columns: columns, rows: rows).print(output.format)
        }
    }

    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add or update agreements and decided activities from YAML files or folders (recorded as an import).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "YAML files, or folders of them.") var paths: [String]
        @Option(help: "A note for the audit log.") var note: String?
        @OptionGroup var output: SummaryOption

        func validate() throws {
            if paths.isEmpty { throw ValidationError("give at least one file or folder to load") }
        }

        func run() throws {
            for path in paths where !FileManager.default.fileExists(atPath: path) { throw CommandError.missing(path) }
            let metrics = try store.openForWriting()
            let summary: CatalogLoadSummary
            do {
                let book = try AgreementBook.read(paths: paths.map { URL(fileURLWithPath: $0) })
                for warning in book.warnings { printError(warning.description) }
                summary = try metrics.loadAgreements(book, note: note)
            } catch let error as Diagnostics {
                throw CommandError.refused(error, "refused, nothing loaded: \(error.total) problem\(error.total == 1 ? "" : "s")")
            }
            for warning in summary.warnings { printError(warning.description) }
            try printSummary(summary, json: output.json)
        }
    }

    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load money used per activity and quarter from CSV: all or nothing, idempotent, audited.",
            discussion: """
                Columns activity|aktivitet, period (a quarter: 2022Q3, 2022K3, 2022 kv3), spent|förbrukat|utfall (kronor), \
                note|anmärkning; delimiter ; , or tab; decimal comma or point; UTF-8, Windows-1252 or UTF-16 with BOM. Any rejected row \
                refuses the whole import (exit 65) unless --skip-invalid.
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "CSV files.") var files: [String]
        @Flag(help: "Check and count, write nothing.") var dryRun = false
        @OptionGroup var output: SummaryOption
        @Option(help: "A note for the audit log.") var note: String?
        @OptionGroup var skipping: SkipInvalidOptions

        func validate() throws {
            if files.isEmpty { throw ValidationError("give at least one file to ingest") }
            try skipping.check()
        }

        func run() throws {
            var options = IngestOptions()
            try skipping.apply(to: &options, store: store, inputs: files)
            let metrics = try store.openForWriting()
            options.dryRun = dryRun
            options.note = note
            let result: IngestResult
            do {
                result = try metrics.ingestAgreementUse(files.map { URL(fileURLWithPath: $0) }, options: options)
            } catch let error as InputFileError {
                if output.json { print(IngestSummary().json) }
                throw error
            }
            printSummary(result, json: output.json, dryRun: dryRun)
            skipping.tell(result, options: options, json: output.json)
            if result.refused { throw CommandError.told(.refusedInput) }
        }
    }
}
