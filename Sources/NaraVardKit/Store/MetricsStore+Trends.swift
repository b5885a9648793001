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
    /// the länsdel and county ratio-of-sums aggregates. One indicator at a time, so memory stays flat;
    /// series are analysed on every core.
    public func trends(_ query: TrendQuery, catalog: StoredCatalog) throws -> [SeriesTrend] {
        let aggregator = Aggregator(geography: catalog.geography, indicators: catalog.indicators)
        let indicators = query.indicators.isEmpty
            ? catalog.indicators
            : catalog.indicators.filter { query.indicators.contains($0.id) }
        var trends: [SeriesTrend] = []
        for indicator in indicators {
            var observationQuery = ObservationQuery(asOf: query.asOf)
            observationQuery.indicators = [indicator.id]
            observationQuery.period = query.period
            let values = aggregator.values(try observations(observationQuery))
            let series = Series.build(values)
            trends += Self.analyze(series, indicator: indicator)
        }
        return trends
    }

    /// Runs the engine over many series on every core.
    static func analyze(_ series: [Series], indicator: Indicator) -> [SeriesTrend] {
        var results = [SeriesTrend?](repeating: nil, count: series.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes its own slot only.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: series.count) { index in
                slots[index] = SeriesTrend.analyze(series[index], indicator: indicator)
            }
        }
        return results.compactMap { $0 }
    }
}
