/// The Making Data Count label of one point (NHSRplotthedots 0.2.2 `special_cause_type`).
package enum SpecialCauseType: String, Sendable, Codable {
    case aboveUCL = "Above UCL"
    case belowLCL = "Below LCL"
    case trendIncreasing = "7 Point Trend (Increasing)"
    case trendDecreasing = "7 Point Trend (Decreasing)"
    case twoInThreeAbove = "2 in 3 Above CL"
    case twoInThreeBelow = "2 in 3 Below CL"
    case shiftAbove = "7 Points Above CL"
    case shiftBelow = "7 Points Below CL"
    case commonCause = "Common Cause"

    /// +1 for Above/Increasing, −1 for Below/Decreasing, 0 for common cause.
    package var direction: Int {
        switch self {
        case .aboveUCL, .trendIncreasing, .twoInThreeAbove, .shiftAbove: 1
        case .belowLCL, .trendDecreasing, .twoInThreeBelow, .shiftBelow: -1
        case .commonCause: 0
        }
    }
}

/// Making Data Count special-cause rules (NHSRplotthedots 0.2.2): outside the limits, 7-point trend,
/// 2 of 3 beyond the near limits, 7-point shift.
///
/// The rules run over the observed points in order; missing periods are skipped.
package enum SpecialCause {
    /// Points in a shift or trend.
    package static let ruleLength = 7
    /// Points from which limits and the variation icon are shown.
    package static let minimumPoints = 13

    /// The label of every observed point, the first matching rule winning (outside, trend, 2 in 3, shift).
    package static func types(_ values: [Double?], limits: ControlLimits) -> [SpecialCauseType] {
        types(observed: TrendMath.observations(values).map(\.y), limits: limits)
    }

    /// The labels of the observed values in time order.
    static func types(observed y: [Double], limits: ControlLimits) -> [SpecialCauseType] {
        let rtm = y.map { TrendMath.sign($0 - limits.centre) }
        return label(
            y: y,
            rtm: rtm,
            outside: y.map(limits.isOutside),
            partOfTrend: partOfWindow(trendEnds(y).map { $0 != 0 }),
            partOfTwoInThree: partOfTwoInThree(close: y.map(limits.isClose), rtm: rtm),
            partOfShift: partOfWindow(shiftEnds(rtm))
        )
    }

    /// The variation icon of the latest observed point; `nil` without observed points.
    package static func variationIcon(_ values: [Double?], limits: ControlLimits, better: Better) -> VariationIcon? {
        variationIcon(observed: TrendMath.observations(values).map(\.y), limits: limits, better: better)
    }

    static func variationIcon(observed y: [Double], limits: ControlLimits, better: Better) -> VariationIcon? {
        lastType(y, limits: limits).map { VariationIcon($0, better: better) }
    }

    /// The label ``types(_:limits:)`` gives the last observed point, from the few points before it that its
    /// rules reach (the windows ending there), without labelling the others.
    static func lastType(_ y: [Double], limits: ControlLimits) -> SpecialCauseType? {
        guard let latest = y.last else { return nil }
        let last = y.count - 1
        let side = TrendMath.sign(latest - limits.centre)
        /// Whether the last `length` positions all give `expected`, which is not 0.
        func all(_ length: Int, _ expected: Int, _ signAt: (Int) -> Int) -> Bool {
            expected != 0 && last >= length - 1 && ((last - length + 1)...last).allSatisfy { signAt($0) == expected }
        }
        if limits.isOutside(latest) { return side == 1 ? .aboveUCL : .belowLCL }
        // A trend: the last ruleLength − 1 steps all rise or all fall (the first value has no step).
        let step = last > 0 ? TrendMath.sign(latest - y[last - 1]) : 0
        if all(ruleLength - 1, step, { $0 > 0 ? TrendMath.sign(y[$0] - y[$0 - 1]) : 0 }) {
            return step == 1 ? .trendIncreasing : .trendDecreasing
        }
        if last >= 2, limits.isClose(latest) {
            let window = (last - 2)...last
            if window.count(where: { limits.isClose(y[$0]) }) >= 2,
               abs(window.reduce(0) { $0 + TrendMath.sign(y[$1] - limits.centre) }) == 3 {
                return side > 0 ? .twoInThreeAbove : .twoInThreeBelow
            }
        }
        if all(ruleLength, side, { TrendMath.sign(y[$0] - limits.centre) }) {
            return side > 0 ? .shiftAbove : .shiftBelow
        }
        return .commonCause
    }

    // MARK: - Rules

    /// True where a window of 7 points ending here lies on one side of the centre (`ptd_seven_point_one_side_mean`).
    static func shiftEnds(_ rtm: [Int]) -> [Bool] {
        runLengths(rtm).map { $0 >= ruleLength }
    }

    /// +1/−1 where a window of 7 points ending here rises/falls strictly at every step, else 0
    /// (`ptd_seven_point_trend`): 6 equal steps in a row.
    static func trendEnds(_ y: [Double]) -> [Int] {
        let steps = y.indices.map { $0 == 0 ? 0 : TrendMath.sign(y[$0] - y[$0 - 1]) }
        return zip(runLengths(steps), steps).map { run, step in run >= ruleLength - 1 ? step : 0 }
    }

    /// For each position, how many values up to it in a row equal it and are not 0 (0 for a 0), so that a
    /// window rule is one comparison instead of a scan of the window.
    static func runLengths(_ signs: [Int]) -> [Int] {
        var runs = [Int](repeating: 0, count: signs.count)
        for index in signs.indices where signs[index] != 0 {
            runs[index] = index > 0 && signs[index - 1] == signs[index] ? runs[index - 1] + 1 : 1
        }
        return runs
    }

    /// True for every point of a 7-point window that ends at a flagged point (`ptd_part_of_seven_trend`).
    static func partOfWindow(_ ends: [Bool]) -> [Bool] {
        ends.indices.map { index in
            (index..<min(index + ruleLength, ends.count)).contains { ends[$0] }
        }
    }

    /// True where some window of 3 consecutive points containing this one has ≥ 2 close points,
    /// all on one side of the centre (`ptd_two_in_three`).
    static func twoInThreeWindows(close: [Bool], rtm: [Int]) -> [Bool] {
        close.indices.map { index in
            (max(0, index - 2)...index).contains { start in
                let window = start..<(start + 3)
                guard window.upperBound <= close.count else { return false }
                return window.count { close[$0] } >= 2 && abs(rtm[window].reduce(0, +)) == 3
            }
        }
    }

    /// Close points in a qualifying 2-of-3 window (`ptd_part_of_two_in_three`).
    static func partOfTwoInThree(close: [Bool], rtm: [Int]) -> [Bool] {
        zip(twoInThreeWindows(close: close, rtm: rtm), close).map { $0 && $1 }
    }

    /// Applies the precedence of `ptd_special_cause_type` to the rule flags.
    ///
    /// A trend point takes the direction of the step to the next point when that point is also in a trend,
    /// else of the step from the previous point (0 for the first); +1 is increasing, anything else decreasing.
    static func label(
        y: [Double], rtm: [Int], outside: [Bool],
        partOfTrend: [Bool], partOfTwoInThree: [Bool], partOfShift: [Bool]
    ) -> [SpecialCauseType] {
        y.indices.map { i in
            let above = rtm[i] > 0
            if outside[i] { return rtm[i] == 1 ? .aboveUCL : .belowLCL }
            if partOfTrend[i] {
                let step: Int
                if i + 1 < y.count, partOfTrend[i + 1] {
                    step = TrendMath.sign(y[i + 1] - y[i])
                } else {
                    step = i > 0 ? TrendMath.sign(y[i] - y[i - 1]) : 0
                }
                return step == 1 ? .trendIncreasing : .trendDecreasing
            }
            if partOfTwoInThree[i] { return above ? .twoInThreeAbove : .twoInThreeBelow }
            if partOfShift[i] { return above ? .shiftAbove : .shiftBelow }
            return .commonCause
        }
    }
}
