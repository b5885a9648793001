import Foundation
import Testing
import TestSupport
import XLSXWriter

/// One workbook using every feature the reports need, read back and checked part by part.
@Suite struct FullWorkbookTests {
    let directory: TemporaryDirectory
    let path: String
    let reader: XLSXReader

    static let areas = ["Norra", "Södra", "Östra", "Västra", "Länet"]
    static let quarters = ["2023 K1", "2023 K2", "2023 K3", "2023 K4", "2024 K1", "2024 K2", "2024 K3", "2024 K4"]
    static let created = Date(timeIntervalSince1970: 1_735_689_600) // 2025-01-01T00:00:00Z

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.path("uppfoljning.xlsx")
        try FullWorkbookTests.writeEverything(to: path)
        reader = try XLSXReader(path: path)
    }

    /// Writes the sample workbook (also used by the openpyxl check).
    static func writeEverything(to path: String) throws {
        try Workbook.write(to: path) { workbook in
            try workbook.setProperties(DocumentProperties(
                title: "Uppföljning Nära vård", subject: "Utskott Nära vård", author: "naravard",
                company: "Region Exempel", keywords: "nära vård, uppföljning", comments: "Genererad för test",
                created: created))
            try workbook.setCustomProperty("Period", "2024 K4")
            try workbook.setCustomProperty("Antal indikatorer", 12)
            try workbook.setCustomProperty("Preliminär", true)

            try writeSummary(try workbook.addWorksheet(named: "Sammanfattning"))
            try writeTrends(try workbook.addWorksheet(named: "1 Hälsofrämjande"))
            try writeData(try workbook.addWorksheet(named: "Data"))
            try writeGender(try workbook.addWorksheet(named: "Kön"))
            try workbook.defineName("Rapportperiod", formula: "=Sammanfattning!$A$1")
        }
    }

    static func writeSummary(_ sheet: Worksheet) throws {
        let title = FormatSpec(bold: true, fontSize: 14, horizontalAlignment: .center, verticalAlignment: .center)
        let header = FormatSpec(bold: true, fillColor: Color(rgb: 0xDDEBF7), bottomBorder: .thin, wrap: true)
        try sheet.merge(CellRange(a1: "A1:F1"), string: "Uppföljning Nära vård – 2024 K4", format: title)
        try sheet.setRowHeight(30, row: 0)
        let columns = ["Länsdel", "Hälsofrämjande", "Personcentrering", "Primärvård", "Öppnare vårdformer", "Totalt"]
        for (column, name) in columns.enumerated() {
            try sheet.write(name, row: 2, column: column, format: header)
        }
        for (offset, area) in areas.enumerated() {
            let row = 3 + offset
            try sheet.write(area, row: row, column: 0, format: .init(bold: area == "Länet"))
            for column in 1...4 {
                try sheet.write(Double((offset + column) % 3) - 1, row: row, column: column)
            }
            try sheet.write(Double(offset * 4), row: row, column: 5, format: .init(numberFormat: "0"))
        }
        try sheet.setColumnWidth(14, column: 0)
        try sheet.setColumnWidth(18.5, columns: 1...4)
        try sheet.freezePanes(rows: 3, columns: 1)
        try sheet.addConditionalFormat(.iconSet(.threeArrows), to: CellRange(a1: "B4:C8"))
        try sheet.addConditionalFormat(.iconSet(.threeArrows, reversed: true, iconsOnly: true), to: CellRange(a1: "D4:D8"))
        try sheet.addConditionalFormat(.iconSet(.threeTrafficLights), to: CellRange(a1: "E4:E8"))
        try sheet.addConditionalFormat(
            .threeColorScale(minimum: Color(rgb: 0xF8696B), midpoint: Color(rgb: 0xFFEB84),
                             maximum: Color(rgb: 0x63BE7B), midpointValue: 0),
            to: CellRange(a1: "B10:E10"))
        try sheet.addConditionalFormat(
            .twoColorScale(minimum: .white, maximum: Color(rgb: 0x63BE7B)), to: CellRange(a1: "F4:F8"))
        try sheet.addConditionalFormat(
            .cell(.greaterThan(10), format: .init(bold: true, fillColor: Color(rgb: 0xC6EFCE))), to: CellRange(a1: "F4:F8"))
        try sheet.addConditionalFormat(
            .cell(.between(1, 3), format: .init(fontColor: Color(rgb: 0x9C0006))), to: CellRange(a1: "F4:F8"))
        try sheet.addConditionalFormat(
            .cell(.equal(.text("Länet")), format: .init(italic: true)), to: CellRange(a1: "A4:A8"))
        try sheet.addConditionalFormat(
            .formula("=$F4>$F$5", format: .init(fillColor: Color(rgb: 0xFFEB9C))), to: CellRange(a1: "A4:A8"))
        for column in 1...4 {
            try sheet.writeFormula("=SUM(\(CellRange.columnName(column))4:\(CellRange.columnName(column))8)",
                                   row: 9, column: column, cachedValue: 0)
        }
        try sheet.writeComment("Tidigare värde: 71,2 (rapport 2024 K3)", row: 3, column: 1, author: "naravard")
        try sheet.writeComment("Reviderat", row: 4, column: 5)
        try sheet.setTabColor(Color(rgb: 0x1F4E78))
        try sheet.hideGridlines()
        try sheet.setSelection(CellRange(a1: "B4"))
        try sheet.setPageSetup(PageSetup(
            orientation: .landscape, paper: .a4, fitToWidth: true, repeatRows: 0...2,
            margins: .init(left: 0.5, right: 0.5, top: 0.75, bottom: 0.75),
            header: "&CUtskott Nära vård", footer: "&LNära vård&RSida &P av &N", centerHorizontally: true))
        try sheet.activate()
    }

    static func writeTrends(_ sheet: Worksheet) throws {
        try sheet.write("Kvartal", row: 0, column: 0, format: .init(bold: true))
        try sheet.write("Norra", row: 0, column: 1, format: .init(bold: true))
        try sheet.write("Södra", row: 0, column: 2, format: .init(bold: true))
        for (offset, quarter) in quarters.enumerated() {
            try sheet.write(quarter, row: offset + 1, column: 0)
            try sheet.write(70 + Double(offset) * 0.5, row: offset + 1, column: 1, format: .init(numberFormat: "0.0"))
            try sheet.write(65 + Double(offset % 3), row: offset + 1, column: 2, format: .init(numberFormat: "0.0"))
        }
        let categories = sheet.chartRange(try CellRange(a1: "A2:A9"))
        try sheet.insertChart(
            .line, row: 1, column: 4, placement: .size(width: 720, height: 360, altText: "Fast läkarkontakt per länsdel")
        ) { chart in
            try chart.setTitle("Andel med fast läkarkontakt")
            try chart.setXAxisTitle("Kvartal")
            try chart.setYAxisTitle("Procent")
            try chart.setYAxisNumberFormat("0")
            try chart.setYAxisBounds(minimum: 50, maximum: 100)
            try chart.setLegend(.bottom)
            let colors = [Color(rgb: 0x1F77B4), Color(rgb: 0xFF7F0E)]
            for column in 1...2 {
                let series = try chart.addSeries(
                    values: sheet.chartRange(CellRange(firstRow: 1, firstColumn: column, lastRow: 8, lastColumn: column)),
                    categories: categories, name: .cell(sheet: sheet.name, row: 0, column: column))
                try series.setColor(colors[column - 1])
                try series.setMarker(.circle, size: 6)
                try series.setLineWidth(2.25)
            }
        }
        try sheet.insertChart(.column, row: 20, column: 4) { chart in
            try chart.setTitle("Södra per kvartal")
            try chart.setLegend(.none)
            let series = try chart.addSeries(
                values: sheet.chartRange(CellRange(a1: "C2:C9")), categories: categories, name: .text("Södra"))
            try series.setColor(Color(rgb: 0x2CA02C))
        }
    }

    static func writeData(_ sheet: Worksheet) throws {
        let columns = ["Indikator", "Område", "Period", "Värde"]
        var row = 1
        for area in areas {
            for quarter in quarters.suffix(2) {
                try sheet.writeRow([.string("Fast läkarkontakt"), .string(area), .string(quarter)], row: row)
                try sheet.write(Double(row) * 1.25, row: row, column: 3, format: .init(numberFormat: "0.00"))
                row += 1
            }
        }
        try sheet.addTable(
            CellRange(firstRow: 0, firstColumn: 0, lastRow: row - 1, lastColumn: 3), columns: columns, name: "Data",
            style: .medium(2))
        try sheet.setColumnWidth(22, column: 0)
        try sheet.freezePanes(rows: 1)
        try sheet.setPageSetup(.a4Landscape(repeatRows: 0...0))
    }

    static func writeGender(_ sheet: Worksheet) throws {
        try sheet.writeRow([.string("Länsdel"), .string("Kvinnor"), .string("Män")], row: 0, format: .init(bold: true))
        for (offset, area) in areas.enumerated() {
            try sheet.writeRow([.string(area), .number(60 + Double(offset)), .number(58 + Double(offset))], row: offset + 1)
        }
        try sheet.setAutofilter(CellRange(firstRow: 0, firstColumn: 0, lastRow: areas.count, lastColumn: 2))
        try sheet.setZoom(120)
    }

    // MARK: - Assertions

    @Test func sheetsInOrderAndActiveSheet() throws {
        #expect(reader.sheetNames == ["Sammanfattning", "1 Hälsofrämjande", "Data", "Kön"])
        #expect(reader.activeSheetIndex == 0)
        #expect(try directory.contents() == ["uppfoljning.xlsx"])
    }

    @Test func summaryValuesAndLayout() throws {
        let sheet = try reader.sheet(named: "Sammanfattning")
        #expect(sheet["A1"] == .string("Uppföljning Nära vård – 2024 K4"))
        #expect(sheet["E3"] == .string("Öppnare vårdformer"))
        #expect(sheet["A8"] == .string("Länet"))
        #expect(sheet["F8"] == .number(16))
        #expect(sheet["B4"] == .number(0))
        #expect(sheet["B10"] == .formula("SUM(B4:B8)", cached: "0"))
        #expect(sheet.mergedRanges == ["A1:F1"])
        #expect(sheet.frozenPane == FrozenPane(rows: 3, columns: 1, topLeftCell: "B4"))
        #expect(sheet.columnWidths[0] != nil && sheet.columnWidths[1] != nil)
        #expect(sheet.columnWidths[1] == sheet.columnWidths[4])
        #expect(sheet.columnWidths[5] == nil)
        #expect(sheet.rowHeights[0] == 30)
        #expect(sheet.tabColor == "1F4E78")
        #expect(!sheet.showsGridlines)
        #expect(sheet.isSelectedTab)
        #expect(sheet.selection == "B4")
        #expect(sheet.styles["A1"]?.bold == true)
        #expect(sheet.styles["A1"]?.fontSize == 14)
        #expect(sheet.styles["A1"]?.horizontalAlignment == "center")
        #expect(sheet.styles["B3"]?.fillColor == "DDEBF7")
        #expect(sheet.styles["B3"]?.wrap == true)
        #expect(sheet.styles["B3"]?.hasBorder == true)
    }

    @Test func conditionalFormats() throws {
        let formats = try reader.sheet(named: "Sammanfattning").conditionalFormats
        #expect(formats.count == 9)
        let icons = formats.filter { $0.type == "iconSet" }
        #expect(icons.map(\.sqref) == ["B4:C8", "D4:D8", "E4:E8"])
        #expect(icons.map(\.iconSet) == ["3Arrows", "3Arrows", "3TrafficLights1"])
        #expect(icons.map(\.reversedIcons) == [false, true, false])
        #expect(icons.map(\.iconsOnly) == [false, true, false])
        #expect(icons[0].thresholds == ["percent:0", "percent:33", "percent:67"])

        let scales = formats.filter { $0.type == "colorScale" }
        #expect(scales.count == 2)
        #expect(scales.first { $0.sqref == "B10:E10" }?.colorScale == ["F8696B", "FFEB84", "63BE7B"])
        #expect(scales.first { $0.sqref == "B10:E10" }?.thresholds == ["min:0", "num:0", "max:0"])
        #expect(scales.first { $0.sqref == "F4:F8" }?.colorScale == ["FFFFFF", "63BE7B"])

        let cellRules = formats.filter { $0.type == "cellIs" }
        let greater = try #require(cellRules.first { $0.operator == "greaterThan" })
        #expect(greater.formulas == ["10"])
        #expect(greater.format?.fillColor == "C6EFCE")
        #expect(greater.format?.bold == true)
        let between = try #require(cellRules.first { $0.operator == "between" })
        #expect(between.formulas == ["1", "3"])
        #expect(between.format?.fontColor == "9C0006")
        #expect(cellRules.first { $0.operator == "equal" }?.formulas == ["\"Länet\""])

        let expression = try #require(formats.first { $0.type == "expression" })
        #expect(expression.sqref == "A4:A8")
        #expect(expression.formulas == ["$F4>$F$5"])
        #expect(expression.format?.fillColor == "FFEB9C")
    }

    @Test func comments() throws {
        let sheet = try reader.sheet(named: "Sammanfattning")
        #expect(sheet.comments == ["B4": "Tidigare värde: 71,2 (rapport 2024 K3)", "F5": "Reviderat"])
        #expect(sheet.commentAuthors["B4"] == "naravard")
    }

    @Test func printSetup() throws {
        let summary = try reader.sheet(named: "Sammanfattning")
        #expect(summary.pageSetup.orientation == "landscape")
        #expect(summary.pageSetup.paperSize == 9)
        #expect(summary.pageSetup.fitToPage)
        #expect(summary.pageSetup.fitToWidth == 1)
        #expect(summary.pageSetup.fitToHeight == 0)
        #expect(summary.pageSetup.margins == [0.5, 0.5, 0.75, 0.75])
        #expect(summary.pageSetup.header == "&CUtskott Nära vård")
        #expect(summary.pageSetup.footer == "&LNära vård&RSida &P av &N")
        #expect(summary.pageSetup.horizontallyCentered)
        #expect(summary.printTitles == "Sammanfattning!$1:$3")

        let data = try reader.sheet(named: "Data")
        #expect(data.pageSetup.orientation == "landscape")
        #expect(data.pageSetup.fitToHeight == 0)
        #expect(data.printTitles == "Data!$1:$1")

        let trends = try reader.sheet(named: "1 Hälsofrämjande")
        #expect(trends.pageSetup.orientation == nil || trends.pageSetup.orientation == "portrait")
        #expect(!trends.pageSetup.fitToPage)
        #expect(trends.printTitles == nil)
    }

    @Test func tableWithFilters() throws {
        let data = try reader.sheet(named: "Data")
        let table = try #require(data.tables.first)
        #expect(data.tables.count == 1)
        #expect(table.name == "Data")
        #expect(table.ref == "A1:D11")
        #expect(table.autofilterRef == "A1:D11")
        #expect(table.columns == ["Indikator", "Område", "Period", "Värde"])
        #expect(table.styleName == "TableStyleMedium2")
        #expect(table.showsRowStripes)
        #expect(!table.hasTotalRow)
        #expect(data["A1"] == .string("Indikator"))
        #expect(data["D2"] == .number(1.25), "numbers in the data table are numbers")
        #expect(data["D11"] == .number(12.5))
        #expect(data["B11"] == .string("Länet"))
        #expect(data.styles["D2"]?.numberFormat == "0.00")
        #expect(data.frozenPane == FrozenPane(rows: 1, columns: 0, topLeftCell: "A2"))
    }

    @Test func definedNames() throws {
        #expect(reader.definedNames.contains(
            DefinedName(name: "Rapportperiod", localSheetIndex: nil, value: "Sammanfattning!$A$1")))
    }

    @Test func autofilterAndZoom() throws {
        let gender = try reader.sheet(named: "Kön")
        #expect(gender.autofilter == "A1:C6")
        #expect(gender["B6"] == .number(64))
        #expect(reader.definedNames.contains { $0.name == "_xlnm._FilterDatabase" && $0.localSheetIndex == 3 })
    }

    @Test func charts() throws {
        let trends = try reader.sheet(named: "1 Hälsofrämjande")
        #expect(trends.charts.count == 2)
        let line = try #require(trends.charts.first { $0.type == "line" })
        #expect(line.title == "Andel med fast läkarkontakt")
        #expect(line.xAxisTitle == "Kvartal")
        #expect(line.yAxisTitle == "Procent")
        #expect(line.yAxisNumberFormat == "0")
        #expect(line.yAxisMinimum == 50)
        #expect(line.yAxisMaximum == 100)
        #expect(line.legendPosition == "b")
        #expect(line.seriesCount == 2)
        #expect(line.series.map(\.valuesRef) == ["'1 Hälsofrämjande'!$B$2:$B$9", "'1 Hälsofrämjande'!$C$2:$C$9"])
        #expect(line.series.map(\.categoriesRef) == Array(repeating: "'1 Hälsofrämjande'!$A$2:$A$9", count: 2))
        #expect(line.series.map(\.name) == ["='1 Hälsofrämjande'!$B$1", "='1 Hälsofrämjande'!$C$1"])
        #expect(line.series.map(\.color) == ["1F77B4", "FF7F0E"])
        #expect(line.series.map(\.marker) == ["circle", "circle"])
        #expect(line.anchorRow == 1 && line.anchorColumn == 4)
        #expect(line.altText == "Fast läkarkontakt per länsdel")

        let column = try #require(trends.charts.first { $0.type == "col" })
        #expect(column.title == "Södra per kvartal")
        #expect(column.legendPosition == nil)
        #expect(column.series.map(\.name) == ["Södra"])
        #expect(column.series.map(\.color) == ["2CA02C"])
        #expect(column.anchorRow == 20 && column.anchorColumn == 4)

        #expect(try reader.sheet(named: "Data").charts.isEmpty)
    }

    @Test func documentProperties() throws {
        let properties = try reader.documentProperties()
        #expect(properties.title == "Uppföljning Nära vård")
        #expect(properties.subject == "Utskott Nära vård")
        #expect(properties.author == "naravard")
        #expect(properties.company == "Region Exempel")
        #expect(properties.keywords == "nära vård, uppföljning")
        #expect(properties.comments == "Genererad för test")
        #expect(properties.created == "2025-01-01T00:00:00Z")
        #expect(properties.custom == ["Period": "2024 K4", "Antal indikatorer": "12", "Preliminär": "true"])
    }

    @Test func sameInputGivesTheSameParts() throws {
        // With the creation date pinned, two writes differ in nothing a reader sees.
        let again = directory.path("igen.xlsx")
        try FullWorkbookTests.writeEverything(to: again)
        let other = try XLSXReader(path: again)
        #expect(other.partNames == reader.partNames)
        for part in reader.partNames {
            #expect(try other.part(part) == reader.part(part), "\(part) differs")
        }
    }
}
