/// Everything the engine says about one series.
public struct TrendResult: Sendable, Equatable {
    /// Observed (non-missing) points.
    public var n: Int
    /// Mann–Kendall test; `nil` below 5 points.
    public var mannKendall: MannKendall?
    /// Sen's slope per period (gaps keep their spacing); `nil` below 5 points.
    public var senSlope: Double?
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
