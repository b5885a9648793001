import Numerics

/// The tolerances of trend-methods.md §10.
enum TrendTolerance {
    /// S, var(S), z, p and Sen's slope.
    static let statistic = 1e-12
    /// Control limits and centre lines.
    static let limits = 1e-9
    /// Sen intercept (spec §9).
    static let intercept = 1e-9

    /// Whether `actual` matches `expected` within `tolerance`, absolutely or relatively.
    static func matches(_ actual: Double?, _ expected: Double?, _ tolerance: Double) -> Bool {
        switch (actual, expected) {
        case (nil, nil): true
        case let (actual?, expected?):
            actual.isApproximatelyEqual(to: expected, absoluteTolerance: tolerance, relativeTolerance: tolerance)
        default: false
        }
    }
}
