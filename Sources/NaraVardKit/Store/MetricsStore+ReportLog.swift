import Foundation
import GRDB

/// One entry of the report log.
package struct ReportRecord: Sendable {
    package var id: Int64
    package var kind: ReportKind
    package var period: Period
    package var asOf: Int64?
    package var createdAt: String
    /// The workbook, or the folder of CSV files.
    package var output: String
    /// `pending` while its file is moved into place, `done` once it is there, `withdrawn` when it never was.
    package var state: String
}

// MARK: - The report log: every published report and the values it showed

extension MetricsStore {
    /// Records a generated report and the values it showed, as `pending` until ``finishReportLog(_:)``; the next
    /// report of the same kind built on later data marks the values that changed since.
    ///
    /// - Parameters:
    ///   - output: The absolute path the file or folder is moved to.
    ///   - sha256: The SHA-256 of the staged workbook (or of a report folder's marker file), by which a pending
    ///     row left by a killed run is later found in place or not.
    @discardableResult
    package func logReport(_ report: Report, output: String, sha256: String) throws -> Int64 {
        try dbWriter.write { db in
            try db.execute(
                sql: "INSERT INTO report (kind, period, as_of, created_at, out_path, state, out_sha256) VALUES (?, ?, ?, ?, ?, 'pending', ?)",
                arguments: [report.kind.rawValue, report.period.description, report.asOf,
                            Self.timestamp(report.generatedAt), output, sha256])
            let id = db.lastInsertedRowID
            // Thousands of rows: bound through the C API (``BulkStatement``), not as GRDB arguments.
            let insert = try BulkStatement(db, sql: """
                INSERT OR REPLACE INTO report_value (report_id, indicator, area, period, gender, value, status)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                """)
            insert.bind(1, id)
            for value in report.values {
                insert.bind(2, value.key.indicator)
                insert.bind(3, value.key.area)
                insert.bind(4, value.key.period.description)
                insert.bind(5, value.key.gender.rawValue)
                insert.bind(6, value.value)
                insert.bind(7, value.status.rawValue)
                try insert.run()
            }
            return id
        }
    }

    /// Marks a report `done`: its file is in place.
    package func finishReportLog(_ id: Int64) throws {
        try dbWriter.write { try $0.execute(sql: "UPDATE report SET state = 'done' WHERE id = ?", arguments: [id]) }
    }

    /// Settles the reports a killed run left `pending`: `done` when the file at its path (for a folder, its
    /// marker file) has the logged SHA-256, else `withdrawn`. Returns how many were settled.
    @discardableResult
    package func settlePendingReports() throws -> Int {
        try dbWriter.write { db in
            let pending = try Row.fetchAll(db, sql: "SELECT id, out_path, out_sha256 FROM report WHERE state = 'pending'")
            for row in pending {
                let path: String = row["out_path"]
                var isFolder: ObjCBool = false
                let file = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
                    ? path + "/" + OutputTarget.folderMarker : path
                let inPlace = FileManager.default.contents(atPath: file).map { StreamingSHA256.hex(of: $0) } == row["out_sha256"]
                try db.execute(sql: "UPDATE report SET state = ? WHERE id = ?", arguments: [inPlace ? "done" : "withdrawn", row["id"]])
            }
            return pending.count
        }
    }

    /// The report log, oldest first.
    package func reportLog() throws -> [ReportRecord] {
        try dbWriter.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM report ORDER BY id").compactMap(ReportRecord.init)
        }
    }

    /// The latest report of a kind built on data older than `asOf`, with the values it showed.
    func previousReport(_ kind: ReportKind, before asOf: Int64) throws -> (record: ReportRecord, values: [ObservationKey: ReportValue])? {
        try dbWriter.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT * FROM report WHERE kind = ? AND as_of < ? AND state = 'done' ORDER BY as_of DESC, id DESC LIMIT 1
                """, arguments: [kind.rawValue, asOf]),
                let record = ReportRecord(row)
            else { return nil }
            // Each value as the latest earlier report of this kind that showed it had it, whatever period that
            // report covered: a revision is marked even when a report for another period came in between.
            var values: [ObservationKey: ReportValue] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT v.* FROM report_value v JOIN report r ON r.id = v.report_id
                WHERE r.kind = ? AND r.as_of < ? AND r.state = 'done' ORDER BY r.as_of DESC, r.id DESC
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

    /// The latest period of a kind in which any indicator, area and gender has a reported value, as of an import
    /// (``latestPeriod(indicators:asOf:)`` asks about gender T of given indicators).
    func latestReportedPeriod(_ kind: Period.Kind, asOf: Int64?) throws -> Period? {
        try dbWriter.read { db in
            let candidates = try Int64.fetchAll(db, sql: """
                SELECT code FROM stored_period WHERE code >> 24 = ? ORDER BY code DESC
                """, arguments: [kind.storedCode])
            // Records of a period in key order, each key's revisions oldest first: the first key whose
            // latest revision is reported settles it.
            let records = try BulkStatement(db, sql: """
                SELECT key, status FROM observation
                WHERE (key >> \(StoredKey.periodShift)) & \(StoredKey.periodCodeMask) = ?1 AND import_id <= ?2 ORDER BY key, import_id
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
}

extension ReportRecord {
    init?(_ row: Row) {
        guard let kind = ReportKind(rawValue: row["kind"]), let period = try? Period(parsing: row["period"]) else { return nil }
        self.init(id: row["id"], kind: kind, period: period, asOf: row["as_of"], createdAt: row["created_at"],
                  output: row["out_path"], state: row["state"])
    }
}

