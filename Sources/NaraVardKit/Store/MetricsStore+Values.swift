import GRDB

/// Which stored records to read.
public struct ObservationQuery: Sendable {
    /// Read the store as it was right after this import (nil: as it is now).
    public var asOf: Int64?
    /// Only these indicators (empty: all).
    public var indicators: [String] = []
    /// Only up to this period (same kind), or exactly this period with ``exactPeriod``.
    public var period: Period?
    public var exactPeriod = false
    public var gender: Gender?
    /// Only these areas (empty: all).
    public var areas: [String] = []

    public init(asOf: Int64? = nil) { self.asOf = asOf }
}

/// A request that names something the store does not have.
public struct StoreQueryError: Error, CustomStringConvertible {
    public var description: String
}

extension MetricsStore {
    /// The stored records (not withdrawn) as of an import, in indicator, area, period, gender order.
    public func observations(_ query: ObservationQuery = ObservationQuery()) throws -> [Observation] {
        var observations: [Observation] = []
        try forEachObservation(query) { observations.append($0) }
        return observations
    }

    /// Calls `body` with each stored record (not withdrawn) as of an import, in indicator, area,
    /// period, gender order, reading one key range at a time.
    func forEachObservation(_ query: ObservationQuery, _ body: (Observation) throws -> Void) throws {
        try dbWriter.read { db in
            try Self.requireImport(db, query.asOf)
            let codes = try StoredCodes(db)
            let indicators = (query.indicators.isEmpty ? codes.sortedIndicatorIDs : Set(query.indicators).sorted())
                .compactMap { id in codes.indicatorCode[id].map { (id, $0) } }
            let areas = Set(query.areas).sorted().compactMap { id in codes.areaCode[id] }
            let reader = try RevisionReader(db, asOf: query.asOf)
            let filter = ObservationFilter(query)
            var chunk: [Observation] = []
            for (_, indicator) in indicators {
                let ranges = areas.isEmpty
                    ? [StoredKey.range(indicator: indicator)]
                    : areas.map { StoredKey.range(indicator: indicator, area: $0) }
                chunk.removeAll(keepingCapacity: true)
                for range in ranges {
                    try reader.forEachCurrent(in: range) { key, record in
                        guard filter.admits(key) else { return }
                        chunk.append(record.observation(key, codes: codes))
                    }
                }
                // Keys follow id order unless areas were added to the catalogue later.
                if !chunk.isSorted(by: Observation.storedOrder) { chunk.sort(by: Observation.storedOrder) }
                for observation in chunk { try body(observation) }
            }
        }
    }
}

extension MetricsStore {
    /// Throws unless the import to read the store as of (if any) exists.
    static func requireImport(_ db: Database, _ asOf: Int64?) throws {
        guard let asOf else { return }
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM import WHERE id = ?)", arguments: [asOf]) == true else {
            throw StoreQueryError(description: "there is no import \(asOf) (see `naravard imports`)")
        }
    }
}

extension Observation {
    /// Area, period, gender (as letters): the order records are listed in within an indicator.
    static func storedOrder(_ lhs: Observation, _ rhs: Observation) -> Bool {
        (lhs.area, lhs.period.kind.storedCode, lhs.period.index, lhs.gender.rawValue)
            < (rhs.area, rhs.period.kind.storedCode, rhs.period.index, rhs.gender.rawValue)
    }
}

extension Array {
    func isSorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> Bool {
        indices.dropFirst().allSatisfy { !areInIncreasingOrder(self[$0], self[$0 - 1]) }
    }
}

/// The store's numbering of indicators and areas in keys.
struct StoredCodes {
    var indicatorCode: [String: Int64] = [:]
    var areaCode: [String: Int64] = [:]
    /// Ids by code (codes are small and dense: an array, not a dictionary, for lookups per record).
    private var indicatorIDs: [String] = []
    private var areaIDs: [String] = []
    /// Every numbered indicator id, sorted.
    var sortedIndicatorIDs: [String] { indicatorCode.keys.sorted() }

    init(_ db: Database) throws {
        for row in try Row.fetchAll(db, sql: "SELECT code, id FROM indicator_code") { indicatorCode[row[1]] = row[0] }
        for row in try Row.fetchAll(db, sql: "SELECT code, id FROM area_code") { areaCode[row[1]] = row[0] }
        indicatorIDs = Self.byCode(indicatorCode)
        areaIDs = Self.byCode(areaCode)
    }

