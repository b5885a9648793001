import Foundation
import XLSXWriter

/// Writes a ``Report`` as an Excel workbook: numbers as number cells, users' text always as string cells,
/// native charts, conditional colours, frozen headers, filters, A4 landscape print setup and document properties.
///
/// ```swift
/// try XLSXReportWriter.write(report, to: "uppfoljning-2025Q4.xlsx")
/// ```
///
/// Each sheet is laid out top to bottom: title, subtitle, a grid of charts if the sheet has one, then each
/// table (caption, header, rows) with a blank row after it, then the notes. Rows are written in order, so a
/// very large report can use libxlsxwriter's constant-memory mode.
package enum XLSXReportWriter {
    /// Reports with more table cells than this are written in constant-memory mode (flat memory).
    package static let constantMemoryCells = 1_000_000

    /// Writes the workbook; nothing appears at `path` unless the whole file is written.
    /// - Parameter constantMemoryAbove: the number of table cells above which constant-memory mode is used.
    package static func write(_ report: Report, to path: String, constantMemoryAbove limit: Int = constantMemoryCells) throws {
        let cells = report.sheets.reduce(0) { sum, sheet in sheet.tables.reduce(sum) { $0 + $1.rows.count * $1.columns.count } }
        try Workbook.write(to: path, constantMemory: cells > limit) { workbook in
            try workbook.setProperties(DocumentProperties(
                title: report.title, subject: "Period \(report.period)", author: "naravard", company: report.company,
                keywords: "nära vård, uppföljning", comments: report.asOf.map { "Data till och med import \($0)" },
                created: report.generatedAt))
            try workbook.setCustomProperty("Period", report.period.description)
            if let asOf = report.asOf { try workbook.setCustomProperty("Data till och med import", Double(asOf)) }
            // Each page says which report and sheet it is, and which page of how many.
            let title = ExcelText.fit(report.title.replacingOccurrences(of: "&", with: "&&"), limit: 200)
            let formats = CellFormats(workbook: workbook)
            for sheet in report.sheets {
                try SheetWriter(worksheet: workbook.addWorksheet(named: sheet.name), formats: formats, sheet: sheet,
                                header: "&L" + title + "&R&A", footer: "&LSida &P av &N&R" + report.period.description,
                                constantMemory: workbook.options.constantMemory)
                    .write()
            }
        }
    }
}

/// Lays out one sheet.
private struct SheetWriter {
    let worksheet: Worksheet
    let formats: CellFormats
    let sheet: ReportSheet
    let header: String
    let footer: String
    /// libxlsxwriter cannot add Excel tables in constant-memory mode; such a table gets a plain autofilter.
    let constantMemory: Bool

    /// Rows a chart of the grid takes, and its size in pixels (rows are 20 pixels high).
    static let gridChartRows = 15
    static let gridChart = (width: 500, height: 285)

    func write() throws {
        var row = 0
        if let title = sheet.title {
            try worksheet.write(ExcelText.fit(title), row: row, column: 0, format: Look.title)
            row += 1
        }
        if let subtitle = sheet.subtitle {
            try worksheet.write(ExcelText.fit(subtitle), row: row, column: 0, format: Look.subtitle)
            row += 1
        }
        if sheet.title != nil || sheet.subtitle != nil { row += 1 }
        let gridTop = row
        if case .grid(let columns) = sheet.chartLayout, !sheet.charts.isEmpty {
            row += (sheet.charts.count + columns - 1) / columns * Self.gridChartRows + 1
        }

        var dataStarts: [Int] = []
        var frozen: Int?
        for (index, table) in sheet.tables.enumerated() {
            if let caption = table.caption {
                try worksheet.write(ExcelText.fit(caption), row: row, column: 0, format: Look.caption)
                row += 1
            }
            if index == 0, table.freezeHeader { frozen = row }
            // One autofilter per sheet: the first table that asks for one.
            let filter = !sheet.tables[..<index].contains { $0.filter || $0.isExcelTable }
            try writeHeader(table, row: row, filter: filter)
            dataStarts.append(row + 1)
            row = try writeRows(table, from: row + 1) + 1
        }
        for note in sheet.notes {
            try worksheet.write(ExcelText.fit(note), row: row, column: 0, format: Look.note)
            row += 1
        }

        var widths: [Int: Double] = [:]
        for table in sheet.tables {
            for (column, spec) in table.columns.enumerated() { widths[column] = max(widths[column] ?? 0, spec.width) }
        }
        for (column, width) in widths.sorted(by: { $0.key < $1.key }) { try worksheet.setColumnWidth(width, column: column) }
        if let frozen { try worksheet.freezePanes(rows: frozen + 1) }
        try worksheet.setPageSetup(.a4Landscape(repeatRows: frozen.map { $0...$0 }, header: header, footer: footer))
        if sheet.printed {
            try worksheet.setPrintArea(printArea(rows: row, widths: widths))
            try worksheet.select()
        }
        try addCharts(dataStarts: dataStarts, gridTop: gridTop)
    }

