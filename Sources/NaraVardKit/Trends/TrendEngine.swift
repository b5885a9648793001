/// The trend engine: Mann–Kendall classification, Sen's slope, and the SPC flags, for one series.
public enum TrendEngine {
    /// Observed points below which the classification is `too_few_points` (n ≤ 4 can never reach p < 0.05).
    package static let minimumPoints = 5
    /// Significance level of the Mann–Kendall test.
    package static let alpha = 0.05

    /// Analyses one series.
    /// - Parameters:
    ///   - values: one value per period in time order, `nil` for a missing period.
    ///   - better: the indicator's good direction.
    ///   - target: the target value, for the assurance icon.
    ///   - seasons: for a seasonal indicator, the seasons of the series: the seasonal Kendall test is used when
    ///     every season has 3 values or more (else the plain test), and no SPC results are computed.
    public static func analyze(_ values: [Double?], better: Better, target: Double? = nil, seasons: Seasons? = nil) -> TrendResult {
        // The observed values are worked out once and handed to every method.
        let points = TrendMath.observations(values)
        let y = points.map(\.y)
        let n = points.count
        let enough = n >= minimumPoints
        if let seasons {
            let seasonal = enough ? SeasonalKendall.test(values, seasons: seasons) : nil
            let mannKendall = seasonal?.test ?? (enough ? MannKendall.test(observed: y) : nil)
            return TrendResult(
                n: n, mannKendall: mannKendall,
                senSlope: seasonal?.senSlope ?? (enough ? SensSlope.slope(points) : nil),
                method: seasonal == nil ? .mannKendall : .seasonalKendall, seasonal: true,
                classification: classification(n: n, mannKendall: mannKendall, better: better))
        }
        let mannKendall = enough ? MannKendall.test(observed: y) : nil
        let limits = n >= SpecialCause.minimumPoints ? ControlLimits.xmR(points) : nil
        let runs = RunsAnalysis.analyze(observed: y).flatMap {
            $0.usefulCount >= RunsAnalysis.minimumUsefulPoints ? $0 : nil
        }
        return TrendResult(
            n: n,
            mannKendall: mannKendall,
            senSlope: enough ? SensSlope.slope(points) : nil,
            classification: classification(n: n, mannKendall: mannKendall, better: better),
            limits: limits,
            variation: limits.flatMap { SpecialCause.variationIcon(observed: y, limits: $0, better: better) },
            assurance: limits.flatMap { limits in
                target.flatMap { AssuranceIcon(target: $0, limits: limits, better: better) }
            },
            runsSignal: runs?.signal
        )
    }

    /// What ``analyze(_:better:target:seasons:)`` says in `classification`, without Sen's slope and the SPC
    /// results (which `compare` does not show).
    package static func classify(_ values: [Double?], better: Better, seasons: Seasons? = nil) -> TrendClass {
        let y = TrendMath.observations(values).map(\.y)
        guard y.count >= minimumPoints else { return .tooFewPoints }
        let test = seasons.flatMap { SeasonalKendall.test(values, seasons: $0)?.test } ?? MannKendall.test(observed: y)
        return classification(n: y.count, mannKendall: test, better: better)
    }

    /// The class of a series of `n` observed points: `too_few_points` below 5, else the direction of S when
    /// p < α, read against `better` (`increasing`/`decreasing` when neutral), else `no_clear_change`.
    package static func classification(n: Int, mannKendall: MannKendall?, better: Better) -> TrendClass {
        guard n >= minimumPoints, let mannKendall else { return .tooFewPoints }
        guard mannKendall.p < alpha, mannKendall.s != 0 else { return .noClearChange }
        let direction = mannKendall.s > 0 ? 1 : -1
        switch better {
        case .neutral: return direction > 0 ? .increasing : .decreasing
        case .higher, .lower: return direction == better.desiredSign ? .improving : .worsening
        }
    }
}