    func indicator(_ code: Int64) -> String { code < indicatorIDs.count ? indicatorIDs[Int(code)] : "" }
    func area(_ code: Int64) -> String { code < areaIDs.count ? areaIDs[Int(code)] : "" }

    private static func byCode(_ codes: [String: Int64]) -> [String] {
        var ids = [String](repeating: "", count: Int(codes.values.max() ?? 0) + 1)
        for (id, code) in codes { ids[Int(code)] = id }
        return ids
    }
}

/// Reads, for a range of keys, the record of each key in force as of an import: its latest revision.
struct RevisionReader {
    struct Record {
        var status: Int64
        var value: Double?
        var numerator: Double?
        var denominator: Double?
        var note: String?

        func observation(_ key: StoredKey, codes: StoredCodes) -> Observation {
            Observation(
                indicator: codes.indicator(key.indicatorCode), area: codes.area(key.areaCode),
                period: key.period, gender: key.gender, value: value, numerator: numerator, denominator: denominator,
                status: Observation.Status(storedCode: status), note: note)
        }
    }

    private let statement: BulkStatement

    init(_ db: Database, asOf: Int64?) throws {
        statement = try BulkStatement(db, sql: """
            SELECT key, status, value, numerator, denominator, note FROM observation
            WHERE key BETWEEN ?1 AND ?2 AND import_id <= ?3 ORDER BY key, import_id
            """)
        statement.bind(3, asOf ?? Int64.max)
    }

    /// Calls `body` with each key of the range that has a record, not withdrawn, as of the import.
    func forEachCurrent(in range: ClosedRange<Int64>, _ body: (StoredKey, Record) throws -> Void) throws {
        statement.bind(1, range.lowerBound)
        statement.bind(2, range.upperBound)
        defer { statement.reset() }
        var pending: (key: Int64, record: Record)?
        while try statement.step() {
            let key = statement.int64(0)
            if let last = pending, last.key != key, last.record.status != Observation.Status.withdrawn.storedCode {
                try body(StoredKey(rawValue: last.key), last.record)
            }
            pending = (key, Record(status: statement.int64(1), value: statement.double(2), numerator: statement.double(3),
                                   denominator: statement.double(4), note: statement.text(5)))
        }
        if let last = pending, last.record.status != Observation.Status.withdrawn.storedCode {
            try body(StoredKey(rawValue: last.key), last.record)
        }
    }
}

/// The period and gender conditions of a query, checked on keys.
struct ObservationFilter {
    var period: Period?
    var exactPeriod: Bool
    var gender: Gender?
    /// The last index of each kind within the period.
    var lastIndexes: (year: Int, quarter: Int, month: Int)?

    init(_ query: ObservationQuery) {
        period = query.period
        exactPeriod = query.exactPeriod
        gender = query.gender
        lastIndexes = query.period?.lastIndexes
    }

    func admits(_ key: StoredKey) -> Bool {
        if let gender, key.gender != gender { return false }
        guard let period else { return true }
        let keyPeriod = key.period
        if exactPeriod { return keyPeriod == period }
        guard let last = lastIndexes else { return true }
        switch keyPeriod.kind {
        case .year: return keyPeriod.index <= last.year
        case .quarter: return keyPeriod.index <= last.quarter
        case .month: return keyPeriod.index <= last.month
        }
    }
}

extension MetricsStore {
    /// Every indicator id with stored values, in id order (also those no longer in the catalogue).
    package func storedIndicators() throws -> [String] {
        try dbWriter.read {
            try String.fetchAll($0, sql: """
                SELECT id FROM indicator_code i
                WHERE EXISTS (SELECT 1 FROM observation WHERE key BETWEEN (i.code << 44) AND ((i.code + 1) << 44) - 1)
                ORDER BY id
                """)
        }
    }
}

extension Period {
    /// The last year, quarter and month index that lie within this period.
    var lastIndexes: (year: Int, quarter: Int, month: Int) {
        switch kind {
        case .year: (year, year * 4 + 3, year * 12 + 11)
        case .quarter: (year - (part == 4 ? 0 : 1), index, year * 12 + part * 3 - 1)
        case .month: (year - (part == 12 ? 0 : 1), year * 4 + (part / 3) - 1, index)
        }
    }
}
