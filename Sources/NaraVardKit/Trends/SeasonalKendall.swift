/// The seasonal Kendall test and the seasonal Sen slope (trend-methods.md §7b; as pymannkendall 1.4.3
/// `seasonal_test` and `seasonal_sens_slope` for a series padded at its start to a whole first year).
///
/// Each calendar season (Q1…Q4, or January…December) is its own Mann–Kendall series over the years: S and
/// var(S) are the sums over the seasons, z and p follow as in §7. The slope is the median of every season's
/// pairwise slopes per year, divided by the period, so that it is per quarter (or month) like Sen's slope.
///
/// ```swift
/// let seasons = Seasons(period: 4, first: 2)        // the series starts in Q3
/// SeasonalKendall.test(values, seasons: seasons)?.test.p
/// ```
package struct SeasonalKendall: Sendable, Equatable {
    /// Observed values every season needs; with fewer in any season the plain test is used.
    package static let minimumPerSeason = 3

    /// S, var(S), z and p over the seasons; tau = S over the number of within-season pairs.
    package var test: MannKendall
    /// The seasonal Sen slope per period (per quarter or month).
    package var senSlope: Double

    /// Tests a series whose first value falls in `seasons.first`; `nil` when any season has fewer than
    /// ``minimumPerSeason`` observed values.
    package static func test(_ values: [Double?], seasons: Seasons) -> SeasonalKendall? {
        guard seasons.period > 1 else { return nil }
        // Each season's observations in year order, with the year as the time index.
        var bySeason = Array(repeating: [TrendMath.Observation](), count: seasons.period)
        for observation in TrendMath.observations(values) {
            let position = seasons.first + observation.t
            bySeason[position % seasons.period].append(.init(t: position / seasons.period, y: observation.y))
        }
        guard bySeason.allSatisfy({ $0.count >= minimumPerSeason }) else { return nil }
        var s = 0, varS = 0.0, pairs = 0
        var slopes: [Double] = []
        for season in bySeason {
            let y = season.map(\.y)
            let (score, tieTerm) = MannKendall.scoreAndTies(y)
            s += score
            varS += MannKendall.variance(count: y.count, tieTerm: tieTerm)
            pairs += MannKendall.pairs(y.count)
            for i in season.indices.dropLast() {
                for j in (i + 1)..<season.count {
                    slopes.append((season[j].y - season[i].y) / Double(season[j].t - season[i].t))
                }
            }
        }
        guard let perYear = TrendMath.median(inPlace: &slopes) else { return nil }
        return SeasonalKendall(test: MannKendall(s: s, varS: varS, pairs: pairs), senSlope: perYear / Double(seasons.period))
    }
}

/// Where a series stands in the year: how many seasons a year has, and the season of its first value.
public struct Seasons: Sendable, Equatable {
    /// 4 for quarters, 12 for months.
    public var period: Int
    /// The season of the first value, 0-based (0 = Q1 or January).
    public var first: Int

    public init(period: Int, first: Int) {
        self.period = period
        self.first = first
    }

    /// The seasons of a series starting at `start`; `nil` for yearly periods, which have no seasons.
    package init?(start: Period) {
        let period = Period.perYear(start.kind)
        guard period > 1 else { return nil }
        self.init(period: period, first: start.part - 1)
    }
}
