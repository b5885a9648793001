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
    public static func test(_ values: [Double?]) -> MannKendall? {
        let y = TrendMath.observations(values).map(\.y)
        let n = y.count
        guard n >= 2 else { return nil }

        var s = 0
        for i in 0..<(n - 1) {
            for j in (i + 1)..<n {
                s += TrendMath.sign(y[j] - y[i])
            }
        }

        var tieCounts: [Double: Int] = [:]
        for value in y { tieCounts[value, default: 0] += 1 }
        let tieTerm = tieCounts.values.reduce(0) { $0 + $1 * ($1 - 1) * (2 * $1 + 5) }
        let varS = Double(n * (n - 1) * (2 * n + 5) - tieTerm) / 18

        let z: Double
        switch s {
        case 0: z = 0
        case 1...: z = Double(s - 1) / varS.squareRoot()
        default: z = Double(s + 1) / varS.squareRoot()
        }
        let p = erfc(abs(z) / 2.0.squareRoot())
        let tau = Double(s) / (Double(n * (n - 1)) / 2)
        return MannKendall(s: s, varS: varS, z: z, p: p, tau: tau)
    }
}
