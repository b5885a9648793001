import Foundation
import GRDB

/// How an ingest runs.
public struct IngestOptions: Sendable {
    public var dryRun = false
    public var note: String?
    /// Import the valid rows and write the rejected ones to ``rejectsURL``.
    public var skipInvalid = false
    public var rejectsURL: URL?
    /// Skip (and count as ignored) rows for areas outside the geography.
    public var ignoreUnknownAreas = false
    /// How many problems to keep for printing; the rest are counted.
    public var diagnosticLimit = 200

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

    public init() {}

    /// One JSON object, keys in the documented order: `{"import_id": 12, "imported": n, …}`.
    public var json: String {
        "{\"import_id\": \(importID.map(String.init) ?? "null"), \"imported\": \(imported), \"updated\": \(updated), "
            + "\"unchanged\": \(unchanged), \"ignored\": \(ignored), \"rejected\": \(rejected)}"
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
}

/// Progress of a long ingest, reported now and then.
public struct IngestProgress: Sendable {
    public var file: String
    public var rows: Int
    public var bytesRead: Int
    public var bytesTotal: Int
}

/// An input file that does not exist or cannot be read (exit 66).
public struct InputFileError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
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
        for url in urls {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
                throw InputFileError(path: url.relativePath, reason: "no such file")
            }
            guard !isFolder.boolValue else { throw InputFileError(path: url.relativePath, reason: "is a folder, not a file") }
            guard FileManager.default.isReadableFile(atPath: url.path) else {
                throw InputFileError(path: url.relativePath, reason: "cannot be read")
            }
        }
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
        var rejects: CSVWriter?
        if options.skipInvalid, let rejectsURL = options.rejectsURL {
            rejects = try CSVWriter(url: rejectsURL, dialect: .swedishExcel)
            try rejects?.write(["file", "line", "reason", "record"])
        }

        try dbWriter.writeWithoutTransaction { db in
            try db.inTransaction {
                var session = IngestSession(db: db, validator: validator, options: options, rejects: rejects)
                try session.prepare()
                var files: [(path: String, sha256: String, rows: Int)] = []
                for url in urls {
                    let path = url.relativePath
                    let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
                    if KoladaSource.isJSON(url) {
                        let data = try Data(contentsOf: url)
                        let (records, problems) = KoladaSource.read(data: data, path: path, indicatorForKPI: indicatorForKPI)
                        try session.fileProblems(problems, rows: problems.count)
                        for record in records { try session.add(record) }
                        files.append((path, StreamingSHA256.hex(of: data), records.count))
                    } else {
                        var source = try LongCSVSource(url: url, displayPath: path)
                        result.warnings += source.warnings
                        var rows = 0
                        if source.headerProblems.isEmpty {
                            while let record = try source.next() {
                                rows += 1
                                try session.add(record)
                                if rows % 100_000 == 0 {
                                    progress?(IngestProgress(file: path, rows: rows, bytesRead: source.bytesRead, bytesTotal: size))
                                }
                            }
                        } else {
                            while try source.next() != nil { rows += 1 }
                            try session.fileProblems(source.headerProblems, rows: max(rows, 1))
                        }
                        files.append((path, source.sha256, rows))
                    }
                }
                result.diagnostics = session.diagnostics
                result.diagnosticCount = session.diagnosticCount
                result.summary = session.summary
                if result.summary.rejected > 0, !options.skipInvalid {
                    result.refused = true
                    return .rollback
                }
                let importID = try Self.insertImport(db, kind: "ingest", note: options.note)
                try session.merge(importID: importID)
                result.summary = session.summary
                for (position, file) in files.enumerated() {
                    try db.execute(sql: "INSERT INTO import_file (import_id, position, path, sha256, rows) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [importID, position, file.path, file.sha256, file.rows])
                }
                try Self.finishImport(db, importID, result.summary)
                if options.dryRun { return .rollback }
                result.summary.importID = importID
                return .commit
            }
        }
        try rejects?.finish()
        return result
    }

    static func finishImport(_ db: Database, _ importID: Int64, _ summary: IngestSummary) throws {
        try db.execute(sql: """
            UPDATE import SET imported = ?, updated = ?, unchanged = ?, ignored = ?, rejected = ? WHERE id = ?
            """, arguments: [summary.imported, summary.updated, summary.unchanged, summary.ignored, summary.rejected, importID])
    }
}

