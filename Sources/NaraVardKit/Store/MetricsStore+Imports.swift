import Foundation
import GRDB

/// One entry of the audit log.
public struct ImportRecord: Sendable {
    public struct File: Sendable {
        public var path: String
        public var sha256: String
        public var rows: Int
    }

    public var id: Int64
    public var kind: String
    public var createdAt: String
    public var note: String?
    public var summary: IngestSummary
    /// For a revert: the import it withdrew.
    public var reverts: Int64?
    public var files: [File]
}

extension MetricsStore {
    /// The audit log, oldest first.
    public func imports() throws -> [ImportRecord] {
        try dbWriter.read { db in
            let files = try Row.fetchAll(db, sql: "SELECT import_id, path, sha256, rows FROM import_file ORDER BY import_id, position")
            let filesByImport = Dictionary(grouping: files, by: { $0["import_id"] as Int64 })
            return try Row.fetchAll(db, sql: "SELECT * FROM import ORDER BY id").map { row in
                let id: Int64 = row["id"]
                var summary = IngestSummary()
                summary.importID = id
                summary.imported = row["imported"]
                summary.updated = row["updated"]
                summary.unchanged = row["unchanged"]
                summary.ignored = row["ignored"]
                summary.rejected = row["rejected"]
                return ImportRecord(
                    id: id, kind: row["kind"], createdAt: row["created_at"], note: row["note"], summary: summary,
                    reverts: row["reverts"],
                    files: (filesByImport[id] ?? []).map { ImportRecord.File(path: $0["path"], sha256: $0["sha256"], rows: $0["rows"]) })
            }
        }
    }

    /// Withdraws an import: a new import that restores, for every key it wrote, the state before it
    /// (a key it created becomes withdrawn). History stays, and a revert can itself be reverted.
    public func revert(_ importID: Int64, note: String? = nil) throws -> IngestSummary {
        try dbWriter.write { db in
            guard let kind = try String.fetchOne(db, sql: "SELECT kind FROM import WHERE id = ?", arguments: [importID]) else {
                throw StoreQueryError(description: "there is no import \(importID) (see `naravard imports`)")
            }
            guard kind != "catalog" else {
                throw StoreQueryError(description: "import \(importID) loaded definitions (catalogue or agreements): load the earlier definitions again with `naravard catalog load` or `naravard agreements load` instead")
            }
            let revertID = try Self.insertImport(db, kind: "revert", note: note ?? "revert of import \(importID)", reverts: importID)
            // For each key the import wrote: the revision before it, if any, else withdrawn.
            try db.execute(sql: """
                INSERT INTO observation (key, import_id, status, value, numerator, denominator, note)
                SELECT t.key, ?1, coalesce(p.status, 2), p.value, p.numerator, p.denominator, p.note
                FROM observation t
                LEFT JOIN observation p ON p.key = t.key
                    AND p.import_id = (SELECT max(import_id) FROM observation WHERE key = t.key AND import_id < t.import_id)
                WHERE t.import_id = ?2
                """, arguments: [revertID, importID])
            let restored = db.changesCount
            var summary = IngestSummary()
            summary.importID = revertID
            // Keys whose current state already equals the restored one are unchanged; drop those revisions.
            try db.execute(sql: """
                DELETE FROM observation AS n WHERE n.import_id = ?1 AND EXISTS (
                    SELECT 1 FROM observation c
                    WHERE c.key = n.key AND c.import_id = (SELECT max(import_id) FROM observation WHERE key = n.key AND import_id < ?1)
                      AND c.status = n.status AND c.value IS n.value AND c.numerator IS n.numerator AND c.denominator IS n.denominator)
                """, arguments: [revertID])
            summary.unchanged = db.changesCount
            summary.updated = restored - summary.unchanged
            let (useUpdated, useUnchanged) = try Self.revertActivityUse(db, importID, by: revertID)
            summary.updated += useUpdated
            summary.unchanged += useUnchanged
            try Self.finishImport(db, revertID, summary)
            return summary
        }
    }

    /// The money-use part of a revert: each activity and quarter the import wrote goes back to its figure
    /// before it (withdrawn where there was none). Returns how many changed and how many already were so.
    private static func revertActivityUse(_ db: Database, _ importID: Int64, by revertID: Int64) throws -> (updated: Int, unchanged: Int) {
        try db.execute(sql: """
            INSERT INTO activity_use (activity_id, period, import_id, spent, note)
            SELECT t.activity_id, t.period, ?, p.spent, p.note
            FROM activity_use t
            LEFT JOIN activity_use p ON p.activity_id = t.activity_id AND p.period = t.period
                AND p.import_id = (SELECT max(import_id) FROM activity_use
                                   WHERE activity_id = t.activity_id AND period = t.period AND import_id < t.import_id)
            WHERE t.import_id = ?
            """, arguments: [revertID, importID])
        // Where the current figure (before this revert) already equals the restored one, nothing changes.
        try db.execute(sql: """
            DELETE FROM activity_use AS n WHERE n.import_id = ? AND n.spent IS (
                SELECT c.spent FROM activity_use c WHERE c.activity_id = n.activity_id AND c.period = n.period
                  AND c.import_id = (SELECT max(import_id) FROM activity_use
                                     WHERE activity_id = n.activity_id AND period = n.period AND import_id < n.import_id))
            """, arguments: [revertID])
        let unchanged = db.changesCount
        let updated = try Int.fetchOne(db, sql: "SELECT count(*) FROM activity_use WHERE import_id = ?", arguments: [revertID]) ?? 0
        return (updated, unchanged)
    }
}
