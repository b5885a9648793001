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
    @OptionGroup var output: FormatOption

    func run() throws {
        let reading = try Reading(store, self.reading)
        let (metrics, asOf, catalog, indicators, areas) = (reading.metrics, reading.asOf, reading.catalog, reading.indicators, reading.areas)
        let aggregator = Aggregator(geography: catalog.geography, indicators: catalog.indicators)
        let totals = catalog.geography.areas.filter { $0.kind == .lansdel || $0.kind == .county } + areas.filter { $0.kind == .group }
        let printer = RowPrinter(
            columns: ["indicator", "area", "period", "gender", "value", "numerator", "denominator", "status", "detail"],
            format: output.format)
        // One indicator at a time, in catalogue order, so memory stays flat on a large store.
        for indicator in catalog.indicators where indicators.isEmpty || indicators.contains(indicator.id) {
            var query = ObservationQuery(asOf: asOf)
            query.indicators = [indicator.id]
            query.period = period
            query.exactPeriod = true
            query.gender = gender
            let observations = try metrics.observations(query)
            let rows = aggregator.values(observations, aggregating: totals)
                .filter { reading.shows($0.area) }
                .sorted { lhs, rhs in
                    (lhs.period, levelRank(lhs.area, catalog), lhs.area, lhs.gender)
                        < (rhs.period, levelRank(rhs.area, catalog), rhs.area, rhs.gender)
                }
                .map { value -> [Cell] in
                    [.text(value.indicator), .text(value.area), .text(value.period.description), .text(value.gender.rawValue),
                     .number(value.value), .number(value.numerator), .number(value.denominator),
                     .text(value.status.rawValue), .text(value.detail)]
                }
            printer.write(rows)
        }
        printer.finish()
    }
}

/// Sort rank of an area: county, länsdelar, municipalities, groups, others.
func levelRank(_ id: String, _ catalog: Catalog) -> Int {
    switch catalog.geography[id]?.kind {
    case .country: 0
    case .county: 1
    case .lansdel: 2
    case .municipality: 3
    case .group: 4
    case nil: 5
    }
}
