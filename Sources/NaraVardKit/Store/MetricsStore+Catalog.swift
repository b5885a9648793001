import Foundation
import GRDB

/// What a catalogue load changed.
public struct CatalogLoadSummary: Sendable, Codable {
    public var importID: Int64?
    public var imported = 0
    public var updated = 0
    public var unchanged = 0
    /// Problems that did not stop the load (agreements: decisions outside the year, more decided than allocated).
    public var warnings: [Diagnostic] = []

    enum CodingKeys: String, CodingKey {
        case importID = "import_id", imported, updated, unchanged
    }
}

extension MetricsStore {
    /// Adds or updates every definition of a catalogue (shifts, areas, indicators) and of agreements and
    /// activities, recorded as one import.
    /// - Parameter onlyAdd: keep definitions already in the store (what `init` on an existing store does).
    @discardableResult
    public func loadCatalog(
        _ catalog: Catalog, agreements: AgreementBook = AgreementBook(), note: String? = nil, onlyAdd: Bool = false
    ) throws -> CatalogLoadSummary {
        try dbWriter.write { db in
            // Checks against what the store already holds.
            let stored = try Self.catalog(db)
            let knownAreas = Set(stored.geography.versions.map(\.id) + catalog.geography.versions.map(\.id))
            let problems = catalog.unknownParents(known: knownAreas) + catalog.unknownTargetAreas(known: knownAreas)
                + catalog.koladaConflicts(with: stored.indicators)
            guard problems.isEmpty else { throw Diagnostics(problems) }
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
            for area in catalog.geography.versions {
                let definition = try json(area)
                let validFrom = area.validFrom ?? ""
                let previous = try String.fetchOne(db, sql: """
                    SELECT definition FROM area_version WHERE id = ? AND valid_from = ? ORDER BY import_id DESC LIMIT 1
                    """, arguments: [area.id, validFrom])
                record(previous: previous, new: definition,
                       sql: "INSERT INTO area_version (id, valid_from, definition, import_id) VALUES (?, ?, ?, :import)",
                       arguments: [area.id, validFrom, definition])
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
            let indicators = Set(stored.indicators.map(\.id) + catalog.indicators.map(\.id))
            let (agreementWrites, warnings) = try Self.stageAgreements(db, agreements, indicators: indicators)
            summary.warnings = warnings
            for write in agreementWrites {
                record(previous: write.previous, new: write.new, sql: write.sql, arguments: write.arguments)
            }
            if onlyAdd, writes.isEmpty { return summary }
            let importID = try Self.insertImport(db, kind: "catalog", note: note)
            for write in writes {
                try db.execute(sql: write.sql.replacingOccurrences(of: ":import", with: "\(importID)"), arguments: write.arguments)
            }
            try Self.recordFiles(db, importID, (catalog.files + agreements.files).map { ImportedFile(path: $0.path, sha256: $0.sha256, rows: 1) })
            var counts = IngestSummary()
            (counts.imported, counts.updated, counts.unchanged) = (summary.imported, summary.updated, summary.unchanged)
            try Self.finishImport(db, importID, counts)
            summary.importID = importID
            return summary
        }
    }

    /// The catalogue as it was right after an import (nil: now): indicator definitions and areas as loaded
    /// by then; the direction shifts as they are now.
    public func catalog(asOf: Int64? = nil) throws -> Catalog {
        try dbWriter.read { db in try Self.catalog(db, asOf: asOf) }
    }

    static func catalog(_ db: Database, asOf: Int64? = nil) throws -> Catalog {
        let decoder = JSONDecoder()
        func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T { try decoder.decode(type, from: Data(text.utf8)) }
        let limit = asOf ?? Int64.max
        let shifts = try String.fetchAll(db, sql: "SELECT definition FROM shift ORDER BY id").map { try decode(Shift.self, $0) }
        let indicators = try String.fetchAll(db, sql: """
            SELECT definition FROM indicator_revision r
            WHERE import_id = (SELECT max(import_id) FROM indicator_revision WHERE indicator_id = r.indicator_id AND import_id <= ?)
            """, arguments: [limit]).map { try decode(Indicator.self, $0) }.sorted { ($0.shift, $0.id) < ($1.shift, $1.id) }
        let areas = try Row.fetchAll(db, sql: """
            SELECT definition, valid_from FROM area_version a
            WHERE import_id = (SELECT max(import_id) FROM area_version
                               WHERE id = a.id AND valid_from = a.valid_from AND import_id <= ?)
            ORDER BY id, valid_from
            """, arguments: [limit]).map { row in
            var area = try decode(Area.self, row["definition"])
            let validFrom: String = row["valid_from"]
            area.validFrom = validFrom.isEmpty ? nil : validFrom
            return area
        }
        return Catalog(shifts: shifts, indicators: indicators, geography: Geography(areas: areas))
    }
}
