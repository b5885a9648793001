import GRDB

/// The net change of one record between two states of the store (`naravard changes`).
package struct RecordChange: Sendable, Equatable {
    /// A record's state on one side of the change: nil where the key has no record (never imported, or withdrawn).
    package struct State: Sendable, Equatable {
        package var value: Double?
        package var numerator: Double?
        package var denominator: Double?
        /// The record's status (`reported`, `missing`, …).
        package var status: String
    }

    package var indicator: String
    package var area: String
    package var period: Period
    package var gender: Gender
    /// Before: nil for a key new since then.
    package var old: State?
    /// After: nil for a key withdrawn (printed as `absent`).
    package var new: State?
    /// The last import that changed the key (nil for a change not yet written).
    package var importID: Int64?
}

extension MetricsStore {
    /// Every key whose record differs between the state after import `since` (0: the empty store) and the state
    /// after import `until` (nil: now), one change per key, in indicator, area, period, gender order. Two
    /// records are the same when value, numerator, denominator and status agree (notes do not count).
    /// - Throws: ``StoreQueryError`` for an import that does not exist, or `since` after `until`.
    package func changes(since: Int64, until: Int64? = nil, indicators: [String] = []) throws -> [RecordChange] {
        var changes: [RecordChange] = []
        try forEachChange(since: since, until: until, indicators: indicators) { changes.append($0) }
        return changes
    }

    /// Calls `body` with each change of ``changes(since:until:indicators:)`` in the same order, one indicator's
    /// changes in memory at a time, so that a listing of a whole store stays flat.
    package func forEachChange(
        since: Int64, until: Int64? = nil, indicators: [String] = [], _ body: (RecordChange) throws -> Void
    ) throws {
        try dbWriter.read { db in
            if since != 0 { try Self.requireImport(db, since) }
            try Self.requireImport(db, until)
            if let until, until < since {
                throw StoreQueryError(description: "--until \(until) is before --since \(since)")
            }
            try Self.forEachChange(db, since: since, until: until, indicators: indicators, body)
        }
    }

    /// ``forEachChange(since:until:indicators:_:)`` inside a read or a write (an ingest's dry run lists its changes
    /// before rolling back), with the imports already checked.
    static func forEachChange(
        _ db: Database, since: Int64, until: Int64?, indicators: [String] = [], _ body: (RecordChange) throws -> Void
    ) throws {
        let codes = try StoredCodes(db)
        // For each key of an indicator written after `since` up to `until`: its latest revision there and its
        // revision in force after `since`.
        let statement = try BulkStatement(db, sql: """
            WITH touched AS (
                SELECT key, max(import_id) AS last FROM observation
                WHERE key BETWEEN ?1 AND ?2 AND import_id > ?3 AND import_id <= ?4 GROUP BY key)
            SELECT t.key, t.last, n.status, n.value, n.numerator, n.denominator,
                   o.status, o.value, o.numerator, o.denominator
            FROM touched t
            JOIN observation n ON n.key = t.key AND n.import_id = t.last
            LEFT JOIN observation o ON o.key = t.key
                AND o.import_id = (SELECT max(import_id) FROM observation WHERE key = t.key AND import_id <= ?3)
            ORDER BY t.key
            """)
        statement.bind(3, since)
        statement.bind(4, until ?? Int64.max)
        var chunk: [RecordChange] = []
        for id in indicators.isEmpty ? codes.sortedIndicatorIDs : Set(indicators).sorted() {
            guard let indicator = codes.indicatorCode[id] else { continue }
            let range = StoredKey.range(indicator: indicator)
            statement.bind(1, range.lowerBound)
            statement.bind(2, range.upperBound)
            defer { statement.reset() }
            chunk.removeAll(keepingCapacity: true)
            while try statement.step() {
                let new = Self.changeState(statement, from: 2)
                let old = Self.changeState(statement, from: 6)
                guard new != old else { continue }
                let key = StoredKey(rawValue: statement.int64(0))
                chunk.append(RecordChange(
                    indicator: id, area: codes.area(key.areaCode), period: key.period,
                    gender: key.gender, old: old, new: new, importID: statement.int64(1)))
            }
            // Keys follow area codes, which follow id order unless areas were added to the catalogue later.
            let order = { (change: RecordChange) in
                (change.area, change.period.kind.storedCode, change.period.index, change.gender.rawValue)
            }
            if !chunk.isSorted(by: { order($0) < order($1) }) { chunk.sort { order($0) < order($1) } }
            for change in chunk { try body(change) }
        }
    }

    /// What the import being written (not yet committed) changes, with no import id: it will not be kept.
    static func dryRunChanges(_ db: Database, _ importID: Int64) throws -> [RecordChange] {
        var changes: [RecordChange] = []
        try forEachChange(db, since: importID - 1, until: importID) { change in
            var change = change
            change.importID = nil
            changes.append(change)
        }
        return changes
    }

    /// The state in four columns from `column` (status, value, numerator, denominator); nil for no row or withdrawn.
    private static func changeState(_ statement: BulkStatement, from column: Int32) -> RecordChange.State? {
        guard statement.double(column) != nil else { return nil }
        let status = Observation.Status(storedCode: statement.int64(column))
        guard status != .withdrawn else { return nil }
        return RecordChange.State(
            value: statement.double(column + 1), numerator: statement.double(column + 2),
            denominator: statement.double(column + 3), status: status.rawValue)
    }
}