/// The rows of one ingest, staged in a temporary table until they are all checked.
private struct IngestSession {
    let db: Database
    let validator: RecordValidator
    let options: IngestOptions
    let rejects: CSVWriter?
    var summary = IngestSummary()
    var diagnostics: [Diagnostic] = []
    var diagnosticCount = 0
    /// Keys given twice with different values: every row with such a key is rejected.
    private var conflicted: Set<ObservationKey> = []
    /// Rows that repeated a staged key with the same values (file, line, fields): rejected too if the key
    /// later turns out to conflict.
    private var repeats: [ObservationKey: [(file: String, line: Int, fields: [String])]] = [:]

    init(db: Database, validator: RecordValidator, options: IngestOptions, rejects: CSVWriter?) {
        self.db = db
        self.validator = validator
        self.options = options
        self.rejects = rejects
    }

    func prepare() throws {
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.staging;
            CREATE TEMP TABLE staging (
                indicator TEXT NOT NULL, area TEXT NOT NULL, period TEXT NOT NULL, gender TEXT NOT NULL,
                period_kind TEXT NOT NULL, period_index INTEGER NOT NULL,
                value REAL, numerator REAL, denominator REAL, status TEXT NOT NULL, note TEXT,
                file TEXT NOT NULL, line INTEGER NOT NULL, fields TEXT NOT NULL,
                UNIQUE (indicator, area, period, gender)
            );
            """)
    }

    /// Problems with a file as a whole (unreadable JSON, no header): its rows count as rejected, at least one.
    mutating func fileProblems(_ problems: [Diagnostic], rows: Int) throws {
        guard !problems.isEmpty else { return }
        summary.rejected += rows
        for problem in problems {
            report(problem)
            try rejects?.write([.text(problem.file), .number(Double(problem.line)), .text(problem.message), .text("")])
        }
    }

    private mutating func report(_ diagnostic: Diagnostic) {
        diagnosticCount += 1
        if diagnostics.count < options.diagnosticLimit { diagnostics.append(diagnostic) }
    }

    private mutating func reject(_ file: String, _ line: Int, _ reasons: [String], fields: [String]) throws {
        summary.rejected += 1
        for reason in reasons { report(Diagnostic(file: file, line: line, reason)) }
        try rejects?.write([.text(file), .number(Double(line)), .text(reasons.joined(separator: "; ")),
                            .text(fields.joined(separator: ";"))])
    }

    mutating func add(_ record: RawRecord) throws {
        let observation: Observation
        switch validator.validate(record) {
        case .ignored:
            summary.ignored += 1
            return
        case .rejected(let reasons):
            try reject(record.file, record.line, reasons, fields: record.fields)
            return
        case .accepted(let accepted):
            observation = accepted
        }
        let key = observation.key
        if conflicted.contains(key) {
            try reject(record.file, record.line, ["\(describe(key)) is given more than once in this import with different values"], fields: record.fields)
            return
        }
        let insert = try db.cachedStatement(sql: """
            INSERT INTO staging (indicator, area, period, gender, period_kind, period_index, value, numerator,
                                 denominator, status, note, file, line, fields)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """)
        try insert.execute(arguments: [
            observation.indicator, observation.area, observation.period.description, observation.gender.rawValue,
            observation.period.kind.rawValue, observation.period.index, observation.value, observation.numerator,
            observation.denominator, observation.status.rawValue, observation.note, record.file, record.line,
            record.fields.joined(separator: ";"),
        ])
        guard db.changesCount == 0 else { return }

        // The key is already staged: identical is fine, different is a conflict.
        let lookup = try db.cachedStatement(sql: """
            SELECT value, numerator, denominator, status, file, line, fields FROM staging
            WHERE indicator = ? AND area = ? AND period = ? AND gender = ?
            """)
        let keyArguments: StatementArguments = [observation.indicator, observation.area, observation.period.description, observation.gender.rawValue]
        guard let earlier = try Row.fetchOne(lookup, arguments: keyArguments) else { return }
        let same = earlier["value"] as Double? == observation.value && earlier["numerator"] as Double? == observation.numerator
            && earlier["denominator"] as Double? == observation.denominator && earlier["status"] as String == observation.status.rawValue
        if same {
            repeats[key, default: []].append((record.file, record.line, record.fields))
            return
        }
        conflicted.insert(key)
        for repeated in repeats.removeValue(forKey: key) ?? [] {
            try reject(repeated.file, repeated.line, ["\(describe(key)) is given again at \(record.file):\(record.line) with a different value"],
                       fields: repeated.fields)
        }
        let earlierFile: String = earlier["file"], earlierLine: Int = earlier["line"]
        try db.execute(sql: "DELETE FROM staging WHERE indicator = ? AND area = ? AND period = ? AND gender = ?", arguments: keyArguments)
        try reject(earlierFile, earlierLine, ["\(describe(key)) is given again at \(record.file):\(record.line) with a different value"],
                   fields: (earlier["fields"] as String).components(separatedBy: ";"))
        try reject(record.file, record.line, ["\(describe(key)) was already given at \(earlierFile):\(earlierLine) with a different value"],
                   fields: record.fields)
    }

    private func describe(_ key: ObservationKey) -> String {
        "\(key.indicator) \(key.area) \(key.period) \(key.gender.rawValue)"
    }

    /// Turns the staged rows into revisions: new keys are imported, changed ones updated, identical ones unchanged.
    mutating func merge(importID: Int64) throws {
        try db.execute(sql: """
            INSERT INTO series_key (indicator, area, period, period_kind, period_index, gender)
            SELECT indicator, area, period, period_kind, period_index, gender FROM staging WHERE true
            ON CONFLICT DO NOTHING;

            DROP TABLE IF EXISTS temp.merging;
            CREATE TEMP TABLE merging AS
            SELECT k.id AS key_id, s.value, s.numerator, s.denominator, s.status, s.note,
                   CASE
                       WHEN r.id IS NULL OR r.status = 'withdrawn' THEN 'imported'
                       WHEN r.value IS s.value AND r.numerator IS s.numerator AND r.denominator IS s.denominator
                            AND r.status = s.status THEN 'unchanged'
                       ELSE 'updated'
                   END AS outcome
            FROM staging s
            JOIN series_key k ON k.indicator = s.indicator AND k.area = s.area AND k.period = s.period AND k.gender = s.gender
            LEFT JOIN revision r ON r.id = k.current_revision;
            """)
        let counts = try Row.fetchAll(db, sql: "SELECT outcome, count(*) AS n FROM merging GROUP BY outcome")
        for row in counts {
            let n: Int = row["n"]
            switch row["outcome"] as String {
            case "imported": summary.imported = n
            case "updated": summary.updated = n
            default: summary.unchanged = n
            }
        }
        try db.execute(sql: """
            INSERT INTO revision (key_id, import_id, value, numerator, denominator, status, note)
            SELECT key_id, ?, value, numerator, denominator, status, note FROM merging WHERE outcome != 'unchanged';
            """, arguments: [importID])
        try MetricsStore.advanceCurrentRevisions(db, importID: importID)
        try db.execute(sql: "DROP TABLE temp.merging; DROP TABLE temp.staging;")
    }
}

extension MetricsStore {
    /// Points every key an import wrote to at its new revision.
    static func advanceCurrentRevisions(_ db: Database, importID: Int64) throws {
        try db.execute(sql: """
            UPDATE series_key SET current_revision = r.id
            FROM revision r WHERE r.key_id = series_key.id AND r.import_id = ?
            """, arguments: [importID])
    }
}
