import Numerics
import Testing

@testable import NaraVardKit

@Suite("Sen's slope")
struct SensSlopeTests {
    @Test("matches the gap-aware reference (pymannkendall sens_slope and the spec formula)",
          arguments: ReferenceVectors.mannKendall)
    func matchesReference(_ reference: MannKendallCase) throws {
        let result = try #require(SensSlope.estimate(reference.values))
        #expect(TrendTolerance.matches(result.slope, reference.sen, TrendTolerance.statistic))
        #expect(TrendTolerance.matches(result.intercept, reference.intercept, TrendTolerance.intercept))
    }

    /// Hand computation for [1, nil, 3, 4, nil, nil, 10, 12] (observed at t = 0, 2, 3, 6, 7):
    /// slopes 2/2, 3/3, 9/6, 11/7, 1/1, 7/4, 9/5, 6/3, 8/4, 2/1; sorted 1, 1, 1, 1.5, 11/7, 7/4, 1.8, 2, 2, 2,
    /// so the median is (11/7 + 7/4)/2 = 1.6607… Renumbering the observed values 0…4 would give 2.875 instead.
    @Test("gaps keep their spacing")
    func gapsKeepSpacing() throws {
        let result = try #require(SensSlope.estimate([1, nil, 3, 4, nil, nil, 10, 12]))
        #expect(result.slope.isApproximatelyEqual(to: (11.0 / 7 + 7.0 / 4) / 2, absoluteTolerance: 1e-12))
        #expect(result.slope != 2.875)
    }

    @Test("undefined below 2 observed values", arguments: [[], [1], [nil, 1]] as [[Double?]])
    func belowTwoPoints(_ values: [Double?]) {
        #expect(SensSlope.estimate(values) == nil)
    }
}