    /// The cells and charts of a printed sheet: the tables' columns, widened to the charts' right edge.
    private func printArea(rows: Int, widths: [Int: Double]) -> CellRange {
        var lastColumn = max((widths.keys.max() ?? 0), 0)
        var lastRow = max(rows - 1, 0)
        if !sheet.charts.isEmpty {
            // Columns are about 7 pixels a character plus 5; unset ones are Excel's 8.43 characters (64 pixels).
            func pixels(_ column: Int) -> Int { Int((widths[column] ?? 8.43) * 7) + 5 }
            let (left, right) = if case .grid(let columns) = sheet.chartLayout {
                (0, min(sheet.charts.count, columns) * (Self.gridChart.width + 20))
            } else {
                ((sheet.tables.map(\.columns.count).max() ?? 0) + 1, 560)
            }
            var column = left, x = 0
            while x < right { x += pixels(column); column += 1 }
            lastColumn = max(lastColumn, column - 1)
            if case .beside = sheet.chartLayout { lastRow += 11 }   // the last chart is at least 220 pixels high
        }
        return CellRange(firstRow: 0, firstColumn: 0, lastRow: lastRow, lastColumn: lastColumn)
    }

    /// The header row: an Excel table's (with its filters), or header cells with an autofilter when asked for.
    private func writeHeader(_ table: ReportTable, row: Int, filter: Bool) throws {
        let whole = CellRange(firstRow: row, firstColumn: 0, lastRow: row + max(table.rows.count, 1),
                              lastColumn: table.columns.count - 1)
        let excelTable = table.isExcelTable && !table.rows.isEmpty && !constantMemory
        if excelTable {
            // Added before the rows are written: in constant-memory mode rows must come in order.
            try worksheet.addTable(whole, columns: table.columns.map { ExcelText.fit($0.header, limit: ExcelText.name) },
                                   name: table.name.replacingOccurrences(of: "-", with: "_"), style: .medium(2))
        } else {
            for (column, spec) in table.columns.enumerated() {
                var format = Look.header
                if spec.centered { format.horizontalAlignment = .center }
                try worksheet.write(ExcelText.fit(spec.header), row: row, column: column, format: format)
            }
            if filter, table.filter || table.isExcelTable, !table.rows.isEmpty { try worksheet.setAutofilter(whole) }
        }
        let lines = table.columns.map { ExcelText.lines($0.header, width: $0.width, bold: true) }.max() ?? 1
        if lines > 1 { try worksheet.setRowHeight(min(15 * Double(lines), ExcelText.rowHeight), row: row) }
    }

