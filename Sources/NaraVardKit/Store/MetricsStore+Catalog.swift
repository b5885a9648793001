import Foundation
import GRDB

/// The catalogue as the store holds it now.
public struct StoredCatalog: Sendable {
    public var shifts: [Shift]
    /// Current definitions, ordered by shift and id.
    public var indicators: [Indicator]
    public var geography: Geography

    public func indicator(_ id: String) -> Indicator? { indicators.first { $0.id == id } }
    public func shift(_ id: Int) -> Shift? { shifts.first { $0.id == id } }
}

/// What a catalogue load changed.
public struct CatalogLoadSummary: Sendable, Codable {
    public var importID: Int64?
    public var imported = 0
    public var updated = 0
    public var unchanged = 0

    enum CodingKeys: String, CodingKey {
        case importID = "import_id", imported, updated, unchanged
    }
}

extension MetricsStore {
    /// Adds or updates every definition of a catalogue (shifts, areas, indicators), recorded as an import.
    /// - Parameter onlyAdd: keep definitions already in the store (what `init` on an existing store does).
    @discardableResult
    public func loadCatalog(_ catalog: Catalog, note: String? = nil, onlyAdd: Bool = false) throws -> CatalogLoadSummary {
        try dbWriter.write { db in
            var summary = CatalogLoadSummary()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            func json(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }

            // First decide what changes, then write it under one import id.
            var writes: [(sql: String, arguments: StatementArguments)] = []
            func record(previous: String?, new: String, sql: String, arguments: StatementArguments) {
                if previous == new || (onlyAdd && previous != nil) { summary.unchanged += 1; return }
                if previous == nil { summary.imported += 1 } else { summary.updated += 1 }
                writes.append((sql, arguments))
            }
            for shift in catalog.shifts {
                let definition = try json(shift)
                let previous = try String.fetchOne(db, sql: "SELECT definition FROM shift WHERE id = ?", arguments: [shift.id])
                record(previous: previous, new: definition,
                       sql: "INSERT OR REPLACE INTO shift (id, definition, import_id) VALUES (?, ?, :import)",
                       arguments: [shift.id, definition])
            }
            let validFrom = catalog.validFrom ?? ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate])
            for area in catalog.areas {
                let definition = try json(area)
                let previous = try Row.fetchOne(db, sql: "SELECT definition, valid_from FROM area WHERE id = ?", arguments: [area.id])
                record(previous: previous.map { $0["definition"] as String + "@" + ($0["valid_from"] as String) },
                       new: definition + "@" + validFrom,
                       sql: "INSERT OR REPLACE INTO area (id, definition, valid_from, import_id) VALUES (?, ?, ?, :import)",
                       arguments: [area.id, definition, validFrom])
            }
            for indicator in catalog.indicators {
                let definition = try json(indicator)
                let previous = try String.fetchOne(db, sql: """
                    SELECT definition FROM indicator_revision WHERE indicator_id = ? ORDER BY import_id DESC LIMIT 1
                    """, arguments: [indicator.id])
                record(previous: previous, new: definition,
                       sql: "INSERT INTO indicator_revision (indicator_id, definition, import_id) VALUES (?, ?, :import)",
                       arguments: [indicator.id, definition])
            }
            if onlyAdd, writes.isEmpty { return summary }
            let importID = try Self.insertImport(db, kind: "catalog", note: note)
            for write in writes {
                try db.execute(sql: write.sql.replacingOccurrences(of: ":import", with: "\(importID)"), arguments: write.arguments)
            }
            for (position, file) in catalog.files.enumerated() {
                try db.execute(sql: "INSERT INTO import_file (import_id, position, path, sha256, rows) VALUES (?, ?, ?, ?, 1)",
                               arguments: [importID, position, file.path, file.sha256])
            }
            try db.execute(sql: "UPDATE import SET imported = ?, updated = ?, unchanged = ? WHERE id = ?",
                           arguments: [summary.imported, summary.updated, summary.unchanged, importID])
            summary.importID = importID
            return summary
        }
    }

    /// The current catalogue.
    public func catalog() throws -> StoredCatalog {
        try dbWriter.read { db in try Self.catalog(db) }
    }

    static func catalog(_ db: Database) throws -> StoredCatalog {
        let decoder = JSONDecoder()
        func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T { try decoder.decode(type, from: Data(text.utf8)) }
        let shifts = try String.fetchAll(db, sql: "SELECT definition FROM shift ORDER BY id").map { try decode(Shift.self, $0) }
        let indicators = try String.fetchAll(db, sql: """
            SELECT definition FROM indicator_revision r
            WHERE import_id = (SELECT max(import_id) FROM indicator_revision WHERE indicator_id = r.indicator_id)
            """).map { try decode(Indicator.self, $0) }.sorted { ($0.shift, $0.id) < ($1.shift, $1.id) }
        let areaRows = try Row.fetchAll(db, sql: "SELECT definition, valid_from FROM area ORDER BY id")
        let areas = try areaRows.map { try decode(Area.self, $0["definition"]) }
        let validFrom = areaRows.map { $0["valid_from"] as String }.max() ?? ""
        return StoredCatalog(shifts: shifts, indicators: indicators, geography: Geography(validFrom: validFrom, areas: areas))
    }

    /// Starts an import record and returns its id (from the sequence shared by every kind of import).
    static func insertImport(_ db: Database, kind: String, note: String?, reverts: Int64? = nil) throws -> Int64 {
        try db.execute(sql: "INSERT INTO import (kind, created_at, note, reverts) VALUES (?, ?, ?, ?)",
                       arguments: [kind, Self.timestamp(), note, reverts])
        return db.lastInsertedRowID
    }

    static func timestamp() -> String {
        ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withInternetDateTime])
    }
}
