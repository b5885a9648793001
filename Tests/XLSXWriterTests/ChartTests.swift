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
