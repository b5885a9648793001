import Foundation

/// Which values to compare, and with what.
public struct ComparisonQuery: Sendable {
    public var asOf: Int64?
    /// Only these indicators (empty: all, in catalogue order).
    public var indicators: [String] = []
    /// The period compared; nil: each indicator's latest period with data.
    public var period: Period?
    public var gender: Gender?
    /// The benchmark area id; nil: each area's own county.
    public var benchmark: String?
    /// Groups (model areas) to aggregate besides the länsdelar and counties.
    public var groups: [Area] = []

    public init(asOf: Int64? = nil) { self.asOf = asOf }
}

extension MetricsStore {
    /// Every value of the period (stored and aggregated) compared with its benchmark, with the trend of its
    /// series up to the period: the rows of `naravard compare`, indicator by indicator in catalogue order.
    ///
    /// ```swift
    /// var query = ComparisonQuery(asOf: nil)
    /// query.benchmark = "0000"
    /// let rows = try store.comparisons(query, catalog: catalog)
    /// ```
    public func comparisons(_ query: ComparisonQuery, catalog: Catalog) throws -> [Comparison] {
        var rows: [Comparison] = []
        try comparisons(query, catalog: catalog) { rows += $0 }
        return rows
    }

    /// The same rows handed over one indicator at a time, in catalogue order, so that memory stays bounded by a
    /// few indicators however large the store: indicators are compared a batch at a time on every core.
    public func comparisons(_ query: ComparisonQuery, catalog: Catalog, each: ([Comparison]) throws -> Void) throws {
        let indicators = query.indicators.isEmpty
            ? catalog.indicators
            : catalog.indicators.filter { query.indicators.contains($0.id) }
        let aggregator = Aggregator(geography: catalog.geography, indicators: catalog.indicators)
        let batch = 16 * ProcessInfo.processInfo.activeProcessorCount
        for start in stride(from: 0, to: indicators.count, by: batch) {
            let part = Array(indicators[start..<min(start + batch, indicators.count)])
            for rows in try part.concurrentMap({ try comparisons(of: $0, query, geography: catalog.geography, aggregator: aggregator) }) {
                try each(rows)
            }
        }
    }

    /// One indicator's values of the period compared with their benchmarks, with their series' trends.
    private func comparisons(
        of indicator: Indicator, _ query: ComparisonQuery, geography: Geography, aggregator: Aggregator
    ) throws -> [Comparison] {
        let benchmarkArea = query.benchmark.flatMap { geography[$0] }
        let groups = (query.groups + [benchmarkArea].compactMap { $0 }).filter { $0.kind == .group }
        let totals = geography.areas.filter { $0.kind == .lansdel || $0.kind == .county } + groups
        var trends: [Comparer.SeriesKey: TrendClass] = [:]
        // The latest period with data in the geography's own areas; Riket's only when nothing else has data
        // (national rows from Kolada may run a year ahead of the municipalities').
        var latest: Period?, latestNational: Period?
        let (allSeries, records) = try seriesAndRecords(of: indicator, asOf: query.asOf, upTo: query.period, aggregator: aggregator)
        for series in allSeries {
            trends[Comparer.SeriesKey(area: series.area, gender: series.gender)] = SeriesTrend.classify(series, indicator: indicator)
            guard let last = series.values.lastIndex(where: { $0 != nil }).map(series.period(at:)) else { continue }
            if geography[series.area]?.kind == .country {
                if latestNational.map({ last > $0 }) ?? true { latestNational = last }
            } else if latest.map({ last > $0 }) ?? true {
                latest = last
            }
        }
        // Groups (model areas) are not among the trend series: their series are aggregated here.
        if !groups.isEmpty {
            var history = ObservationQuery(asOf: query.asOf)
            history.indicators = [indicator.id]
            history.period = query.period
            let ids = Set(groups.map(\.id))
            let values = aggregator.values(try observations(history), aggregating: groups).filter { ids.contains($0.area) }
            for series in Series.build(values) {
                trends[Comparer.SeriesKey(area: series.area, gender: series.gender)] =
                    SeriesTrend.classify(series, indicator: indicator)
            }
        }
        guard let period = query.period ?? latest ?? latestNational else { return [] }
        let values = aggregator.values(try observations(of: indicator, at: period, query, from: records), aggregating: totals)
        let comparer = Comparer(indicator: indicator, geography: geography, benchmark: query.benchmark)
        return comparer.compare(values, trends: trends)
    }

    /// The stored records of one indicator in one period (and gender, if asked), as ``observations(_:)`` gives
    /// them: taken from the records the series were built from, or read when there are none.
    private func observations(
        of indicator: Indicator, at period: Period, _ query: ComparisonQuery, from records: [GridRecord]?
    ) throws -> [Observation] {
        var current = ObservationQuery(asOf: query.asOf)
        current.indicators = [indicator.id]
        current.period = period
        current.exactPeriod = true
        current.gender = query.gender
        guard let records else { return try observations(current) }
        var chosen = records.filter { $0.period == period && (query.gender == nil || $0.gender == query.gender) }.map { record in
            Observation(indicator: indicator.id, area: record.area, period: record.period, gender: record.gender,
                        value: record.cell.value, numerator: record.cell.numerator, denominator: record.cell.denominator,
                        status: record.cell.status)
        }
        // Keys follow id order unless areas were added to the catalogue later (as ``observations(_:)`` sorts).
        if !chosen.isSorted(by: Observation.storedOrder) { chosen.sort(by: Observation.storedOrder) }
        return chosen
    }
}
