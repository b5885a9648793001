import Foundation
import GRDB

/// How an ingest runs.
public struct IngestOptions: Sendable {
    public var dryRun = false
    public var note: String?
    /// Import the valid rows and write the rejected ones to ``rejects`` (not in a dry run, which writes no file).
    public var skipInvalid = false
    public var rejects: OutputTarget?
    /// The sheet of an `.xlsx` input to read (default: the first; a wide export's value sheets are all read).
    public var sheet: String?
    /// Skip (and count as ignored) rows for areas outside the geography.
    public var ignoreUnknownAreas = false
    /// Accept a value given without counts for a record stored with counts it disagrees with: the counts are
    /// dropped, with a warning naming the aggregates that can no longer be computed. Without it such a row is
    /// refused (a value that agrees with the stored counts is `unchanged` either way).
    public var replaceCounts = false
    /// How many problems to keep for printing; the rest are counted.
    public var diagnosticLimit = 200
    /// Reading stops after this many rejected rows when the import is refused anyway (no `--skip-invalid`),
    /// or when no row has been accepted: an endless or wrong input stops instead of being read to its end.
    public var rejectionLimit = 10_000
    /// In a dry run: list in ``IngestResult/changes`` what the import would change, before rolling back.
    package var listChanges = false

    public init() {}
}

/// The import summary: `imported N, updated N, unchanged N, ignored N, rejected N`.
public struct IngestSummary: Sendable, Equatable, CustomStringConvertible {
    /// Nil for a dry run or a refused import.
    public var importID: Int64?
    public var imported = 0
    public var updated = 0
    public var unchanged = 0
    public var ignored = 0
    public var rejected = 0
    /// Warnings printed (values breaking from their series, unused columns, …): they never refuse an import.
    public var warnings = 0

    public init() {}

    /// One JSON object, keys in the documented order: `{"import_id": 12, "imported": n, …}`.
    package var json: String {
        "{\"import_id\": \(importID.map(String.init) ?? "null"), \"imported\": \(imported), \"updated\": \(updated), "
            + "\"unchanged\": \(unchanged), \"ignored\": \(ignored), \"rejected\": \(rejected), \"warnings\": \(warnings)}"
    }

    public var description: String {
        "imported \(imported), updated \(updated), unchanged \(unchanged), ignored \(ignored), rejected \(rejected)"
    }
}

/// What an ingest did, and every problem it found.
public struct IngestResult: Sendable {
    public var summary = IngestSummary()
    /// Problems, capped at ``IngestOptions/diagnosticLimit``.
    public var diagnostics: [Diagnostic] = []
    public var diagnosticCount = 0
    public var warnings: [Diagnostic] = []
    /// True when rows were rejected and so nothing was written.
    public var refused = false
    /// With ``IngestOptions/listChanges`` in a dry run: every key the import would change (`importID` nil).
    package var changes: [RecordChange] = []

    /// Refused by an input that cannot be read on: its problem comes last, and nothing counts as written.
    mutating func stop(_ stop: InputStopped) {
        diagnostics.append(stop.diagnostic)
        diagnosticCount += 1
        if stop.rejectsARecord { summary.rejected += 1 }
        (summary.imported, summary.updated, summary.unchanged) = (0, 0, 0)
        refused = true
    }
}

/// Progress of a long ingest, reported now and then.
public struct IngestProgress: Sendable {
    public var file: String
    public var rows: Int
    public var bytesRead: Int
    public var bytesTotal: Int
}

