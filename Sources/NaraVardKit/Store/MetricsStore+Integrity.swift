import GRDB

extension MetricsStore {
    /// SQLite's `integrity_check` and `foreign_key_check`: empty when the file is sound.
    package func integrityProblems() throws -> [String] {
        do {
            return try checkIntegrity()
        } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode.primaryResultCode) {
            return [error.message ?? "the file is damaged"]
        }
    }

    private func checkIntegrity() throws -> [String] {
        try dbWriter.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                "foreign key: row \(row[1] as Int64? ?? 0) of \(row[0] as String? ?? "?") points to a missing \(row[2] as String? ?? "?")"
            }
            return (integrity == ["ok"] ? [] : integrity) + foreignKeys
        }
    }
}
