import Foundation

/// A confidence interval of a compared value, in the indicator's unit (comparisons.md §2).
///
/// ```swift
/// ConfidenceInterval.wilson(17, of: 40, level: .ci95)          // 28.509393 … 57.804931 (percent)
/// ConfidenceInterval.poisson(25, over: 10_000, factor: 1_000, level: .ci95)   // Byar: 1.617427 … 3.690645
/// ```
public struct ConfidenceInterval: Hashable, Sendable {
    public var low: Double
    public var high: Double

    package init(low: Double, high: Double) {
        self.low = low; self.high = high
    }

    /// Whether a value lies inside, limits included.
    public func contains(_ value: Double) -> Bool { low <= value && value <= high }

    /// Whether two intervals share any point (the conservative test for women against men).
    public func overlaps(_ other: ConfidenceInterval) -> Bool { low <= other.high && other.low <= high }

    /// The confidence level of an interval.
    package enum Level: Sendable, CaseIterable {
        /// 95 %: the verdict.
        case ci95
        /// 99.8 %: Fingertips' second level.
        case ci998

        /// The two-sided normal quantile of the level.
        package var z: Double {
            switch self {
            case .ci95: 1.959963984540054
            case .ci998: 3.090232306167813
            }
        }

        /// 1 − the level.
        package var alpha: Double {
            switch self {
            case .ci95: 0.05
            case .ci998: 0.002
            }
        }
    }

    /// How an interval is computed.
    public enum Method: String, Sendable, Codable {
        case wilson, byar
        case exactPoisson = "exact_poisson"
        case none
    }

    /// The Wilson score interval of a proportion O / n, × 100 (percent); nil when n is not positive.
    package static func wilson(_ observed: Double, of n: Double, level: Level) -> ConfidenceInterval? {
        guard n > 0, observed >= 0 else { return nil }
        let z = level.z, z2 = z * z
        let spread = z * (z2 + 4 * observed * (1 - observed / n)).clamped(atLeast: 0).squareRoot()
        let denominator = 2 * (n + z2)
        return ConfidenceInterval(low: 100 * ((2 * observed + z2 - spread) / denominator).clamped(atLeast: 0),
                                  high: 100 * min(1, (2 * observed + z2 + spread) / denominator))
    }

    /// The limits of a Poisson count O: Byar's approximation when O ≥ 10, exact (through the gamma quantile) below.
    package static func poissonLimits(_ observed: Double, level: Level) -> (low: Double, high: Double, method: Method) {
        if observed >= 10 {
            let z = level.z
            let low = observed * pow(1 - 1 / (9 * observed) - z / (3 * observed.squareRoot()), 3)
            let next = observed + 1
            let high = next * pow(1 - 1 / (9 * next) + z / (3 * next.squareRoot()), 3)
            return (low, high, .byar)
        }
        let exact = exactPoissonLimits(observed, level: level)
        return (exact.low, exact.high, .exactPoisson)
    }

    /// The exact Poisson limits of O (which may be an expected, non-integer count): χ²(α/2; 2O)/2 (0 when
    /// O = 0) and χ²(1 − α/2; 2O + 2)/2, through the gamma quantile.
    package static func exactPoissonLimits(_ observed: Double, level: Level) -> (low: Double, high: Double) {
        let alpha = level.alpha
        let low = observed == 0 ? 0 : GammaDistribution.quantile(alpha / 2, shape: observed)
        return (low, GammaDistribution.quantile(1 - alpha / 2, shape: observed + 1))
    }

    /// The interval of a rate factor × O / n (O events over a population or person-time n); nil when n is not positive.
    package static func poisson(_ observed: Double, over n: Double, factor: Double, level: Level) -> ConfidenceInterval? {
        guard n > 0, observed >= 0 else { return nil }
        let limits = poissonLimits(observed, level: level)
        return ConfidenceInterval(low: limits.low * factor / n, high: limits.high * factor / n)
    }
}

extension Double {
    fileprivate func clamped(atLeast low: Double) -> Double { Swift.max(low, self) }
}
