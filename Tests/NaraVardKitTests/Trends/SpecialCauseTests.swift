import Testing

@testable import NaraVardKit

/// Making Data Count rules. The rule-function tables are NHSRplotthedots 0.2.2's own unit tests
/// (`tests/testthat/test-ptd_calculate_point_type.R`), ported with 1/0 as true/false; the series cases are
/// hand-derived from the spec, with the limits worked out in their comments.
@Suite("Making Data Count special-cause rules")
struct SpecialCauseTests {
    // MARK: - Rule functions (NHSRplotthedots unit tests)

    @Test("shift window ends (ptd_seven_point_one_side_mean)", arguments: [
        ([], []),
        ([1, 1, 1, 1, 1, 1], [0, 0, 0, 0, 0, 0]),
        ([1, 1, 1, 1, 1, 1, -1], [0, 0, 0, 0, 0, 0, 0]),
        ([1, 1, 1, 1, 1, 1, 1, 1, -1], [0, 0, 0, 0, 0, 0, 1, 1, 0]),
        ([-1, -1, -1, -1, -1, -1, -1, -1, 1], [0, 0, 0, 0, 0, 0, 1, 1, 0]),
    ] as [([Int], [Int])])
    func shiftEnds(_ rtm: [Int], _ expected: [Int]) {
        #expect(SpecialCause.shiftEnds(rtm) == expected.map { $0 != 0 })
    }

    @Test("part of a 7-point window (ptd_part_of_seven_trend)", arguments: [
        ([], []),
        ([0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]),
        ([0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 1, 1, 1, 1, 0]),
        ([0, 0, 0, 0, 0, 0, 0, 1, 0], [0, 1, 1, 1, 1, 1, 1, 1, 0]),
        ([0, 0, 0, 0, 0, 0, -1, 0], [1, 1, 1, 1, 1, 1, 1, 0]),
        ([0, 0, 0, 0, 0, 0, 0, -1, 0], [0, 1, 1, 1, 1, 1, 1, 1, 0]),
    ] as [([Int], [Int])])
    func partOfWindow(_ ends: [Int], _ expected: [Int]) {
        #expect(SpecialCause.partOfWindow(ends.map { $0 != 0 }) == expected.map { $0 != 0 })
    }

    @Test("trend window ends (ptd_seven_point_trend)", arguments: [
        ([], []),
        ([1, 2, 3, 4, 5, 6], [0, 0, 0, 0, 0, 0]),
        ([1, 2, 3, 3, 4, 5, 6], [0, 0, 0, 0, 0, 0, 0]),
        ([1, 2, 3, 4, 5, 6, 7], [0, 0, 0, 0, 0, 0, 1]),
        ([2, 1, 2, 3, 4, 5, 6, 7, 3], [0, 0, 0, 0, 0, 0, 0, 1, 0]),
        ([7, 6, 5, 4, 3, 2, 1], [0, 0, 0, 0, 0, 0, -1]),
        ([2, 7, 6, 5, 4, 3, 2, 1, 3], [0, 0, 0, 0, 0, 0, 0, -1, 0]),
    ] as [([Double], [Int])])
    func trendEnds(_ y: [Double], _ expected: [Int]) {
        #expect(SpecialCause.trendEnds(y) == expected)
    }