extension MetricsStore {
    /// Reads long CSV and Kolada JSON files and stores them in one transaction.
    ///
    /// All or nothing by default: if any row is rejected, nothing is written, not even an audit record.
    /// A changed value adds a revision; an identical record is counted as unchanged.
    public func ingest(
        _ urls: [URL], options: IngestOptions = IngestOptions(),
        progress: (@Sendable (IngestProgress) -> Void)? = nil
    ) throws -> IngestResult {
        try InputFileError.check(urls)
        let catalog = try catalog()
        var indicators: [String: Indicator] = [:]
        var indicatorForKPI: [String: String] = [:]
        for indicator in catalog.indicators {
            indicators[indicator.id] = indicator
            if let kpi = indicator.kolada { indicatorForKPI[kpi] = indicator.id }
        }
        let validator = RecordValidator(
            indicators: indicators, areas: AreaResolver(catalog.geography.areas),
            ignoreUnknownAreas: options.ignoreUnknownAreas)

        var result = IngestResult()
        let rejects = try options.openRejects()

        try dbWriter.writeWithoutTransaction { db in
            try db.inTransaction {
                let importID = try Self.insertImport(db, kind: "ingest", note: options.note)
                let writer = try ObservationWriter(db: db, importID: importID, catalog: catalog)
                writer.replaceCounts = options.replaceCounts
                let checker = RecordChecker(validator: validator, keys: writer.keys, options: options, rejects: rejects,
                                            files: urls.map(\.relativePath))
                let files: [ImportedFile]
                do {
                    files = try Self.readAndWrite(urls, indicatorForKPI: indicatorForKPI, checker: checker, writer: writer,
                                                  progress: progress)
                } catch let stop as InputStopped {
                    result.diagnostics = checker.sortedDiagnostics
                    result.diagnosticCount = checker.diagnosticCount
                    result.summary.rejected = checker.rejected
                    result.stop(stop)
                    return .rollback
                }
                if writer.hasConflicts {
                    // Report every row of a key given twice with different values: a second pass finds them.
                    checker.startRecheck()
                    try Self.readRecords(urls, indicatorForKPI: indicatorForKPI, checker: checker, progress: nil) { record, fields in
                        try checker.recheck(record, fields: fields, conflicts: writer.conflicts)
                    }
                }
                try writer.finish()
                try checker.countCorrections(writer.countCorrections, catalog: catalog, replaced: options.replaceCounts)
                checker.seriesBreaks(writer.seriesBreaks)
                result.warnings = checker.warnings
                result.diagnostics = checker.sortedDiagnostics
                result.diagnosticCount = checker.diagnosticCount
                result.summary = writer.summary
                result.summary.ignored = checker.ignored
                result.summary.rejected += checker.rejected
                if result.summary.rejected > 0, !options.skipInvalid {
                    // The valid rows were written as they came, and are now taken back with the rest.
                    (result.summary.imported, result.summary.updated, result.summary.unchanged) = (0, 0, 0)
                    result.refused = true
                    return .rollback
                }
                try Self.recordFiles(db, importID, files)
                try Self.finishImport(db, importID, result.summary)
                if options.dryRun {
                    if options.listChanges { result.changes = try Self.dryRunChanges(db, importID) }
                    return .rollback
                }
                result.summary.importID = importID
                return .commit
            }
        }
        try rejects?.finish()
        result.summary.warnings = result.warnings.count
        return result
    }

    /// Reads and checks the records on a second thread while this one (the database's) writes them.
    private static func readAndWrite(
        _ urls: [URL], indicatorForKPI: [String: String], checker: RecordChecker, writer: ObservationWriter,
        progress: (@Sendable (IngestProgress) -> Void)?
    ) throws -> [ImportedFile] {
        let channel = BoundedChannel<[CheckedRecord]>(capacity: 8)
        let failure = FirstError()
        // The checker is used by the reading thread only until it closes the channel.
        nonisolated(unsafe) let checker = checker
        nonisolated(unsafe) var files: [ImportedFile] = []
        let reading = Thread {
            defer { channel.close() }
            do {
                var batch: [CheckedRecord] = []
                files = try readRecords(urls, indicatorForKPI: indicatorForKPI, checker: checker, progress: progress) { record, fields in
                    guard let checked = try checker.check(record, fields: fields) else { return }
                    batch.append(checked)
                    if batch.count == 4096 {
                        guard channel.send(batch) else { throw CancellationError() }
                        batch = []
                    }
                }
                if !batch.isEmpty { _ = channel.send(batch) }
            } catch is CancellationError {
            } catch {
                failure.record(error)
            }
        }
        reading.stackSize = 8 << 20
        reading.start()
        do {
            while let batch = channel.receive() {
                for record in batch { try writer.write(record) }
            }
        } catch {
            channel.cancel()
            channel.waitUntilClosed()
            throw error
        }
        if let error = failure.error { throw error }
        return files
    }

