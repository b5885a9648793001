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
        try dbWriter.read { db in
            if let asOf = query.asOf {
                guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM import WHERE id = ?)", arguments: [asOf]) == true else {
                    throw StoreQueryError(description: "there is no import \(asOf) (see `naravard imports`)")
                }
            }
            var conditions = ["r.status != 'withdrawn'"]
            var arguments = StatementArguments()
            if !query.indicators.isEmpty {
                conditions.append("k.indicator IN (\(query.indicators.map { _ in "?" }.joined(separator: ",")))")
                arguments += StatementArguments(query.indicators)
            }
            if let period = query.period {
                if query.exactPeriod {
                    conditions.append("k.period = ?")
                    arguments += [period.description]
                } else {
                    // Periods of every kind up to the end of the given one.
                    conditions.append("""
                        ((k.period_kind = 'year' AND k.period_index <= ?) OR (k.period_kind = 'quarter' AND k.period_index <= ?)
                         OR (k.period_kind = 'month' AND k.period_index <= ?))
                        """)
                    let (year, quarter, month) = period.lastIndexes
                    arguments += [year, quarter, month]
                }
            }
            if !query.areas.isEmpty {
                conditions.append("k.area IN (\(query.areas.map { _ in "?" }.joined(separator: ",")))")
                arguments += StatementArguments(query.areas)
            }
            if let gender = query.gender {
                conditions.append("k.gender = ?")
                arguments += [gender.rawValue]
            }
            let revision = try Self.revisionCondition(db, asOf: query.asOf)
            let sql = """
                SELECT k.indicator, k.area, k.period_kind, k.period_index, k.gender,
                       r.value, r.numerator, r.denominator, r.status, r.note
                FROM series_key k JOIN revision r ON \(revision)
                WHERE \(conditions.joined(separator: " AND "))
                ORDER BY k.indicator, k.area, k.period, k.gender  -- the order of the unique index: no sort
                """
            var observations: [Observation] = []
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                guard let kind = Period.Kind(rawValue: row[2]), let gender = Gender(rawValue: row[4]),
                      let status = Observation.Status(rawValue: row[8]) else { continue }
                observations.append(Observation(
                    indicator: row[0], area: row[1], period: Period(kind: kind, index: row[3]), gender: gender,
                    value: row[5], numerator: row[6], denominator: row[7], status: status, note: row[9]))
            }
            return observations
        }
    }
}

extension MetricsStore {
    /// Every indicator id with stored values, in id order (also those no longer in the catalogue).
    public func storedIndicators() throws -> [String] {
        try dbWriter.read { try String.fetchAll($0, sql: "SELECT DISTINCT indicator FROM series_key ORDER BY indicator") }
    }

    /// The SQL condition that joins `series_key k` to the revision `r` in force as of an import.
    /// As of the latest import is the current state, which needs no search through the history.
    static func revisionCondition(_ db: Database, asOf: Int64?) throws -> String {
        let latest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM import") ?? 0
        guard let asOf, asOf < latest else { return "r.id = k.current_revision" }
        return "r.id = (SELECT max(id) FROM revision WHERE key_id = k.id AND import_id <= \(asOf))"
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
