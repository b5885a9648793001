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
    @Option(help: "table, csv or json.") var format: OutputFormat = .table
    @Option(help: "Table labels: en or sv.") var lang: Language = .en

    func run() throws {
        let reading = try Reading(store, self.reading)
        let catalog = reading.catalog
        var query = TrendQuery(asOf: reading.asOf)
        query.indicators = reading.indicators
        query.period = period
        let trends = try reading.metrics.trends(query, catalog: catalog)
        let order = Dictionary(catalog.indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let kept = trends.filter { reading.shows($0.area) }
        // Sort keys worked out once per series, not in every comparison.
        let sortKeys = kept.map { (order[$0.indicator] ?? .max, levelRank($0.area, catalog), $0.area, $0.gender) }
        let shown = kept.indices.sorted { sortKeys[$0] < sortKeys[$1] }.map { kept[$0] }
        let columns = ["indicator", "area", "gender", "n", "first_period", "last_period", "latest_value", "yoy_change",
                       "yoy_change_pct", "method", "mk_s", "mk_p", "sen_slope", "classification", "centre", "lcl", "ucl",
                       "variation", "assurance", "runs_signal"]
        let rows: [[Cell]] = shown.map { trend in
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
        guard format == .table else {
            try OutputTable(columns: columns, rows: rows).print(format)
            return
        }
        // People get fewer columns, rounded figures, arrows and (with --lang sv) Swedish labels.
        let sv = lang == .sv
        let tableColumns = sv
            ? ["indikator", "område", "kön", "n", "senaste", "värde", "förändr. 1 år", "Sen/period", "trend", "variation", "måluppfyllelse"]
            : ["indicator", "area", "gender", "n", "latest", "value", "yoy change", "Sen/period", "trend", "variation", "assurance"]
        var goodness: [Bool?] = []
        let tableRows: [[Cell]] = shown.map { trend in
            let better = catalog.indicator(trend.indicator)?.better ?? .neutral
            let result = trend.result
            goodness.append(TrendStyle.isGood(result.classification))
            return [
                .text(trend.indicator), .text(trend.area), .text(trend.gender.rawValue), .integer(Int64(result.n)),
                .text(trend.lastPeriod?.description), .number(trend.latestValue.map { $0.rounded(toPlaces: 2) }),
                .number(trend.yearOnYear.map { $0.rounded(toPlaces: 2) }), .number(result.senSlope.map { $0.rounded(toPlaces: 3) }),
                .text(TrendStyle.label(result.classification, better: better, lang)),
                .text(sv ? ReportText.variation(result) : result.seasonal ? "säsongsvarierande" : result.variation?.rawValue),
                .text(result.assurance.map { sv ? ReportText.assurance($0) : $0.rawValue }),
            ]
        }
        try OutputTable(columns: tableColumns, rows: tableRows) { row, column, text in
            column == 8 ? TrendStyle.colour(text, good: goodness[row]) : text
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
