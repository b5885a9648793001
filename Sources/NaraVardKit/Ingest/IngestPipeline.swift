import Foundation
import GRDB

/// Where a row was read: its position among all rows of the import (from 1), its file's index in the
/// import's file list, its line, and in a workbook its sheet and cell.
struct RowPlace {
    var row: Int
    var file: Int
    var line: Int
    var sheetCell: String?
}

/// A row as its source gives it, before it is checked.
protocol SourceRow: SendableMetatype {
    var file: String { get }
    var line: Int { get }
    var sheetCell: String? { get }
}

/// What the check of one row decides.
enum RowCheck<Record> {
    case accepted(Record, warning: String? = nil)
    case ignored
    case rejected([String])
}

/// How a written record compares with the store before the import.
enum WriteOutcome {
    case imported, updated, unchanged

    /// From whether the store's latest record of the key is the same (nil: it has none).
    init(_ same: Bool?) {
        self = switch same {
        case nil: .imported
        case true?: .unchanged
        case false?: .updated
        }
    }
}

extension IngestSummary {
    mutating func count(_ outcome: WriteOutcome, by change: Int) {
        switch outcome {
        case .imported: imported += change
        case .updated: updated += change
        case .unchanged: unchanged += change
        }
    }
}

/// One kind of import (indicator values, money used) as ``IngestPipeline`` runs it: the sources of its files,
/// the check of a row (on the reading thread: it reads only what does not change during the import) and the
/// writer of the checked records (on the database's thread).
protocol IngestKind: AnyObject, SendableMetatype {
    associatedtype Row: SourceRow
    associatedtype Record
    associatedtype Key: Hashable

    /// What a key's figure is called in the messages about a key given twice: `value`, `amount`.
    static var figure: String { get }
    /// Reads the rows of one file in order, handing them to `reader`; returns the file as the audit log records it.
    func read(_ url: URL, path: String, reader: RowReader<Row>) throws -> ImportedFile
    func check(_ row: Row, at place: RowPlace) -> RowCheck<Record>
    func key(of record: Record) -> Key
    /// The record's key as messages name it (`PV01 2580 2025Q4 T`, `A22-01 2022Q3`).
    func name(of record: Record) -> String
    func write(_ record: Record) throws
    /// Keys given twice in the import with different figures, and the row that showed it: that row and every
    /// later one with the key are rejected by the writer, the earlier ones by a second reading.
    var conflicts: [Key: RowPlace] { get }
    /// Records imported, updated and unchanged, and rows the writer rejected.
    var summary: IngestSummary { get }
    /// After the last record: completes the writes, and reports the kind's own problems and warnings.
    func finish(_ pipeline: IngestPipeline<Self>) throws
    /// What a dry run would change (``IngestOptions/listChanges``).
    func changes(_ db: Database, importID: Int64) throws -> [RecordChange]
}

extension IngestKind {
    /// None listed: only indicator values have a change list (`naravard changes`).
    func changes(_ db: Database, importID: Int64) throws -> [RecordChange] { [] }
}

/// What a source hands its rows to, while ``IngestPipeline`` reads a file.
struct RowReader<Row> {
    let options: IngestOptions
    let progress: (@Sendable (IngestProgress) -> Void)?
    /// Notes about a file that do not stop the import.
    let warn: ([Diagnostic]) -> Void
    /// Each row, with its fields as written (asked for only when the row is rejected).
    let row: (Row, () -> [String]) throws -> Void
    /// Problems with a file as a whole (unreadable JSON, no header): its rows count as rejected, at least one.
    let fileProblems: ([Diagnostic], _ rows: Int) throws -> Void

    /// Reads a CSV source to its end (only counting its rows, up to the rejection limit, when its header
    /// cannot be read), reporting progress every 100 000 rows.
    func readAll<Source: RowSource>(_ source: inout Source, url: URL, path: String) throws -> ImportedFile where Source.Row == Row {
        warn(source.warnings)
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        var rows = 0
        if source.headerProblems.isEmpty {
            while let record = try source.next() {
                rows += 1
                try row(record, { source.currentFields })
                if rows % 100_000 == 0 {
                    progress?(IngestProgress(file: path, rows: rows, bytesRead: source.bytesRead, bytesTotal: size))
                }
            }
        } else {
            while rows < options.rejectionLimit, try source.next() != nil { rows += 1 }
        }
        try fileProblems(source.headerProblems, max(rows, 1))
        return ImportedFile(path: path, sha256: source.sha256, rows: rows)
    }
}

