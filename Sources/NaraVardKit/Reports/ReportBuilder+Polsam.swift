// MARK: - The Polsam comparison

extension ReportBuilder {
    func polsamSheets(_ values: [(value: ReportValue, data: IndicatorData)]) -> [ReportSheet] {
        [overviewSheet()] + shifts.map(comparisonSheet) + [dataSheet(values)] + commonSheets()
    }

    /// Översikt: every indicator's latest value for the compared areas side by side, coloured against the county.
    func overviewSheet() -> ReportSheet {
        let county = totals.firstIndex { $0.kind == .county }.map { $0 + 4 }
        var colors: [ConditionalColor] = []
        let rows = data.enumerated().map { row, data in
            if let county, data.indicator.better != .neutral, totals.count > 1 {
                colors.append(ConditionalColor(rows: row..<(row + 1), columns: 4...(3 + totals.count),
                                               rule: .versus(.column(county), data.indicator.better, orEqual: false)))
            }
            return ReportRow(
                [.text(catalog.shift(data.indicator.shift).map(sheetName)), .text(data.indicator.name),
                 .text(data.indicator.unit.label), .text(ReportText.period(data.period))]
                    + totals.map { data.indicator.isPublished(for: $0.kind) ? valueCell(data, $0.id, data.period) : .empty },
                startsGroup: row > 0 && data.indicator.shift != self.data[row - 1].indicator.shift)
        }
        let columns = [ReportColumn("Riktningsförändring", width: 18), ReportColumn("Indikator", width: 34, wrap: true),
                       ReportColumn("Enhet", width: 12), ReportColumn("Period", width: 9)]
            + totals.map { ReportColumn($0.name, width: 14, wrap: true) }
        return ReportSheet(
            name: "Översikt", title: title, subtitle: subtitle,
            tables: [ReportTable(name: "oversikt", columns: columns, rows: rows, colors: colors, freezeHeader: true, filter: true)],
            notes: ["Grönt: bättre än länet, rött: sämre än länet, efter indikatorns önskade riktning. "
                    + "Kommunerna finns under sin länsdel på flikarna per riktningsförändring. "
                    + "Tomt: indikatorn redovisas bara för länet."])
    }

    /// One direction shift: per indicator the compared areas with their municipalities beneath, and a column chart.
    func comparisonSheet(_ shift: Shift) -> ReportSheet {
        var rows: [ReportRow] = []
        var colors: [ConditionalColor] = []
        var charts: [ReportChart] = []
        for data in indicators(of: shift) {
            let start = rows.count
            for (area, indented) in areas {
                // A level the indicator is not published for: left out, except a länsdel above its municipalities,
                // which stays as their heading with empty cells.
                let published = data.indicator.isPublished(for: area.kind)
                guard published || (area.kind == .lansdel && data.indicator.isPublished(for: .municipality)) else { continue }
                rows.append(ReportRow(
                    [.text(data.indicator.name), .text(data.indicator.unit.label), .text(ReportText.period(data.period)),
                     ReportCell(.text(area.name), indent: indented ? 1 : 0),
                     published ? valueCell(data, area.id, data.period) : .empty,
                     published ? changeCell(data, area.id) : .empty, published ? trendCell(data, area.id) : .empty],
                    emphasis: !indented, startsGroup: rows.count == start))
            }
            if let county = areas.firstIndex(where: { $0.area.kind == .county }), data.indicator.better != .neutral {
                colors.append(ConditionalColor(rows: start..<rows.count, columns: 4...4,
                                               rule: .versus(.cell(row: start + county, column: 4), data.indicator.better, orEqual: false)))
            }
            colors.append(ConditionalColor(rows: start..<rows.count, columns: 5...5, rule: .sign(data.indicator.better)))
            charts.append(ReportChart(kind: .column, title: chartTitle(data.indicator), yAxisTitle: data.indicator.unit.label,
                                      startsAtZero: data.unit.isNonNegative, table: 0, rows: start..<rows.count,
                                      categoryColumn: 3, valueColumns: [4]))
        }
        colors.append(ConditionalColor(rows: 0..<rows.count, columns: 6...6, rule: .labels(ReportText.trendLabels)))
        let columns = [
            ReportColumn("Indikator", width: 46), ReportColumn("Enhet", width: 12), ReportColumn("Period", width: 9),
            ReportColumn("Område", width: 30), ReportColumn("Värde", width: 12), ReportColumn("Förändring 1 år", width: 11, wrap: true),
            ReportColumn("Trend", width: 24),
        ]
        return ReportSheet(
            name: sheetName(shift), title: "\(shift.id) \(shift.name)",
            subtitle: "Länsdelar och län med kommunerna under sin länsdel: senaste värde, förändring mot samma period "
                + "ett år tidigare och trend. Grönt och rött värde: bättre eller sämre än länet.",
            tables: [ReportTable(name: fileStem(sheetName(shift)), columns: columns, rows: rows, colors: colors,
                                 freezeHeader: true, filter: true)],
            charts: charts)
    }
}
