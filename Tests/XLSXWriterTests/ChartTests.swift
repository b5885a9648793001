import Foundation
import Testing
import TestSupport
import XLSXWriter

/// Chart lifecycle details beyond the full-workbook round trip.
@Suite struct ChartTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    @Test func chartMayReferToASheetAddedLater() throws {
        let path = directory.path("r.xlsx")
        try Workbook.write(to: path) { workbook in
            let summary = try workbook.addWorksheet(named: "Trender")
            try summary.insertChart(.line, row: 0, column: 0) { chart in
                try chart.addSeries(values: ChartRange(sheet: "Data 2024", range: CellRange(a1: "B2:B4")),
                                    categories: ChartRange(sheet: "Data 2024", range: CellRange(a1: "A2:A4")))
            }
            let data = try workbook.addWorksheet(named: "Data 2024")
            for row in 1...3 {
                try data.write("K\(row)", row: row, column: 0)
                try data.write(Double(row), row: row, column: 1)
            }
        }
        let chart = try #require(try XLSXReader(path: path).sheet(named: "Trender").charts.first)
        #expect(chart.series.first?.valuesRef == "'Data 2024'!$B$2:$B$4")
    }

    /// A bar chart lies on its side: its value axis is libxlsxwriter's x axis, and the y-axis calls reach it.
    @Test func aBarChartsValueAxisTakesTheValueSettings() throws {
        let path = directory.path("r.xlsx")
        try Workbook.write(to: path) { workbook in
            let sheet = try workbook.addWorksheet(named: "Medel")
            for row in 0...2 {
                try sheet.write("Område \(row)", row: row, column: 0)
                try sheet.write(Double(row + 1) * 1_500_000, row: row, column: 1)
            }
            try sheet.insertChart(.bar, row: 0, column: 3) { chart in
                try chart.addSeries(values: sheet.chartRange(CellRange(a1: "B1:B3")), categories: sheet.chartRange(CellRange(a1: "A1:A3")))
                try chart.setYAxisTitle("mkr")
                try chart.setYAxisNumberFormat("#,##0.0,,")
                try chart.setYAxisBounds(minimum: 0)
                try chart.setXAxisTitle("Område")
            }
        }
        let reader = try XLSXReader(path: path)
        let xml = try reader.partNames.filter { $0.hasPrefix("xl/charts/chart") }.map { String(decoding: try reader.part($0), as: UTF8.self) }
        let chart = try #require(xml.first)
        // The value axis (valAx) carries the format, the bound and the "mkr" title; the category axis (catAx) "Område".
        let value = try #require(chart.range(of: "<c:valAx>").map { String(chart[$0.lowerBound...]) })
        #expect(value.contains("formatCode=\"#,##0.0,,\"") && value.contains("<c:min val=\"0\"/>") && value.contains("mkr"))
        let category = try #require(chart.range(of: "<c:catAx>").flatMap { start in
            chart.range(of: "</c:catAx>").map { String(chart[start.lowerBound..<$0.upperBound]) }
        })
        #expect(category.contains("Område") && !category.contains("mkr"))
    }

    @Test func selectedSheetsAndPrintAreas() throws {
        let path = directory.path("r.xlsx")
        try Workbook.write(to: path) { workbook in
            let first = try workbook.addWorksheet(named: "Sammanfattning")
            try first.write("A", row: 0, column: 0)
            try first.setPrintArea(CellRange(a1: "A1:H40"))
            let second = try workbook.addWorksheet(named: "Bilaga")
            try second.select()
            _ = try workbook.addWorksheet(named: "Data")
        }
        let reader = try XLSXReader(path: path)
        #expect(try reader.sheet(named: "Sammanfattning").printArea == "Sammanfattning!$A$1:$H$40")
        #expect(try reader.sheet(named: "Bilaga").isSelectedTab && reader.sheet(named: "Sammanfattning").isSelectedTab)
        #expect(try !reader.sheet(named: "Data").isSelectedTab && reader.sheet(named: "Data").printArea == nil)
    }

    @Test func aChartWhoseConfigurationFailedIsDropped() throws {
        struct Stop: Error {}
        let path = directory.path("r.xlsx")
        try Workbook.write(to: path) { workbook in
            let sheet = try workbook.addWorksheet(named: "Blad")
            try sheet.write(1, row: 0, column: 0)
            #expect(throws: Stop.self) {
                try sheet.insertChart(.line, row: 2, column: 2) { chart in
                    try chart.addSeries(values: ChartRange(sheet: "Finns inte", range: CellRange(a1: "A1:A2")))
                    throw Stop()
                }
            }
            try sheet.insertChart(.column, row: 10, column: 2) { chart in
                try chart.addSeries(values: sheet.chartRange(CellRange(a1: "A1:A1")))
            }
        }
        let charts = try XLSXReader(path: path).sheet(named: "Blad").charts
        #expect(charts.map(\.type) == ["col"])
        #expect(charts.first?.anchorRow == 10)
    }

    @Test func scatterChartWithPointsDashedLinesAndALogarithmicXAxis() throws {
        let path = directory.path("r.xlsx")
        try Workbook.write(to: path) { workbook in
            let sheet = try workbook.addWorksheet(named: "Tratt")
            for row in 0..<3 {
                try sheet.writeRow([.number(Double(100 * (row + 1))), .number(Double(row)), .number(Double(row + 1))], row: row)
            }
            try sheet.insertChart(.scatter, row: 5, column: 0) { chart in
                let x = sheet.chartRange(try CellRange(a1: "A1:A3"))
                let points = try chart.addSeries(values: sheet.chartRange(try CellRange(a1: "B1:B3")), categories: x)
                try points.hideLine()
                try points.setMarker(.circle, size: 6)
                let limit = try chart.addSeries(values: sheet.chartRange(try CellRange(a1: "C1:C3")), categories: x)
                try limit.setColor(Color(rgb: 0xC00000))
                try limit.setDashed()
                try chart.setXAxisLogarithmic()
            }
            #expect(throws: XLSXError.self) {
                try sheet.insertChart(.line, row: 20, column: 0) { chart in
                    try chart.addSeries(values: sheet.chartRange(try CellRange(a1: "B1:B3")))
                    try chart.setXAxisLogarithmic()
                }
            }
        }
        let reader = try XLSXReader(path: path)
        let chart = try #require(try reader.sheet(named: "Tratt").charts.first)
        #expect(chart.type == "scatter" && chart.series.count == 2)
        #expect(chart.series[0].categoriesRef == "Tratt!$A$1:$A$3" && chart.series[0].valuesRef == "Tratt!$B$1:$B$3")
        #expect(!chart.series[0].hasLine && chart.series[0].marker == "circle")
        #expect(chart.series[1].hasLine && chart.series[1].dash == "dash" && chart.series[1].color == "C00000")
        let xml = String(decoding: try reader.part(chart.partName), as: UTF8.self)
        #expect(xml.contains("<c:logBase val=\"10\"/>"))
    }

    @Test func stackedAndBarChartTypes() throws {
        let sheet = try roundTrip(in: directory) { sheet in
            for row in 0..<3 {
                try sheet.writeRow([.string("R\(row)"), .number(Double(row)), .number(Double(row * 2))], row: row)
            }
            let values = sheet.chartRange(try CellRange(a1: "B1:B3"))
            let more = sheet.chartRange(try CellRange(a1: "C1:C3"))
            for (index, type) in [ChartType.bar, .columnStacked, .lineStacked].enumerated() {
                try sheet.insertChart(type, row: index * 16, column: 4) { chart in
                    try chart.addSeries(values: values, name: .text("Ett"))
                    try chart.addSeries(values: more, name: .text("Två"))
                    try chart.setStyle(10)
                }
            }
        }
        #expect(sheet.charts.map(\.type) == ["bar", "col", "line"])
        #expect(sheet.charts.map(\.grouping) == ["clustered", "stacked", "stacked"])
        #expect(sheet.charts.allSatisfy { $0.seriesCount == 2 })
    }
}
