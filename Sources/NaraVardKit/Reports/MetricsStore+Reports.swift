import Foundation
import GRDB

/// One entry of the report log.
public struct ReportRecord: Sendable {
    public var id: Int64
    public var kind: ReportKind
    public var period: Period
    public var asOf: Int64?
    public var createdAt: String
    /// The workbook, or the folder of CSV files.
    public var output: String
}

extension MetricsStore {
    /// Builds a report from the store as of an import.
    ///
    /// ```swift
    /// var request = ReportRequest(kind: .polsam, definition: try .bundled(.polsam))
    /// request.period = try Period(parsing: "2025Q4")
    /// let report = try store.report(request)
    /// ```
    /// - Throws: ``Diagnostics`` when the definition names indicators or areas the catalogue lacks,
    ///   ``StoreQueryError`` for an unknown import or a period with no data.
    public func report(_ request: ReportRequest) throws -> Report {
        try ReportBuilder(store: self, request: request).build()
    }

    /// Records a generated report and the values it showed; the next report of the same kind built on
    /// later data marks the values that changed since.
    @discardableResult
    public func logReport(_ report: Report, output: String) throws -> Int64 {
        try dbWriter.write { db in
            try db.execute(
                sql: "INSERT INTO report (kind, period, as_of, created_at, out_path) VALUES (?, ?, ?, ?, ?)",
                arguments: [report.kind.rawValue, report.period.description, report.asOf,
                            Self.timestamp(report.generatedAt), output])
            let id = db.lastInsertedRowID
            let insert = try db.makeStatement(sql: """
                INSERT OR REPLACE INTO report_value (report_id, indicator, area, period, gender, value, status)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for value in report.values {
                try insert.execute(arguments: [
                    id, value.key.indicator, value.key.area, value.key.period.description, value.key.gender.rawValue,
                    value.value, value.status.rawValue,
                ])
            }
            return id
        }
    }

    /// The report log, oldest first.
    public func reportLog() throws -> [ReportRecord] {
        try dbWriter.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM report ORDER BY id").compactMap(ReportRecord.init)
        }
    }

    /// The latest report of a kind built on data older than `asOf`, with the values it showed.
    func previousReport(_ kind: ReportKind, before asOf: Int64) throws -> (record: ReportRecord, values: [ObservationKey: ReportValue])? {
        try dbWriter.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT * FROM report WHERE kind = ? AND as_of < ? ORDER BY as_of DESC, id DESC LIMIT 1
                """, arguments: [kind.rawValue, asOf]),
                let record = ReportRecord(row)
            else { return nil }
            // Each value as the latest earlier report of this kind that showed it had it, whatever period that
            // report covered: a revision is marked even when a report for another period came in between.
            var values: [ObservationKey: ReportValue] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT v.* FROM report_value v JOIN report r ON r.id = v.report_id
                WHERE r.kind = ? AND r.as_of < ? ORDER BY r.as_of DESC, r.id DESC
                """, arguments: [kind.rawValue, asOf])
            while let row = try rows.next() {
                guard let period = try? Period(parsing: row["period"]), let gender = Gender(rawValue: row["gender"]),
                      let status = AreaValue.Status(rawValue: row["status"]) else { continue }
                let key = ObservationKey(indicator: row["indicator"], area: row["area"], period: period, gender: gender)
                if values[key] == nil { values[key] = ReportValue(key: key, value: row["value"], status: status) }
            }
            return (record, values)
        }
    }

    /// The id of the latest import (nil in a store with none).
    func latestImportID() throws -> Int64? {
        try dbWriter.read { try Int64.fetchOne($0, sql: "SELECT max(id) FROM import") }
    }

    /// The latest period of a kind with a reported value, as of an import.
    func latestPeriod(_ kind: Period.Kind, asOf: Int64?) throws -> Period? {
        try dbWriter.read { db in
            let candidates = try Int64.fetchAll(db, sql: """
                SELECT code FROM stored_period WHERE code >> 24 = ? ORDER BY code DESC
                """, arguments: [kind.storedCode])
            // Records of a period in key order, each key's revisions oldest first: the first key whose
            // latest revision is reported settles it.
            let records = try BulkStatement(db, sql: """
                SELECT key, status FROM observation
                WHERE (key >> \(StoredKey.periodShift)) & \(1 << 26 - 1) = ?1 AND import_id <= ?2 ORDER BY key, import_id
                """)
            records.bind(2, asOf ?? Int64.max)
            for code in candidates {
                records.bind(1, code)
                defer { records.reset() }
                var pending: (key: Int64, status: Int64)?
                while try records.step() {
                    let key = records.int64(0)
                    if let last = pending, last.key != key, last.status == Observation.Status.reported.storedCode { return Period(storedCode: code) }
                    pending = (key, records.int64(1))
                }
                if pending?.status == Observation.Status.reported.storedCode { return Period(storedCode: code) }
            }
            return nil
        }
    }

    static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter.string(from: date, timeZone: .current, formatOptions: [.withInternetDateTime])
    }
}

extension ReportRecord {
    init?(_ row: Row) {
        guard let kind = ReportKind(rawValue: row["kind"]), let period = try? Period(parsing: row["period"]) else { return nil }
        self.init(id: row["id"], kind: kind, period: period, asOf: row["as_of"], createdAt: row["created_at"], output: row["out_path"])
    }
}
