/// One jointly defined indicator: value = factor × numerator / denominator (the DHIS2 model).
public struct Indicator: Hashable, Sendable, Codable {
    /// A target for one area and year; overrides ``Indicator/target``.
    public struct AreaTarget: Hashable, Sendable, Codable {
        public var area: String
        public var year: Int
        public var value: Double
    }

    public var id: String
    public var name: String
    public var nameEn: String?
    public var shift: Int
    public var unit: IndicatorUnit
    public var better: Better
    public var frequency: Frequency
    public var definition: String?
    public var numerator: String?
    public var denominator: String?
    public var source: String?
    /// Free-text notes: how the definition was checked against its source, known differences.
    public var notes: String?
    public var kolada: String?
    public var minN: Int?
    public var target: Double?
    public var targets: [AreaTarget]
    /// A retired indicator keeps its data and history but is left out of reports.
    public var retired: Bool
    /// A quarterly or monthly series with a yearly pattern: trends use the seasonal Kendall test and
    /// no SPC limits (trend-methods.md §7b).
    public var seasonal: Bool
    /// The levels the indicator is published for. Länsdel, county and group values are computed from
    /// municipal records only when `municipality` and that level are both listed; a county-only
    /// indicator (`[county]`) has its county value delivered, never summed.
    public var levels: Set<Level>

    /// A level an indicator is published for.
    public enum Level: String, CaseIterable, Sendable, Codable, Comparable {
        case municipality, lansdel, county

        public static func < (lhs: Level, rhs: Level) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    package init(
        id: String, name: String, nameEn: String? = nil, shift: Int, unit: IndicatorUnit,
        better: Better, frequency: Frequency, definition: String? = nil, numerator: String? = nil,
        denominator: String? = nil, source: String? = nil, kolada: String? = nil, minN: Int? = nil,
        target: Double? = nil, targets: [AreaTarget] = [], retired: Bool = false, seasonal: Bool = false,
        levels: Set<Level> = Set(Level.allCases), notes: String? = nil
    ) {
        self.id = id; self.name = name; self.nameEn = nameEn; self.shift = shift; self.unit = unit
        self.better = better; self.frequency = frequency; self.definition = definition
        self.numerator = numerator; self.denominator = denominator; self.source = source
        self.kolada = kolada; self.minN = minN; self.target = target; self.targets = targets
        self.retired = retired; self.seasonal = seasonal; self.levels = levels; self.notes = notes
    }

    /// Whether values of areas of `kind` are computed from municipal records (länsdel, county, group).
    package func isAggregated(to kind: Area.Kind) -> Bool {
        guard levels.contains(.municipality) else { return false }
        switch kind {
        case .county: return levels.contains(.county)
        case .lansdel, .group: return levels.contains(.lansdel)
        case .municipality, .country: return false
        }
    }

    /// Whether the indicator is published for areas of `kind` (Riket always counts as published).
    package func isPublished(for kind: Area.Kind) -> Bool {
        switch kind {
        case .municipality: levels.contains(.municipality)
        case .lansdel, .group: levels.contains(.lansdel)
        case .county: levels.contains(.county)
        case .country: true
        }
    }

    /// The target for an area in a year: a per-area target if one is given, else the common one.
    public func target(area: String, year: Int) -> Double? {
        targets.first { $0.area == area && $0.year == year }?.value ?? target
    }
}

// MARK: - Coding

extension Indicator {
    enum CodingKeys: String, CodingKey {
        case id, name, nameEn, shift, unit, better, frequency, definition, numerator, denominator, source, kolada,
             minN, target, targets, retired, seasonal, levels, notes
    }

    /// Stored definitions from before `seasonal` and `levels` read as their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id), name: try container.decode(String.self, forKey: .name),
            nameEn: try container.decodeIfPresent(String.self, forKey: .nameEn), shift: try container.decode(Int.self, forKey: .shift),
            unit: try container.decode(IndicatorUnit.self, forKey: .unit), better: try container.decode(Better.self, forKey: .better),
            frequency: try container.decode(Frequency.self, forKey: .frequency),
            definition: try container.decodeIfPresent(String.self, forKey: .definition),
            numerator: try container.decodeIfPresent(String.self, forKey: .numerator),
            denominator: try container.decodeIfPresent(String.self, forKey: .denominator),
            source: try container.decodeIfPresent(String.self, forKey: .source),
            kolada: try container.decodeIfPresent(String.self, forKey: .kolada),
            minN: try container.decodeIfPresent(Int.self, forKey: .minN),
            target: try container.decodeIfPresent(Double.self, forKey: .target),
            targets: try container.decode([AreaTarget].self, forKey: .targets),
            retired: try container.decode(Bool.self, forKey: .retired),
            seasonal: try container.decodeIfPresent(Bool.self, forKey: .seasonal) ?? false,
            levels: try container.decodeIfPresent(Set<Level>.self, forKey: .levels) ?? Set(Level.allCases),
            notes: try container.decodeIfPresent(String.self, forKey: .notes))
    }

    /// The defaults of `seasonal`, `levels` and `notes` are left out, so that a definition that does not use them is
    /// stored exactly as before they existed (and a reload finds it unchanged).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(nameEn, forKey: .nameEn)
        try container.encode(shift, forKey: .shift)
        try container.encode(unit, forKey: .unit)
        try container.encode(better, forKey: .better)
        try container.encode(frequency, forKey: .frequency)
        try container.encodeIfPresent(definition, forKey: .definition)
        try container.encodeIfPresent(numerator, forKey: .numerator)
        try container.encodeIfPresent(denominator, forKey: .denominator)
        try container.encodeIfPresent(source, forKey: .source)
        try container.encodeIfPresent(kolada, forKey: .kolada)
        try container.encodeIfPresent(minN, forKey: .minN)
        try container.encodeIfPresent(target, forKey: .target)
        try container.encode(targets, forKey: .targets)
        try container.encode(retired, forKey: .retired)
        if seasonal { try container.encode(true, forKey: .seasonal) }
        if levels != Set(Level.allCases) { try container.encode(levels.sorted(), forKey: .levels) }
        try container.encodeIfPresent(notes, forKey: .notes)
    }
}

/// One of the strategy's four direction shifts (riktningsförändringar).
public struct Shift: Hashable, Sendable, Codable {
    public var id: Int
    public var name: String
    public var nameEn: String?
    /// A short label for places with little room (Excel sheet names).
    public var short: String
}
