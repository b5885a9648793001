import Foundation
import GRDB

/// A file as the audit log records it (`import_file`): its path as given, checksum and rows read.
struct ImportedFile {
    var path: String
    var sha256: String
    var rows: Int
}

// MARK: - The audit log: every write to the store is an import, with its kind, counts and files

extension MetricsStore {
    /// Starts an import record and returns its id (from the sequence shared by every kind of import).
    static func insertImport(_ db: Database, kind: String, note: String?, reverts: Int64? = nil) throws -> Int64 {
        try db.execute(sql: "INSERT INTO import (kind, created_at, note, reverts) VALUES (?, ?, ?, ?)",
                       arguments: [kind, Self.timestamp(), note, reverts])
        return db.lastInsertedRowID
    }

    /// Records the files an import read, in the order given.
    static func recordFiles(_ db: Database, _ importID: Int64, _ files: [ImportedFile]) throws {
        for (position, file) in files.enumerated() {
            try db.execute(sql: "INSERT INTO import_file (import_id, position, path, sha256, rows) VALUES (?, ?, ?, ?, ?)",
                           arguments: [importID, position, file.path, file.sha256, file.rows])
        }
    }

    /// Sets an import's counts from its summary.
    static func finishImport(_ db: Database, _ importID: Int64, _ summary: IngestSummary) throws {
        try db.execute(sql: """
            UPDATE import SET imported = ?, updated = ?, unchanged = ?, ignored = ?, rejected = ? WHERE id = ?
            """, arguments: [summary.imported, summary.updated, summary.unchanged, summary.ignored, summary.rejected, importID])
    }

    /// A time as the audit and report logs write it (now, for an import): ISO 8601 in the local time zone, to the second.
    static func timestamp(_ date: Date = Date()) -> String {
        ISO8601DateFormatter.string(from: date, timeZone: .current, formatOptions: [.withInternetDateTime])
    }
}
