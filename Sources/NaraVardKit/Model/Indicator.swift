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
    public var kolada: String?
    public var minN: Int?
    public var target: Double?
    public var targets: [AreaTarget]
    /// A retired indicator keeps its data and history but is left out of reports.
    public var retired: Bool

    public init(
        id: String, name: String, nameEn: String? = nil, shift: Int, unit: IndicatorUnit,
        better: Better, frequency: Frequency, definition: String? = nil, numerator: String? = nil,
        denominator: String? = nil, source: String? = nil, kolada: String? = nil, minN: Int? = nil,
        target: Double? = nil, targets: [AreaTarget] = [], retired: Bool = false
    ) {
        self.id = id; self.name = name; self.nameEn = nameEn; self.shift = shift; self.unit = unit
        self.better = better; self.frequency = frequency; self.definition = definition
        self.numerator = numerator; self.denominator = denominator; self.source = source
        self.kolada = kolada; self.minN = minN; self.target = target; self.targets = targets
        self.retired = retired
    }

    /// The target for an area in a year: a per-area target if one is given, else the common one.
    public func target(area: String, year: Int) -> Double? {
        targets.first { $0.area == area && $0.year == year }?.value ?? target
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