    /// Reads every record of the files in order (long CSV streamed, Kolada JSON whole), then reports
    /// each file's checksum, row count and whole-file problems.
    @discardableResult
    private static func readRecords(
        _ urls: [URL], indicatorForKPI: [String: String], checker: RecordChecker,
        progress: (@Sendable (IngestProgress) -> Void)?, record handle: (RawRecord, () -> [String]) throws -> Void
    ) throws -> [ImportedFile] {
        var files: [ImportedFile] = []
        for url in urls {
            let path = url.relativePath
            let signature = XLSXSource.signature(of: url)
            if let refusal = XLSXSource.unsupported(url, signature: signature) {
                throw InputStopped(diagnostic: Diagnostic(file: path, line: 1, refusal))
            }
            if signature == .zip {
                let data = try Data(contentsOf: url, options: .alwaysMapped)
                do {
                    let (problems, rows) = try XLSXSource.read(url, path: path, sheet: checker.options.sheet, warn: checker.warn) { record in
                        try handle(record, { record.fields })
                    }
                    try checker.fileProblems(problems, rows: max(rows, problems.isEmpty ? 0 : 1))
                    files.append(ImportedFile(path: path, sha256: StreamingSHA256.hex(of: data), rows: rows))
                } catch let error as XLSXSheetReader.Unreadable {
                    throw InputStopped(diagnostic: Diagnostic(file: path, line: 1, error.description))
                }
                continue
            }
            if KoladaSource.isJSON(url) {
                let data = try KoladaSource.contents(of: url, path: path)
                let (records, problems) = KoladaSource.read(data: data, path: path, indicatorForKPI: indicatorForKPI)
                for record in records { try handle(record, { record.fields }) }
                try checker.fileProblems(problems, rows: problems.count)
                files.append(ImportedFile(path: path, sha256: StreamingSHA256.hex(of: data), rows: records.count))
                continue
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            var source = try LongCSVSource(url: url, displayPath: path)
            checker.warn(source.warnings)
            var rows = 0
            if source.headerProblems.isEmpty {
                while let record = try source.next() {
                    rows += 1
                    try handle(record, { source.currentFields })
                    if rows % 100_000 == 0 {
                        progress?(IngestProgress(file: path, rows: rows, bytesRead: source.bytesRead, bytesTotal: size))
                    }
                }
            } else {
                // Counted for the summary, but not past the rejection limit.
                while rows < checker.options.rejectionLimit, try source.next() != nil { rows += 1 }
            }
            try checker.fileProblems(source.headerProblems, rows: max(rows, 1))
            files.append(ImportedFile(path: path, sha256: source.sha256, rows: rows))
        }
        return files
    }
}

/// A valid record on its way to the database, with where it came from.
struct CheckedRecord {
    var key: StoredKey
    var numbers: StoredNumbers
    var note: String?
    /// Half a unit of the last written decimal of a value given without counts (nil when counts were given).
    var valueTolerance: Double?
    /// Its position among all rows read (valid or not), counted from 1.
    var row: Int
    /// Index of its file in the import's file list.
    var file: Int
    var line: Int
    var sheetCell: String?
}

/// Checks the rows of an ingest (on the reading thread), counting and reporting the rejected and
/// ignored ones. When keys conflicted, a second pass reports every row of each such key.
private final class RecordChecker {
    let validator: RecordValidator
    let keys: StoredKeyMaker
    let options: IngestOptions
    let rejects: CSVWriter?
    let files: [String]
    private(set) var ignored = 0
    private(set) var rejected = 0
    private(set) var warnings: [Diagnostic] = []
    private var diagnostics: [Diagnostic] = []
    private(set) var diagnosticCount = 0
    private var row = 0
    private var isRechecking = false
    /// In the second pass: the first row of each conflicting key.
    private var firstRows: [StoredKey: (file: String, line: Int)] = [:]

    init(validator: RecordValidator, keys: StoredKeyMaker, options: IngestOptions, rejects: CSVWriter?, files: [String]) {
        self.validator = validator
        self.keys = keys
        self.options = options
        self.rejects = rejects
        self.files = files
    }

