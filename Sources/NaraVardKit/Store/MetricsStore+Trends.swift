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
    public func trends(_ query: TrendQuery, catalog: StoredCatalog) throws -> [SeriesTrend] {
        let aggregator = Aggregator(geography: catalog.geography, indicators: catalog.indicators)
        let indicators = query.indicators.isEmpty
            ? catalog.indicators
            : catalog.indicators.filter { query.indicators.contains($0.id) }
        return try indicators.concurrentMap { indicator in
            var observationQuery = ObservationQuery(asOf: query.asOf)
            observationQuery.indicators = [indicator.id]
            observationQuery.period = query.period
            let series = Series.build(aggregator.values(try observations(observationQuery)))
            return series.map { SeriesTrend.analyze($0, indicator: indicator) }
        }.flatMap { $0 }
    }
}
