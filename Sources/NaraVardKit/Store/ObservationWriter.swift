import GRDB

/// Writes one import's records into the `observation` table with prepared statements, and tells how
/// each compares with the store before the import: a new key, a changed value, or the same again.
///
/// A changed record is inserted under the import's id, so a key given twice in one import meets the
/// primary key; a record equal to the stored state is not written, only noted (in a ``CompactKeySet``), so
/// that a later row of the same key with other numbers is caught too.
final class ObservationWriter {
    /// Imported, updated and unchanged records, and the rows rejected for conflicting keys.
    private(set) var summary = IngestSummary()
    /// Accept a value given without counts over stored counts it disagrees with (`--replace-counts`).
    var replaceCounts = false
    /// Values given without counts over stored counts they disagree with: refused (rejected) unless
    /// ``replaceCounts``, then written and listed here for a warning.
    private(set) var countCorrections: [CheckedRecord] = []
    /// New or changed values that break sharply from their series' previous periods (``SeriesBreak``).
    private(set) var seriesBreaks: [(record: CheckedRecord, found: SeriesBreak)] = []
    /// Keys given twice in this import with different numbers: the row that showed it. That row and every
    /// later one with the key are rejected, and the record written before is taken out again.
    private(set) var conflicts: [StoredKey: RowPlace] = [:]
    /// Makes keys from ids; safe to use from another thread.
    let keys: StoredKeyMaker

    /// A catalogue too large for the key's bits, or a period the key cannot hold.
    struct KeyError: Error, CustomStringConvertible {
        var description: String
    }

    private let db: Database
    private let importID: Int64
    /// Indicators with records from earlier imports: only their records need comparing with the store.
    private var hasEarlierRecords: [Int64: Bool] = [:]
    private var periods: Set<Int64> = []
    /// The period of the last record written: rows come grouped, so most need no lookup in ``periods``.
    private var lastPeriod: Int64 = -1
    /// The answer of ``hasEarlierRecords(_:)`` for the indicator asked last.
    private var lastIndicator: (code: Int64, hasEarlierRecords: Bool) = (-1, false)

    private let insert: BulkStatement
    private let stored: BulkStatement
    private let remove: BulkStatement
    private let anyRecord: BulkStatement
    /// Keys given unchanged in this import and not taken back.
    private var unchangedKeys = CompactKeySet()
    private let history: BulkStatement

    init(db: Database, importID: Int64, catalog: Catalog) throws {
        self.db = db
        self.importID = importID
        // Codes for every indicator and area of the catalogue, given in id order so that key order
        // follows id order for all a first catalogue holds.
        for (table, ids) in [("indicator_code", catalog.indicators.map(\.id)), ("area_code", catalog.geography.areas.map(\.id))] {
            for id in Set(ids).sorted() {
                try db.execute(sql: "INSERT INTO \(table) (id) VALUES (?) ON CONFLICT DO NOTHING", arguments: [id])
            }
        }
        let codes = try StoredCodes(db)
        keys = StoredKeyMaker(indicatorCode: codes.indicatorCode, areaCode: codes.areaCode)
        guard (codes.indicatorCode.values.max() ?? 0) <= StoredKey.maxIndicatorCode, (codes.areaCode.values.max() ?? 0) <= StoredKey.maxAreaCode else {
            throw KeyError(description: "the store holds more indicators or areas than its keys can number")
        }
        insert = try BulkStatement(db, sql: """
            INSERT INTO observation (key, import_id, status, value, numerator, denominator, note)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING
            """)
        stored = try BulkStatement(db, sql: """
            SELECT import_id, status, value, numerator, denominator FROM observation
            WHERE key = ?1 AND import_id <= ?2 ORDER BY import_id DESC LIMIT 2
            """)
        remove = try BulkStatement(db, sql: "DELETE FROM observation WHERE key = ?1 AND import_id = ?2")
        anyRecord = try BulkStatement(db, sql: "SELECT 1 FROM observation WHERE key BETWEEN ?1 AND ?2 AND import_id < ?3 LIMIT 1")
        history = try BulkStatement(db, sql: """
            SELECT key, status, value FROM observation WHERE key BETWEEN ?1 AND ?3 AND import_id < ?2 ORDER BY key, import_id
            """)
        for statement in [insert, stored, remove, anyRecord, history] { statement.bind(2, importID) }
        anyRecord.bind(3, importID)
    }

