import ArgumentParser
import Foundation
import NaraVardKit

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Load long CSV and Kolada JSON files: all or nothing, idempotent, audited.",
        discussion: """
            Excel .xlsx: the first sheet (or --sheet NAME) in the same long layout as CSV, or a workbook written by \
            `export --format xlsx --layout wide`, read sheet by sheet. \
            CSV: delimiter ; , or tab; decimal comma or point; UTF-8 (with or without BOM), Windows-1252 or \
            UTF-16 with BOM; a quote left open refuses the file, a row with more fields than the header is rejected; \
            columns indicator|indikator, area|område|kommun|kod, period, value|värde, numerator|täljare, \
            denominator|nämnare, gender|kön, status, note. Any rejected row refuses the whole import (exit 65) \
            unless --skip-invalid.
            """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "CSV or Kolada JSON files.") var files: [String]
    @Flag(help: "Check and count, write nothing.") var dryRun = false
    @OptionGroup var output: SummaryOption
    @Option(help: "A note for the audit log.") var note: String?
    @Option(help: ArgumentHelp("The sheet of .xlsx inputs to read (default: the first; a wide export is read whole).", valueName: "NAME"))
    var sheet: String?
    @OptionGroup var skipping: SkipInvalidOptions
    @Flag(help: "Skip rows for areas outside the geography (counted as ignored).") var ignoreUnknownAreas = false
    @Flag(help: "Accept a value given without counts over stored counts it disagrees with (the counts are dropped, with a warning).")
    var replaceCounts = false
    @Flag(help: "With --dry-run: first list every key the import would change, as `naravard changes` does.") var changes = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file to ingest") }
        try skipping.check()
        if changes, !dryRun || output.json { throw ValidationError("--changes lists the changes of a --dry-run as a table (without --json)") }
    }

    func run() throws {
        var options = IngestOptions()
        try skipping.apply(to: &options, store: store, inputs: files)
        let metrics = try store.openForWriting()
        options.dryRun = dryRun
        options.note = note
        options.sheet = sheet
        options.ignoreUnknownAreas = ignoreUnknownAreas
        options.replaceCounts = replaceCounts
        options.listChanges = changes
        let result: IngestResult
        do {
            result = try metrics.ingest(files.map { URL(fileURLWithPath: $0) }, options: options) { progress in
                let percent = progress.bytesTotal > 0 ? " (\(100 * progress.bytesRead / progress.bytesTotal) %)" : ""
                printError("\(progress.file): \(progress.rows) rows\(percent)")
            }
        } catch let error as InputFileError {
            if output.json { print(IngestSummary().json) }
            throw error
        }
        if changes, !result.refused { try OutputTable(columns: ChangesCommand.columns, rows: result.changes.map(ChangesCommand.row)).print(.table) }
        printSummary(result, json: output.json, dryRun: dryRun)
        skipping.tell(result, options: options, json: output.json)
        if result.refused { throw CommandError.told(.refusedInput) }
    }
}

/// `--skip-invalid [--rejects PATH]`, as `ingest` and `agreements ingest` take them.
struct SkipInvalidOptions: ParsableArguments {
    @Flag(help: "Import the valid rows; write the rejected ones with their reason to --rejects.") var skipInvalid = false
    @Option(help: ArgumentHelp("Where --skip-invalid writes rejected rows (default: beside the first input, .rejects.csv).", valueName: "PATH"))
    var rejects: String?

    /// For the command's `validate()`.
    func check() throws {
        if rejects != nil, !skipInvalid { throw ValidationError("--rejects needs --skip-invalid") }
    }

    /// Sets ``IngestOptions/skipInvalid`` and the rejects file, checked before the store is opened.
    func apply(to options: inout IngestOptions, store: StoreOptions, inputs: [String]) throws {
        options.skipInvalid = skipInvalid
        guard skipInvalid else { return }
        let path = rejects ?? URL(fileURLWithPath: inputs[0]).deletingPathExtension().appendingPathExtension("rejects.csv").relativePath
        options.rejects = try store.outputFile(path, inputs: inputs)
    }

    /// Where the rejected rows went, after the summary (not with `--json`, nor in a dry run).
    func tell(_ result: IngestResult, options: IngestOptions, json: Bool) {
        if !json, !options.dryRun, result.summary.rejected > 0, let target = options.rejects {
            print("rejected rows written to \(target.path)")
        }
    }
}

/// Prints an ingest's warnings and problems (standard error) and its summary line or JSON object.
func printSummary(_ result: IngestResult, json: Bool, dryRun: Bool) {
    for warning in result.warnings { printError(warning.description) }
    for diagnostic in result.diagnostics { printError(diagnostic.description) }
    if result.diagnosticCount > result.diagnostics.count {
        printError("… and \(result.diagnosticCount - result.diagnostics.count) more problems")
    }
    if json {
        print(result.summary.json)
    } else {
        let what = result.refused ? "refused, nothing written" : dryRun ? "dry run, nothing written" : "import \(result.summary.importID ?? 0)"
        print("\(what): \(result.summary)")
    }
}
