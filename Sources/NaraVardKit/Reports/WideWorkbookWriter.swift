import XLSXWriter

/// Writes the whole store as one workbook in the wide layout, for analysts: one sheet per 50 indicators with a
/// row per area, period and gender and a number column per indicator; a summary sheet with native line charts of
/// the county values of the first 10 indicators; and a legend.
///
/// ```swift
/// let summary = try WideWorkbookWriter(source: store, catalog: try store.catalog()).write(to: "alla-varden.xlsx")
/// ```
///
/// The workbook is written in libxlsxwriter's constant-memory mode, every sheet top to bottom, so memory stays
/// flat whatever the size of the store; nothing appears at the path unless the whole file is written.
/// Values are shown as stored (no small-number suppression: like `values` and the CSV export this is an
/// analysts' tool). An empty cell is coloured by why it is empty, see ``Marker``.
package struct WideWorkbookWriter {
    package static let indicatorsPerSheet = 50
    package static let chartedIndicators = 10

    package let source: any WideRowSource
    package let catalog: Catalog
    /// Read the store as it was right after this import (nil: as it is now).
    package let asOf: Int64?

    package init(source: any WideRowSource, catalog: Catalog, asOf: Int64? = nil) {
        self.source = source
        self.catalog = catalog
        self.asOf = asOf
    }

    /// What was written.
    package struct Summary: Hashable, Sendable {
        package var indicators = 0
        package var valueSheets = 0
        /// Area, period and gender rows over all value sheets.
        package var rows = 0
        /// Cells holding a number.
        package var values = 0
    }

    /// The empty cells that mean something: a blank cell with a fill (a cell with no record stays empty).
    enum Marker {
        static let missing = FormatSpec(fillColor: Color(rgb: 0xD9D9D9))
        static let undefined = FormatSpec(fillColor: Color(rgb: 0xFFE699))
        static let suppressedAtSource = FormatSpec(fillColor: Color(rgb: 0xBDD7EE))
    }

    /// The value sheets' first columns, before the indicators.
    static let labelColumns: [(header: String, width: Double)] = [("Område", 24), ("Kod", 7), ("Period", 8), ("Kön", 5)]

    /// Writes the workbook to `path`.
    package func write(to path: String) throws -> Summary {
        let indicators = try source.wideIndicators()
        let groups = stride(from: 0, to: indicators.count, by: Self.indicatorsPerSheet).map {
            Array(indicators[$0..<min($0 + Self.indicatorsPerSheet, indicators.count)])
        }
        return try Workbook.write(to: path, constantMemory: true) { workbook in
            try workbook.setProperties(DocumentProperties(
                title: "Alla värden i lagret", author: "naravard", keywords: "nära vård, export",
                comments: asOf.map { "Data till och med import \($0)" }))
            var summary = Summary(indicators: indicators.count, valueSheets: groups.count)
            let overview = try workbook.addWorksheet(named: "Sammanfattning")
            try writeOverview(overview, indicators: Array(indicators.prefix(Self.chartedIndicators)))
            for (number, group) in groups.enumerated() {
                try writeValues(workbook.addWorksheet(named: Self.sheetName(number)), indicators: group, into: &summary)
            }
            try writeLegend(workbook.addWorksheet(named: "Teckenförklaring"), groups: groups)
            return summary
        }
    }

    static func sheetName(_ number: Int) -> String { "Värden \(number + 1)" }

    private func title(_ id: String) -> String {
        ExcelText.fit(catalog.indicator(id).map { "\(id) \($0.name)" } ?? id)
    }

    // MARK: - Value sheets

    /// One row per area, period and gender; one number column per indicator.
    private func writeValues(_ sheet: Worksheet, indicators: [String], into summary: inout Summary) throws {
        let first = Self.labelColumns.count
        for (column, label) in Self.labelColumns.enumerated() {
            try sheet.setColumnWidth(label.width, column: column)
        }
        try sheet.setColumnWidth(14, columns: first...(first + indicators.count - 1))
        try sheet.setRowHeight(45, row: 0)
        for (column, label) in Self.labelColumns.enumerated() {
            try sheet.write(label.header, row: 0, column: column, format: Look.header)
        }
        for (offset, id) in indicators.enumerated() {
            try sheet.write(title(id), row: 0, column: first + offset, format: Look.header)
        }
        try sheet.freezePanes(rows: 1, columns: first)

        // Labels are made once per area and period, not per row.
        var names: [String: String] = [:]
        var periods: [Period: String] = [:]
        var row = 0
        try source.wideRows(indicators, asOf: asOf) { wide in
            row += 1
            let name = names[wide.area] ?? {
                let name = catalog.geography[wide.area]?.name ?? wide.area
                names[wide.area] = name
                return name
            }()
            let period = periods[wide.period] ?? {
                periods[wide.period] = wide.period.description
                return wide.period.description
            }()
            try sheet.write(name, row: row, column: 0)
            try sheet.write(wide.area, row: row, column: 1)
            try sheet.write(period, row: row, column: 2)
            try sheet.write(wide.gender.rawValue, row: row, column: 3)
            var column = first
            for cell in wide.cells {
                switch cell {
                case .value(let value)?:
                    try sheet.write(value, row: row, column: column)
                    summary.values += 1
                case .missing?: try sheet.writeBlank(row: row, column: column, format: Marker.missing)
                case .undefined?: try sheet.writeBlank(row: row, column: column, format: Marker.undefined)
                case .suppressedAtSource?: try sheet.writeBlank(row: row, column: column, format: Marker.suppressedAtSource)
                case nil: break
                }
                column += 1
            }
        }
        summary.rows += row
        try sheet.setAutofilter(CellRange(firstRow: 0, firstColumn: 0, lastRow: max(row, 1),
                                          lastColumn: first + indicators.count - 1))
    }

    // MARK: - Summary sheet

    /// Charts rows and size: two charts side by side, each 15 rows high.
    static let chartRows = 15

    /// A title, a grid of line charts (one per indicator, one line per county), and below it the tables the
    /// charts draw: per indicator, a row per period and a column per county.
    private func writeOverview(_ sheet: Worksheet, indicators: [String]) throws {
        guard !indicators.isEmpty else {
            try sheet.write("Lagret har inga värden.", row: 0, column: 0, format: Look.title)
            return
        }
        try sheet.write("Länsvärden för de \(indicators.count) första indikatorerna", row: 0, column: 0, format: Look.title)
        try sheet.write("Kön totalt. Länets eget rapporterade värde, annars kvoten av länets kommuners summerade "
                        + "täljare och nämnare; tomt där den inte går att räkna (kommuner utan uppgift).",
                        row: 1, column: 0, format: Look.subtitle)
        try sheet.setColumnWidth(10, column: 0)
        try sheet.setColumnWidth(14, columns: 1...30)
        let counties = catalog.geography.areas.filter { $0.kind == .county }
        var row = 3 + (indicators.count + 1) / 2 * Self.chartRows + 1
        for (index, id) in indicators.enumerated() {
            let series = try source.countyValues(id, asOf: asOf, catalog: catalog)
            let shown = counties.filter { series[$0.id] != nil }
            let periods = Set(series.values.flatMap { $0.map(\.0) }).sorted()
            try sheet.write(title(id), row: row, column: 0, format: Look.caption)
            guard !shown.isEmpty, !periods.isEmpty else {
                try sheet.write("Inga länsvärden.", row: row + 1, column: 0, format: Look.note)
                row += 3
                continue
            }
            let header = row + 1
            try sheet.write("Period", row: header, column: 0, format: Look.header)
            for (offset, county) in shown.enumerated() {
                try sheet.write(county.name, row: header, column: 1 + offset, format: Look.header)
            }
            let byCounty = shown.map { county in
                Dictionary(series[county.id]!.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
            }
            for (offset, period) in periods.enumerated() {
                try sheet.write(ReportText.period(period), row: header + 1 + offset, column: 0)
                for (column, values) in byCounty.enumerated() {
                    if let value = values[period] ?? nil {
                        try sheet.write(value, row: header + 1 + offset, column: 1 + column)
                    }
                }
            }
            let last = header + periods.count
            let chartTitle = ExcelText.fit(title(id), limit: ExcelText.name)
            try sheet.insertChart(
                .line, row: 3 + index / 2 * Self.chartRows, column: index % 2 * 8,
                placement: .size(width: 600, height: 285, altText: chartTitle)
            ) { chart in
                try chart.setTitle(chartTitle, fontSize: 11)
                for column in 1...shown.count {
                    try chart.addSeries(
                        values: sheet.chartRange(CellRange(firstRow: header + 1, firstColumn: column, lastRow: last, lastColumn: column)),
                        categories: sheet.chartRange(CellRange(firstRow: header + 1, firstColumn: 0, lastRow: last, lastColumn: 0)),
                        name: .cell(sheet: sheet.name, row: header, column: column))
                }
                try chart.setLegend(shown.count > 1 ? .bottom : .none)
            }
            row = last + 2
        }
    }

    // MARK: - Legend

    /// What the cells mean, and where each indicator is.
    private func writeLegend(_ sheet: Worksheet, groups: [[String]]) throws {
        try sheet.setColumnWidth(14, column: 0)
        try sheet.setColumnWidth(60, column: 1)
        try sheet.setColumnWidth(12, columns: 2...4)
        try sheet.write("Teckenförklaring", row: 0, column: 0, format: Look.title)
        try sheet.write(asOf.map { "Data till och med import \($0)." } ?? "Lagret som det är nu.", row: 1, column: 0, format: Look.subtitle)
        let lines: [(FormatSpec?, String)] = [
            (nil, "Ett tal: värdet som det är lagrat (0 är en rapporterad nolla). Inget är prickat: exporten visar allt."),
            (Marker.missing, "Grå tom cell: rapporterat som saknat (.., NA, tomt), inte noll."),
            (Marker.undefined, "Gul tom cell: täljare och nämnare finns men nämnaren är 0, så värdet är odefinierat."),
            (Marker.suppressedAtSource, "Blå tom cell: skyddat av källan (<5, x, *), varken saknat eller noll."),
            (nil, "Tom vit cell: ingen uppgift alls för området, perioden och könet."),
            (nil, "Täljare, nämnare, status och anmärkning: naravard export --format csv."),
        ]
        for (offset, line) in lines.enumerated() {
            if let marker = line.0 { try sheet.writeBlank(row: 3 + offset, column: 0, format: marker) }
            try sheet.write(line.1, row: 3 + offset, column: 1)
        }
        var row = 4 + lines.count
        for (column, header) in ["Indikator", "Namn", "Enhet", "Blad", "Kolumn"].enumerated() {
            try sheet.write(header, row: row, column: column, format: Look.header)
        }
        for (number, group) in groups.enumerated() {
            for (offset, id) in group.enumerated() {
                row += 1
                try sheet.write(id, row: row, column: 0)
                try sheet.write(ExcelText.fit(catalog.indicator(id)?.name ?? ""), row: row, column: 1)
                try sheet.write(catalog.indicator(id)?.unit.rawValue ?? "", row: row, column: 2)
                try sheet.write(Self.sheetName(number), row: row, column: 3)
                try sheet.write(CellRange.columnName(Self.labelColumns.count + offset), row: row, column: 4)
            }
        }
    }
}