    @Test("2-in-3 windows (ptd_two_in_three)", arguments: [
        ([1, 0, 1], [1, 1, 1], [1, 1, 1]),
        ([0, 1, 1], [1, 1, 1], [1, 1, 1]),
        ([1, 1, 0], [1, 1, 1], [1, 1, 1]),
        ([0, 0, 1, 0, 1, 0, 0], [1, 1, 1, 1, 1, 1, 1], [0, 0, 1, 1, 1, 0, 0]),
        ([0, 0, 1, 1, 0, 0, 0], [1, 1, 1, 1, 1, 1, 1], [0, 1, 1, 1, 1, 0, 0]),
        // points on opposite sides of the mean
        ([1, 0, 1], [1, -1, 1], [0, 0, 0]),
        ([0, 1, 1], [1, -1, 1], [0, 0, 0]),
        ([1, 1, 0], [1, -1, 1], [0, 0, 0]),
        ([0, 0, 1, 0, 1, 0, 0], [1, -1, 1, -1, 1, -1, 1], [0, 0, 0, 0, 0, 0, 0]),
        ([0, 0, 1, 1, 0, 0, 0], [-1, 1, -1, 1, -1, 1, -1], [0, 0, 0, 0, 0, 0, 0]),
    ] as [([Int], [Int], [Int])])
    func twoInThreeWindows(_ close: [Int], _ rtm: [Int], _ expected: [Int]) {
        #expect(SpecialCause.twoInThreeWindows(close: close.map { $0 != 0 }, rtm: rtm) == expected.map { $0 != 0 })
    }

    @Test("part of 2-in-3 (ptd_part_of_two_in_three)", arguments: [
        ([], []),
        ([1, 0, 1], [1, 0, 1]),
        ([0, 1, 1], [0, 1, 1]),
        ([1, 1, 0], [1, 1, 0]),
        ([0, 0, 1, 0, 1, 0, 0], [0, 0, 1, 0, 1, 0, 0]),
        ([0, 0, 1, 1, 0, 0, 0], [0, 0, 1, 1, 0, 0, 0]),
        ([1, 0, 0, 1], [0, 0, 0, 0]),
        ([1, 0, 0, 1, 1], [0, 0, 0, 1, 1]),
    ] as [([Int], [Int])])
    func partOfTwoInThree(_ close: [Int], _ expected: [Int]) {
        let rtm = Array(repeating: 1, count: close.count)
        #expect(SpecialCause.partOfTwoInThree(close: close.map { $0 != 0 }, rtm: rtm) == expected.map { $0 != 0 })
    }

