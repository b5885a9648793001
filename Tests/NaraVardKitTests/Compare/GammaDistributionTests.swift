import Foundation
import Numerics
import Testing

@testable import NaraVardKit

@Suite("Chi-squared and gamma quantiles")
struct GammaDistributionTests {
    /// scipy 1.17.1 `chi2.ppf(q, k)` (printed with every digit by `repr`).
    static let scipy: [(q: Double, k: Double, quantile: Double)] = [
        (0.95, 1, 3.841458820694124), (0.99, 1, 6.6348966010212145), (0.999, 1, 10.827566170662733),
        (0.95, 2, 5.991464547107979), (0.99, 2, 9.21034037197618), (0.05, 10, 3.9402991361190605),
        (0.975, 10, 20.483177350807388), (0.95, 10, 18.307038053275146), (0.95, 30, 43.77297182574219),
        (0.05, 100, 77.92946516501726), (0.95, 100, 124.34211340400407), (0.025, 6, 1.2373442457912027),
        (0.975, 8, 17.534546139484647), (0.001, 4, 0.09080403553897909), (0.999, 20, 45.31474661812586),
        (0.5, 0.5, 0.0873476047057468), (1e-6, 3, 0.00024181048720124264),
    ]

    @Test("agrees with scipy to 1e-10 relative", arguments: scipy)
    func againstScipy(q: Double, k: Double, quantile: Double) {
        let ours = GammaDistribution.chiSquaredQuantile(q, degreesOfFreedom: k)
        #expect(ours.isApproximatelyEqual(to: quantile, relativeTolerance: 1e-10), "χ²(\(q); \(k)) = \(ours)")
    }

    /// NIST/SEMATECH e-Handbook of Statistical Methods, table 1.3.6.7.4 (critical values of the chi-square
    /// distribution), printed to three decimals.
    static let published: [(q: Double, k: Double, quantile: Double)] = [
        (0.95, 1, 3.841), (0.99, 1, 6.635), (0.999, 1, 10.828), (0.95, 2, 5.991), (0.99, 2, 9.210),
        (0.95, 10, 18.307), (0.975, 10, 20.483), (0.05, 10, 3.940), (0.95, 30, 43.773), (0.95, 100, 124.342),
        (0.05, 100, 77.929),
    ]

    @Test("agrees with the published table to its three decimals", arguments: published)
    func againstTable(q: Double, k: Double, quantile: Double) {
        let ours = GammaDistribution.chiSquaredQuantile(q, degreesOfFreedom: k)
        #expect(abs(ours - quantile) <= 0.0005, "χ²(\(q); \(k)) = \(ours)")
    }

    @Test("a round trip through the CDF returns q to 1e-12 relative",
          arguments: [0.5, 1, 2, 3, 7.5, 20, 41, 200], [1e-9, 0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999, 1 - 1e-9])
    func roundTrip(shape: Double, q: Double) {
        let x = GammaDistribution.quantile(q, shape: shape)
        // Each tail is checked on its own side, where it keeps its digits.
        let tail = q > 0.5 ? GammaDistribution.upperRegularized(shape, x) : GammaDistribution.lowerRegularized(shape, x)
        #expect(tail.isApproximatelyEqual(to: q > 0.5 ? 1 - q : q, relativeTolerance: 1e-12), "shape \(shape), q \(q): x \(x)")
    }

    @Test("the ends: q = 0 is 0, q = 1 is infinite; P and Q add to 1")
    func ends() {
        #expect(GammaDistribution.quantile(0, shape: 3) == 0)
        #expect(GammaDistribution.quantile(1, shape: 3) == .infinity)
        for (a, x) in [(1.0, 0.5), (3, 3), (10, 25), (0.5, 0.01)] {
            let sum = GammaDistribution.lowerRegularized(a, x) + GammaDistribution.upperRegularized(a, x)
            #expect(sum.isApproximatelyEqual(to: 1, relativeTolerance: 1e-14))
        }
        // Gamma(1, 1) is the exponential distribution: P(1, x) = 1 − e^(−x).
        #expect(GammaDistribution.lowerRegularized(1, 2).isApproximatelyEqual(to: 1 - exp(-2.0), relativeTolerance: 1e-14))
    }
}