/// A CSV file read row by row after its header.
protocol RowSource {
    associatedtype Row
    /// Problems with the header: if any, the rows cannot be read.
    var headerProblems: [Diagnostic] { get }
    /// Notes about the header that do not stop the import.
    var warnings: [Diagnostic] { get }
    var bytesRead: Int { get }
    /// SHA-256 of the whole file, once ``next()`` has returned nil.
    var sha256: String { get }
    /// The next row, or nil at the end.
    mutating func next() throws -> Row?
    /// All fields of the row ``next()`` returned last, as written.
    var currentFields: [String] { get }
}

/// The one pipeline of every import, indicator values and money alike: each file's rows are read and
/// checked on a second thread while the database's thread writes the checked records; rejected rows are
/// counted, reported (capped at ``IngestOptions/diagnosticLimit``) and written to the rejects file, and
/// reading stops at ``IngestOptions/rejectionLimit``; when keys conflicted, a second reading reports every
/// row of each such key; the import and its files go to the audit log. All in one transaction: any rejected
/// row refuses the whole import unless ``IngestOptions/skipInvalid``, and a dry run writes nothing.
final class IngestPipeline<Kind: IngestKind> {
    let kind: Kind
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
    /// In the second reading: the first row of each conflicting key.
    private var firstRows: [Kind.Key: String] = [:]

    private init(kind: Kind, options: IngestOptions, rejects: CSVWriter?, files: [String]) {
        self.kind = kind
        self.options = options
        self.rejects = rejects
        self.files = files
    }

