import ArgumentParser
import Foundation
import NaraVardKit

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Load long CSV and Kolada JSON files: all or nothing, idempotent, audited.",
        discussion: """
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
    @Flag(help: "Print the summary as one JSON object on standard output.") var json = false
    @Option(help: "A note for the audit log.") var note: String?
    @Flag(help: "Import the valid rows; write the rejected ones with their reason to --rejects.") var skipInvalid = false
    @Option(help: ArgumentHelp("Where --skip-invalid writes rejected rows (default: beside the first input, .rejects.csv).", valueName: "PATH"))
    var rejects: String?
    @Flag(help: "Skip rows for areas outside the geography (counted as ignored).") var ignoreUnknownAreas = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file to ingest") }
        if rejects != nil, !skipInvalid { throw ValidationError("--rejects needs --skip-invalid") }
    }

    func run() throws {
        let metrics = try store.open()
        var options = IngestOptions()
        options.dryRun = dryRun
        options.note = note
        options.skipInvalid = skipInvalid
        options.ignoreUnknownAreas = ignoreUnknownAreas
        if skipInvalid {
            let first = URL(fileURLWithPath: files[0])
            options.rejectsURL = rejects.map { URL(fileURLWithPath: $0) }
                ?? first.deletingPathExtension().appendingPathExtension("rejects.csv")
        }
        let result: IngestResult
        do {
            result = try metrics.ingest(files.map { URL(fileURLWithPath: $0) }, options: options) { progress in
                let percent = progress.bytesTotal > 0 ? " (\(100 * progress.bytesRead / progress.bytesTotal) %)" : ""
                printError("\(progress.file): \(progress.rows) rows\(percent)")
            }
        } catch let error as InputFileError {
            printError(error.description)
            if json { print(IngestSummary().json) }
            throw ExitCode(ExitStatus.inputMissing)
        }
        printSummary(result, json: json, dryRun: dryRun)
        if !json, skipInvalid, result.summary.rejected > 0, let url = options.rejectsURL {
            print("rejected rows written to \(url.relativePath)")
        }
        if result.refused { throw ExitCode(ExitStatus.inputRefused) }
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
