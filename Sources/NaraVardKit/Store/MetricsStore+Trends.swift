import Foundation

/// Which series to analyse.
public struct TrendQuery: Sendable {
    public var asOf: Int64?
    /// Only these indicators (empty: all).
    public var indicators: [String] = []
    /// The latest period to take into account (nil: the latest stored).
    public var period: Period?

    public init(asOf: Int64? = nil) { self.asOf = asOf }
}

extension MetricsStore {
    /// Trends of every series (indicator × area × gender) at every level: stored municipal values and
    /// the länsdel and county ratio-of-sums aggregates. Indicators are read and analysed one at a time per
    /// core, so memory stays bounded by a few indicators' data.
    public func trends(_ query: TrendQuery, catalog: Catalog) throws -> [SeriesTrend] {
        let aggregator = Aggregator(geography: catalog.geography, indicators: catalog.indicators)
        let indicators = query.indicators.isEmpty
            ? catalog.indicators
            : catalog.indicators.filter { query.indicators.contains($0.id) }
        return try indicators.concurrentMap { indicator in
            try series(of: indicator, asOf: query.asOf, upTo: query.period, aggregator: aggregator)
                .map { SeriesTrend.analyze($0, indicator: indicator) }
        }.flatMap { $0 }
    }

    /// Every series of one indicator: its stored records and the länsdel and county aggregates, as of an
    /// import and up to a period. The records go straight onto a grid of areas by periods; only an
    /// indicator whose records have more than one kind of period (its frequency changed) takes the way
    /// through ``observations(_:)`` and ``Series/build(_:)``.
    func series(of indicator: Indicator, asOf: Int64?, upTo period: Period?, aggregator: Aggregator) throws -> [Series] {
        try seriesAndRecords(of: indicator, asOf: asOf, upTo: period, aggregator: aggregator).series
    }

    /// ``series(of:asOf:upTo:aggregator:)`` and the stored records they were built from, in key order (nil when
    /// the records have more than one kind of period), so that a caller needing some of them reads them once.
    func seriesAndRecords(
        of indicator: Indicator, asOf: Int64?, upTo period: Period?, aggregator: Aggregator
    ) throws -> (series: [Series], records: [GridRecord]?) {
        var query = ObservationQuery(asOf: asOf)
        query.indicators = [indicator.id]
        query.period = period
        guard let records = try gridRecords(query) else {
            return (Series.build(aggregator.values(try observations(query))), nil)
        }
        guard let first = records.lazy.map(\.period).min(), let last = records.lazy.map(\.period).max() else { return ([], records) }
        var grid = SeriesGrid(indicator: indicator.id, first: first, last: last)
        for record in records {
            grid.set(record.cell, area: record.area, gender: record.gender, period: record.period)
        }
        aggregator.addAggregates(to: &grid, indicator: indicator)
        return (grid.series(), records)
    }

    /// A stored record as the grid takes it.
    typealias GridRecord = (area: String, period: Period, gender: Gender, cell: SeriesGrid.Cell)

    /// The current records of one indicator for a grid, or nil when they have more than one kind of period.
    private func gridRecords(_ query: ObservationQuery) throws -> [GridRecord]? {
        try dbWriter.read { db in
            try Self.requireImport(db, query.asOf)
            let codes = try StoredCodes(db)
            guard let indicator = query.indicators.first.flatMap({ codes.indicatorCode[$0] }) else { return [] }
            let filter = ObservationFilter(query)
            var records: [GridRecord] = []
            var kind: Period.Kind?
            var mixed = false
            try RevisionReader(db, asOf: query.asOf).forEachCurrent(in: StoredKey.range(indicator: indicator)) { key, record in
                guard filter.admits(key) else { return }
                let period = key.period
                if kind == nil { kind = period.kind } else if kind != period.kind { mixed = true }
                records.append((codes.area(key.areaCode), period, key.gender, SeriesGrid.Cell(
                    value: record.value, numerator: record.numerator, denominator: record.denominator,
                    status: Observation.Status(storedCode: record.status))))
            }
            return mixed ? nil : records
        }
    }
}
