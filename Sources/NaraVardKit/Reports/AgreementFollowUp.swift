import Foundation

/// The follow-up of the national agreements' money: per agreement and insatsområde what was allocated,
/// decided and spent, and how the indicators the money should move are trending in the county.
///
/// ```swift
/// let followUp = try store.agreementFollowUp(year: 2022)
/// followUp.lines.first?.percentUsed
/// ```
package struct AgreementFollowUp: Sendable {
    /// A linked indicator and its county trend (nil: no series).
    package struct LinkedTrend: Sendable {
        package var indicator: String
        package var better: Better
        package var trend: TrendClass?
    }

    /// One agreement as a whole (``area`` nil) or one of its insatsområden.
    package struct Line: Sendable {
        package var agreement: Agreement
        package var area: Insatsomrade?
        /// The region's money, kronor.
        package var allocated: Int64
        /// The joint total with the municipalities' part, for a joint insatsområde.
        package var jointAllocated: Int64?
        package var decided: Int64
        package var spent: Double
        /// Whether any of the line's activities has spending entered; without it the spending is unknown, not 0.
        package var followedUp = true
        package var trends: [LinkedTrend]

        package var remaining: Double { Double(allocated) - spent }
        /// Spent as a percentage of allocated; nil when nothing was allocated.
        package var percentUsed: Double? { allocated > 0 ? 100 * spent / Double(allocated) : nil }
    }

    /// The money of the insatsområden whose primary direction shift is ``shift`` (nil: none given).
    package struct ShiftMoney: Sendable, Equatable {
        package var shift: Int?
        package var allocated: Int64
        package var decided: Int64
        package var spent: Double
    }

    /// Each agreement's line followed by its insatsområden, latest year first.
    package var lines: [Line]
    /// The latest quarter of use taken into account (nil: all).
    package var period: Period?
    /// The decided activities of the agreements shown.
    package var activities: [Activity]
    /// Money spent per activity, kronor.
    package var spentByActivity: [String: Double]
    /// The last quarter (or period) with spending entered up to the report period: what "förbrukat till och med" names.
    package var lastSpent: Period?

    package func spent(_ activity: String) -> Double? { spentByActivity[activity] }

    /// Builds the lines from the stored state.
    /// - Parameters:
    ///   - year: only agreements of this year (nil: all).
    ///   - period: count use up to this quarter (nil: all).
    ///   - trends: the county trend of each indicator, by id.
    package static func build(
        _ state: AgreementState, year: Int?, period: Period?, indicators: [String: Better], trends: [String: TrendClass]
    ) -> AgreementFollowUp {
        let used = state.use.filter { use in period.map { use.period <= $0 } ?? true }
        let spentByActivity = Dictionary(used.map { ($0.activity, $0.spent) }, uniquingKeysWith: +)
        var lines: [Line] = []
        var shown: [Activity] = []
        for agreement in state.agreements where year.map({ agreement.year == $0 }) ?? true {
            let activities = state.activities.filter { $0.agreement == agreement.id }
            func money(_ chosen: [Activity]) -> (decided: Int64, spent: Double, followedUp: Bool) {
                (chosen.reduce(0) { $0 + $1.amount.kronor }, chosen.reduce(0) { $0 + (spentByActivity[$1.id] ?? 0) },
                 chosen.contains { spentByActivity[$0.id] != nil })
            }
            shown += activities
            let whole = money(activities)
            lines.append(Line(agreement: agreement, area: nil, allocated: agreement.allocated,
                              jointAllocated: nil, decided: whole.decided, spent: whole.spent, followedUp: whole.followedUp, trends: []))
            for area in agreement.areas {
                let part = money(activities.filter { $0.insatsomrade == area.id })
                lines.append(Line(
                    agreement: agreement, area: area, allocated: area.amount.kronor, jointAllocated: area.jointAmount?.kronor,
                    decided: part.decided, spent: part.spent, followedUp: part.followedUp,
                    trends: area.indicators.map { LinkedTrend(indicator: $0, better: indicators[$0] ?? .neutral, trend: trends[$0]) }))
            }
        }
        let shownIDs = Set(shown.map(\.id))
        return AgreementFollowUp(lines: lines, period: period, activities: shown, spentByActivity: spentByActivity,
                                 lastSpent: used.filter { shownIDs.contains($0.activity) }.map(\.period).max())
    }

    /// The insatsområden's money per primary direction shift (the region's part of joint ones), shifts in order
    /// and insatsområden without one last.
    package var byShift: [ShiftMoney] {
        var totals: [Int: ShiftMoney] = [:]
        for line in lines {
            guard let area = line.area else { continue }
            let key = area.shift ?? 0
            var money = totals[key] ?? ShiftMoney(shift: area.shift, allocated: 0, decided: 0, spent: 0)
            money.allocated += line.allocated
            money.decided += line.decided
            money.spent += line.spent
            totals[key] = money
        }
        return totals.sorted { ($0.key == 0 ? 5 : $0.key) < ($1.key == 0 ? 5 : $1.key) }.map(\.value)
    }
}

extension MetricsStore {
    /// The follow-up of the agreements' money as of an import, with the county trends of the linked indicators
    /// over every period up to `period`.
    package func agreementFollowUp(year: Int? = nil, asOf: Int64? = nil, period: Period? = nil) throws -> AgreementFollowUp {
        let state = try agreementState(asOf: asOf)
        let catalog = try catalog(asOf: asOf)
        let linked = Set(state.agreements.flatMap { $0.areas.flatMap(\.indicators) }).filter { catalog.indicator($0) != nil }
        var trends: [String: TrendClass] = [:]
        if let county = catalog.geography.areas.first(where: { $0.kind == .county })?.id, !linked.isEmpty {
            var query = TrendQuery(asOf: asOf)
            query.indicators = linked.sorted()
            query.period = period
            for trend in try self.trends(query, catalog: catalog) where trend.area == county && trend.gender == .total {
                trends[trend.indicator] = trend.result.classification
            }
        }
        let indicators = Dictionary(catalog.indicators.map { ($0.id, $0.better) }, uniquingKeysWith: { $1 })
        return .build(state, year: year, period: period, indicators: indicators, trends: trends)
    }
}