    func write(_ record: CheckedRecord) throws {
        var record = record
        let key = record.key
        if !conflicts.isEmpty, conflicts[key] != nil {
            summary.rejected += 1
            return
        }
        // The key's stored records, read once for the correction rule and the outcome.
        let (previous, writtenBefore) = try storedRecords(key)
        if let tolerance = record.valueTolerance, let stored = previous,
           stored.status == Observation.Status.reported.storedCode, stored.numerator != nil {
            // A value without counts over a record with counts: the same record when it agrees with them.
            if let given = record.numbers.value, let value = stored.value,
               abs(given - value) <= tolerance + 1e-12 * abs(value) {
                record.numbers = stored
            } else {
                countCorrections.append(record)
                if !replaceCounts {
                    summary.rejected += 1
                    return
                }
            }
        }
        let outcome = Self.outcome(record.numbers, previous: previous)
        if outcome == .unchanged {
            // Not written: the stored record stands. An earlier row of this import must not have changed it.
            if let first = writtenBefore {
                try conflict(record, first: Self.outcome(first, previous: previous), writtenFirst: true)
                return
            }
            unchangedKeys.insert(key.rawValue)
            return
        }
        if try hasEarlierRecords(key.indicatorCode), unchangedKeys.contains(key.rawValue) {
            try conflict(record, first: .unchanged, writtenFirst: false)
            return
        }
        insert.bind(1, key.rawValue)
        insert.bind(3, record.numbers.status)
        insert.bind(4, record.numbers.value)
        insert.bind(5, record.numbers.numerator)
        insert.bind(6, record.numbers.denominator)
        insert.bind(7, record.note)
        try insert.run()
        if insert.changes == 0 {
            let first = try writtenRecord(key)
            if first != record.numbers { try conflict(record, first: Self.outcome(first, previous: previous), writtenFirst: true) }
            return
        }
        let period = key.rawValue >> StoredKey.periodShift & StoredKey.periodCodeMask
        if period != lastPeriod {
            periods.insert(period)
            lastPeriod = period
        }
        summary.count(outcome, by: 1)
        if let value = record.numbers.value, try hasEarlierRecords(key.indicatorCode),
           let found = SeriesBreak.check(value, numerator: record.numbers.numerator, history: try previousValues(key)) {
            seriesBreaks.append((record, found))
        }
    }

    /// The values stored before this import for the key's previous ``SeriesBreak/periods`` periods (same
    /// area and gender), each period's latest revision, oldest first.
    private func previousValues(_ key: StoredKey) throws -> [Double] {
        let genderBits = key.rawValue & 3
        let periodUnit: Int64 = 1 << StoredKey.periodShift
        let first = key.rawValue - Int64(SeriesBreak.periods) * periodUnit
        let seriesShift = StoredKey.periodShift + 24  // indicator, area and period kind
        guard first >> seriesShift == key.rawValue >> seriesShift else { return [] }
        history.bind(1, first)
        history.bind(3, key.rawValue - 1)
        defer { history.reset() }
        var latest: [Int64: Double?] = [:]
        while try history.step() {
            let stored = history.int64(0)
            guard stored & 3 == genderBits else { continue }
            latest[stored] = history.int64(1) == Observation.Status.reported.storedCode ? history.double(2) : nil
        }
        return latest.keys.sorted().compactMap { latest[$0] ?? nil }
    }

    /// The record's key was given earlier in this import with other numbers: that earlier record is
    /// taken back (out of the table if it was written) and this row rejected.
    private func conflict(_ record: CheckedRecord, first: WriteOutcome, writtenFirst: Bool) throws {
        if writtenFirst {
            remove.bind(1, record.key.rawValue)
            try remove.run()
        }
        if first == .unchanged {
            unchangedKeys.remove(record.key.rawValue)
        } else {
            summary.count(first, by: -1)
        }
        summary.rejected += 1
        conflicts[record.key] = record.place
    }

