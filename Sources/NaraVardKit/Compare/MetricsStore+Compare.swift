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
    public func comparisons(_ query: ComparisonQuery, catalog: StoredCatalog) throws -> [Comparison] {
        let geography = catalog.geography
        let aggregator = Aggregator(geography: geography, indicators: catalog.indicators)
        let indicators = query.indicators.isEmpty
            ? catalog.indicators
            : catalog.indicators.filter { query.indicators.contains($0.id) }
        let benchmarkArea = query.benchmark.flatMap { geography[$0] }
        let totals = geography.areas.filter { $0.kind == .lansdel || $0.kind == .county }
            + (query.groups + [benchmarkArea].compactMap { $0 }).filter { $0.kind == .group }
        return try indicators.concurrentMap { indicator -> [Comparison] in
            var trends: [Comparer.SeriesKey: TrendClass] = [:]
            var latest: Period?
            for series in try self.series(of: indicator, asOf: query.asOf, upTo: query.period, aggregator: aggregator) {
                let trend = SeriesTrend.analyze(series, indicator: indicator)
                trends[Comparer.SeriesKey(area: series.area, gender: series.gender)] = trend.result.classification
                if let last = trend.lastPeriod, latest.map({ last > $0 }) ?? true { latest = last }
            }
            guard let period = query.period ?? latest else { return [] }
            var observations = ObservationQuery(asOf: query.asOf)
            observations.indicators = [indicator.id]
            observations.period = period
            observations.exactPeriod = true
            observations.gender = query.gender
            let values = aggregator.values(try self.observations(observations), aggregating: totals)
            let comparer = Comparer(indicator: indicator, geography: geography, benchmark: query.benchmark)
            return comparer.compare(values, trends: trends)
        }.flatMap { $0 }
    }
}
