// MARK: - The committee follow-up (Utskott Nära vård)

extension ReportBuilder {
    func committeeSheets(_ values: [(value: ReportValue, data: IndicatorData)]) -> [ReportSheet] {
        [summarySheet()] + shifts.map(shiftSheet) + (agreements.map { [agreementSheet($0)] } ?? []) + (modelAreaSheet().map { [$0] } ?? [])
            + [trendSheet(), dataSheet(values), genderSheet()] + commonSheets()
    }

    /// Sammanfattning: the direction-shift roll-up per compared area, as counts in a grid coloured by their balance
    /// and as a table; then Att notera and the conclusions changed since the previous report.
    func summarySheet() -> ReportSheet {
        let trends = data.flatMap { data in totals.compactMap { data.trends[$0.id] } }
        // An area without a series whose values came without counts (not summable to the area).
        let withoutCounts = Set(data.flatMap { data in
            totals.filter { area in
                data.trends[area.id] == nil && data.values.contains { $0.key.area == area.id && $0.value.status == .notAggregable }
            }.map { data.indicator.id + "\u{1F}" + $0.id }
        })
        let rollups = ShiftRollup.rollups(
            shifts: shifts.map(\.id), areas: totals.map(\.id),
            kinds: Dictionary(totals.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first }),
            indicators: data.map(\.indicator), trends: trends, withoutCounts: withoutCounts)
        let cells = shifts.map { shift in
            totals.map { area in rollups.first { $0.shift == shift.id && $0.area == area.id }.map(rollupCell) ?? .empty }
        }
        // One height for the grid, tall enough for its longest cell (a "bedömd på" line and the reasons wrap).
        let lines = cells.joined().map { cell in
            if case .text(let text) = cell.content { ExcelText.lines(text, width: 22, bold: false) } else { 1 }
        }.max() ?? 1
        let grid = ReportTable(
            name: "sammanfattning",
            caption: "Hur indikatorerna i varje riktningsförändring utvecklas, per område: antal som förbättras (↑), "
                + "försämras (↓) och inte förändras tydligt (→)",
            columns: [ReportColumn("Riktningsförändring", width: 46, wrap: true)]
                + totals.map { ReportColumn($0.name, width: 22, wrap: true, centered: true) },
            rows: zip(shifts, cells).map { shift, cells in ReportRow([.text("\(shift.id) \(shift.name)")] + cells) },
            rowHeight: 15 * Double(max(lines, 2)))
        let counts = ReportTable(
            name: "sammanfattning-antal",
            caption: "Antal indikatorer",
            columns: [ReportColumn("Riktningsförändring", width: 46), ReportColumn("Område", width: 28)]
                + ["Förbättras", "Försämras", "Ingen tydlig förändring", "För få punkter", "Utan antal", "Neutrala", "Status"]
                .map { ReportColumn($0, width: 19, centered: true) },
            rows: rollups.map { rollup in
                let shift = catalog.shift(rollup.shift)
                return ReportRow(
                    [.text(shift.map(sheetName) ?? "\(rollup.shift)"), .text(catalog.geography[rollup.area]?.name ?? rollup.area),
                     .number(Double(rollup.improving), .integer), .number(Double(rollup.worsening), .integer),
                     .number(Double(rollup.noClearChange), .integer), .number(Double(rollup.tooFewPoints), .integer),
                     .number(Double(rollup.noCounts), .integer), .number(Double(rollup.neutral), .integer),
                     .text(ReportText.rollup(rollup.status))],
                    startsGroup: rollup.area == totals.first?.id)
            },
            colors: [ConditionalColor(rows: 0..<rollups.count, columns: 8...8, rule: .labels(ReportText.rollupLabels))])
        return ReportSheet(
            name: "Sammanfattning", title: title, subtitle: firstPageSubtitle,
            tables: [grid, attentionTable(), changedConclusionsTable(), counts] + (agreements.map { [shiftMoneyTable($0)] } ?? []),
            notes: [
                "Varje ruta räknar riktningsförändringens indikatorer i området: ↑ förbättras, ↓ försämras, → ingen tydlig "
                    + "förändring (en trend räknas när förändringen över minst 5 mätpunkter är statistiskt säker; metoden står "
                    + "på fliken Om rapporten). Grönt: fler förbättras än försämras, rött: fler försämras, gult: lika många, "
                    + "grått: ingen tydlig trend eller inget att bedöma.",
                "Bedömd på 2 av 7 indikatorer: färre än hälften av riktningsförändringens indikatorer i området kunde "
                    + "bedömas, så rutans färg vilar på en minoritet av dem.",
                "Kan inte bedömas: utan antal (värdena ges utan täljare och nämnare och kan inte summeras till området) "
                    + "eller för få punkter (färre än 5 mätpunkter). Indikatorer utan önskad riktning räknas inte. Varje "
                    + "indikator finns på fliken för sin riktningsförändring; färger och tecken förklaras under Teckenförklaring.",
            ])
    }

    /// A cell of Sammanfattning's grid: `3 ↑ · 1 ↓ · 2 →`, then `bedömd på 2 av 7 indikatorer` when fewer than
    /// half could be judged, then what could not be judged and why, coloured by the balance of improving and worsening.
    func rollupCell(_ rollup: ShiftRollup) -> ReportCell {
        var unjudged: [String] = []
        if rollup.noCounts > 0 { unjudged.append("\(rollup.noCounts) utan antal") }
        if rollup.tooFewPoints > 0 { unjudged.append("\(rollup.tooFewPoints) för få punkter") }
        let counts = "\(rollup.improving) ↑ · \(rollup.worsening) ↓ · \(rollup.noClearChange) →"
        let text = rollup.judged == 0
            ? (unjudged.isEmpty ? "Inget att bedöma" : "Kan inte bedömas: " + unjudged.joined(separator: ", "))
            : counts + (rollup.judgedOnFewerThanHalf ? "\nbedömd på \(rollup.judged) av \(rollup.assessable) indikatorer" : "")
                + (unjudged.isEmpty ? "" : "\n(" + unjudged.joined(separator: ", ") + ")")
        let tone: Tone = switch rollup.status {
        case .improving: .good
        case .worsening: .bad
        case .mixed: .mixed
        case .stable, .insufficient: .muted
        }
        return ReportCell(.text(text), tone: tone)
    }

    /// Att notera (comparisons.md §4): the compared areas' values that are worse than the benchmark and worsening
    /// first, then those only worsening, then those only worse; in report order within each group.
    func attentionTable() -> ReportTable {
        let groups: [(label: String, admits: (Comparison) -> Bool)] = [
            ("sämre än \(benchmarkName) och försämras", { $0.attention }),
            ("försämras", { $0.trend == .worsening && $0.verdict != .worse }),
            ("sämre än \(benchmarkName)", { $0.verdict == .worse && $0.trend != .worsening }),
        ]
        var rows: [ReportRow] = []
        for (group, (label, admits)) in groups.enumerated() {
            let start = rows.count
            for data in data {
                for area in totals {
                    guard let comparison = data.comparisons[data.key(area.id, data.period)], admits(comparison) else { continue }
                    // One line in plain Swedish, the figures beside it.
                    let line = "\(data.indicator.name) i \(area.name): \(label)."
                    rows.append(ReportRow(
                        [ReportCell(.text(line), tone: group == 0 ? .bad : nil), periodCell(data),
                         comparedCell(data, area.id), .text(comparison.compared.ci95.map { ReportText.interval($0, decimals: comparedDecimals(data)) }),
                         .text(verdictText(comparison)), trendCell(data, area.id)],
                        startsGroup: start > 0 && rows.count == start))
                }
            }
        }
        if rows.isEmpty { rows = [ReportRow([.text("Inget att notera: inget område är sämre än \(benchmarkName) eller försämras.")])] }
        return ReportTable(
            name: "att-notera",
            caption: "Att notera: sämre än \(benchmarkName) (utöver slumpen) och en trend som försämras, sedan bara försämras, sedan bara sämre",
            columns: [ReportColumn("Notera", width: 46, wrap: true), ReportColumn("Period", width: 9, wrap: true), ReportColumn("Värde", width: 12),
                      ReportColumn("95 % konfidensintervall", width: 15, wrap: true),
                      ReportColumn("Jämfört med \(benchmarkName)", width: 13, wrap: true), ReportColumn("Trend", width: 24)],
            rows: rows,
            colors: [ConditionalColor(rows: 0..<rows.count, columns: 4...4, rule: .labels(ReportText.verdictLabels)),
                     ConditionalColor(rows: 0..<rows.count, columns: 5...5, rule: .labels(ReportText.trendLabels))])
    }

    /// One direction shift: per indicator the latest value for each compared area with its municipalities beneath,
    /// change, trend, SPC and the comparison with the benchmark.
    func shiftSheet(_ shift: Shift) -> ReportSheet {
        let columns = [
            ReportColumn("Indikator", width: 46), ReportColumn("Enhet", width: 12), ReportColumn("Period", width: 9, wrap: true),
            ReportColumn("Område", width: 28), ReportColumn("Värde", width: 12), ReportColumn("Förändring 1 år", width: 11, wrap: true),
            ReportColumn("Trend", width: 24), ReportColumn("Måluppfyllelse", width: 20), ReportColumn("Mål", width: 8),
        ] + comparisonColumns
        var rows: [ReportRow] = []
        var colors: [ConditionalColor] = []
        for data in indicators(of: shift) {
            let indicator = data.indicator
            let start = rows.count
            for (area, indented) in areas where indicator.isPublished(for: area.kind) {
                rows.append(ReportRow(
                    [.text(indicator.name), .text(indicator.unit.label), periodCell(data),
                     ReportCell(.text(area.name), indent: indented ? 1 : 0),
                     valueCell(data, area.id, data.period), changeCell(data, area.id), trendCell(data, area.id),
                     .text(data.trends[area.id]?.result.assurance.map(ReportText.assurance)),
                     .number(indicator.target(area: area.id, year: data.period.year), .value(data.unit))]
                        + comparisonCells(data, area.id),
                    emphasis: !indented, startsGroup: rows.count == start))
            }
            colors.append(ConditionalColor(rows: start..<rows.count, columns: 5...5, rule: .sign(indicator.better)))
            if indicator.target != nil || !indicator.targets.isEmpty {
                colors.append(ConditionalColor(rows: start..<rows.count, columns: 4...4,
                                               rule: .versus(.column(8), indicator.better, orEqual: true)))
            }
        }
        colors += [
            ConditionalColor(rows: 0..<rows.count, columns: 6...6, rule: .labels(ReportText.trendLabels)),
            ConditionalColor(rows: 0..<rows.count, columns: 7...7, rule: .labels(ReportText.assuranceLabels)),
            ConditionalColor(rows: 0..<rows.count, columns: 11...11, rule: .labels(ReportText.verdictLabels)),
        ]
        return ReportSheet(
            name: sheetName(shift), title: "\(shift.id) \(shift.name)",
            subtitle: "Senaste värde per länsdel och län, med kommunerna under sin länsdel, förändring mot samma period "
                + "ett år tidigare och trend. Värdet färgas "
                + "mot målet; jämförelsen med \(benchmarkName) står längst till höger (bättre eller sämre bara utöver slumpen). "
                + "Rapportperiod \(ReportText.periodTitle(period)).",
            tables: [ReportTable(name: fileStem(sheetName(shift)), columns: columns, rows: rows, colors: colors,
                                 freezeHeader: true, filter: true)],
            notes: [Self.changeAndTrend, "Hur trenden räknas fram och hur mycket värdet varierar står på fliken Trender."])
    }

    /// Trender: a line chart of each indicator's series for the compared areas, above the numbers they show.
    func trendSheet() -> ReportSheet {
        var rows: [ReportRow] = []
        var charts: [ReportChart] = []
        for data in data {
            let start = rows.count
            for period in data.periods {
                rows.append(ReportRow([.text(data.indicator.name), .text(ReportText.period(period))]
                                      + totals.map { numberCell(data, $0.id, period) },
                                      startsGroup: rows.count == start))
            }
            // No chart without a number to draw (values given without counts have no länsdel value).
            let drawn = rows[start...].contains { $0.cells.contains { if case .number = $0.content { true } else { false } } }
            guard drawn else { continue }
            charts.append(ReportChart(kind: .line, title: chartTitle(data.indicator), yAxisTitle: data.indicator.unit.label,
                                      table: 0, rows: start..<rows.count, categoryColumn: 1,
                                      valueColumns: Array(2..<(2 + totals.count))))
        }
        let columns = [ReportColumn("Indikator", width: 34), ReportColumn("Period", width: 9)]
            + totals.map { ReportColumn($0.name, width: 14, wrap: true) }
        return ReportSheet(
            name: "Trender", title: "Trender per område",
            subtitle: "De senaste \(request.definition.historyYears) åren, totalt för kvinnor och män. Tomma celler i tabellen: "
                + "värdet saknas, är prickat eller kan inte summeras (då finns inget diagram).",
            tables: [ReportTable(name: "trender", columns: columns, rows: rows), trendMethodTable()],
            charts: charts, chartLayout: .grid(columns: 2), printed: false)
    }

    /// For analysts: the trend test, the slope and the SPC signal behind each trend on the shift sheets.
    func trendMethodTable() -> ReportTable {
        var rows: [ReportRow] = []
        for data in data {
            let start = rows.count
            for area in totals {
                guard let trend = data.trends[area.id]?.result else { continue }
                rows.append(ReportRow(
                    [.text(data.indicator.name), .text(area.name), .number(Double(trend.n), .integer), trendCell(data, area.id),
                     .number(trend.mannKendall?.p, NumberStyle(decimals: 3)), .number(trend.senSlope, .slope(data.unit)),
                     .text(ReportText.variation(trend))],
                    startsGroup: rows.count == start))
            }
        }
        return ReportTable(
            name: "trendberakning", caption: "Trendberäkningen för analytiker (metoderna förklaras under Teckenförklaring)",
            columns: [ReportColumn("Indikator", width: 34), ReportColumn("Område", width: 20), ReportColumn("Mätpunkter", width: 11),
                      ReportColumn("Trend", width: 24), ReportColumn("Mann–Kendall p", width: 11, wrap: true),
                      ReportColumn("Sen-lutning per period", width: 11, wrap: true), ReportColumn("Variation (SPC)", width: 22)],
            rows: rows,
            colors: [ConditionalColor(rows: 0..<rows.count, columns: 3...3, rule: .labels(ReportText.trendLabels)),
                     ConditionalColor(rows: 0..<rows.count, columns: 6...6, rule: .labels(ReportText.variationLabels))])
    }

    /// Kön: women and men side by side for the indicators reported by gender.
    func genderSheet() -> ReportSheet {
        var rows: [ReportRow] = []
        for data in data {
            let byGender = totals.contains { area in
                [Gender.women, .men].contains { data.values[data.key(area.id, data.period, $0)] != nil }
            }
            guard byGender else { continue }
            let start = rows.count
            for area in totals {
                let women = data.values[data.key(area.id, data.period, .women)]?.value
                let men = data.values[data.key(area.id, data.period, .men)]?.value
                let intervals = [Gender.women, .men].map { data.comparisons[data.key(area.id, data.period, $0)]?.compared.ci95 }
                let assured: String? = if let womenCI = intervals[0], let menCI = intervals[1] {
                    womenCI.overlaps(menCI) ? "nej" : "ja"
                } else { nil }
                rows.append(ReportRow(
                    [.text(data.indicator.name), .text(data.indicator.unit.label), periodCell(data),
                     .text(area.name), valueCell(data, area.id, data.period, .women), valueCell(data, area.id, data.period, .men),
                     .number(women.flatMap { women in men.map { women - $0 } }, .change(data.unit)),
                     valueCell(data, area.id, data.period), .text(assured)],
                    emphasis: area.kind == .county, startsGroup: rows.count == start))
            }
        }
        let columns = [
            ReportColumn("Indikator", width: 34, wrap: true), ReportColumn("Enhet", width: 12), ReportColumn("Period", width: 9, wrap: true),
            ReportColumn("Område", width: 28), ReportColumn("Kvinnor", width: 12), ReportColumn("Män", width: 12),
            ReportColumn("Skillnad kvinnor − män", width: 12, wrap: true), ReportColumn("Totalt", width: 12),
            ReportColumn("Skillnaden säkerställd", width: 12, wrap: true),
        ]
        return ReportSheet(
            name: "Kön", title: "Kvinnor och män",
            subtitle: "Indikatorer som redovisas per kön, senaste period. Jämlik vård är ett mål: stora skillnader är värda en fråga.",
            tables: [ReportTable(name: "kon", columns: columns, rows: rows, freezeHeader: true, filter: true)],
            notes: rows.isEmpty ? ["Inga indikatorer redovisas per kön för perioden."] : [
                "Skillnaden säkerställd: ja när kvinnors och mäns 95 % konfidensintervall inte överlappar. Det är en "
                    + "försiktig prövning: ett nej betyder att skillnaden kan vara slump, inte att den saknas. Tomt: "
                    + "intervall saknas (prickat värde, värde utan täljare och nämnare, eller dagar, index och kronor).",
            ], printed: false)
    }
}
