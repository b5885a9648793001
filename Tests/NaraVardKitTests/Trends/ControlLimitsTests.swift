import Numerics
import Testing

@testable import NaraVardKit

@Suite("xmR control limits")
struct ControlLimitsTests {
    /// NHSRplotthedots `deviations` vignette: 1,2,1,2,10,1,2,1,2,1,2,1,2,1,2,1,2,1.
    static let deviations: [Double?] = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]

    /// Hand computation: Σy = 35 over 18 points; the 17 moving ranges are 1, 1, 1, 8, 9 and twelve 1s (Σ = 32).
    /// Screened: 3.267 · 32/17 = 6.15 drops 8 and 9, leaving fifteen 1s, amr = 1.
    /// The vignette prints UPL 4.6, mean 1.94, LPL −0.72 (rounded to 2 decimals).
    @Test("NHSRplotthedots deviations example, screened (package default)")
    func deviationsScreened() throws {
        let limits = try #require(ControlLimits.xmR(Self.deviations))
        let centre = 35.0 / 18
        #expect(TrendTolerance.matches(limits.centre, centre, TrendTolerance.limits))
        #expect(TrendTolerance.matches(limits.averageMovingRange, 1, TrendTolerance.limits))
        #expect(TrendTolerance.matches(limits.ucl, centre + 2.66, TrendTolerance.limits))
        #expect(TrendTolerance.matches(limits.lcl, centre - 2.66, TrendTolerance.limits))
        #expect(TrendTolerance.matches(limits.nearUCL, centre + 2.66 * 2 / 3, TrendTolerance.limits))
        #expect(TrendTolerance.matches(limits.nearLCL, centre - 2.66 * 2 / 3, TrendTolerance.limits))
        #expect((limits.ucl * 100).rounded() / 100 == 4.6)
        #expect((limits.centre * 100).rounded() / 100 == 1.94)
        #expect((limits.lcl * 100).rounded() / 100 == -0.72)
    }

    /// Hand computation: unscreened amr = 32/17. The vignette (Excel parity) prints UPL 6.95, LPL −3.06.
    @Test("NHSRplotthedots deviations example, unscreened (MDC Excel tool)")
    func deviationsUnscreened() throws {
        let limits = try #require(ControlLimits.xmR(Self.deviations, screening: false))
        let centre = 35.0 / 18
        #expect(TrendTolerance.matches(limits.ucl, centre + 2.66 * 32 / 17, TrendTolerance.limits))
        #expect(TrendTolerance.matches(limits.lcl, centre - 2.66 * 32 / 17, TrendTolerance.limits))
        #expect((limits.ucl * 100).rounded() / 100 == 6.95)
        #expect((limits.lcl * 100).rounded() / 100 == -3.06)
    }

    /// qicharts2 i-chart: centre ± 3·amr/1.128, 2-sigma lines centre ± 2·amr/1.128 (same screened amr = 1).
    @Test("qicharts2 factor 3/1.128 on the same data")
    func qichartsFactor() throws {
        let limits = try #require(ControlLimits.xmR(Self.deviations, factor: ControlLimits.qichartsFactor))
        let centre = 35.0 / 18
        #expect(TrendTolerance.matches(limits.ucl, centre + 3 / 1.128, TrendTolerance.limits))
        #expect(TrendTolerance.matches(limits.lcl, centre - 3 / 1.128, TrendTolerance.limits))
        #expect(TrendTolerance.matches(limits.nearUCL, centre + 2 / 1.128, TrendTolerance.limits))
        #expect(TrendTolerance.matches(limits.nearLCL, centre - 2 / 1.128, TrendTolerance.limits))
    }

    /// Hand computation for [4, nil, 6, 7, 9, nil, 8]: only (6, 7) and (7, 9) are adjacent, MR = 1, 2.
    /// amr = 1.5 (3.267 · 1.5 keeps both); centre = 34/5 = 6.8; UCL = 6.8 + 2.66 · 1.5 = 10.79.
    @Test("moving ranges skip gap-spanning pairs")
    func gapsSkipped() throws {
        let values: [Double?] = [4, nil, 6, 7, 9, nil, 8]
        #expect(ControlLimits.movingRanges(values) == [1, 2])
        let limits = try #require(ControlLimits.xmR(values))
        #expect(TrendTolerance.matches(limits.centre, 6.8, TrendTolerance.limits))
        #expect(TrendTolerance.matches(limits.ucl, 10.79, TrendTolerance.limits))
        #expect(TrendTolerance.matches(limits.lcl, 2.81, TrendTolerance.limits))
    }

    @Test("undefined without two adjacent observed periods",
          arguments: [[], [3], [3, nil, 5], [nil, 3, nil, 5, nil, 7]] as [[Double?]])
    func undefined(_ values: [Double?]) {
        #expect(ControlLimits.xmR(values) == nil)
    }

    /// Spec §3: a flat series keeps amr = 0 and limits equal to the centre (the anchors give NaN here).
    /// 0.3 and 1.1 are values whose naive mean Σy/13 of 13 copies is not exactly the value; the centre must be.
    @Test("flat series: limits collapse onto the centre", arguments: [4.0, 0.3, 1.1])
    func flat(_ value: Double) throws {
        let limits = try #require(ControlLimits.xmR(Array(repeating: value, count: 13)))
        #expect(limits.centre == value)
        #expect(limits.averageMovingRange == 0)
        #expect(limits.lcl == value && limits.ucl == value && limits.nearLCL == value && limits.nearUCL == value)
        #expect(!limits.isOutside(value))
    }

    /// Moving ranges 1, 1, 1, b where b equals 3.267 · mean(1, 1, 1, b) in Double arithmetic
    /// (b found by the reference script, last line of `ReferenceVectors`, with its replica of the mean).
    /// Screening keeps only MR < 3.267·amr, so b is dropped and amr becomes 1; `<=` would keep amr ≈ 4.09.
    @Test("screening is strict: a moving range equal to the cutoff is dropped")
    func screeningStrict() throws {
        let b = 13.37107776261936
        let values: [Double?] = [1, 0, 1, 0, b]
        let ranges = ControlLimits.movingRanges(values)
        #expect(ranges == [1, 1, 1, b])
        #expect(ControlLimits.screeningFactor * ((3 + b) / 4) == b)
        let limits = try #require(ControlLimits.xmR(values))
        #expect(limits.averageMovingRange == 1)
    }

    @Test("outside and close are strict")
    func strictComparisons() {
        let limits = ControlLimits(centre: 0, lcl: -3, ucl: 3, nearLCL: -2, nearUCL: 2, averageMovingRange: 1)
        #expect(!limits.isOutside(3) && !limits.isOutside(-3))
        #expect(limits.isOutside(3.0001) && limits.isOutside(-3.0001))
        #expect(!limits.isClose(2) && !limits.isClose(-2))
        #expect(limits.isClose(2.5) && limits.isClose(-2.5) && limits.isClose(3))
        #expect(!limits.isClose(4))
    }
}
