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
        let failure = FirstError()
        var perIndicator = [[SeriesTrend]](repeating: [], count: indicators.count)
        perIndicator.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes its own slot only.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: indicators.count) { index in
                let indicator = indicators[index]
                var observationQuery = ObservationQuery(asOf: query.asOf)
                observationQuery.indicators = [indicator.id]
                observationQuery.period = query.period
                do {
                    let series = Series.build(aggregator.values(try observations(observationQuery)))
                    slots[index] = series.map { SeriesTrend.analyze($0, indicator: indicator) }
                } catch {
                    failure.record(error)
                }
            }
        }
        if let error = failure.error { throw error }
        return perIndicator.flatMap { $0 }
    }
}

/// The first error thrown by concurrent work.
private final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var first: (any Error)?

    var error: (any Error)? { lock.withLock { first } }

    func record(_ error: any Error) {
        lock.withLock { if first == nil { first = error } }
    }
}
