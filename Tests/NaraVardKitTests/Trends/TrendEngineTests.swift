import Testing

@testable import NaraVardKit

@Suite("Trend engine")
struct TrendEngineTests {
    /// The class expected from pymannkendall's own verdict (`trend` at α = 0.05), read against `better` (spec §8).
    static func expectedClass(_ reference: MannKendallCase, better: Better) -> TrendClass {
        let n = reference.values.compactMap { $0 }.count
        guard n >= 5 else { return .tooFewPoints }
        let direction: Int
        switch reference.trend {
        case "increasing": direction = 1
        case "decreasing": direction = -1
        default: return .noClearChange
        }
        switch better {
        case .neutral: return direction > 0 ? .increasing : .decreasing
        case .higher, .lower: return direction == better.desiredSign ? .improving : .worsening
        }
    }

    @Test("classification matches pymannkendall's verdict", arguments: ReferenceVectors.mannKendall,
          [Better.higher, .lower, .neutral])
    func classification(_ reference: MannKendallCase, _ better: Better) {
        let result = TrendEngine.analyze(reference.values, better: better)
        #expect(result.classification == Self.expectedClass(reference, better: better))
    }

    @Test("MK and Sen are reported from 5 points, with the reference values", arguments: ReferenceVectors.mannKendall)
    func statisticsReported(_ reference: MannKendallCase) throws {
        let result = TrendEngine.analyze(reference.values, better: .higher)
        #expect(result.n == reference.values.compactMap { $0 }.count)
        guard result.n >= 5 else {
            #expect(result.mannKendall == nil && result.senSlope == nil)
            return
        }
        let mannKendall = try #require(result.mannKendall)
        #expect(mannKendall.s == reference.s)
        #expect(TrendTolerance.matches(mannKendall.p, reference.p, TrendTolerance.statistic))
        #expect(TrendTolerance.matches(result.senSlope, reference.sen, TrendTolerance.statistic))
    }

    /// Spec §7–8: n ≤ 4 can never be significant, so it is too_few_points, even a perfect monotone spread
    /// over more periods.
    @Test("fewer than 5 observed points: too_few_points", arguments: [
        [], [1], [1, 2], [1, 2, 3], [1, 2, 3, 4], [1, nil, 2, nil, 3, nil, 4, nil], [nil, 4, 3, nil, 2, 1, .nan],
    ] as [[Double?]])
    func tooFewPoints(_ values: [Double?]) {
        let result = TrendEngine.analyze(values, better: .higher, target: 2)
        #expect(result.classification == .tooFewPoints)
        #expect(result.mannKendall == nil && result.senSlope == nil)
        #expect(result.limits == nil && result.variation == nil && result.assurance == nil && result.runsSignal == nil)
    }

    /// pymannkendall: n = 5 perfect monotone gives S = ±10, p = 0.0275 < 0.05.
    @Test("n = 5 perfect monotone is significant", arguments: [
        ([1, 2, 3, 4, 5], Better.higher, TrendClass.improving),
        ([1, 2, 3, 4, 5], .lower, .worsening),
        ([1, 2, 3, 4, 5], .neutral, .increasing),
        ([5, 4, 3, 2, 1], .higher, .worsening),
        ([5, 4, 3, 2, 1], .lower, .improving),
        ([5, 4, 3, 2, 1], .neutral, .decreasing),
    ] as [([Double?], Better, TrendClass)])
    func fivePointBoundary(_ values: [Double?], _ better: Better, _ expected: TrendClass) {
        #expect(TrendEngine.analyze(values, better: better).classification == expected)
    }

    /// pymannkendall: S = 18, p = 0.045, Sen = 0. The direction comes from S, never from the slope.
    @Test("significant with Sen's slope exactly 0")
    func senZeroButSignificant() {
        let values: [Double?] = Array(repeating: 0, count: 9) + [1, 1]
        let higher = TrendEngine.analyze(values, better: .higher)
        #expect(higher.classification == .improving)
        #expect(higher.senSlope == 0)
        #expect(TrendEngine.analyze(values, better: .lower).classification == .worsening)
    }

