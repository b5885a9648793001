// MARK: - The Polsam comparison

extension ReportBuilder {
    func polsamSheets(_ values: [(value: ReportValue, data: IndicatorData)]) -> [ReportSheet] {
        [overviewSheet()] + shifts.map(comparisonSheet) + (funnelSheet().map { [$0] } ?? []) + [dataSheet(values)] + commonSheets()
    }

    /// Översikt: every indicator's latest value for the compared areas side by side, coloured only where it is
    /// better or worse than the benchmark beyond chance (its 95 % interval in the cell's comment); a count is
    /// shown per 1 000 invånare.
    func overviewSheet() -> ReportSheet {
        let rows = data.enumerated().map { row, data in
            ReportRow(
                [.text(catalog.shift(data.indicator.shift).map(sheetName)), .text(data.indicator.name),
                 .text(data.unit == .count ? "antal per 1 000 invånare" : data.indicator.unit.label), periodCell(data)]
                    + totals.map { data.indicator.isPublished(for: $0.kind) ? comparedCell(data, $0.id) : .empty },
                startsGroup: row > 0 && data.indicator.shift != self.data[row - 1].indicator.shift)
        }
        let columns = [ReportColumn("Riktningsförändring", width: 18), ReportColumn("Indikator", width: 34, wrap: true),
                       ReportColumn("Enhet", width: 12, wrap: true), ReportColumn("Period", width: 9, wrap: true)]
            + totals.map { ReportColumn($0.name, width: 14, wrap: true) }
        return ReportSheet(
            name: "Översikt", title: title, subtitle: firstPageSubtitle,
            tables: [ReportTable(name: "oversikt", columns: columns, rows: rows, freezeHeader: true, filter: true)],
            notes: ["Grönt: bättre än \(benchmarkName), rött: sämre, efter indikatorns önskade riktning, och bara när skillnaden "
                    + "är större än slumpen förklarar (\(benchmarkName)s värde ligger utanför områdets 95 % konfidensintervall). "
                    + "Ofärgat: likvärdig eller inte jämförbar. Intervallet står i cellens kommentar.",
                    "Kommunerna finns under sin länsdel på flikarna per riktningsförändring.",
                    "Tomt: indikatorn redovisas bara för länet."])
    }

    /// One direction shift: per indicator the compared areas with their municipalities beneath, compared with the
    /// benchmark, and a column chart of the compared values (a count per 1 000 invånare).
    func comparisonSheet(_ shift: Shift) -> ReportSheet {
        var rows: [ReportRow] = []
        var charts: [ReportChart] = []
        /// Each indicator's rows (a level it is not published for has none).
        var ranges: [(data: IndicatorData, rows: Range<Int>)] = []
        for data in indicators(of: shift) {
            let start = rows.count
            for (area, indented) in areas {
                // A level the indicator is not published for: left out, except a länsdel above its municipalities,
                // which stays as their heading with empty cells.
                let published = data.indicator.isPublished(for: area.kind)
                guard published || (area.kind == .lansdel && data.indicator.isPublished(for: .municipality)) else { continue }
                let value = data.unit == .count ? valueCell(data, area.id, data.period) : comparedCell(data, area.id)
                let cells = [value, changeCell(data, area.id), trendCell(data, area.id)] + comparisonCells(data, area.id)
                rows.append(ReportRow(
                    [.text(data.indicator.name), .text(data.indicator.unit.label), periodCell(data),
                     ReportCell(.text(area.name), indent: indented ? 1 : 0)] + (published ? cells : cells.map { _ in .empty }),
                    emphasis: !indented, startsGroup: rows.count == start))
            }
            ranges.append((data, start..<rows.count))
            let count = data.unit == .count
            charts.append(ReportChart(kind: .column, title: count ? "\(data.indicator.name) (per 1 000 invånare)" : chartTitle(data.indicator),
                                      yAxisTitle: count ? "per 1 000 invånare" : data.indicator.unit.label,
                                      startsAtZero: data.unit.isNonNegative, table: 0, rows: start..<rows.count,
                                      categoryColumn: 3, valueColumns: [count ? 7 : 4]))
        }
        let colors = [
            ConditionalColor(rows: 0..<rows.count, columns: 6...6, rule: .labels(ReportText.trendLabels)),
            ConditionalColor(rows: 0..<rows.count, columns: 9...9, rule: .labels(ReportText.verdictLabels)),
        ] + ranges.map { data, range in
            ConditionalColor(rows: range, columns: 5...5, rule: .sign(data.indicator.better))
        }
        let columns = [
            ReportColumn("Indikator", width: 46), ReportColumn("Enhet", width: 12), ReportColumn("Period", width: 9, wrap: true),
            ReportColumn("Område", width: 30), ReportColumn("Värde", width: 12), ReportColumn("Förändring 1 år", width: 11, wrap: true),
            ReportColumn("Trend", width: 24),
        ] + comparisonColumns
        return ReportSheet(
            name: sheetName(shift), title: "\(shift.id) \(shift.name)",
            subtitle: "Länsdelar och län med kommunerna under sin länsdel: senaste värde, förändring mot samma period "
                + "ett år tidigare, trend och jämförelse med \(benchmarkName). Grönt och rött värde: bättre eller sämre än "
                + "\(benchmarkName) utöver slumpen (95 % konfidensintervall); likvärdig: skillnaden kan vara slump.",
            tables: [ReportTable(name: fileStem(sheetName(shift)), columns: columns, rows: rows, colors: colors,
                                 freezeHeader: true, filter: true)],
            charts: charts, notes: [Self.changeAndTrend])
    }
}
