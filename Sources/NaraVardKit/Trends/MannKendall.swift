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
        test(observed: TrendMath.observations(values).map(\.y))
    }

    /// The test of observed values in time order; `nil` below 2 values.
    static func test(observed y: [Double]) -> MannKendall? {
        guard y.count >= 2 else { return nil }
        let (s, tieTerm) = scoreAndTies(y)
        return MannKendall(s: s, varS: variance(count: y.count, tieTerm: tieTerm), pairs: pairs(y.count))
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
    static func score(_ y: [Double]) -> Int { scoreAndTies(y).s }

    /// var(S) with the tie correction: [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18.
    static func variance(_ y: [Double]) -> Double {
        variance(count: y.count, tieTerm: scoreAndTies(y).tieTerm)
    }

    static func variance(count: Int, tieTerm: Int) -> Double { Double(term(count) - tieTerm) / 18 }

    /// S and the tie term Σ t(t−1)(2t+5) over groups of equal values, in one pass over the pairs.
    ///
    /// A value with e equal values after it adds 6e(e+2): summed over a group of t (e = t−1, …, 0) that is
    /// t(t−1)(2t+5). The inner loop has no branches, so it runs on vector lanes.
    static func scoreAndTies(_ y: [Double]) -> (s: Int, tieTerm: Int) {
        y.withUnsafeBufferPointer { y in
            var s = 0, tieTerm = 0
            for i in y.indices {
                let value = y[i]
                var above = 0, below = 0
                for j in (i + 1)..<y.count {
                    above &+= y[j] > value ? 1 : 0
                    below &+= y[j] < value ? 1 : 0
                }
                let equal = y.count - 1 - i - above - below
                s += above - below
                tieTerm += 6 * equal * (equal + 2)
            }
            return (s, tieTerm)
        }
    }

    static func pairs(_ n: Int) -> Int { n * (n - 1) / 2 }

    /// t(t−1)(2t+5), the variance's term for n values or a group of t tied values.
    private static func term(_ t: Int) -> Int { t * (t - 1) * (2 * t + 5) }
}
