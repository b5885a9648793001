import XLSXWriter

/// Writes the delivery template (`naravard template`): a long-layout sheet *Mall* with one row per indicator,
/// area and gender expected for a period, in the columns `ingest` reads (`Indikator`, `Område`, `Period`, `Kön`,
/// `Täljare`, `Nämnare`, `Värde`, `Anmärkning`), and the definitions on a second sheet *Definitioner*.
///
/// Cells an indicator has no use for (a count has no denominator, an index no counts) are grey; the number cells
/// have data validation (counts 0 or more, a percent 0–100) that warns, so that a missing marker (`..`) can still
/// be typed. A row left empty loads as *reported missing*.
///
/// ```swift
/// let expected = try store.expectedRows(period: Period(year: 2026, quarter: 1))
/// let summary = try TemplateWriter(expected: expected, geography: catalog.geography).write(to: "mall.xlsx")
/// ```
package struct TemplateWriter {
    package struct Summary: Sendable, Equatable {
        package var indicators: Int
        package var rows: Int
    }

    /// The column headers of the sheet *Mall*, in order: names `ingest` reads.
    package static let columns = ["Indikator", "Område", "Period", "Kön", "Täljare", "Nämnare", "Värde", "Anmärkning"]
    package static let sheetName = "Mall"

    package var expected: ExpectedRows

    package init(expected: ExpectedRows) { self.expected = expected }

    private enum Look {
        static let header = FormatSpec(bold: true, fillColor: Color(rgb: 0xDDEBF7), bottomBorder: .thin)
        static let notUsed = FormatSpec(fillColor: Color(rgb: 0xD9D9D9))
        static let wrap = FormatSpec(verticalAlignment: .top, wrap: true)
    }

    /// Writes the workbook to `path` (a staging path: the caller moves it into place).
    package func write(to path: String) throws -> Summary {
        try Workbook.write(to: path) { workbook in
            let entries = expected.entries.filter { !$0.areas.isEmpty }
            let rows = try writeRows(workbook.addWorksheet(named: Self.sheetName), entries: entries)
            try writeDefinitions(workbook.addWorksheet(named: "Definitioner"), indicators: entries.map(\.indicator))
            return Summary(indicators: entries.count, rows: rows)
        }
    }

    private func writeRows(_ sheet: Worksheet, entries: [ExpectedRows.Entry]) throws -> Int {
        for (column, title) in Self.columns.enumerated() {
            try sheet.write(title, row: 0, column: column, format: Look.header)
        }
        for (column, width) in [10, 22, 9, 6, 12, 12, 12, 30].enumerated() {
            try sheet.setColumnWidth(Double(width), column: column)
        }
        try sheet.freezePanes(rows: 1)
        var row = 1
        for entry in entries {
            let indicator = entry.indicator
            let first = row
            let uses = [Self.hasNumerator(indicator.unit), indicator.unit.hasDenominator, true]
            for area in entry.areas {
                for gender in [Gender.total, .women, .men] {
                    try sheet.write(indicator.id, row: row, column: 0)
                    try sheet.write(area.name, row: row, column: 1)
                    try sheet.write(expected.period.description, row: row, column: 2)
                    try sheet.write(gender.rawValue, row: row, column: 3)
                    for (offset, used) in uses.enumerated() where !used {
                        try sheet.writeBlank(row: row, column: 4 + offset, format: Look.notUsed)
                    }
                    row += 1
                }
            }
            for (offset, used) in uses.enumerated() where used {
                let range = CellRange(firstRow: first, firstColumn: 4 + offset, lastRow: row - 1, lastColumn: 4 + offset)
                try sheet.addDataValidation(Self.validation(column: offset, indicator: indicator), to: range)
            }
        }
        try sheet.setAutofilter(CellRange(firstRow: 0, firstColumn: 0, lastRow: max(row - 1, 1), lastColumn: Self.columns.count - 1))
        return row - 1
    }

    /// A count indicator's numerator is its value; a rate has numerator and denominator; an index has neither.
    static func hasNumerator(_ unit: IndicatorUnit) -> Bool { unit == .count || unit.hasDenominator }

    /// The validation of a number column (0 numerator, 1 denominator, 2 value) for an indicator.
    static func validation(column: Int, indicator: Indicator) -> DataValidation {
        let unit = indicator.unit
        let bounds: DataValidation.Bounds = switch (column, unit) {
        case (0...1, _): .atLeast(0)
        case (_, .percent): .between(0, 100)
        case _ where unit.isNonNegative: .atLeast(0)
        default: .any
        }
        var validation = DataValidation(.decimal(bounds))
        validation.errorStyle = .warning
        validation.errorTitle = "Inte ett giltigt tal"
        let what = switch (column, bounds) {
        case (0, _): "Täljaren: \(indicator.numerator ?? "antal"), 0 eller mer."
        case (1, _): "Nämnaren: \(indicator.denominator ?? "antal"), 0 eller mer."
        case (_, .between): "Värdet i procent, 0–100."
        case (_, .atLeast): "Värdet (\(unit.label)), 0 eller mer."
        default: "Värdet (\(unit.label))."
        }
        validation.errorMessage = String((what + " Saknas uppgiften: lämna tomt eller skriv .. (två punkter).").prefix(255))
        return validation
    }

    private func writeDefinitions(_ sheet: Worksheet, indicators: [Indicator]) throws {
        let titles = ["Indikator", "Namn", "Enhet", "Frekvens", "Täljare", "Nämnare", "Definition", "Källa"]
        for (column, title) in titles.enumerated() {
            try sheet.write(title, row: 0, column: column, format: Look.header)
        }
        for (column, width) in [10, 36, 10, 10, 40, 30, 60, 30].enumerated() {
            try sheet.setColumnWidth(Double(width), column: column)
        }
        try sheet.freezePanes(rows: 1)
        for (index, indicator) in indicators.enumerated() {
            let texts = [indicator.id, indicator.name, indicator.unit.label, indicator.frequency.rawValue,
                         Self.hasNumerator(indicator.unit) ? indicator.numerator : nil,
                         indicator.unit.hasDenominator ? indicator.denominator : nil,
                         indicator.definition, indicator.source]
            for (column, text) in texts.enumerated() {
                if let text { try sheet.write(text, row: index + 1, column: column, format: Look.wrap) }
            }
        }
    }
}
