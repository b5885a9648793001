import Foundation
import GRDB

/// One entry of the audit log.
package struct ImportRecord: Sendable {
    package struct File: Sendable {
        package var path: String
        package var sha256: String
        package var rows: Int
    }

    package var id: Int64
    package var kind: String
    package var createdAt: String
    package var note: String?
    package var summary: IngestSummary
    /// For a revert: the import it withdrew.
    package var reverts: Int64?
    package var files: [File]
}

extension MetricsStore {
    /// The audit log, oldest first.
    package func imports() throws -> [ImportRecord] {
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

    /// Withdraws an import: a new import that restores, for every key it wrote whose current record still comes
    /// from it, the state before it (a key it created becomes withdrawn). A key a later import changed again
    /// keeps that later change, and is counted in ``RevertSummary/kept``. A revert's record comes from the
    /// import whose state it restored, so reverting a revert, or an import after a later one was reverted,
    /// does what it says. History stays, and a revert can itself be reverted.
    package func revert(_ importID: Int64, note: String? = nil) throws -> RevertSummary {
        try dbWriter.write { db in
            guard let kind = try String.fetchOne(db, sql: "SELECT kind FROM import WHERE id = ?", arguments: [importID]) else {
                throw StoreQueryError(description: "there is no import \(importID) (see `naravard imports`)")
            }
            guard kind != "catalog" else {
                throw StoreQueryError(description: "import \(importID) loaded definitions (catalogue or agreements): load the earlier definitions again with `naravard catalog load` or `naravard agreements load` instead")
            }
            let revertID = try Self.insertImport(db, kind: "revert", note: note ?? "revert of import \(importID)", reverts: importID)
            var result = RevertSummary()
            try Self.traceRevertedKeys(db, importID)
            // For each key whose record comes from the import: the revision before it, if any, else withdrawn.
            try db.execute(sql: """
                INSERT INTO observation (key, import_id, status, value, numerator, denominator, note)
                SELECT r.key, ?1, coalesce(p.status, 2), p.value, p.numerator, p.denominator, p.note
                FROM temp.revert_key r
                LEFT JOIN observation p ON p.key = r.key
                    AND p.import_id = (SELECT max(import_id) FROM observation WHERE key = r.key AND import_id < ?2)
                WHERE r.from_import
                """, arguments: [revertID, importID])
            let restored = db.changesCount
            // Keys whose current state already equals the restored one are unchanged; drop those revisions.
            try db.execute(sql: """
                DELETE FROM observation AS n WHERE n.import_id = ?1 AND EXISTS (
                    SELECT 1 FROM observation c
                    WHERE c.key = n.key AND c.import_id = (SELECT max(import_id) FROM observation WHERE key = n.key AND import_id < ?1)
                      AND c.status = n.status AND c.value IS n.value AND c.numerator IS n.numerator AND c.denominator IS n.denominator)
                """, arguments: [revertID])
            result.summary.importID = revertID
            result.summary.unchanged = db.changesCount
            result.summary.updated = restored - result.summary.unchanged
            result.kept = try Int.fetchOne(db, sql: "SELECT count(*) FROM temp.revert_key WHERE NOT from_import") ?? 0
            var keptBy = Set(try Int64.fetchAll(db, sql: "SELECT DISTINCT current FROM temp.revert_key WHERE NOT from_import"))
            try db.execute(sql: "DROP TABLE temp.revert_key")
            let use = try Self.revertActivityUse(db, importID, by: revertID)
            result.summary.updated += use.updated
            result.summary.unchanged += use.unchanged
            result.kept += use.kept.count
            keptBy.formUnion(use.kept)
            result.keptBy = keptBy.sorted()
            try Self.finishImport(db, revertID, result.summary)
            return result
        }
    }

    /// Fills `temp.revert_key` with every key the import wrote, its current revision, and whether that record
    /// comes from the import: it is the import's own revision, or a revert's that restored it (followed back
    /// through reverts of reverts).
    private static func traceRevertedKeys(_ db: Database, _ importID: Int64) throws {
        try db.execute(sql: "CREATE TEMP TABLE revert_key (key INTEGER PRIMARY KEY, current INTEGER NOT NULL, from_import INTEGER NOT NULL DEFAULT 0)")
        try db.execute(sql: """
            INSERT INTO temp.revert_key (key, current)
            SELECT t.key, (SELECT max(import_id) FROM observation WHERE key = t.key) FROM observation t WHERE t.import_id = ?
            """, arguments: [importID])
        try db.execute(sql: "UPDATE temp.revert_key SET from_import = 1 WHERE current = ?", arguments: [importID])
        // The rest: follow each revert back to the revision it restored, while that can still be the import's.
        try db.execute(sql: """
            WITH RECURSIVE trace(key, revision) AS (
                SELECT key, current FROM temp.revert_key WHERE current != ?1
                UNION ALL
                SELECT t.key, (SELECT max(o.import_id) FROM observation o WHERE o.key = t.key AND o.import_id < i.reverts)
                FROM trace t JOIN import i ON i.id = t.revision AND i.kind = 'revert'
                WHERE t.revision > ?1
            )
            UPDATE temp.revert_key SET from_import = 1 WHERE key IN (SELECT key FROM trace WHERE revision = ?1)
            """, arguments: [importID])
    }

    /// The money-use part of a revert: each activity and quarter whose current figure is the import's goes
    /// back to its figure before it (withdrawn where there was none); a figure a later import changed is kept.
    /// Returns how many changed, how many already were so, and the later imports of the kept figures.
    private static func revertActivityUse(_ db: Database, _ importID: Int64, by revertID: Int64) throws -> (updated: Int, unchanged: Int, kept: [Int64]) {
        let latest = "(SELECT max(import_id) FROM activity_use WHERE activity_id = t.activity_id AND period = t.period AND import_id < ?1)"
        let kept = try Int64.fetchAll(db, sql: "SELECT \(latest) FROM activity_use t WHERE t.import_id = ?2 AND \(latest) != ?2",
                                      arguments: [revertID, importID])
        try db.execute(sql: """
            INSERT INTO activity_use (activity_id, period, import_id, spent, note)
            SELECT t.activity_id, t.period, ?1, p.spent, p.note
            FROM activity_use t
            LEFT JOIN activity_use p ON p.activity_id = t.activity_id AND p.period = t.period
                AND p.import_id = (SELECT max(import_id) FROM activity_use
                                   WHERE activity_id = t.activity_id AND period = t.period AND import_id < t.import_id)
            WHERE t.import_id = ?2 AND \(latest) = ?2
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
        return (updated, unchanged, kept)
    }
}

/// What a revert did: its import's counts, and the records it kept because a later import changed them again.
package struct RevertSummary: Sendable, CustomStringConvertible {
    package var summary = IngestSummary()
    /// Records the reverted import wrote that a later import changed again: kept as they are.
    package var kept = 0
    /// The imports that made those later changes, in order.
    package var keptBy: [Int64] = []

    package init() {}

    /// `imported 0, updated 3, …; kept 1 changed later by import 7`.
    package var description: String {
        guard kept > 0 else { return "\(summary); kept 0" }
        let imports = keptBy.map(String.init).joined(separator: ", ")
        return "\(summary); kept \(kept) changed later by import\(keptBy.count == 1 ? "" : "s") \(imports)"
    }

    /// The ingest summary's JSON object with `"kept"` and `"kept_by"` added.
    package var json: String {
        String(summary.json.dropLast()) + ", \"kept\": \(kept), \"kept_by\": [\(keptBy.map(String.init).joined(separator: ", "))]}"
    }
}
