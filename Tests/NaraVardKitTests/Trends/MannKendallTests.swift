import Numerics
import Testing

@testable import NaraVardKit

@Suite("Mann–Kendall test")
struct MannKendallTests {
    @Test("matches pymannkendall 1.4.3 original_test", arguments: ReferenceVectors.mannKendall)
    func matchesPymannkendall(_ reference: MannKendallCase) throws {
        let result = try #require(MannKendall.test(reference.values))
        #expect(result.s == reference.s)
        #expect(TrendTolerance.matches(result.varS, reference.varS, TrendTolerance.statistic))
        #expect(TrendTolerance.matches(result.z, reference.z, TrendTolerance.statistic))
        #expect(TrendTolerance.matches(result.p, reference.p, TrendTolerance.statistic))
        #expect(TrendTolerance.matches(result.tau, reference.tau, TrendTolerance.statistic))
    }

    /// erfc keeps relative precision where pymannkendall's 1 − Φ(|z|) rounds to 0 (monotone_40: p ≈ 1.1e-19).
    @Test("p is relatively exact in the far tail (scipy norm.sf)", arguments: ReferenceVectors.mannKendall)
    func farTail(_ reference: MannKendallCase) throws {
        let result = try #require(MannKendall.test(reference.values))
        #expect(result.p.isApproximatelyEqual(to: reference.pTail, relativeTolerance: TrendTolerance.statistic))
    }

    @Test("nothing is computable below 2 observed values", arguments: [[], [4.2], [nil, 4.2, nil]] as [[Double?]])
    func belowTwoPoints(_ values: [Double?]) {
        #expect(MannKendall.test(values) == nil)
    }

    /// Spec §7: n = 4 can never reach p < 0.05 (perfect monotone p = 0.089); n = 5 only when perfectly monotone.
    @Test("n = 4 monotone is not significant, n = 5 monotone is")
    func smallSampleBoundary() throws {
        let four = try #require(MannKendall.test([1, 2, 3, 4]))
        let five = try #require(MannKendall.test([1, 2, 3, 4, 5]))
        #expect(four.p > 0.05)
        #expect(five.p < 0.05)
    }

    /// Hand computation: S, var(S) and z depend only on the order of the observed values, not on the gaps.
    @Test("missing periods are dropped")
    func missingDropped() {
        #expect(MannKendall.test([1, nil, nil, 3, 2, nil, 5]) == MannKendall.test([1, 3, 2, 5]))
    }

    /// Non-finite values (e.g. 0/0 from a zero denominator) count as missing, as pymannkendall's NaN.
    @Test("NaN and infinity count as missing")
    func nonFiniteIsMissing() {
        #expect(MannKendall.test([1, .nan, 3, .infinity, 2, 5]) == MannKendall.test([1, 3, 2, 5]))
    }
}
