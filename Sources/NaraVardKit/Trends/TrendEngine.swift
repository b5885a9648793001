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
        let n = values.count { $0?.isFinite == true }
        let enough = n >= minimumPoints
        if let seasons {
            let seasonal = enough ? SeasonalKendall.test(values, seasons: seasons) : nil
            let mannKendall = seasonal?.test ?? (enough ? MannKendall.test(values) : nil)
            return TrendResult(
                n: n, mannKendall: mannKendall,
                senSlope: seasonal?.senSlope ?? (enough ? SensSlope.estimate(values)?.slope : nil),
                method: seasonal == nil ? .mannKendall : .seasonalKendall, seasonal: true,
                classification: classification(n: n, mannKendall: mannKendall, better: better))
        }
        let mannKendall = enough ? MannKendall.test(values) : nil
        let limits = n >= SpecialCause.minimumPoints ? ControlLimits.xmR(values) : nil
        let runs = RunsAnalysis.analyze(values).flatMap {
            $0.usefulCount >= RunsAnalysis.minimumUsefulPoints ? $0 : nil
        }
        return TrendResult(
            n: n,
            mannKendall: mannKendall,
            senSlope: enough ? SensSlope.estimate(values)?.slope : nil,
            classification: classification(n: n, mannKendall: mannKendall, better: better),
            limits: limits,
            variation: limits.flatMap { SpecialCause.variationIcon(values, limits: $0, better: better) },
            assurance: limits.flatMap { limits in
                target.flatMap { AssuranceIcon(target: $0, limits: limits, better: better) }
            },
            runsSignal: runs?.signal
        )
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
