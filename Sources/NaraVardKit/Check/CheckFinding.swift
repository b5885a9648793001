/// One thing `naravard check` found.
package struct CheckFinding: Sendable, Equatable {
    package enum Kind: String, Sendable {
        /// SQLite's integrity or foreign-key check failed: the store file is damaged.
        case integrity
        /// The total (T) disagrees with women (K) plus men (M).
        case sum
        /// A municipality has no record for the indicator's latest period.
        case notReported = "not_reported"
        /// A municipality reported the latest period as missing.
        case missing
    }

    package var kind: Kind
    package var indicator: String?
    package var area: String?
    package var period: Period?
    package var detail: String
}

extension CheckFinding {
    /// The finding for a delivery status that is undelivered (`not_reported`, `missing`); nil for any other.
    init?(_ row: DeliveryStatus, name: String) {
        switch row.state {
        case .notDelivered:
            self.init(kind: .notReported, indicator: row.indicator, area: row.area, period: row.period,
                      detail: "\(name) has not reported \(row.period)")
        case .reportedMissing:
            self.init(kind: .missing, indicator: row.indicator, area: row.area, period: row.period,
                      detail: "\(name) reported \(row.period) as missing")
        default:
            return nil
        }
    }

    /// Where T, K and M are all reported for an area and period, the counts of T must be those of K plus
    /// M (numerator, denominator; for a count indicator given without counts, the value). Rates given
    /// without counts cannot be checked.
    static func sums(_ observations: [Observation], unit: IndicatorUnit) -> [CheckFinding] {
        var byKey: [ObservationKey: Observation] = [:]
        for observation in observations where observation.status == .reported { byKey[observation.key] = observation }
        var findings: [CheckFinding] = []
        for total in byKey.values where total.gender == .total {
            var key = total.key
            key.gender = .women
            guard let women = byKey[key] else { continue }
            key.gender = .men
            guard let men = byKey[key] else { continue }
            var parts: [(name: String, part: (Observation) -> Double?)] = [("numerator", \.numerator), ("denominator", \.denominator)]
            if unit == .count, total.numerator == nil { parts.append(("value", \.value)) }
            for (name, part) in parts {
                guard let t = part(total), let k = part(women), let m = part(men), !agree(t, k + m) else { continue }
                findings.append(CheckFinding(
                    kind: .sum, indicator: total.indicator, area: total.area, period: total.period,
                    detail: "\(name) T \(t.plain) ≠ K \(k.plain) + M \(m.plain) = \((k + m).plain)"))
            }
        }
        return findings.sorted { ($0.area ?? "", $0.period!, $0.detail) < ($1.area ?? "", $1.period!, $1.detail) }
    }

    /// Sums of whole counts agree exactly; other values to a millionth of their size.
    private static func agree(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-6 * max(1, abs(a), abs(b))
    }

    /// The municipalities (of the geography valid in the indicator's latest stored period) with no total (T)
    /// for that period, or with the total reported as missing. An indicator not published for municipalities
    /// (`levels: [county]`) is expected from the county instead.
    static func incompleteness(_ observations: [Observation], geography: Geography, expected definition: Indicator? = nil) -> [CheckFinding] {
        guard let latest = observations.map(\.period).max(), let indicator = observations.first?.indicator else { return [] }
        var totals: [String: Observation] = [:]
        for observation in observations where observation.period == latest && observation.gender == .total {
            totals[observation.area] = observation
        }
        let reporting: Area.Kind = definition.map { $0.levels.contains(.municipality) } == false ? .county : .municipality
        let municipalities = geography.areas(validOn: geography.boundary(for: latest)).filter { $0.kind == reporting }
        return municipalities.compactMap { area in
            switch totals[area.id]?.status {
            case nil:
                CheckFinding(kind: .notReported, indicator: indicator, area: area.id, period: latest,
                             detail: "\(area.name) has not reported \(latest) (the latest period of \(indicator))")
            case .missing:
                CheckFinding(kind: .missing, indicator: indicator, area: area.id, period: latest,
                             detail: "\(area.name) reported \(latest) as missing")
            default:
                nil
            }
        }
    }
}