    /// NHSRplotthedots `ptd_special_cause_type` test: the rule results are given (mocked there), the labels follow
    /// from the precedence outside > trend > 2 in 3 > shift. `outside_limits` 1 at a point below the mean still
    /// reads "Below LCL" (the label follows relative_to_mean).
    @Test("labels follow the rule precedence (ptd_special_cause_type)")
    func labelPrecedence() {
        let labels = SpecialCause.label(
            y: [1, 2, 3, 4, 5, 6, 7, 8],
            rtm: [1, 1, 1, 1, -1, -1, -1, -1],
            outside: [false, false, false, false, false, true, true, false],
            partOfTrend: [true, true, false, false, false, false, false, false],
            partOfTwoInThree: [false, false, false, false, true, false, false, false],
            partOfShift: [false, false, true, true, false, false, false, false]
        )
        #expect(labels == [
            .trendIncreasing, .trendIncreasing, .shiftAbove, .shiftAbove, .twoInThreeBelow, .belowLCL, .belowLCL,
            .commonCause,
        ])
    }

    // MARK: - Series

    /// NHSRplotthedots `ptd_spc_standard` test: 1, −1 alternating for 16 points with 5.5 and −5.5 at the end are
    /// two close points on opposite sides of the mean, so both stay common cause. Hand computation: mean 0;
    /// MRs thirteen 2s, 6.5, 11 → 11 screened, amr = 32.5/14 = 2.32; UPL 6.18, near limits ±4.12.
    @Test("2 in 3 needs both points on one side (NHSRplotthedots test)")
    func twoInThreeOppositeSides() throws {
        let values: [Double?] = [1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 5.5, -5.5]
        let limits = try #require(ControlLimits.xmR(values))
        let types = SpecialCause.types(values, limits: limits)
        #expect(types.suffix(2) == [.commonCause, .commonCause])
        #expect(types.allSatisfy { $0 == .commonCause })
    }

    /// Deviations vignette data: only the 10 lies beyond a limit (UPL 4.60 screened, 6.95 unscreened); the 1s
    /// and 2s alternate around the mean 1.94 and stay inside the near limits (3.72/0.17 screened), so the rest
    /// is common cause.
    @Test("deviations example: one point above the UCL", arguments: [true, false])
    func deviationsExample(_ screening: Bool) throws {
        let values = ControlLimitsTests.deviations
        let limits = try #require(ControlLimits.xmR(values, screening: screening))
        var expected = Array(repeating: SpecialCauseType.commonCause, count: values.count)
        expected[4] = .aboveUCL
        #expect(SpecialCause.types(values, limits: limits) == expected)
    }

    /// Hand computation: mean 158.5/14 = 11.32, MRs seven 2s and six 0.5s, amr 1.31; UPL 14.80, near 13.64/9.00.
    /// The last 7 points (12, 11.5, …) all lie above the mean and none is close or outside: a shift.
    static let shiftAtEnd: [Double?] = [10, 12, 10, 12, 10, 12, 10, 12, 11.5, 12, 11.5, 12, 11.5, 12]

    @Test("7-point shift")
    func shift() throws {
        let limits = try #require(ControlLimits.xmR(Self.shiftAtEnd))
        let types = SpecialCause.types(Self.shiftAtEnd, limits: limits)
        #expect(types == Array(repeating: .commonCause, count: 7) + Array(repeating: .shiftAbove, count: 7))
    }

    /// The shift example with missing periods among the last 7 observed points (spec §6: rules run over the
    /// observed points). Hand computation: MRs skip the gaps, amr 16/11 = 1.45, near UPL 13.90: still a shift.
    @Test("the rules skip missing periods")
    func shiftAcrossGaps() throws {
        let values: [Double?] = [10, 12, 10, 12, 10, 12, 10, 12, nil, 11.5, 12, nil, 11.5, 12, 11.5, 12]
        let limits = try #require(ControlLimits.xmR(values))
        let types = SpecialCause.types(values, limits: limits)
        #expect(types.count == 14)
        #expect(types.suffix(7) == Array(repeating: .shiftAbove, count: 7))
    }

    /// Hand computation: mean 135.1/13 = 10.39, MRs six 1s and six 0.1s, amr 0.55; UPL 11.86, near 11.37/9.42.
    /// The last 7 points rise strictly (10, 10.1, …, 10.6); the 11s are inside the near limits.
    @Test("7-point trend")
    func trend() throws {
        let values: [Double?] = [10, 11, 10, 11, 10, 11, 10, 10.1, 10.2, 10.3, 10.4, 10.5, 10.6]
        let limits = try #require(ControlLimits.xmR(values))
        let types = SpecialCause.types(values, limits: limits)
        #expect(types == Array(repeating: .commonCause, count: 6) + Array(repeating: .trendIncreasing, count: 7))
    }

    /// Hand computation: mean 154/13 = 11.85, MRs nine 2s, 0, 4, 0 → amr 22/12 = 1.83; UPL 16.72, near UPL 15.10.
    /// The two 16s are close (15.10 < 16 < 16.72) and, with the 12 before them, all three lie above the mean.
    @Test("2 of 3 beyond the near limit")
    func twoInThree() throws {
        let values: [Double?] = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 12, 16, 16]
        let limits = try #require(ControlLimits.xmR(values))
        let types = SpecialCause.types(values, limits: limits)
        #expect(types == Array(repeating: .commonCause, count: 11) + [.twoInThreeAbove, .twoInThreeAbove])
    }

    /// Hand computation: mean 135/13 = 10.38, MRs eleven 2s and 9 → 9 screened (≥ 3.267 · 31/12), amr 2;
    /// LPL 5.06 > 3.
    @Test("point below the LCL")
    func belowLCL() throws {
        let values: [Double?] = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 3]
        let limits = try #require(ControlLimits.xmR(values))
        let types = SpecialCause.types(values, limits: limits)
        #expect(types == Array(repeating: .commonCause, count: 12) + [.belowLCL])
    }

    /// Hand computation: mean 45.6/14 = 3.26; the 3.5 jump is screened, amr = 3.6/12 = 0.3; limits 2.46…4.06.
    /// Every point is outside, so the 7-point trend and the two 7-point shifts never show.
    @Test("outside beats trend and shift")
    func outsideFirst() throws {
        let values: [Double?] = [1, 1.5, 1, 1.5, 1, 1.5, 1, 5, 5.1, 5.2, 5.3, 5.4, 5.5, 5.6]
        let limits = try #require(ControlLimits.xmR(values))
        let types = SpecialCause.types(values, limits: limits)
        #expect(types == Array(repeating: .belowLCL, count: 7) + Array(repeating: .aboveUCL, count: 7))
    }

    /// Up-trend 0…6 (points 0–6) then down-trend 6…−2 (points 6–12). Hand computation: mean 43.7/13 = 3.36,
    /// amr 14/12 = 1.17, limits 0.26…6.46: 0 and −2 are below the LCL. The shared peak takes the later
    /// (down) trend.
    @Test("a turning point takes the later trend")
    func turningPoint() throws {
        let values: [Double?] = [0, 2, 4, 5, 5.5, 5.8, 6, 5.9, 5.5, 4, 2, 0, -2]
        let limits = try #require(ControlLimits.xmR(values))
        let types = SpecialCause.types(values, limits: limits)
        #expect(types == [.belowLCL] + Array(repeating: .trendIncreasing, count: 5)
            + Array(repeating: .trendDecreasing, count: 5) + [.belowLCL, .belowLCL])
    }

    /// Spec §3 flat-series decision: with amr = 0 every point equals the centre, so nothing is special.
    @Test("flat series is common cause")
    func flatSeries() throws {
        let values: [Double?] = Array(repeating: 0.3, count: 13)
        let limits = try #require(ControlLimits.xmR(values))
        #expect(SpecialCause.types(values, limits: limits).allSatisfy { $0 == .commonCause })
        #expect(SpecialCause.variationIcon(values, limits: limits, better: .higher) == .commonCause)
    }

    // MARK: - Icons

    /// Spec §6: improvement_high/low by the desired direction, concern_low (higher better) / concern_high
    /// (lower better); NHSRplotthedots `ptd_point_type` for neutral: special_cause_neutral_high/low.
    @Test("variation icon of a point", arguments: [
        (SpecialCauseType.aboveUCL, Better.higher, VariationIcon.improvementHigh),
        (.aboveUCL, .lower, .concernHigh),
        (.aboveUCL, .neutral, .neutralHigh),
        (.belowLCL, .higher, .concernLow),
        (.belowLCL, .lower, .improvementLow),
        (.belowLCL, .neutral, .neutralLow),
        (.trendIncreasing, .higher, .improvementHigh),
        (.trendDecreasing, .higher, .concernLow),
        (.twoInThreeAbove, .lower, .concernHigh),
        (.twoInThreeBelow, .lower, .improvementLow),
        (.shiftAbove, .neutral, .neutralHigh),
        (.shiftBelow, .neutral, .neutralLow),
        (.commonCause, .higher, .commonCause),
        (.commonCause, .lower, .commonCause),
        (.commonCause, .neutral, .commonCause),
    ])
    func icon(_ type: SpecialCauseType, _ better: Better, _ expected: VariationIcon) {
        #expect(VariationIcon(type, better: better) == expected)
    }

    /// The icon is the type of the latest observed point (the shift example ends in a 7-point shift above).
    @Test("variation icon of the series is its last observed point", arguments: [
        (Better.higher, VariationIcon.improvementHigh), (.lower, .concernHigh), (.neutral, .neutralHigh),
    ])
    func lastPointIcon(_ better: Better, _ expected: VariationIcon) throws {
        let values = Self.shiftAtEnd + [nil, nil]
        let limits = try #require(ControlLimits.xmR(values))
        #expect(SpecialCause.variationIcon(values, limits: limits, better: better) == expected)
    }
}
