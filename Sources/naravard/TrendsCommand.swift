import ArgumentParser
import NaraVardKit

struct TrendsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trends",
        abstract: "Is each indicator moving the way the strategy wants? Mann–Kendall, Sen's slope and SPC flags per series.",
        discussion: """
            Classification from Mann–Kendall (α = 0.05, 5 points or more); Sen's slope in the indicator's unit per \
            period; control limits and the variation icon from 13 points; Anhøj runs signal from 10 useful points; \
            assurance where the indicator has a target. A seasonal indicator (`seasonal: true` in the catalogue) is \
            classified by the seasonal Kendall test when every quarter has 3 values or more (`method` says which \
            test), and gets no SPC results: the table says "säsongsvarierande".

            Example: naravard trends --indicator PV08 --level county --lang sv
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var reading: ReadingOptions
    @Option(help: "The latest period to take into account (default: the latest stored).") var period: Period?
    @OptionGroup var output: FormatOption
    @OptionGroup var labels: LanguageOption

    func run() throws {
        let reading = try Reading(store, self.reading)
        var query = TrendQuery(asOf: reading.asOf)
        query.indicators = reading.indicators
        query.period = period
        let trends = try reading.metrics.trends(query, catalog: reading.catalog)
        let shown = shownOrder(trends, reading)
        if output.format == .table {
            try printTable(shown.map { trends[$0] }, catalog: reading.catalog)
        } else {
            // A chunk of rows formatted at a time, so the text of every series is never in memory at once.
            let printer = RowPrinter(columns: Self.columns, format: output.format)
            for start in stride(from: 0, to: shown.count, by: 16_384) {
                printer.write(shown[start..<min(start + 16_384, shown.count)].map { Self.row(trends[$0]) })
            }
            printer.finish()
        }
    }

    /// The positions of the series of the chosen areas, in catalogue order, then county, länsdelar,
    /// municipalities, then gender: positions, so that the series are not copied.
    private func shownOrder(_ trends: [SeriesTrend], _ reading: Reading) -> [Int] {
        let catalog = reading.catalog
        let order = Dictionary(catalog.indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let kept = trends.indices.filter { reading.shows(trends[$0].area) }
        // Sort keys worked out once per series, not in every comparison.
        let sortKeys = kept.map { (order[trends[$0].indicator] ?? .max, levelRank(trends[$0].area, catalog), trends[$0].area, trends[$0].gender) }
        return kept.indices.sorted { sortKeys[$0] < sortKeys[$1] }.map { kept[$0] }
    }

    static let columns = [
        "indicator", "area", "gender", "n", "first_period", "last_period", "latest_value", "yoy_change",
        "yoy_change_pct", "method", "mk_s", "mk_p", "sen_slope", "classification", "centre", "lcl", "ucl",
        "variation", "assurance", "runs_signal",
    ]

    /// Every figure of a series, unrounded, for `--format csv|json`.
    static func row(_ trend: SeriesTrend) -> [Cell] {
        let result = trend.result
        return [
            .text(trend.indicator), .text(trend.area), .text(trend.gender.rawValue), .integer(Int64(result.n)),
            .text(trend.firstPeriod?.description), .text(trend.lastPeriod?.description), .number(trend.latestValue),
            .number(trend.yearOnYear), .number(trend.yearOnYearPercent), .text(result.method.rawValue),
            .integer(result.mannKendall.map { Int64($0.s) }), .number(result.mannKendall?.p), .number(result.senSlope),
            .text(result.classification.rawValue), .number(result.limits?.centre), .number(result.limits?.lcl),
            .number(result.limits?.ucl), .text(result.variation?.rawValue), .text(result.assurance?.rawValue),
            .flag(result.runsSignal),
        ]
    }

    /// For people: fewer columns, rounded figures, arrows coloured by good or bad, and (with --lang sv) Swedish labels.
    private func printTable(_ trends: [SeriesTrend], catalog: Catalog) throws {
        let sv = labels.lang == .sv
        let columns = sv
            ? ["indikator", "område", "kön", "n", "senaste", "värde", "förändr. 1 år", "Sen/period", "trend", "variation", "måluppfyllelse"]
            : ["indicator", "area", "gender", "n", "latest", "value", "yoy change", "Sen/period", "trend", "variation", "assurance"]
        let rows: [[Cell]] = trends.map { trend in
            let better = catalog.indicator(trend.indicator)?.better ?? .neutral
            let result = trend.result
            return [
                .text(trend.indicator), .text(trend.area), .text(trend.gender.rawValue), .integer(Int64(result.n)),
                .text(trend.lastPeriod?.description), .number(trend.latestValue.map { $0.rounded(toPlaces: 2) }),
                .number(trend.yearOnYear.map { $0.rounded(toPlaces: 2) }), .number(result.senSlope.map { $0.rounded(toPlaces: 3) }),
                .text(TrendStyle.label(result.classification, better: better, labels.lang)),
                .text(sv ? ReportText.variation(result) : result.seasonal ? "säsongsvarierande" : result.variation?.rawValue),
                .text(result.assurance.map { sv ? ReportText.assurance($0) : $0.rawValue }),
            ]
        }
        try OutputTable(columns: columns, rows: rows) { row, column, text in
            column == 8 ? TrendStyle.colour(text, good: TrendStyle.isGood(trends[row].result.classification)) : text
        }.print(.table)
    }
}

extension Double {
    func rounded(toPlaces places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}
