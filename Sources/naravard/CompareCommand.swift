import ArgumentParser
import NaraVardKit

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare areas fairly with a benchmark: 95 % and 99.8 % intervals, better/similar/worse.",
        discussion: """
            Percent: Wilson score interval; rates: Byar (10 events or more) or exact Poisson; counts are compared \
            per 1 000 inhabitants of the area's population. A value is `similar` when the benchmark lies inside its \
            95 % interval, else `better` or `worse` by the indicator's direction (`higher`/`lower` when it has \
            none). Days, index, kronor and values without counts are not compared. `attention` is true when the \
            verdict is `worse` and the trend `worsening`. Default: each indicator's latest period with data, each \
            area against its own county.

            Example: naravard compare --indicator PV01 --level municipality --benchmark 0000 --format json
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var reading: ReadingOptions
    @Option(help: "The period compared (default: each indicator's latest with data).") var period: Period?
    @Option(help: "T, K or M.") var gender: Gender?
    @Option(help: ArgumentHelp("The area compared with: id, code or name (default: each area's own county; 0000 for Riket).",
                               valueName: "AREA")) var benchmark: String?
    @OptionGroup var output: FormatOption
    @Option(help: "For csv: rfc4180 (, and .; the default on standard output) or excel (; decimal comma, BOM).")
    var csvDialect: CSVDialectName?
    @OptionGroup var labels: LanguageOption

    static let columns = [
        "indicator", "area", "period", "gender", "value", "numerator", "denominator", "population", "compared_value",
        "ci_low", "ci_high", "ci998_low", "ci998_high", "ci_method", "benchmark", "benchmark_value", "verdict",
        "verdict_998", "reason", "trend", "attention",
    ]

    func validate() throws {
        if csvDialect != nil, output.format != .csv { throw ValidationError("--csv-dialect applies to --format csv only") }
    }

    func run() throws {
        let reading = try Reading(store, self.reading)
        let (catalog, indicators) = (reading.catalog, reading.indicators)
        var query = ComparisonQuery(asOf: reading.asOf)
        query.indicators = indicators
        query.period = period
        query.gender = gender
        query.groups = reading.areas.filter { $0.kind == .group }
        if let benchmark {
            guard let id = AreaResolver(catalog.geography.areas).resolve(benchmark), catalog.geography[id] != nil else {
                throw CommandError.usage("no benchmark area '\(benchmark)' in the geography")
            }
            query.benchmark = id
        }
        // One indicator at a time (catalogue order): CSV and JSON stream, so memory stays flat on a large store.
        let printer = output.format == .table ? nil : RowPrinter(columns: Self.columns, format: output.format, csvDialect: csvDialect?.dialect)
        // Rows wait until there are enough to format on every core at once.
        var pending: [Comparison] = []
        var any = false
        try reading.metrics.comparisons(query, catalog: catalog) { rows in
            any = any || !rows.isEmpty
            let kept = rows.filter { reading.shows($0.value.area) }
            let sortKeys = kept.map { (levelRank($0.value.area, catalog), $0.value.area, $0.value.gender) }
            pending += kept.indices.sorted { sortKeys[$0] < sortKeys[$1] }.map { kept[$0] }
            if let printer, pending.count >= 16_384 {
                printer.write(pending.map(Self.row))
                pending.removeAll(keepingCapacity: true)
            }
        }
        if let period, !any {
            throw CommandError.usage("the store has no values for \(period)" + (indicators.isEmpty ? "" : " of the chosen indicators"))
        }
        guard let printer else { return try printTable(pending, catalog: catalog) }
        printer.write(pending.map(Self.row))
        printer.finish()
    }

    /// The contract's fields (comparisons.md §6).
    static func row(_ comparison: Comparison) -> [Cell] {
        let value = comparison.value, compared = comparison.compared
        return [
            .text(value.indicator), .text(value.area), .text(value.period.description), .text(value.gender.rawValue),
            .number(value.value), .number(value.numerator), .number(value.denominator),
            .integer(compared.population.map(Int64.init)), .number(compared.value),
            .number(compared.ci95?.low), .number(compared.ci95?.high), .number(compared.ci998?.low), .number(compared.ci998?.high),
            .text(compared.method.rawValue), .text(comparison.benchmark), .number(comparison.benchmarkValue),
            .text(comparison.verdict.rawValue), .text(comparison.verdict998.rawValue), .text(comparison.reason?.rawValue),
            .text(comparison.trend?.rawValue), .flag(comparison.attention),
        ]
    }

    /// For people: rounded figures, the interval as one column, arrows coloured by the verdict, Swedish with `--lang sv`.
    private func printTable(_ rows: [Comparison], catalog: Catalog) throws {
        let sv = labels.lang == .sv
        let columns = sv
            ? ["indikator", "område", "period", "kön", "värde", "jämförtal", "95 % KI", "jämförelse", "mot jämförelse", "99,8 %", "trend", "notera"]
            : ["indicator", "area", "period", "gender", "value", "compared", "95 % CI", "benchmark", "verdict", "99.8 %", "trend", "attention"]
        func interval(_ interval: ConfidenceInterval?) -> String? {
            interval.map { String(format: "%.2f–%.2f", $0.low, $0.high) }
        }
        let cells: [[Cell]] = rows.map { row in
            let better = catalog.indicator(row.value.indicator)?.better ?? .neutral
            return [
                .text(row.value.indicator), .text(row.value.area), .text(row.value.period.description), .text(row.value.gender.rawValue),
                .number(row.value.value), .number(row.compared.value), .text(interval(row.compared.ci95)),
                .text((row.benchmarkValue.map { formatNumber($0.rounded(toPlaces: 2)) } ?? "") + " (\(row.benchmark))"),
                .text(Self.label(row.verdict, row, sv)), .text(Self.label(row.verdict998, row, sv)),
                .text(row.trend.map { TrendStyle.label($0, better: better, labels.lang) }), .text(row.attention ? "!" : nil),
            ]
        }
        try OutputTable(columns: columns, rows: cells) { row, column, text in
            switch column {
            case 8, 9:
                let verdict = column == 8 ? rows[row].verdict : rows[row].verdict998
                return TrendStyle.colour(text, good: verdict == .better ? true : verdict == .worse ? false : nil)
            case 10: return TrendStyle.colour(text, good: rows[row].trend.flatMap(TrendStyle.isGood))
            case 11: return TrendStyle.colour(text, good: rows[row].attention ? false : nil)
            default: return text
            }
        }.print(.table)
    }

    /// `↑ better`, `≈ similar`, `· not_compared (no_counts)`; the arrow says whether the value is above or below.
    static func label(_ verdict: Verdict, _ row: Comparison, _ sv: Bool) -> String {
        let word = sv ? ReportText.verdict(verdict) : verdict.rawValue
        switch verdict {
        case .similar: return "≈ " + word
        case .notCompared: return "· " + word + (row.reason.map { " (\($0.rawValue))" } ?? "")
        case .better, .worse, .higher, .lower:
            let above = (row.compared.value ?? 0) > (row.benchmarkValue ?? 0)
            return (above ? "↑ " : "↓ ") + word
        }
    }
}
