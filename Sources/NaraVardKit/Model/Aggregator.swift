/// Builds länsdel, county and group values from municipal records: the ratio of summed numerators and
/// summed denominators (counts are summed), never a mean of rates.
///
/// A period in which any member has no data has no aggregate (`incomplete`); a rate given without
/// counts is `not_aggregable`; a value reported for the länsdel or county itself stands as reported.
/// An indicator published only at some levels (its `levels`) is aggregated only to those.
public final class Aggregator: Sendable {
    public let geography: Geography
    public let indicators: [String: Indicator]
    /// Member municipalities of every area under each membership version, worked out once.
    private let members: [String: [String: [String]]]
    private let municipalities: Set<String>

    public init(geography: Geography, indicators: [Indicator]) {
        self.geography = geography
        self.indicators = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        var members: [String: [String: [String]]] = [:]
        for boundary in Set(geography.versions.map { $0.validFrom ?? "" }) {
            let versions = geography.areas(validOn: boundary)
            let current = Geography(areas: versions)
            members[boundary] = Dictionary(versions.map { ($0.id, current.members(of: $0)) }, uniquingKeysWith: { _, last in last })
        }
        self.members = members
        municipalities = Set(geography.versions.filter { $0.kind == .municipality }.map(\.id))
        let ids = Set(geography.versions.map(\.id)).sorted()
        areaIndex = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        isMunicipality = ids.map(municipalities.contains)
    }

    /// A position for every area id, so that grouping records needs one lookup per record.
    private let areaIndex: [String: Int]
    private let isMunicipality: [Bool]

    /// Every stored value plus the aggregates of `areas` (länsdelar and the county by default).
    public func values(_ observations: [Observation], aggregating areas: [Area]? = nil) -> [AreaValue] {
        let targets = areas ?? geography.areas.filter { $0.kind == .lansdel || $0.kind == .county }
        // Each group (indicator, period, gender) holds, per area position, the record's position in
        // `observations` (-1: none), and whether any municipality has a record.
        var groupOf: [GroupKey: Int] = [:]
        var keys: [GroupKey] = []
        var records: [[Int32]] = []
        var hasMunicipality: [Bool] = []
        for (position, observation) in observations.enumerated() {
            guard let area = areaIndex[observation.area] else { continue }
            let key = GroupKey(indicator: observation.indicator, period: observation.period, gender: observation.gender)
            let group = groupOf[key] ?? {
                groupOf[key] = keys.count
                keys.append(key)
                records.append(Array(repeating: -1, count: areaIndex.count))
                hasMunicipality.append(false)
                return keys.count - 1
            }()
            records[group][area] = Int32(position)
            if isMunicipality[area] { hasMunicipality[group] = true }
        }
        var values = observations.map(AreaValue.init)
        values.reserveCapacity(values.count + keys.count * targets.count)
        for (group, key) in keys.enumerated() where hasMunicipality[group] {
            guard let indicator = indicators[key.indicator] else { continue }
            // The memberships valid in this period, looked up once per group.
            let membership = members[geography.boundary(for: key.period)] ?? [:]
            let byArea = records[group]
            func record(_ id: String) -> Observation? {
                guard let area = areaIndex[id], byArea[area] >= 0 else { return nil }
                return observations[Int(byArea[area])]
            }
            for area in targets where record(area.id) == nil && indicator.isAggregated(to: area.kind) {
                let parts = membership[area.id] ?? geography.members(of: area, at: key.period)
                values.append(aggregate(indicator, area: area, key: key, members: parts, record: record))
            }
        }
        return values
    }

    /// Adds the länsdel and county aggregates of one indicator to its grid of stored records, by the rules
    /// of ``values(_:aggregating:)``: a group (period, gender) with any municipal record gets an aggregate
    /// for every target without a record of its own.
    func addAggregates(to grid: inout SeriesGrid, indicator: Indicator) {
        let targets = geography.areas.filter { ($0.kind == .lansdel || $0.kind == .county) && indicator.isAggregated(to: $0.kind) }
        let municipalRows = grid.rows.indices.filter { municipalities.contains(grid.rows[$0].area) }
        for gender in Gender.allCases {
            let rows = municipalRows.filter { grid.rows[$0].gender == gender }
            for column in 0..<grid.columns where rows.contains(where: { grid.cell($0, column) != nil }) {
                let period = grid.period(column)
                let key = GroupKey(indicator: indicator.id, period: period, gender: gender)
                let membership = members[geography.boundary(for: period)] ?? [:]
                func record(_ id: String) -> Observation? {
                    guard let row = grid.row(id, gender), let cell = grid.cell(row, column) else { return nil }
                    return Observation(indicator: indicator.id, area: id, period: period, gender: gender, value: cell.value,
                                       numerator: cell.numerator, denominator: cell.denominator, status: cell.status)
                }
                for area in targets where record(area.id) == nil {
                    let parts = membership[area.id] ?? geography.members(of: area, at: period)
                    let value = aggregate(indicator, area: area, key: key, members: parts, record: record)
                    grid.set(SeriesGrid.Cell(value: value.value, numerator: value.numerator, denominator: value.denominator,
                                             status: .reported),
                             area: area.id, gender: gender, period: period)
                }
            }
        }
    }

    struct GroupKey: Hashable {
        var indicator: String
        var period: Period
        var gender: Gender
    }

    private func aggregate(
        _ indicator: Indicator, area: Area, key: GroupKey, members: [String], record: (String) -> Observation?
    ) -> AreaValue {
        var result = AreaValue(
            indicator: indicator.id, area: area.id, period: key.period, gender: key.gender,
            value: nil, numerator: nil, denominator: nil, status: .computed)
        let records = members.map(record)
        let lacking = zip(members, records).filter { $0.1?.status != .reported }
        if members.isEmpty || !lacking.isEmpty {
            result.status = .incomplete
            let withheld = lacking.filter { $0.1?.status == .suppressedAtSource }.map(\.0)
            let noData = lacking.filter { $0.1?.status != .suppressedAtSource }.map(\.0)
            result.detail = members.isEmpty ? "no member municipalities"
                : [noData.isEmpty ? nil : "no data for " + names(noData),
                   withheld.isEmpty ? nil : "withheld at source by " + names(withheld)].compactMap { $0 }.joined(separator: "; ")
            return result
        }
        let found = records.compactMap { $0 }
        if indicator.unit == .count {
            let counts = found.map { $0.numerator ?? $0.value }
            guard !counts.contains(nil) else { return result }
            let sum = counts.reduce(0) { $0 + $1! }
            result.numerator = sum
            result.value = sum
            return result
        }
        let withoutCounts = found.filter { $0.numerator == nil || $0.denominator == nil }
        guard indicator.unit.hasDenominator, withoutCounts.isEmpty else {
            result.status = .notAggregable
            result.detail = indicator.unit.hasDenominator
                ? "given without counts for " + names(withoutCounts.map(\.area))
                : "\(indicator.unit.rawValue) values cannot be summed"
            return result
        }
        let numerator = found.reduce(0) { $0 + $1.numerator! }
        let denominator = found.reduce(0) { $0 + $1.denominator! }
        result.numerator = numerator
        result.denominator = denominator
        if denominator > 0 {
            result.value = indicator.unit.factor * numerator / denominator
        } else {
            result.detail = "the summed denominator is 0: the value is undefined"
        }
        return result
    }

    private func names(_ ids: [String]) -> String {
        ids.map { id in geography[id].map { "\(id) \($0.name)" } ?? id }.joined(separator: ", ")
    }
}
