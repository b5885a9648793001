/// An area values are reported for: a municipality, a länsdel, a county, the country or a group.
public struct Area: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case country, county, lansdel, municipality, group
    }

    /// Stable id: SCB code for municipalities (`2580`), `25` for the county, slugs for länsdelar.
    public var id: String
    public var kind: Kind
    public var name: String
    /// Other codes accepted on input, such as Kolada's `0025`.
    public var codes: [String]
    /// Other names accepted on input.
    public var aliases: [String]
    /// The county a länsdel or municipality belongs to.
    public var county: String?
    /// The länsdel a municipality belongs to.
    public var lansdel: String?
    public var population: Int?
    /// Members of a group (model areas).
    public var members: [String]
    /// The date (`2025-01-01`) from which this version of the area applies; nil: always.
    public var validFrom: String?

    public init(
        id: String, kind: Kind, name: String, codes: [String] = [], aliases: [String] = [],
        county: String? = nil, lansdel: String? = nil, population: Int? = nil, members: [String] = [],
        validFrom: String? = nil
    ) {
        self.id = id; self.kind = kind; self.name = name; self.codes = codes; self.aliases = aliases
        self.county = county; self.lansdel = lansdel; self.population = population; self.members = members
        self.validFrom = validFrom
    }
}

/// The areas of a region and how they nest. Groupings change, so an area may have several versions, each
/// valid from a date; a period's aggregates use the memberships valid when the period begins.
public struct Geography: Sendable {
    /// Every version of every area.
    public let versions: [Area]
    /// The latest version of each area, by id order.
    public let areas: [Area]
    private let byID: [String: Area]
    /// Version start dates, ascending ("" for versions valid always).
    private let boundaries: [String]

    package init(areas versions: [Area]) {
        self.versions = versions
        var latest: [String: Area] = [:]
        for area in versions where (latest[area.id]?.validFrom ?? "") <= (area.validFrom ?? "") {
            latest[area.id] = area
        }
        byID = latest
        areas = latest.values.sorted { $0.id < $1.id }
        boundaries = Array(Set(versions.map { $0.validFrom ?? "" })).sorted()
    }

    /// Area by id (its latest version).
    public subscript(id: String) -> Area? { byID[id] }

    /// The municipalities a länsdel, county or group is made of now (sorted by id).
    package func members(of area: Area) -> [String] {
        members(of: area, among: areas)
    }

    /// The municipalities a länsdel, county or group is made of in a period: each municipality counts where its
    /// version valid at the start of the period puts it (the earliest version for periods before all of them).
    package func members(of area: Area, at period: Period) -> [String] {
        boundaries.count <= 1 ? members(of: area) : members(of: area, among: areas(validOn: boundary(for: period)))
    }

    /// The start of the membership version that applies to a period: the latest that has begun by the period's
    /// first day, or the earliest when none has.
    package func boundary(for period: Period) -> String {
        boundaries.last { $0 <= period.startDate } ?? boundaries.first ?? ""
    }

    /// The version of every area valid on a date (the earliest version for dates before all of them).
    package func areas(validOn date: String) -> [Area] {
        Dictionary(grouping: versions, by: \.id).values.map { versions in
            let sorted = versions.sorted { ($0.validFrom ?? "") < ($1.validFrom ?? "") }
            return sorted.last { ($0.validFrom ?? "") <= date } ?? sorted[0]
        }.sorted { $0.id < $1.id }
    }

    private func members(of area: Area, among areas: [Area]) -> [String] {
        switch area.kind {
        case .municipality: [area.id]
        case .lansdel: areas.filter { $0.kind == .municipality && $0.lansdel == area.id }.map(\.id).sorted()
        case .county: areas.filter { $0.kind == .municipality && $0.county == area.id }.map(\.id).sorted()
        case .group: (areas.first { $0.id == area.id } ?? area).members.sorted()
        case .country: []
        }
    }
}

extension Period {
    /// The first day of the period as an ISO date (`2024-04-01` for 2024Q2).
    package var startDate: String {
        let month = switch kind { case .year: 1; case .quarter: (part - 1) * 3 + 1; case .month: part }
        return "\(year)-" + (month < 10 ? "0\(month)" : "\(month)") + "-01"
    }
}
