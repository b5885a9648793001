/// Which trend test classified a series.
public enum TrendMethod: String, Sendable, Equatable, Codable {
    /// The plain Mann–Kendall test (trend-methods.md §7).
    case mannKendall = "mann_kendall"
    /// The seasonal Kendall test (§7b), for a seasonal indicator with 3 or more values in every season.
    case seasonalKendall = "seasonal_kendall"
}

/// Everything the engine says about one series.
public struct TrendResult: Sendable, Equatable {
    /// Observed (non-missing) points.
    public var n: Int
    /// Mann–Kendall test (the seasonal S, var(S), z and p when `method` is seasonal); `nil` below 5 points.
    public var mannKendall: MannKendall?
    /// Sen's slope per period (gaps keep their spacing; the seasonal Sen slope ÷ period when `method` is
    /// seasonal); `nil` below 5 points.
    public var senSlope: Double?
    /// The test that gave `mannKendall` and the class.
    public var method: TrendMethod = .mannKendall
    /// A seasonal indicator: no SPC limits, icons or runs signal (the seasonal swing makes them meaningless).
    public var seasonal = false
    /// The verdict, from Mann–Kendall alone.
    public var classification: TrendClass
    /// xmR limits (F = 2.66, screened); `nil` below 13 points or when undefined.
    public var limits: ControlLimits?
    /// Variation icon of the latest point; `nil` below 13 points or without limits.
    public var variation: VariationIcon?
    /// Assurance icon; `nil` without a target, without limits, or for a neutral indicator.
    public var assurance: AssuranceIcon?
    /// Anhøj runs signal; `nil` below 10 useful points.
    public var runsSignal: Bool?
}