    /// The data rows, their row heights and colour rules; returns the row after the last.
    private func writeRows(_ table: ReportTable, from first: Int) throws -> Int {
        for (offset, tableRow) in table.rows.enumerated() {
            var lines = 1
            for index in 0..<min(tableRow.cells.count, table.columns.count) where table.columns[index].wrap {
                guard case .text(let text) = tableRow.cells[index].content else { continue }
                lines = max(lines, ExcelText.lines(text, width: table.columns[index].width, bold: tableRow.emphasis))
            }
            if let height = table.rowHeight ?? (lines > 1 ? 15 * Double(lines) : nil) {
                try worksheet.setRowHeight(min(height, ExcelText.rowHeight), row: first + offset)
            }
            for (column, cell) in tableRow.cells.enumerated() {
                try write(cell, row: first + offset, column: column, in: tableRow, of: table)
            }
        }
        try addColors(table, dataStart: first)
        return first + table.rows.count
    }

    private func write(_ cell: ReportCell, row: Int, column: Int, in tableRow: ReportRow, of table: ReportTable) throws {
        let format = try formats.format(CellLook(cell, in: tableRow, column: table.columns[column], tall: table.rowHeight != nil),
                                        column: column)
        switch cell.content {
        case .empty:
            // A blank cell only where it shows something: the group line, a colour, a revision.
            if tableRow.startsGroup || cell.tone != nil || cell.comment != nil {
                try worksheet.writeBlank(row: row, column: column, format: format)
            }
        case .text(let text):
            try worksheet.write(ExcelText.fit(text), row: row, column: column, format: format)
        case .number(let value, _):
            try worksheet.write(value, row: row, column: column, format: format)
        case .placeholder(let placeholder):
            try worksheet.write(placeholder.label, row: row, column: column, format: format)
        }
        if let comment = cell.comment {
            try worksheet.writeComment(ExcelText.fit(comment), row: row, column: column, author: "naravard")
        }
    }

    /// Conditional formats: formulas relative to each range's top-left cell, so one rule colours every row.
    private func addColors(_ table: ReportTable, dataStart: Int) throws {
        for color in table.colors where !color.rows.isEmpty {
            let range = CellRange(firstRow: dataStart + color.rows.lowerBound, firstColumn: color.columns.lowerBound,
                                  lastRow: dataStart + color.rows.upperBound - 1, lastColumn: color.columns.upperBound)
            let cell = CellRange.reference(row: range.firstRow, column: range.firstColumn)
            func add(_ condition: String, _ tone: Tone) throws {
                try worksheet.addConditionalFormat(.formula("=AND(ISNUMBER(\(cell)),\(condition))", format: Look.tone(tone)), to: range)
            }
            switch color.rule {
            case .sign(.neutral):
                try add("\(cell)<>0", .neutral)
            case .sign(let better):
                try add("\(cell)>0", better == .higher ? .good : .bad)
                try add("\(cell)<0", better == .higher ? .bad : .good)
            case .versus(_, .neutral, _):
                break
            case .versus(let reference, let better, let orEqual):
                let other = switch reference {
                case .column(let column): "$" + CellRange.reference(row: range.firstRow, column: column)
                case .cell(let row, let column): CellRange(row: dataStart + row, column: column).absoluteA1
                }
                let higher = better == .higher
                try add("ISNUMBER(\(other)),\(cell)\(higher ? ">" : "<")\(orEqual ? "=" : "")\(other)", .good)
                try add("ISNUMBER(\(other)),\(cell)\(higher ? "<" : ">")\(other)", .bad)
            case .labels(let labels):
                for label in labels {
                    try worksheet.addConditionalFormat(.cell(.equal(.text(label.text)), format: Look.tone(label.tone)), to: range)
                }
            }
        }
    }

