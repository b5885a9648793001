/// How the indicators of one direction shift move in one area: the page the committee reads first.
package struct ShiftRollup: Sendable, Equatable {
    package enum Status: String, Sendable {
        /// More indicators improve than worsen.
        case improving
        /// More worsen than improve.
        case worsening
        /// As many improve as worsen, and some moved.
        case mixed
        /// None moved.
        case stable
        /// Every indicator has too few points.
        case insufficient
    }

    package var shift: Int
    package var area: String
    package var improving = 0
    package var worsening = 0
    package var noClearChange = 0
    package var tooFewPoints = 0
    /// Indicators with values in the area but no series to judge, because the values came without counts and
    /// cannot be summed to the area (e.g. a länsdel of survey values given per municipality).
    package var noCounts = 0
    /// Indicators without a good direction (`better: neutral`), counted apart whatever their class.
    package var neutral = 0

    package var status: Status {
        if improving > worsening { return .improving }
        if worsening > improving { return .worsening }
        if improving > 0 { return .mixed }
        return noClearChange > 0 ? .stable : .insufficient
    }

    /// Indicators with a good direction whose trend could be judged.
    package var judged: Int { improving + worsening + noClearChange }

    /// Indicators with a good direction in the area, judged or not (too few points, no counts).
    package var assessable: Int { judged + tooFewPoints + noCounts }

    /// Some indicators were judged, but fewer than half of those with a good direction: the balance rests on a
    /// minority and the first page says so ("bedömd på 2 av 7 indikatorer").
    package var judgedOnFewerThanHalf: Bool { judged > 0 && 2 * judged < assessable }

    package init(shift: Int, area: String) {
        self.shift = shift
        self.area = area
    }

    /// One roll-up per shift and area, from the total-gender trends; an indicator without a series in an
    /// area counts as too few points, or as no counts when `withoutCounts` holds its indicator and area (each
    /// `indicator + "\u{1F}" + area`). An indicator not published at an area's level (`kinds` gives the
    /// level; e.g. a county-only indicator in a länsdel) is left out of that area's roll-up. Seasonal
    /// indicators count by their seasonal classification, like every other.
    package static func rollups(
        shifts: [Int], areas: [String], kinds: [String: Area.Kind] = [:], indicators: [Indicator], trends: [SeriesTrend],
        withoutCounts: Set<String> = []
    ) -> [ShiftRollup] {
        var classes: [String: TrendClass] = [:]
        for trend in trends where trend.gender == .total {
            classes[trend.indicator + "\u{1F}" + trend.area] = trend.result.classification
        }
        return shifts.flatMap { shift in
            areas.map { area in
                var rollup = ShiftRollup(shift: shift, area: area)
                for indicator in indicators where indicator.shift == shift && !indicator.retired
                    && kinds[area].map(indicator.isPublished(for:)) != false {
                    if indicator.better == .neutral { rollup.neutral += 1; continue }
                    let key = indicator.id + "\u{1F}" + area
                    if classes[key] == nil, withoutCounts.contains(key) { rollup.noCounts += 1; continue }
                    switch classes[key] ?? .tooFewPoints {
                    case .improving: rollup.improving += 1
                    case .worsening: rollup.worsening += 1
                    case .noClearChange, .increasing, .decreasing: rollup.noClearChange += 1
                    case .tooFewPoints: rollup.tooFewPoints += 1
                    }
                }
                return rollup
            }
        }
    }
}
