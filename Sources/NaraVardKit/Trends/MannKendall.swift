import Foundation

/// The Mann–Kendall trend test, two-sided, tie-corrected, with continuity correction
/// (as `pymannkendall.original_test`).
public struct MannKendall: Sendable, Equatable {
    /// Σ sign(y_j − y_i) over all pairs i < j of observed values.
    public var s: Int
    /// Variance of S with the tie correction.
    public var varS: Double
    /// Continuity-corrected standard normal score.
    public var z: Double
    /// Two-sided p-value, `erfc(|z|/√2)`.
    public var p: Double
    /// Kendall's tau, S / (n(n−1)/2).
    public var tau: Double

    /// Tests the observed values (missing periods dropped) for a monotone trend; `nil` below 2 observed values.
    package static func test(_ values: [Double?]) -> MannKendall? {
        let y = TrendMath.observations(values).map(\.y)
        guard y.count >= 2 else { return nil }
        return MannKendall(s: score(y), varS: variance(y), pairs: pairs(y.count))
    }

    /// The test from S, its variance and the number of pairs S is summed over (z, p and tau follow).
    init(s: Int, varS: Double, pairs: Int) {
        let z: Double
        switch s {
        case 0: z = 0
        case 1...: z = Double(s - 1) / varS.squareRoot()
        default: z = Double(s + 1) / varS.squareRoot()
        }
        self.init(s: s, varS: varS, z: z, p: erfc(abs(z) / 2.0.squareRoot()), tau: Double(s) / Double(pairs))
    }

    package init(s: Int, varS: Double, z: Double, p: Double, tau: Double) {
        self.s = s; self.varS = varS; self.z = z; self.p = p; self.tau = tau
    }

    /// S of values in time order.
    static func score(_ y: [Double]) -> Int {
        var s = 0
        for i in y.indices.dropLast() {
            for j in (i + 1)..<y.count {
                s += TrendMath.sign(y[j] - y[i])
            }
        }
        return s
    }

    /// var(S) with the tie correction: [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18.
    static func variance(_ y: [Double]) -> Double {
        var tieCounts: [Double: Int] = [:]
        for value in y { tieCounts[value, default: 0] += 1 }
        let tieTerm = tieCounts.values.reduce(0) { $0 + term($1) }
        return Double(term(y.count) - tieTerm) / 18
    }

    static func pairs(_ n: Int) -> Int { n * (n - 1) / 2 }

    /// t(t−1)(2t+5), the variance's term for n values or a group of t tied values.
    private static func term(_ t: Int) -> Int { t * (t - 1) * (2 * t + 5) }
}