    private func addCharts(dataStarts: [Int], gridTop: Int) throws {
        let besideColumn = (sheet.tables.map(\.columns.count).max() ?? 0) + 1
        for (index, chart) in sheet.charts.enumerated() {
            let title = ExcelText.fit(chart.title, limit: ExcelText.name - 1)
            let start = dataStarts[chart.table]
            let rows = (start + chart.rows.lowerBound)...(start + chart.rows.upperBound - 1)
            let row: Int, column: Int, placement: ChartPlacement
            if case .grid(let columns) = sheet.chartLayout {
                row = gridTop + index / columns * Self.gridChartRows
                column = 0
                placement = ChartPlacement(xOffset: index % columns * (Self.gridChart.width + 20),
                                           xScale: Double(Self.gridChart.width) / 480, yScale: Double(Self.gridChart.height) / 288,
                                           altText: title)
            } else {
                row = rows.lowerBound
                column = besideColumn
                placement = .size(width: 560, height: max(rows.count * 20, 220), altText: title)
            }
            let type: ChartType = switch chart.kind { case .line: .line; case .column: .column; case .bar: .bar; case .scatter: .scatter }
            try worksheet.insertChart(type, row: row, column: column, placement: placement) { excel in
                try excel.setTitle(title.hasPrefix("=") ? " " + title : title, fontSize: 11)
                for (number, valueColumn) in chart.valueColumns.enumerated() {
                    let series = try excel.addSeries(
                        values: worksheet.chartRange(CellRange(firstRow: rows.lowerBound, firstColumn: valueColumn,
                                                               lastRow: rows.upperBound, lastColumn: valueColumn)),
                        categories: worksheet.chartRange(CellRange(firstRow: rows.lowerBound, firstColumn: chart.categoryColumn,
                                                                   lastRow: rows.upperBound, lastColumn: chart.categoryColumn)),
                        name: .cell(sheet: worksheet.name, row: start - 1, column: valueColumn))
                    let palette = chart.kind == .scatter ? Look.funnelSeries : Look.series
                    try series.setColor(palette[number % palette.count])
                    if chart.kind == .line {
                        try series.setLineWidth(2)
                        try series.setMarker(.circle, size: 4)
                    } else if chart.kind == .scatter, chart.pointColumns.contains(valueColumn) {
                        try series.hideLine()
                        try series.setMarker(.circle, size: 6)
                    } else if chart.kind == .scatter {
                        try series.setLineWidth(1.5)
                        try series.setMarker(.none)
                        if chart.dashedColumns.contains(valueColumn) { try series.setDashed() }
                    }
                }
                try excel.setLegend(chart.valueColumns.count > 1 ? .bottom : .none)
                if let title = chart.xAxisTitle { try excel.setXAxisTitle(ExcelText.fit(title, limit: ExcelText.name)) }
                if chart.logarithmicX { try excel.setXAxisLogarithmic() }
                if let title = chart.yAxisTitle { try excel.setYAxisTitle(ExcelText.fit(title, limit: ExcelText.name)) }
                if let format = chart.yAxisNumberFormat { try excel.setYAxisNumberFormat(format) }
                if chart.startsAtZero { try excel.setYAxisBounds(minimum: 0) }
            }
        }
    }
}

/// The report's formats and colours.
enum Look {
    static let grey = Color(rgb: 0x7F7F7F)
    static let title = FormatSpec(bold: true, fontSize: 15, fontColor: Color(rgb: 0x1F3864))
    static let subtitle = FormatSpec(italic: true, fontColor: Color(rgb: 0x595959))
    static let caption = FormatSpec(bold: true, fontSize: 12, fontColor: Color(rgb: 0x1F3864))
    static let header = FormatSpec(bold: true, fontColor: .white, fillColor: Color(rgb: 0x1F4E79),
                                   verticalAlignment: .center, wrap: true)
    static let note = FormatSpec(italic: true, fontColor: Color(rgb: 0x595959))
    /// Series colours: blues, orange and gold for the areas, dark grey last (the county, by convention).
    static let series = [0x2E75B6, 0xED7D31, 0xFFC000, 0x5B9BD5, 0x404040, 0x70AD47, 0x7030A0].map { Color(rgb: $0) }
    /// A funnel plot's series: blue points, the benchmark dark grey, the 95 % limits orange, the 99.8 % limits red.
    static let funnelSeries = [0x2E75B6, 0x404040, 0xED7D31, 0xED7D31, 0xC00000, 0xC00000].map { Color(rgb: $0) }

