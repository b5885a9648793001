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

    public init(
        id: String, kind: Kind, name: String, codes: [String] = [], aliases: [String] = [],
        county: String? = nil, lansdel: String? = nil, population: Int? = nil, members: [String] = []
    ) {
        self.id = id; self.kind = kind; self.name = name; self.codes = codes; self.aliases = aliases
        self.county = county; self.lansdel = lansdel; self.population = population; self.members = members
    }
}

/// The areas of a region and how they nest, with the date the memberships apply from.
public struct Geography: Sendable {
    public let validFrom: String
    public let areas: [Area]
    private let byID: [String: Area]

    public init(validFrom: String, areas: [Area]) {
        self.validFrom = validFrom
        self.areas = areas
        byID = Dictionary(areas.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// Area by id.
    public subscript(id: String) -> Area? { byID[id] }

    /// The municipalities a länsdel, county or group is made of (sorted by id).
    public func members(of area: Area) -> [String] {
        switch area.kind {
        case .municipality: [area.id]
        case .lansdel: areas.filter { $0.kind == .municipality && $0.lansdel == area.id }.map(\.id).sorted()
        case .county: areas.filter { $0.kind == .municipality && $0.county == area.id }.map(\.id).sorted()
        case .group: area.members.sorted()
        case .country: []
        }
    }
}