    /// All equal: S = 0, var(S) = 0, p = 1 (spec §7); flat limits; every point on the median, so no runs analysis.
    @Test("all-equal series")
    func allEqual() throws {
        let result = TrendEngine.analyze(Array(repeating: 2.5, count: 13), better: .higher, target: 3)
        #expect(result.classification == .noClearChange)
        #expect(result.mannKendall == MannKendall(s: 0, varS: 0, z: 0, p: 1, tau: 0))
        #expect(result.senSlope == 0)
        let limits = try #require(result.limits)
        #expect(limits.lcl == 2.5 && limits.ucl == 2.5)
        #expect(result.variation == .commonCause)
        #expect(result.assurance == .consistentFail)
        #expect(result.runsSignal == nil)
    }

    /// Spec §6/§8: limits and the variation icon from 13 points. The first 13 deviations-example values.
    /// Hand computation: mean 28/13 = 2.15; MRs 1, 1, 1, 8, 9 and seven 1s, 8 and 9 screened, amr 1;
    /// near LPL 0.38. The eight 1s and 2s after the 10 all lie below 2.15: a shift below, a concern
    /// when higher is better.
    @Test("limits and variation icon from 13 points")
    func thirteenPoints() throws {
        let values = Array(ControlLimitsTests.deviations.prefix(13))
        let twelve = TrendEngine.analyze(Array(values.prefix(12)), better: .higher, target: 100)
        #expect(twelve.limits == nil && twelve.variation == nil && twelve.assurance == nil)
        let thirteen = TrendEngine.analyze(values, better: .higher, target: 100)
        let limits = try #require(thirteen.limits)
        #expect(TrendTolerance.matches(limits.ucl, 28.0 / 13 + 2.66, TrendTolerance.limits))
        #expect(thirteen.variation == .concernLow)
        #expect(thirteen.assurance == .consistentFail)
    }

    /// The engine's limits are the MDC ones: F = 2.66, screening on (deviations example, UPL 4.60).
    @Test("engine limits are F = 2.66, screened")
    func mdcLimits() throws {
        let result = TrendEngine.analyze(ControlLimitsTests.deviations, better: .lower)
        let limits = try #require(result.limits)
        #expect(TrendTolerance.matches(limits.ucl, 35.0 / 18 + 2.66, TrendTolerance.limits))
        #expect(TrendTolerance.matches(limits.lcl, 35.0 / 18 - 2.66, TrendTolerance.limits))
    }

    /// Runs analysis from 10 useful points. Hand computation: 1…9 has 8 useful points (5 on the median);
    /// 1…10 has 10 (median 5.5): 5 below then 5 above, 1 crossing < 2 = qbinom(0.05, 9, 0.5) → signal.
    @Test("runs signal from 10 useful points", arguments: [
        ((1...9).map(Double.init), nil), ((1...10).map(Double.init), true),
        ([3, 9, 6, 1, 11, 4, 8, 2, 10, 5, 7], false),
    ] as [([Double?], Bool?)])
    func runsThreshold(_ values: [Double?], _ expected: Bool?) {
        #expect(TrendEngine.analyze(values, better: .higher).runsSignal == expected)
    }

    /// The shift example (SpecialCauseTests): limits 7.84…14.80 (hand computation there), last point a shift above.
    @Test("variation and assurance by direction", arguments: [
        (Better.higher, 20.0, VariationIcon.improvementHigh, AssuranceIcon.consistentFail as AssuranceIcon?),
        (.higher, 5, .improvementHigh, .consistentPass),
        (.higher, 10, .improvementHigh, .inconsistent),
        (.lower, 20, .concernHigh, .consistentPass),
        (.lower, 5, .concernHigh, .consistentFail),
        (.neutral, 20, .neutralHigh, nil),
    ])
    func icons(_ better: Better, _ target: Double, _ variation: VariationIcon, _ assurance: AssuranceIcon?) {
        let result = TrendEngine.analyze(SpecialCauseTests.shiftAtEnd, better: better, target: target)
        #expect(result.variation == variation)
        #expect(result.assurance == assurance)
    }

    @Test("no target, no assurance")
    func noTarget() {
        #expect(TrendEngine.analyze(SpecialCauseTests.shiftAtEnd, better: .higher).assurance == nil)
    }

    /// 13 observed points, none adjacent: no moving range, so no limits, icons or assurance; MK still runs.
    @Test("13 points without two adjacent periods: limits undefined")
    func alternatingGaps() {
        let values: [Double?] = (0..<25).map { $0.isMultiple(of: 2) ? Double($0) : nil }
        let result = TrendEngine.analyze(values, better: .higher, target: 5)
        #expect(result.n == 13)
        #expect(result.limits == nil && result.variation == nil && result.assurance == nil)
        #expect(result.classification == .improving)
    }
}
