import ArgumentParser
import NaraVardKit

struct ValuesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "values",
        abstract: "Show stored values and länsdel/county aggregates (ratio of summed counts).",
        discussion: "Statuses: reported, missing, computed, incomplete (detail names the members without data), not_aggregable."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var reading: ReadingOptions
    @Option(help: "Only this period: 2024Q1, 2024, 2024-03 (any input form).") var period: Period?
    @Option(help: "T, K or M.") var gender: Gender?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let metrics = try store.open()
        let catalog = try metrics.catalog()
        let (indicators, areas) = try reading.resolve(in: catalog)
        var query = ObservationQuery(asOf: reading.asOf)
        query.indicators = indicators
        query.period = period
        query.exactPeriod = true
        query.gender = gender
        let observations = try asUsageError { try metrics.observations(query) }
        let aggregator = Aggregator(geography: catalog.geography, indicators: catalog.indicators)
        let groups = areas.filter { $0.kind == .group }
        let aggregated = aggregator.values(observations, aggregating: catalog.geography.areas.filter { $0.kind == .lansdel || $0.kind == .county } + groups)
        let wanted = Set(areas.map(\.id))
        let order = Dictionary(catalog.indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = aggregated
            .filter { value in
                guard let area = catalog.geography[value.area] else { return reading.level == .all }
                return wanted.isEmpty ? reading.level.includes(area.kind) : wanted.contains(value.area)
            }
            .sorted { lhs, rhs in
                (order[lhs.indicator] ?? .max, lhs.indicator, lhs.period, levelRank(lhs.area, catalog), lhs.area, lhs.gender)
                    < (order[rhs.indicator] ?? .max, rhs.indicator, rhs.period, levelRank(rhs.area, catalog), rhs.area, rhs.gender)
            }
            .map { value -> [Cell] in
                [.text(value.indicator), .text(value.area), .text(value.period.description), .text(value.gender.rawValue),
                 .number(value.value), .number(value.numerator), .number(value.denominator),
                 .text(value.status.rawValue), .text(value.detail)]
            }
        try OutputTable(
            columns: ["indicator", "area", "period", "gender", "value", "numerator", "denominator", "status", "detail"],
            rows: rows
        ).print(format)
    }
}

/// Sort rank of an area: county, länsdelar, municipalities, groups, others.
func levelRank(_ id: String, _ catalog: StoredCatalog) -> Int {
    switch catalog.geography[id]?.kind {
    case .country: 0
    case .county: 1
    case .lansdel: 2
    case .municipality: 3
    case .group: 4
    case nil: 5
    }
}
