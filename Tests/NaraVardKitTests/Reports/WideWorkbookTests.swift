import Foundation
@testable import NaraVardKit
import Testing
import TestSupport

/// The whole-store workbook, written to a real file and read back with TestSupport's reader (and openpyxl).
@Suite struct WideWorkbookTests {
    static let header = "indicator;area;period;gender;numerator;denominator;value"
    /// Norrbotten's 14 municipalities in code order.
    static let municipalities = ["2505", "2506", "2510", "2513", "2514", "2518", "2521", "2523", "2560", "2580",
                                 "2581", "2582", "2583", "2584"]

    /// A small hand-written store: PV01 with a value, a missing marker, a denominator of 0 and a zero; the
    /// county's own PV01 value; PV02 (an index) for two municipalities; PV03 for every municipality, so the
    /// county's PV03 is the ratio of summed counts: numerator 1 each, denominators 10, 20, …, 140.
    static func fixture() throws -> (StoreFixture, Int64) {
        let fixture = try StoreFixture()
        let lines = [
            header,
            "PV01;2580;2024Q1;T;30;120;",
            "PV01;2580;2024Q1;K;..;..;..",
            "PV01;2580;2024Q1;M;0;0;",
            "PV01;2580;2024Q2;T;0;50;",
            "PV01;2582;2024Q1;T;1;8;",
            "PV01;25;2024Q1;T;;;40,5",
            "PV02;2580;2024Q1;T;;;0,82",
            "PV02;2581;2024Q1;T;;;0,75",
        ] + municipalities.enumerated().map { "PV03;\($1);2024Q1;T;1;\(10 * ($0 + 1));" }
        let result = try fixture.ingest(try fixture.file("data.csv", lines: lines))
        #expect(!result.refused, "\(result.diagnostics)")
        return (fixture, try #require(result.summary.importID))
    }

    func write(_ fixture: StoreFixture, asOf: Int64? = nil) throws -> (WideWorkbookWriter.Summary, XLSXReader) {
        let path = fixture.directory.path("wide-\(UUID().uuidString).xlsx")
        let writer = WideWorkbookWriter(source: fixture.store, catalog: try fixture.store.catalog(asOf: asOf), asOf: asOf)
        let summary = try writer.write(to: path)
        return (summary, try XLSXReader(path: path))
    }

    @Test func valueSheetHoldsTheIngestedValuesAndMarksWhyACellIsEmpty() throws {
        let (fixture, _) = try Self.fixture()
        let (summary, reader) = try write(fixture)
        #expect(reader.sheetNames == ["Sammanfattning", "Värden 1", "Teckenförklaring"])
        let sheet = try reader.sheet(named: "Värden 1")
        #expect(sheet["A1"]?.string == "Område" && sheet["D1"]?.string == "Kön")
        #expect(sheet["E1"]?.string == "PV01 Fast läkarkontakt")
        #expect(sheet["F1"]?.string?.hasPrefix("PV02 ") == true && sheet["G1"]?.string?.hasPrefix("PV03 ") == true)
        #expect(sheet.frozenPane == FrozenPane(rows: 1, columns: 4, topLeftCell: "E2"))
        #expect(sheet.autofilter == "A1:G19")

        // Rows in area id, period, gender (T, K, M) order: the county "25" first, then the municipalities.
        let keys = (2...20).map { row in ["B", "C", "D"].compactMap { sheet["\($0)\(row)"]?.string }.joined(separator: " ") }
        #expect(Array(keys.prefix(12)) == [
            "25 2024Q1 T", "2505 2024Q1 T", "2506 2024Q1 T", "2510 2024Q1 T", "2513 2024Q1 T", "2514 2024Q1 T",
            "2518 2024Q1 T", "2521 2024Q1 T", "2523 2024Q1 T", "2560 2024Q1 T", "2580 2024Q1 T", "2580 2024Q1 K",
        ])
        #expect(Array(keys[12...17]) == ["2580 2024Q1 M", "2580 2024Q2 T", "2581 2024Q1 T", "2582 2024Q1 T",
                                         "2583 2024Q1 T", "2584 2024Q1 T"])
        #expect(keys[18].isEmpty, "19 keys, no more")
        #expect(summary.rows == 18 && summary.indicators == 3 && summary.valueSheets == 1)

        let county = try sheet.row(where: ["B": "25", "C": "2024Q1", "D": "T"])
        #expect(sheet["A", county] == .string("Region Norrbotten"))
        #expect(sheet["E", county] == .number(40.5))
        #expect(sheet["F", county] == nil && sheet["G", county] == nil, "the county's PV02 and PV03 are not stored")

        let lulea = try sheet.row(where: ["B": "2580", "C": "2024Q1", "D": "T"])
        #expect(sheet["A", lulea] == .string("Luleå"))
        #expect(sheet["E", lulea] == .number(25))            // 100 × 30 / 120
        #expect(sheet["F", lulea] == .number(0.82))
        #expect(sheet["G", lulea] == .number(1))             // 100 × 1 / 100
        let missing = try sheet.row(where: ["B": "2580", "C": "2024Q1", "D": "K"])
        #expect(sheet["E", missing] == .blank)
        #expect(sheet.styles["E\(missing + 1)"]?.fillColor == "D9D9D9")
        #expect(sheet["F", missing] == nil && sheet.styles["F\(missing + 1)"] == nil, "no record: an empty cell")
        let undefined = try sheet.row(where: ["B": "2580", "C": "2024Q1", "D": "M"])
        #expect(sheet["E", undefined] == .blank)
        #expect(sheet.styles["E\(undefined + 1)"]?.fillColor == "FFE699")
        let zero = try sheet.row(where: ["B": "2580", "C": "2024Q2", "D": "T"])
        #expect(sheet["E", zero] == .number(0), "a zero is a number, not an empty cell")
        let boden = try sheet.row(where: ["B": "2582", "C": "2024Q1", "D": "T"])
        #expect(sheet["E", boden] == .number(12.5))

        // Counted by hand: PV01 4 numbers (25, 2580 Q1 T, 2580 Q2 T, 2582), PV02 2, PV03 14.
        #expect(summary.values == 20)
    }

    @Test func summaryChartsTheCountyValues() throws {
        let (fixture, _) = try Self.fixture()
        let (_, reader) = try write(fixture)
        let sheet = try reader.sheet(named: "Sammanfattning")
        #expect(sheet.charts.count == 3)
        #expect(sheet.charts.allSatisfy { $0.type == "line" && $0.seriesCount == 1 })
        #expect(sheet.charts.first?.title == "PV01 Fast läkarkontakt")

        let pv01 = try sheet.row(where: ["A": "PV01 Fast läkarkontakt"])
        #expect(sheet["B", pv01 + 1] == .string("Region Norrbotten"))
        #expect(sheet["A", pv01 + 2] == .string("2024 K1") && sheet["B", pv01 + 2] == .number(40.5), "reported for the county")
        #expect(sheet["A", pv01 + 3] == .string("2024 K2") && sheet["B", pv01 + 3] == nil,
                "one municipality in 2024Q2: no aggregate")
        let series = try #require(sheet.charts.first?.series.first)
        #expect(series.valuesRef == "Sammanfattning!$B$\(pv01 + 3):$B$\(pv01 + 4)")
        #expect(series.categoriesRef == "Sammanfattning!$A$\(pv01 + 3):$A$\(pv01 + 4)")

        let pv03 = try sheet.row(where: ["A": try #require(reader.sheet(named: "Värden 1")["G1"]?.string)])
        // Ratio of summed counts: 100 × 14 / (10 + 20 + … + 140) = 1400 / 1050, not the mean of the rates.
        let value = try #require(sheet["B", pv03 + 2]?.number)
        #expect(abs(value - 1400.0 / 1050.0) < 1e-12)
    }

    @Test func moreThanFiftyIndicatorsSplitIntoSheetsOfFifty() throws {
        let fixture = try StoreFixture()
        let ids = (1...51).map { String(format: "WX%03d", $0) }
        let catalog = try Catalog.read(files: ids.map { id in
            ("Indicators/\(id).yaml", "id: \(id)\nname: Prov \(id)\nshift: 1\nunit: count\nbetter: higher\nfrequency: year\n")
        })
        try fixture.store.loadCatalog(catalog)
        // Indicator n has the value n for Luleå in 2024.
        let lines = [Self.header] + ids.enumerated().map { "\($1);2580;2024;T;;;\($0 + 1)" }
        #expect(!(try fixture.ingest(try fixture.file("many.csv", lines: lines))).refused)
        let (summary, reader) = try write(fixture)
        #expect(reader.sheetNames == ["Sammanfattning", "Värden 1", "Värden 2", "Teckenförklaring"])
        #expect(summary.valueSheets == 2 && summary.rows == 2 && summary.values == 51)
        let first = try reader.sheet(named: "Värden 1")
        #expect(first["E1"] == .string("WX001 Prov WX001") && first["BB1"] == .string("WX050 Prov WX050"))
        #expect(first["BC1"] == nil, "50 indicator columns after the four label columns")
        #expect(first["E2"] == .number(1) && first["BB2"] == .number(50))
        let second = try reader.sheet(named: "Värden 2")
        #expect(second["E1"] == .string("WX051 Prov WX051") && second["E2"] == .number(51) && second["F1"] == nil)
        #expect(try reader.sheet(named: "Sammanfattning").charts.count == 10)
        let legend = try reader.sheet(named: "Teckenförklaring")
        let last = try legend.row(where: ["A": "WX051"])
        #expect(legend["D", last] == .string("Värden 2") && legend["E", last] == .string("E"))
    }

    @Test func aStoreWithoutValuesGivesAWorkbookThatSaysSo() throws {
        let (summary, reader) = try write(try StoreFixture())
        #expect(summary == WideWorkbookWriter.Summary())
        #expect(reader.sheetNames == ["Sammanfattning", "Teckenförklaring"])
        #expect(try reader.sheet(named: "Sammanfattning")["A1"] == .string("Lagret har inga värden."))
    }

    @Test func asOfShowsTheValuesOfThatImport() throws {
        let (fixture, first) = try Self.fixture()
        let revised = try fixture.ingest(try fixture.file("fix.csv", lines: [Self.header, "PV01;2580;2024Q1;T;33;120;"]))
        #expect(revised.summary.updated == 1)
        for (asOf, expected) in [(nil, 27.5), (first, 25.0)] {
            let sheet = try write(fixture, asOf: asOf).1.sheet(named: "Värden 1")
            #expect(sheet["E", try sheet.row(where: ["B": "2580", "C": "2024Q1", "D": "T"])] == .number(expected))
        }
    }
}

/// openpyxl opens the workbook: the sheets and the charts are there for another reader too.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["OPENPYXL_PYTHON"] != nil, "set OPENPYXL_PYTHON to run"))
struct WideWorkbookOpenpyxlTests {
    @Test func openpyxlLoadsTheWorkbook() throws {
        let (fixture, _) = try WideWorkbookTests.fixture()
        let path = fixture.directory.path("wide.xlsx")
        _ = try WideWorkbookWriter(source: fixture.store, catalog: try fixture.store.catalog()).write(to: path)
        let (status, output) = try Openpyxl.check(path)
        #expect(status == 0, "\(output)")
        #expect(output.contains("sheets: ['Sammanfattning', 'Värden 1', 'Teckenförklaring']"))
        #expect(output.contains("[Sammanfattning]") && output.contains("charts=3"))
        #expect(output.contains("[Värden 1] dimensions=A1:G19"))
        #expect(output.contains("freeze=E2"))
    }
}
