import ArgumentParser
import NaraVardKit

struct ShiftsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shifts",
        abstract: "The direction-shift roll-up per länsdel and county: how many indicators improve, worsen or hold.",
        discussion: """
            Status: improving when more improve than worsen, worsening when more worsen, mixed when equal and some \
            moved, stable when none moved, insufficient when all have too few points. Neutral indicators are counted apart.
            """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "The latest period to take into account (default: the latest stored).") var period: Period?
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var output: FormatOption
    @OptionGroup var labels: LanguageOption

    func run() throws {
        let metrics = try store.openForReading()
        let asOf = try self.asOf.snapshot(in: metrics)
        let catalog = try metrics.catalog(asOf: asOf)
        var query = TrendQuery(asOf: asOf)
        query.period = period
        let trends = try metrics.trends(query, catalog: catalog)
        let areas = catalog.geography.areas.filter { $0.kind == .lansdel } + catalog.geography.areas.filter { $0.kind == .county }
        let rollups = ShiftRollup.rollups(
            shifts: catalog.shifts.map(\.id), areas: areas.map(\.id),
            kinds: Dictionary(areas.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first }),
            indicators: catalog.indicators, trends: trends)
        let sv = labels.lang == .sv && output.format == .table
        let columns = sv
            ? ["riktningsförändring", "område", "förbättras", "försämras", "ingen tydlig förändring", "för få punkter", "neutrala", "status"]
            : ["shift", "area", "improving", "worsening", "no_clear_change", "too_few_points", "neutral", "status"]
        let rows: [[Cell]] = rollups.map { rollup in
            [output.format == .table ? .text("\(rollup.shift) \(catalog.shift(rollup.shift)?.short ?? "")") : .integer(Int64(rollup.shift)),
             .text(rollup.area), .integer(Int64(rollup.improving)), .integer(Int64(rollup.worsening)),
             .integer(Int64(rollup.noClearChange)), .integer(Int64(rollup.tooFewPoints)), .integer(Int64(rollup.neutral)),
             .text(output.format == .table ? TrendStyle.label(rollup.status, labels.lang) : rollup.status.rawValue)]
        }
        try OutputTable(columns: columns, rows: rows) { row, column, text in
            guard column == 7 else { return text }
            let status = rollups[row].status
            return TrendStyle.colour(text, good: status == .improving ? true : status == .worsening ? false : nil)
        }.print(output.format)
    }
}