    /// The latest record of a key from earlier imports, unless there is none or it was withdrawn, and the
    /// record an earlier row of this import wrote for it: one read of at most two rows.
    private func storedRecords(_ key: StoredKey) throws -> (earlier: StoredNumbers?, written: StoredNumbers?) {
        guard try hasEarlierRecords(key.indicatorCode) else { return (nil, nil) }
        stored.bind(1, key.rawValue)
        defer { stored.reset() }
        var records: (earlier: StoredNumbers?, written: StoredNumbers?) = (nil, nil)
        while try stored.step() {
            let numbers = storedRow()
            if stored.int64(0) == importID {
                records.written = numbers
            } else {
                if numbers.status != Observation.Status.withdrawn.storedCode { records.earlier = numbers }
                break
            }
        }
        return records
    }

    /// The record this import wrote for a key: it is there when the key's insert met the primary key.
    private func writtenRecord(_ key: StoredKey) throws -> StoredNumbers {
        stored.bind(1, key.rawValue)
        defer { stored.reset() }
        guard try stored.step(), stored.int64(0) == importID else {
            throw KeyError(description: "the record written for a key in this import cannot be read back")
        }
        return storedRow()
    }

    /// The numbers of the row ``stored`` stands on.
    private func storedRow() -> StoredNumbers {
        StoredNumbers(status: stored.int64(1), value: stored.double(2), numerator: stored.double(3), denominator: stored.double(4))
    }

    /// How a record compares with the latest earlier one of its key (``storedRecords(_:)``).
    private static func outcome(_ numbers: StoredNumbers, previous: StoredNumbers?) -> WriteOutcome {
        WriteOutcome(previous.map { $0 == numbers })
    }

    private func hasEarlierRecords(_ indicator: Int64) throws -> Bool {
        if lastIndicator.code == indicator { return lastIndicator.hasEarlierRecords }
        if let known = hasEarlierRecords[indicator] {
            lastIndicator = (indicator, known)
            return known
        }
        let range = StoredKey.range(indicator: indicator)
        anyRecord.bind(1, range.lowerBound)
        anyRecord.bind(2, range.upperBound)
        defer { anyRecord.reset() }
        let found = try anyRecord.step()
        hasEarlierRecords[indicator] = found
        lastIndicator = (indicator, found)
        return found
    }

    /// Counts the keys given unchanged and records the periods written.
    func finish() throws {
        summary.unchanged = unchangedKeys.count()
        let add = try BulkStatement(db, sql: "INSERT INTO stored_period (code) VALUES (?1) ON CONFLICT DO NOTHING")
        for period in periods {
            add.bind(1, period)
            try add.run()
        }
    }
}

/// The numbers of a record as stored: what decides whether two records are the same (the note does not).
struct StoredNumbers: Equatable {
    var status: Int64
    var value: Double?
    var numerator: Double?
    var denominator: Double?
}

extension StoredNumbers {
    init(_ observation: Observation) {
        self.init(status: observation.status.storedCode, value: observation.value,
                  numerator: observation.numerator, denominator: observation.denominator)
    }
}

/// Packs the ids of a validated record into its key, with the store's codes as they were when the import began.
struct StoredKeyMaker: Sendable {
    let indicatorCode: [String: Int64]
    let areaCode: [String: Int64]

    /// The indicator and area ids of a key (a lookup through every code: for messages, not for every row).
    func indicatorID(_ key: StoredKey) -> String? { indicatorCode.first { $0.value == key.indicatorCode }?.key }
    func areaID(_ key: StoredKey) -> String? { areaCode.first { $0.value == key.areaCode }?.key }

    /// Nil for an id without a code (not in the catalogue) or a period a key cannot hold.
    func key(for observation: Observation) -> StoredKey? {
        guard let indicator = indicatorCode[observation.indicator], let area = areaCode[observation.area] else { return nil }
        return StoredKey(indicator: indicator, area: area, period: observation.period, gender: observation.gender)
    }
}