    /// Imports `urls` into the store in one transaction, with the kind `makeKind` makes for the import's id.
    static func run(
        _ urls: [URL], into dbWriter: any DatabaseWriter, options: IngestOptions, progress: (@Sendable (IngestProgress) -> Void)?,
        kind makeKind: (Database, _ importID: Int64) throws -> Kind
    ) throws -> IngestResult {
        try InputFileError.check(urls)
        let rejects = try options.openRejects()
        var result = IngestResult()
        try dbWriter.writeWithoutTransaction { db in
            try db.inTransaction {
                let importID = try MetricsStore.insertImport(db, kind: "ingest", note: options.note)
                let pipeline = IngestPipeline(kind: try makeKind(db, importID), options: options, rejects: rejects,
                                              files: urls.map(\.relativePath))
                let files: [ImportedFile]
                do {
                    files = try pipeline.readAndWrite(urls, progress: progress)
                } catch let stop as InputStopped {
                    result = pipeline.result(summary: IngestSummary())
                    result.stop(stop)
                    return .rollback
                }
                if !pipeline.kind.conflicts.isEmpty {
                    pipeline.isRechecking = true
                    pipeline.row = 0
                    try pipeline.readRows(urls, progress: nil) { row, fields in try pipeline.recheck(row, fields: fields) }
                }
                try pipeline.kind.finish(pipeline)
                result = pipeline.result(summary: pipeline.kind.summary)
                if result.summary.rejected > 0, !options.skipInvalid {
                    // The valid rows were written as they came, and are now taken back with the rest.
                    (result.summary.imported, result.summary.updated, result.summary.unchanged) = (0, 0, 0)
                    result.refused = true
                    return .rollback
                }
                try MetricsStore.recordFiles(db, importID, files)
                try MetricsStore.finishImport(db, importID, result.summary)
                if options.dryRun {
                    if options.listChanges { result.changes = try pipeline.kind.changes(db, importID: importID) }
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

    /// The result so far, with the writer's summary.
    private func result(summary: IngestSummary) -> IngestResult {
        var result = IngestResult()
        result.summary = summary
        result.summary.ignored = ignored
        result.summary.rejected += rejected
        result.warnings = warnings
        result.diagnostics = sortedDiagnostics
        result.diagnosticCount = diagnosticCount
        return result
    }

    /// The problems found, in file order and line order.
    private var sortedDiagnostics: [Diagnostic] {
        let order = Dictionary(files.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return diagnostics.sorted { (order[$0.file] ?? files.count, $0.line) < (order[$1.file] ?? files.count, $1.line) }
    }

    // MARK: - Reading

    /// Reads and checks the records on a second thread while this one (the database's) writes them.
    private func readAndWrite(_ urls: [URL], progress: (@Sendable (IngestProgress) -> Void)?) throws -> [ImportedFile] {
        let channel = BoundedChannel<[Kind.Record]>(capacity: 8)
        let failure = FirstError()
        // The pipeline's counts are used by the reading thread only until it closes the channel.
        nonisolated(unsafe) let pipeline = self
        nonisolated(unsafe) var files: [ImportedFile] = []
        let reading = Thread {
            defer { channel.close() }
            do {
                var batch: [Kind.Record] = []
                files = try pipeline.readRows(urls, progress: progress) { row, fields in
                    guard let record = try pipeline.check(row, fields: fields) else { return }
                    batch.append(record)
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
                for record in batch { try kind.write(record) }
            }
        } catch {
            channel.cancel()
            channel.waitUntilClosed()
            throw error
        }
        if let error = failure.error { throw error }
        return files
    }

    /// Reads every row of the files in order.
    @discardableResult
    private func readRows(
        _ urls: [URL], progress: (@Sendable (IngestProgress) -> Void)?, row: @escaping (Kind.Row, () -> [String]) throws -> Void
    ) throws -> [ImportedFile] {
        let reader = RowReader<Kind.Row>(options: options, progress: progress, warn: warn, row: row, fileProblems: fileProblems)
        return try urls.map { url in try kind.read(url, path: url.relativePath, reader: reader) }
    }

    // MARK: - Checking

    func warn(_ notes: [Diagnostic]) {
        if !isRechecking { warnings += notes }
    }

    private func fileProblems(_ problems: [Diagnostic], rows: Int) throws {
        guard !problems.isEmpty, !isRechecking else { return }
        rejected += rows
        for problem in problems {
            try refuse(problem)
        }
    }

    /// Reports a problem that has been counted (or is not a row's), and writes it to the rejects file.
    func refuse(_ problem: Diagnostic, fields: [String] = []) throws {
        report(problem)
        try rejects?.write([.text(problem.file), .number(Double(problem.line)), .text(problem.message), .text(fields.joined(separator: ";"))])
    }

    private func report(_ diagnostic: Diagnostic) {
        diagnosticCount += 1
        if diagnostics.count < options.diagnosticLimit { diagnostics.append(diagnostic) }
    }

    private func reject(_ row: Kind.Row, _ reasons: [String], fields: [String], counted: Bool = true) throws {
        if counted { rejected += 1 }
        for reason in reasons { report(Diagnostic(file: row.file, line: row.line, sheetCell: row.sheetCell, reason)) }
        try rejects?.write([.text(row.file), .number(Double(row.line)), .text(reasons.joined(separator: "; ")),
                            .text(fields.joined(separator: ";"))])
        if !isRechecking, options.stopsReading(rejected: rejected, checked: self.row - ignored) {
            throw InputStopped.rejectionLimit(rejected, at: Diagnostic(file: row.file, line: row.line, sheetCell: row.sheetCell, ""))
        }
    }

    /// The row as a record to write, or nil after counting it as ignored or rejected.
    private func check(_ source: Kind.Row, fields: () -> [String]) throws -> Kind.Record? {
        row += 1
        switch kind.check(source, at: place(source)) {
        case .ignored:
            ignored += 1
            return nil
        case .rejected(let reasons):
            try reject(source, reasons, fields: fields())
            return nil
        case .accepted(let record, let warning):
            if let warning { warn([Diagnostic(file: source.file, line: source.line, sheetCell: source.sheetCell, warning, severity: .warning)]) }
            return record
        }
    }

    private func place(_ source: Kind.Row) -> RowPlace {
        RowPlace(row: row, file: files.firstIndex(of: source.file) ?? 0, line: source.line, sheetCell: source.sheetCell)
    }

    /// The second reading: every row of a conflicting key is rejected, and says where the other figures are.
    private func recheck(_ source: Kind.Row, fields: () -> [String]) throws {
        row += 1
        guard case .accepted(let record, _) = kind.check(source, at: place(source)), let conflict = kind.conflicts[kind.key(of: record)]
        else { return }
        let name = kind.name(of: record), key = kind.key(of: record), figure = Kind.figure
        if row < conflict.row {
            // Rows before the one that showed the conflict were accepted then; they are rejected now.
            if firstRows[key] == nil { firstRows[key] = "\(source.file):\(source.line)" }
            try reject(source, [RepeatedKey.givenAgain(name, at: "\(files[conflict.file]):\(conflict.line)", figure)], fields: fields())
        } else if row == conflict.row {
            try reject(source, [RepeatedKey.alreadyGiven(name, at: firstRows[key] ?? "an earlier row", figure)], fields: fields(), counted: false)
        } else {
            try reject(source, [RepeatedKey.givenMoreThanOnce(name, figure)], fields: fields(), counted: false)
        }
    }
}
