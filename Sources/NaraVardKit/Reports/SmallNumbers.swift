/// Small-number suppression for published reports (design.md).
///
/// A numerator from 1 to `min_n − 1` is suppressed (primary). Where a total is the sum of its parts and exactly
/// one of them is suppressed, the others would give it away, so one more is suppressed (secondary): the part
/// with the smallest non-zero numerator, or the total when every part is hidden. The sums are a länsdel, county or area
/// group and its municipalities, the county and its länsdelar, and the total of women and men of one area. The
/// rule runs until no sum has exactly one suppressed cell. A sum with a missing part gives nothing away.
///
/// ```swift
/// let shown = SmallNumbers.suppress(values, minN: 10, unit: .percent, totals: lansdelar, geography: geography)
/// ```
package enum SmallNumbers {
    /// The values with suppressed ones set to status `suppressed`, without value or numerator.
    /// - Parameters:
    ///   - values: every value one indicator shows (all periods, areas and genders).
    ///   - minN: the indicator's `min_n`; `nil` suppresses nothing.
    ///   - unit: a count indicator's value is its numerator.
    ///   - totals: the aggregate areas shown (länsdelar, the county, groups).
    package static func suppress(
        _ values: [AreaValue], minN: Int?, unit: IndicatorUnit, totals: [Area], geography: Geography
    ) -> [AreaValue] {
        guard let minN, minN > 1 else { return values }
        func count(_ value: AreaValue) -> Double? { value.numerator ?? (unit == .count ? value.value : nil) }
        var suppressed = Set<Int>()
        var index: [ObservationKey: Int] = [:]
        for (position, value) in values.enumerated() {
            index[value.key] = position
            if let count = count(value), count >= 1, count < Double(minN) { suppressed.insert(position) }
        }
        guard !suppressed.isEmpty else { return values }

        // Every sum (total, parts) whose cells are all shown with counts, as positions in `values`, in key order
        // so that the same values always give the same result.
        var sums: [(total: Int, parts: [Int])] = []
        let lansdelar = geography.areas.filter { $0.kind == .lansdel }
        // Each total's members, found once rather than for each of its periods and genders.
        var members: [String: [String]] = [:]
        let order = values.indices.sorted {
            (values[$0].area, values[$0].period, values[$0].gender) < (values[$1].area, values[$1].period, values[$1].gender)
        }
        for total in order {
            let value = values[total]
            func positions(_ areas: [String], _ genders: [Gender]) -> [Int]? {
                let keys = areas.flatMap { area in
                    genders.map { ObservationKey(indicator: value.indicator, area: area, period: value.period, gender: $0) }
                }
                let found = keys.compactMap { index[$0] }.filter { count(values[$0]) != nil }
                return found.count == keys.count && !keys.isEmpty ? found : nil
            }
            guard count(value) != nil, let area = geography[value.area] else { continue }
            if value.gender == .total, let parts = positions([area.id], [.women, .men]) { sums.append((total, parts)) }
            guard totals.contains(where: { $0.id == area.id }) else { continue }
            let areaMembers = members[area.id] ?? geography.members(of: area)
            members[area.id] = areaMembers
            if let parts = positions(areaMembers, [value.gender]) { sums.append((total, parts)) }
            if area.kind == .county, let parts = positions(lansdelar.filter { $0.county == area.id }.map(\.id), [value.gender]) {
                sums.append((total, parts))
            }
        }

        var changed = true
        while changed {
            changed = false
            for sum in sums {
                let cells = [sum.total] + sum.parts
                guard cells.filter(suppressed.contains).count == 1 else { continue }
                let shown = cells.filter { !suppressed.contains($0) }
                let parts = shown.filter { $0 != sum.total }
                // The smallest non-zero count: hiding a zero beside the suppressed cell would protect nothing.
                func order(_ cell: Int) -> (Int, Double, String) { (count(values[cell])! == 0 ? 1 : 0, count(values[cell])!, values[cell].area) }
                let next = (parts.isEmpty ? shown : parts).min { order($0) < order($1) }!
                suppressed.insert(next)
                changed = true
            }
        }
        return values.enumerated().map { position, value in
            guard suppressed.contains(position) else { return value }
            var hidden = value
            hidden.value = nil
            hidden.numerator = nil
            hidden.status = .suppressed
            return hidden
        }
    }
}