    /// Fill and font of a tone (Excel's own "good", "bad" and "neutral" styles, purple for no direction).
    static func tone(_ tone: Tone) -> FormatSpec {
        switch tone {
        case .good: FormatSpec(fontColor: Color(rgb: 0x006100), fillColor: Color(rgb: 0xC6EFCE))
        case .bad: FormatSpec(fontColor: Color(rgb: 0x9C0006), fillColor: Color(rgb: 0xFFC7CE))
        case .neutral: FormatSpec(fontColor: Color(rgb: 0x5B2C6F), fillColor: Color(rgb: 0xE4DFEC))
        case .mixed: FormatSpec(fontColor: Color(rgb: 0x9C5700), fillColor: Color(rgb: 0xFFEB9C))
        case .muted: FormatSpec(fontColor: grey)
        }
    }

    /// An Excel number format: `#,##0.0`, or `+#,##0.0;-#,##0.0;#,##0.0` for changes.
    static func numberFormat(_ style: NumberStyle) -> String {
        let body = (style.grouped ? "#,##0" : "0") + (style.decimals > 0 ? "." + String(repeating: "0", count: style.decimals) : "")
        return style.signed ? "+\(body);-\(body);\(body)" : body
    }

    static func format(_ look: CellLook) -> FormatSpec {
        var format = FormatSpec(bold: look.bold, indent: look.indent)
        if look.centered { format.horizontalAlignment = .center }
        format.verticalAlignment = look.tall ? .center : .top
        if look.startsGroup {
            format.topBorder = .thin
            format.borderColor = Color(rgb: 0xA6A6A6)
        }
        switch look.content {
        case .number(let style):
            format.numberFormat = numberFormat(style)
        case .placeholder:
            format.italic = true
            format.fontColor = grey
            format.horizontalAlignment = .right
        case .text:
            format.wrap = look.wrap
        case .empty:
            break
        }
        if let tone = look.tone {
            let colours = self.tone(tone)
            format.fontColor = colours.fontColor
            format.fillColor = colours.fillColor
        }
        if look.revised {
            format.fillColor = Color(rgb: 0xFCE4D6)
            format.border = .dashed
            format.borderColor = Color(rgb: 0xC65911)
        }
        return format
    }
}

/// Everything a table cell's format depends on (``Look/format(_:)``), and nothing else: cells alike in it share
/// one format of the workbook.
struct CellLook: Hashable {
    /// What the cell holds, as far as its format cares: a number's style, not its value.
    enum Content: Hashable { case empty, text, number(NumberStyle), placeholder }

    var content: Content
    var tone: Tone?
    /// The value changed since the previous report.
    var revised: Bool
    var indent: Int
    var bold: Bool
    /// A line above: the first row of a group.
    var startsGroup: Bool
    var centered: Bool
    var wrap: Bool
    /// The row has a set height, so its cells are centred vertically.
    var tall: Bool

    init(_ cell: ReportCell, in row: ReportRow, column: ReportColumn, tall: Bool) {
        content = switch cell.content {
        case .empty: .empty
        case .text: .text
        case .number(_, let style): .number(style)
        case .placeholder: .placeholder
        }
        tone = cell.tone
        revised = cell.revision != nil
        indent = cell.indent
        bold = row.emphasis
        startsGroup = row.startsGroup
        centered = column.centered
        wrap = column.wrap
        self.tall = tall
    }
}

/// The workbook's formats of table cells, each made once (``Format``): a report writes tens of thousands of cells
/// in a few dozen looks.
private final class CellFormats {
    let workbook: Workbook
    private var made: [CellLook: Format] = [:]
    /// The look and format last used in each column: a table's rows mostly repeat the looks of the row above.
    private var recent: [(look: CellLook, format: Format)?] = []

    init(workbook: Workbook) { self.workbook = workbook }

    func format(_ look: CellLook, column: Int) throws -> Format {
        if column < recent.count, let last = recent[column], last.look == look { return last.format }
        let format: Format
        if let made = made[look] {
            format = made
        } else {
            format = try workbook.format(Look.format(look))
            made[look] = format
        }
        if column >= recent.count { recent += Array(repeating: nil, count: column - recent.count + 1) }
        recent[column] = (look, format)
        return format
    }
}
