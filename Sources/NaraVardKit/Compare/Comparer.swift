/// Compares the values of one indicator with a benchmark area: the one code path behind `naravard compare`
/// and the colours of the reports (comparisons.md §2–4).
///
/// ```swift
/// let comparer = Comparer(indicator: pv01, geography: catalog.geography, benchmark: "25")
/// let rows = comparer.compare(values, trends: [:])   // values include the benchmark's own
/// ```
public struct Comparer: Sendable {
    public let indicator: Indicator
    public let geography: Geography
    /// The benchmark area id (`25`, `0000`, …); nil: each area's own county.
    public let benchmark: String?
    /// Populations by membership version and area id, worked out once (count indicators only).
    private let populations: [String: [String: Int]]

    public init(indicator: Indicator, geography: Geography, benchmark: String?) {
        self.indicator = indicator; self.geography = geography; self.benchmark = benchmark
        var populations: [String: [String: Int]] = [:]
        if indicator.unit == .count {
            for boundary in Set(geography.versions.map { $0.validFrom ?? "" }) {
                let version = Geography(areas: geography.areas(validOn: boundary))
                populations[boundary] = Dictionary(uniqueKeysWithValues: version.areas.compactMap { area in
                    version.population(of: area).map { (area.id, $0) }
                })
            }
        }
        self.populations = populations
    }

    /// The series a trend class belongs to.
    public struct SeriesKey: Hashable, Sendable {
        public var area: String
        public var gender: Gender

        public init(area: String, gender: Gender) { self.area = area; self.gender = gender }
    }

    /// The benchmark of an area: the chosen one, else the area's own county (a county is its own; a group's
    /// is its first member's; an area without a county is its own benchmark and is not compared).
    public func benchmark(of area: String) -> String {
        if let benchmark { return benchmark }
        guard let found = geography[area] else { return area }
        switch found.kind {
        case .county, .country: return area
        case .lansdel, .municipality: return found.county ?? area
        case .group: return geography.members(of: found).first.flatMap { geography[$0]?.county } ?? area
        }
    }

    /// The compared value of one value: per 1 000 invånare for a count, with the area's population in the period.
    package func comparedValue(_ value: AreaValue) -> ComparedValue {
        let population = indicator.unit == .count ? populations[geography.boundary(for: value.period)]?[value.area] : nil
        return ComparedValue(value, unit: indicator.unit, population: population)
    }

    /// Every value compared with its benchmark's value of the same period and gender, found among `values`.
    ///
    /// - Parameters:
    ///   - values: values of this indicator; the benchmarks' (stored or aggregated) must be among them.
    ///   - trends: the classification of each series, for `trend` and `attention`.
    public func compare(_ values: [AreaValue], trends: [SeriesKey: TrendClass] = [:]) -> [Comparison] {
        struct Slot: Hashable { var area: String, period: Period, gender: Gender }
        let benchmarks = Dictionary(values.map { ($0.area, benchmark(of: $0.area)) }, uniquingKeysWith: { first, _ in first })
        let wanted = Set(benchmarks.values)
        var benchmarkValues: [Slot: Double] = [:]
        for value in values where wanted.contains(value.area) {
            benchmarkValues[Slot(area: value.area, period: value.period, gender: value.gender)] = comparedValue(value).value
        }
        return values.map { value in
            let benchmark = benchmarks[value.area] ?? value.area
            return compare(value, benchmark: benchmark,
                           benchmarkValue: benchmarkValues[Slot(area: benchmark, period: value.period, gender: value.gender)],
                           trend: trends[SeriesKey(area: value.area, gender: value.gender)])
        }
    }

    /// One value compared with a given benchmark value.
    public func compare(_ value: AreaValue, benchmark: String, benchmarkValue: Double?, trend: TrendClass? = nil) -> Comparison {
        Comparison(value, compared: comparedValue(value), benchmark: benchmark, benchmarkValue: benchmarkValue,
                   better: indicator.better, trend: trend)
    }
}

extension Geography {
    /// The population of an area in this geography: a municipality's own, the sum of its members' for a
    /// länsdel, county or group (nil when any member has none), else the area's own (Riket).
    package func population(of area: Area) -> Int? {
        let members = area.kind == .municipality ? [] : self.members(of: area)
        guard !members.isEmpty else { return area.population }
        var sum = 0
        for member in members {
            guard let population = self[member]?.population else { return nil }
            sum += population
        }
        return sum
    }

    /// The population of an area in the geography version valid for a period (see ``population(of:)``).
    package func population(of id: String, at period: Period) -> Int? {
        let version = Geography(areas: areas(validOn: boundary(for: period)))
        return version[id].flatMap(version.population(of:))
    }
}