    /// The problems found, in file order and line order.
    var sortedDiagnostics: [Diagnostic] {
        let order = Dictionary(files.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return diagnostics.sorted { (order[$0.file] ?? files.count, $0.line) < (order[$1.file] ?? files.count, $1.line) }
    }

    func warn(_ notes: [Diagnostic]) {
        if !isRechecking { warnings += notes }
    }

    /// Problems with a file as a whole (unreadable JSON, no header): its rows count as rejected, at least one.
    func fileProblems(_ problems: [Diagnostic], rows: Int) throws {
        guard !problems.isEmpty, !isRechecking else { return }
        rejected += rows
        for problem in problems {
            report(problem)
            try rejects?.write([.text(problem.file), .number(Double(problem.line)), .text(problem.message), .text("")])
        }
    }

    private func report(_ diagnostic: Diagnostic) {
        diagnosticCount += 1
        if diagnostics.count < options.diagnosticLimit { diagnostics.append(diagnostic) }
    }

    private func reject(_ record: RawRecord, _ reasons: [String], fields: [String], counted: Bool = true) throws {
        if counted { rejected += 1 }
        for reason in reasons { report(Diagnostic(file: record.file, line: record.line, sheetCell: record.sheetCell, reason)) }
        try rejects?.write([.text(record.file), .number(Double(record.line)), .text(reasons.joined(separator: "; ")),
                            .text(fields.joined(separator: ";"))])
        if !isRechecking, options.stopsReading(rejected: rejected, checked: row - ignored) {
            throw InputStopped.rejectionLimit(rejected, at: Diagnostic(file: record.file, line: record.line, sheetCell: record.sheetCell, ""))
        }
    }

    /// The row as a record to write, or nil after counting it as ignored or rejected.
    func check(_ record: RawRecord, fields: () -> [String]) throws -> CheckedRecord? {
        row += 1
        switch validator.validate(record) {
        case .ignored:
            ignored += 1
            return nil
        case .rejected(let reasons):
            try reject(record, reasons, fields: fields())
            return nil
        case .accepted(let observation, let tolerance):
            guard let key = keys.key(for: observation) else {
                try reject(record, ["the period \(observation.period) is outside what the store can hold"], fields: fields())
                return nil
            }
            return CheckedRecord(key: key, numbers: StoredNumbers(observation), note: observation.note, valueTolerance: tolerance,
                                 row: row, file: files.firstIndex(of: record.file) ?? 0, line: record.line, sheetCell: record.sheetCell)
        }
    }

    func startRecheck() {
        row = 0
        isRechecking = true
    }

    /// Values given without counts over stored counts they disagree with: refused, or with `--replace-counts`
    /// warned about, naming the aggregates the dropped counts make uncomputable.
    func countCorrections(_ records: [CheckedRecord], catalog: Catalog, replaced: Bool) throws {
        for record in records {
            let area = keys.areaID(record.key).flatMap { catalog.geography[$0] }
            let name = name(record.key)
            let file = files[record.file]
            if replaced {
                let aggregates = [area?.lansdel, area?.county].compactMap { $0 }.joined(separator: " and ")
                warn([Diagnostic(file: file, line: record.line, sheetCell: record.sheetCell,
                                 "the value replaces the stored counts of \(name): \(aggregates.isEmpty ? "its aggregates" : aggregates) can no longer be computed for \(record.key.period)",
                                 severity: .warning)])
            } else {
                let message = "\(name) is stored with counts and the value given disagrees with them: give numerator and denominator (or --replace-counts to drop the counts)"
                report(Diagnostic(file: file, line: record.line, sheetCell: record.sheetCell, message))
                try rejects?.write([.text(file), .number(Double(record.line)), .text(message), .text("")])
            }
        }
    }

    /// A warning for each value that breaks sharply from its own series.
    func seriesBreaks(_ breaks: [(record: CheckedRecord, found: SeriesBreak)]) {
        warn(breaks.map { record, found in
            let low = (found.median - found.allowed).rounded(toDecimals: 2).plain, high = (found.median + found.allowed).rounded(toDecimals: 2).plain
            return Diagnostic(
                file: files[record.file], line: record.line, sheetCell: record.sheetCell,
                "\(name(record.key)): \(found.value.plain) breaks from its series (median \(found.median.rounded(toDecimals: 2).plain) over the previous \(SeriesBreak.periods) periods; expected \(low) to \(high)): check the value",
                severity: .warning)
        })
    }

    /// `PV01 2580 2025Q4 T`: a key as messages name it.
    private func name(_ key: StoredKey) -> String {
        "\(keys.indicatorID(key) ?? "?") \(keys.areaID(key) ?? "?") \(key.period) \(key.gender.rawValue)"
    }

    /// The second pass: every row of a conflicting key is rejected, and says where the other values are.
    func recheck(_ record: RawRecord, fields: () -> [String], conflicts: [StoredKey: ObservationWriter.Conflict]) throws {
        row += 1
        guard case .accepted(let observation, _) = validator.validate(record), let key = keys.key(for: observation),
              let conflict = conflicts[key]
        else { return }
        let name = "\(observation.indicator) \(observation.area) \(observation.period) \(observation.gender.rawValue)"
        let shown = "\(files[conflict.file]):\(conflict.line)"
        if row < conflict.row {
            // Rows before the one that showed the conflict were accepted then; they are rejected now.
            if firstRows[key] == nil { firstRows[key] = (record.file, record.line) }
            try reject(record, [RepeatedKey.givenAgain(name, at: shown, "value")], fields: fields())
        } else if row == conflict.row {
            let first = firstRows[key].map { "\($0.file):\($0.line)" } ?? "an earlier row"
            try reject(record, [RepeatedKey.alreadyGiven(name, at: first, "value")], fields: fields(), counted: false)
        } else {
            try reject(record, [RepeatedKey.givenMoreThanOnce(name, "value")], fields: fields(), counted: false)
        }
    }
}
