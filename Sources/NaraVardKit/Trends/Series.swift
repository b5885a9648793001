/// One indicator's values for one area and gender on a regular time axis, missing periods as nil.
package struct Series: Sendable, Equatable {
    package var indicator: String
    package var area: String
    package var gender: Gender
    /// The first period on the axis; the others follow one period apart.
    package var start: Period
    package var values: [Double?]
    package var numerators: [Double?]
    package var denominators: [Double?]

    /// The period at a position on the axis.
    package func period(at position: Int) -> Period {
        Period(kind: start.kind, index: start.index + position)
    }

    /// Builds every series (indicator × area × gender) from values, from each series' first to its last
    /// observed period. Values without a number are gaps; a series with none is empty (no points).
    package static func build(_ values: [AreaValue]) -> [Series] {
        struct Key: Hashable { var indicator: String, area: String, gender: Gender }
        /// Only what a series keeps of a value, so grouping copies little.
        struct Point { var period: Period, value: Double?, numerator: Double?, denominator: Double? }
        var slots: [Key: Int] = [:]
        var keys: [Key] = []
        var points: [[Point]] = []
        for value in values {
            let key = Key(indicator: value.indicator, area: value.area, gender: value.gender)
            let slot = slots[key] ?? {
                slots[key] = keys.count
                keys.append(key)
                points.append([])
                return keys.count - 1
            }()
            points[slot].append(Point(period: value.period, value: value.value, numerator: value.numerator, denominator: value.denominator))
        }
        return zip(keys, points).map { key, all in
            let observed = all.filter { $0.value != nil }
            guard !observed.isEmpty else {
                let start = all.map(\.period).min { $0.index < $1.index }!
                return Series(indicator: key.indicator, area: key.area, gender: key.gender, start: start,
                              values: [], numerators: [], denominators: [])
            }
            let sorted = observed.sorted { $0.period.index < $1.period.index }
            let start = sorted.first!.period, end = sorted.last!.period
            let count = end.index - start.index + 1
            var series = Series(
                indicator: key.indicator, area: key.area, gender: key.gender, start: start,
                values: Array(repeating: nil, count: count), numerators: Array(repeating: nil, count: count),
                denominators: Array(repeating: nil, count: count))
            for point in sorted where point.period.kind == start.kind {
                let position = point.period.index - start.index
                series.values[position] = point.value
                series.numerators[position] = point.numerator
                series.denominators[position] = point.denominator
            }
            return series
        }
    }
}

/// What the trend engine says about one series, with the figures the tables show beside it.
public struct SeriesTrend: Sendable {
    public var indicator: String
    public var area: String
    public var gender: Gender
    public var firstPeriod: Period?
    public var lastPeriod: Period?
    public var latestValue: Double?
    /// Latest quarter against the same quarter a year earlier (latest year against the year before for yearly data).
    public var yearOnYear: Double?
    public var yearOnYearPercent: Double?
    /// The latest four quarters together: ratio of summed counts (or the summed count); nil where a quarter lacks counts.
    public var rollingFourQuarters: Double?
    public var target: Double?
    public var result: TrendResult

    /// Runs the engine over a series of an indicator.
    package static func analyze(_ series: Series, indicator: Indicator) -> SeriesTrend {
        let observed = series.values.indices.filter { series.values[$0] != nil }
        let last = observed.last.map(series.period(at:))
        let target = last.flatMap { indicator.target(area: series.area, year: $0.year) }
        let change = PeriodChange.yearOnYear(series.values, periodsPerYear: Period.perYear(series.start.kind))
        return SeriesTrend(
            indicator: series.indicator, area: series.area, gender: series.gender,
            firstPeriod: observed.first.map(series.period(at:)), lastPeriod: last,
            latestValue: observed.last.flatMap { series.values[$0] },
            yearOnYear: change?.change, yearOnYearPercent: change?.percent,
            rollingFourQuarters: rollingFourQuarters(series, unit: indicator.unit), target: target,
            result: TrendEngine.analyze(series.values, better: indicator.better, target: target, seasons: seasons(series, indicator)))
    }

    /// The class ``analyze(_:indicator:)`` gives a series, alone.
    package static func classify(_ series: Series, indicator: Indicator) -> TrendClass {
        TrendEngine.classify(series.values, better: indicator.better, seasons: seasons(series, indicator))
    }

    private static func seasons(_ series: Series, _ indicator: Indicator) -> Seasons? {
        indicator.seasonal ? Seasons(start: series.start) : nil
    }

    private static func rollingFourQuarters(_ series: Series, unit: IndicatorUnit) -> Double? {
        guard series.start.kind == .quarter, series.values.count >= 4 else { return nil }
        let window = (series.values.count - 4)..<series.values.count
        if unit == .count {
            let counts = window.map { series.numerators[$0] ?? series.values[$0] }
            return counts.contains(nil) ? nil : counts.reduce(0) { $0 + $1! }
        }
        let numerators = window.map { series.numerators[$0] }, denominators = window.map { series.denominators[$0] }
        guard unit.hasDenominator, !numerators.contains(nil), !denominators.contains(nil) else { return nil }
        let denominator = denominators.reduce(0) { $0 + $1! }
        return denominator > 0 ? unit.factor * numerators.reduce(0) { $0 + $1! } / denominator : nil
    }
}
