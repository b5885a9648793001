import Foundation

/// The control limits of a funnel plot around a benchmark (comparisons.md §5): for each denominator n, the
/// range a value of an area that size falls in by chance alone when its true value is the benchmark's.
///
/// ```swift
/// FunnelLimits.limits(around: 33.27, n: 500, unit: .percent, level: .ci95)   // 29.28 … 37.51
/// ```
package enum FunnelLimits {
    /// The limits at a denominator n: for a percent, the Wilson limits of E = n·p₀ out of n; for a rate, the
    /// exact Poisson limits of E = r₀·n / factor, × factor / n. Nil for other units or n ≤ 0.
    package static func limits(around benchmark: Double, n: Double, unit: IndicatorUnit, level: ConfidenceInterval.Level)
        -> ConfidenceInterval?
    {
        guard n > 0, benchmark >= 0 else { return nil }
        switch unit {
        case .percent:
            return .wilson(n * benchmark / 100, of: n, level: level)
        case .per1000, .per10000, .per100000:
            let expected = benchmark * n / unit.factor
            let limits = ConfidenceInterval.exactPoissonLimits(expected, level: level)
            return ConfidenceInterval(low: limits.low * unit.factor / n, high: limits.high * unit.factor / n)
        case .count, .days, .index, .sek:
            return nil
        }
    }

    /// `count` denominators from `low` to `high`, evenly spaced on a logarithmic scale (both ends included).
    package static func grid(from low: Double, to high: Double, count: Int) -> [Double] {
        guard low > 0, high > low, count >= 2 else { return low > 0 ? [low] : [] }
        let step = log(high / low) / Double(count - 1)
        return (0..<count).map { $0 == count - 1 ? high : low * exp(step * Double($0)) }
    }
}
