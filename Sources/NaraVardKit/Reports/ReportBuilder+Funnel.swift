// MARK: - Trattdiagram: funnel plots for Polsam (comparisons.md §5)

extension ReportBuilder {
    /// Denominators on each funnel's limit lines, besides the areas' own.
    static let funnelGridPoints = 30

    /// Trattdiagram: for every percent and rate indicator, the municipalities and länsdelar as points
    /// (x = denominator, y = value) around the benchmark, with its 95 % and 99.8 % control limits over the range of
    /// denominators shown. Nil when no indicator has points to draw.
    func funnelSheet() -> ReportSheet? {
        var rows: [ReportRow] = []
        var charts: [ReportChart] = []
        var seen = Set<String>()
        let pointAreas = areas.map(\.area).filter { ($0.kind == .municipality || $0.kind == .lansdel) && seen.insert($0.id).inserted }
        for data in data where [.percent, .per1000, .per10000, .per100000].contains(data.unit) {
            let points = pointAreas.compactMap { area -> (label: String?, n: Double, value: Double?)? in
                let shown = data.values[data.key(area.id, data.period)]
                guard let value = shown?.value, let n = shown?.denominator, n > 0 else { return nil }
                return (area.name, n, value)
            }
            let benchmark = pointAreas.lazy.compactMap { data.comparisons[data.key($0.id, data.period)]?.benchmarkValue }.first
            guard let benchmark, let low = points.map(\.n).min(), let high = points.map(\.n).max() else { continue }
            let grid = FunnelLimits.grid(from: low, to: high, count: Self.funnelGridPoints)
                .map { (label: String?.none, n: $0, value: Double?.none) }
            let start = rows.count
            for entry in (points + grid).sorted(by: { $0.n < $1.n }) {
                let limits = [ConfidenceInterval.Level.ci95, .ci998].map {
                    FunnelLimits.limits(around: benchmark, n: entry.n, unit: data.unit, level: $0)
                }
                let style = NumberStyle.value(data.unit), limitStyle = NumberStyle(decimals: data.unit.reportDecimals + 1)
                rows.append(ReportRow(
                    [.text(data.indicator.name), .text(entry.label), .number(entry.n, .integer), .number(entry.value, style),
                     .number(benchmark, style), .number(limits[0]?.low, limitStyle), .number(limits[0]?.high, limitStyle),
                     .number(limits[1]?.low, limitStyle), .number(limits[1]?.high, limitStyle)],
                    startsGroup: rows.count == start))
            }
            charts.append(ReportChart(
                kind: .scatter, title: chartTitle(data.indicator) + ", " + ReportText.period(data.period),
                yAxisTitle: data.indicator.unit.label, table: 0, rows: start..<rows.count, categoryColumn: 2,
                valueColumns: Array(3...8), pointColumns: [3], dashedColumns: [7, 8],
                xAxisTitle: "Nämnare (antal personer)", logarithmicX: true))
        }
        guard !charts.isEmpty else { return nil }
        let columns = [
            ReportColumn("Indikator", width: 34), ReportColumn("Område", width: 26), ReportColumn("Nämnare", width: 11),
            ReportColumn("Områdets värde", width: 11, wrap: true), ReportColumn("Jämförelse (\(benchmarkName))", width: 13, wrap: true),
            ReportColumn("95 % nedre gräns", width: 11, wrap: true), ReportColumn("95 % övre gräns", width: 11, wrap: true),
            ReportColumn("99,8 % nedre gräns", width: 11, wrap: true), ReportColumn("99,8 % övre gräns", width: 11, wrap: true),
        ]
        return ReportSheet(
            name: "Trattdiagram", title: "Trattdiagram: kommuner och länsdelar mot \(benchmarkName)",
            subtitle: "Varje punkt är ett område (vågrätt: nämnaren, lodrätt: värdet). Mellan de heldragna linjerna ligger "
                + "95 % av de värden ett område av den storleken får av slump när det verkliga värdet är \(benchmarkName)s; "
                + "de streckade linjerna gäller 99,8 %. En punkt utanför de streckade linjerna skiljer sig verkligen.",
            tables: [ReportTable(name: "trattdiagram", columns: columns, rows: rows, freezeHeader: true)],
            charts: charts, chartLayout: .grid(columns: 2), printed: false)
    }
}
