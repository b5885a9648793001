import Foundation
import Testing
import TestSupport
import XLSXWriter

/// Every check made in Swift before C: the error has its code and context, and nothing is written at the path.
@Suite struct ValidationTests {
    let directory: TemporaryDirectory
    var path: String { directory.path("r.xlsx") }

    init() throws {
        directory = try TemporaryDirectory()
    }

    /// Runs `body` inside the scoped writer, expects `code`, and checks that nothing at all was written.
    @discardableResult
    func expectRefused(
        _ code: XLSXError.Code, sourceLocation: SourceLocation = #_sourceLocation,
        _ body: @escaping (Workbook, Worksheet) throws -> Void
    ) -> XLSXError? {
        let error = expectXLSXError(code, sourceLocation: sourceLocation) {
            try Workbook.write(to: path) { workbook in
                let sheet = try workbook.addWorksheet(named: "Blad")
                try sheet.write("innehåll", row: 0, column: 0)
                try body(workbook, sheet)
            }
        }
        #expect(!FileManager.default.fileExists(atPath: path), sourceLocation: sourceLocation)
        #expect((try? directory.contents()) == [], "no staging file either", sourceLocation: sourceLocation)
        return error
    }

    // MARK: - Sheet names

    @Test(arguments: [
        "", "   ", String(repeating: "a", count: 32), "a/b", "a\\b", "a[b", "a]b", "a:b", "a*b", "a?b",
        "'citat", "citat'", "History", "HISTORY", "tab\tinside",
    ])
    func invalidSheetName(_ name: String) {
        let error = expectRefused(.invalidSheetName) { workbook, _ in _ = try workbook.addWorksheet(named: name) }
        #expect(error?.operation == "addWorksheet(named: \"\(name)\")")
    }

    @Test func sheetNameLengthCountsCharactersNotBytes() throws {
        let name = String(repeating: "ö", count: 31) // 62 UTF-8 bytes, 31 characters: allowed
        try Workbook.write(to: path) { try $0.addWorksheet(named: name).write(1, row: 0, column: 0) }
        #expect(try XLSXReader(path: path).sheetNames == [name])
    }

    @Test(arguments: ["Blad", "blad", "BLAD"])
    func duplicateSheetName(_ name: String) {
        let error = expectRefused(.duplicateSheetName) { workbook, _ in _ = try workbook.addWorksheet(named: name) }
        #expect(error?.message.contains("already used by \"Blad\"") == true)
    }

    @Test func duplicateSheetNameIsCaseInsensitiveBeyondASCII() {
        // libxlsxwriter's own check is ASCII-only and "wouldn't catch "CAFÉ"".
        expectRefused(.duplicateSheetName) { workbook, _ in
            _ = try workbook.addWorksheet(named: "Öppen vård")
            _ = try workbook.addWorksheet(named: "ÖPPEN VÅRD")
        }
    }

    // MARK: - Grid limits

    @Test(arguments: [(-1, 0), (0, -1), (1_048_576, 0), (0, 16_384), (Int.max, 0)])
    func cellOutOfRange(_ row: Int, _ column: Int) {
        expectRefused(.cellOutOfRange) { _, sheet in try sheet.write(1, row: row, column: column) }
        expectRefused(.cellOutOfRange) { _, sheet in try sheet.write("x", row: row, column: column) }
        expectRefused(.cellOutOfRange) { _, sheet in try sheet.writeComment("x", row: row, column: column) }
    }

    @Test func rangesOutOfRange() {
        let tooWide = CellRange(firstRow: 0, firstColumn: 0, lastRow: 1, lastColumn: 16_384)
        expectRefused(.cellOutOfRange) { _, sheet in try sheet.merge(tooWide) }
        expectRefused(.cellOutOfRange) { _, sheet in try sheet.setAutofilter(tooWide) }
        expectRefused(.cellOutOfRange) { _, sheet in try sheet.setColumnWidth(10, columns: 0...16_384) }
        expectRefused(.cellOutOfRange) { _, sheet in try sheet.setRowHeight(10, row: 1_048_576) }
        expectRefused(.cellOutOfRange) { _, sheet in
            try sheet.addConditionalFormat(.iconSet(.threeArrows), to: tooWide)
        }
        expectRefused(.cellOutOfRange) { _, sheet in try sheet.freezePanes(rows: 1_048_576) }
    }

    // MARK: - Strings and numbers

    @Test func stringOverLimit() {
        let error = expectRefused(.stringTooLong) { _, sheet in
            try sheet.write(String(repeating: "x", count: 32_768), row: 1, column: 0)
        }
        #expect(error?.description == "write_string(Blad!A2): string is 32768 characters; Excel allows at most 32767")
    }

    @Test func stringLimitCountsUTF16LikeExcel() {
        // 16,384 emoji are 16,384 code points but 32,768 UTF-16 units: too long for Excel.
        expectRefused(.stringTooLong) { _, sheet in
            try sheet.write(String(repeating: "🙂", count: 16_384), row: 1, column: 0)
        }
    }

    @Test func stringLimitIsNotCountedInUTF8() throws {
        // 20,000 "ä" are 40,000 UTF-8 bytes but 20,000 characters to Excel: within its limit.
        let text = String(repeating: "ä", count: 20_000)
        let sheet = try roundTrip(in: TemporaryDirectory()) { try $0.write(text, row: 0, column: 0) }
        #expect(sheet["A1"] == .string(text))
    }

    @Test func otherTextLimits() {
        expectRefused(.stringTooLong) { _, sheet in
            try sheet.writeComment(String(repeating: "x", count: 32_768), row: 1, column: 0)
        }
        expectRefused(.stringTooLong) { _, sheet in
            try sheet.setPageSetup(.init(header: String(repeating: "x", count: 256)))
        }
        expectRefused(.stringTooLong) { _, sheet in
            try sheet.write(1, row: 1, column: 0, format: .init(numberFormat: String(repeating: "0", count: 128)))
        }
        expectRefused(.stringTooLong) { workbook, _ in
            try workbook.setCustomProperty("Källa", String(repeating: "x", count: 256))
        }
        expectRefused(.invalidArgument) { _, sheet in try sheet.write("a\u{0}b", row: 1, column: 0) }
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity, .greatestFiniteMagnitude, -1e308])
    func nonFiniteNumbersAreRefused(_ value: Double) {
        let error = expectRefused(.nonFiniteNumber) { _, sheet in try sheet.write(value, row: 1, column: 0) }
        #expect(error?.message.contains("Excel") == true)
        expectRefused(.nonFiniteNumber) { _, sheet in
            try sheet.writeFormula("=1/0", row: 1, column: 0, cachedValue: value)
        }
        expectRefused(.nonFiniteNumber) { _, sheet in
            try sheet.addConditionalFormat(.cell(.greaterThan(.number(value)), format: .init(bold: true)),
                                           to: CellRange(a1: "A1:A9"))
        }
        expectRefused(.nonFiniteNumber) { workbook, _ in try workbook.setCustomProperty("Tal", value) }
    }

    @Test func invalidDates() {
        for date in [ExcelDateTime(year: 1899, month: 12, day: 31), ExcelDateTime(year: 2025, month: 2, day: 29),
                     ExcelDateTime(year: 2025, month: 13, day: 1), ExcelDateTime(year: 2025, month: 1, day: 1, hour: 24)] {
            expectRefused(.invalidArgument) { _, sheet in try sheet.write(date, row: 1, column: 0) }
        }
    }

    @Test func invalidFormats() {
        expectRefused(.invalidArgument) { _, sheet in try sheet.write(1, row: 1, column: 0, format: .init(fontSize: 0)) }
        expectRefused(.nonFiniteNumber) { _, sheet in
            try sheet.write(1, row: 1, column: 0, format: .init(fontSize: .nan))
        }
        expectRefused(.invalidArgument) { _, sheet in try sheet.write(1, row: 1, column: 0, format: .init(indent: 16)) }
        expectRefused(.invalidArgument) { _, sheet in try sheet.setColumnWidth(256, column: 0) }
        expectRefused(.invalidArgument) { _, sheet in try sheet.setRowHeight(-1, row: 0) }
        expectRefused(.invalidArgument) { _, sheet in try sheet.setZoom(5) }
    }

    // MARK: - Structure

    @Test func mergeChecks() {
        expectRefused(.invalidArgument) { _, sheet in try sheet.merge(CellRange(row: 2, column: 2)) }
        let error = expectRefused(.invalidArgument) { _, sheet in
            try sheet.merge(CellRange(a1: "A3:C3"))
            try sheet.merge(CellRange(a1: "C2:D4"))
        }
        #expect(error?.message == "overlaps the merged range A3:C3")
    }

    @Test func tableChecks() throws {
        let range = try CellRange(a1: "A3:B6")
        expectRefused(.invalidArgument) { _, sheet in try sheet.addTable(range, columns: ["Bara en"]) }
        expectRefused(.invalidArgument) { _, sheet in try sheet.addTable(range, columns: ["Värde", "VÄRDE"]) }
        expectRefused(.invalidArgument) { _, sheet in try sheet.addTable(range, columns: ["", "B"]) }
        expectRefused(.invalidArgument) { _, sheet in
            try sheet.addTable(CellRange(a1: "A3:B3"), columns: ["A", "B"])
        }
        for name in ["A1", "Tbl1", "R1C1", "1Tabell", "med mellanslag", "R", ""] {
            expectRefused(.invalidArgument) { _, sheet in try sheet.addTable(range, columns: ["A", "B"], name: name) }
        }
        expectRefused(.invalidArgument) { _, sheet in try sheet.addTable(range, columns: ["A", "B"], style: .medium(29)) }
        expectRefused(.invalidArgument) { workbook, sheet in
            try sheet.addTable(range, columns: ["A", "B"], name: "Data")
            try workbook.addWorksheet(named: "Två").addTable(range, columns: ["A", "B"], name: "DATA")
        }
        expectRefused(.invalidArgument) { _, sheet in
            try sheet.addTable(range, columns: ["A", "B"])
            try sheet.addTable(CellRange(a1: "B5:C9"), columns: ["A", "B"])
        }
        expectRefused(.invalidArgument) { _, sheet in
            try sheet.merge(CellRange(a1: "A3:B3"))
            try sheet.addTable(range, columns: ["A", "B"])
        }
    }

    @Test func chartChecks() throws {
        let values = ChartRange(sheet: "Blad", range: try CellRange(a1: "A1:A3"))
        let noSeries = expectRefused(.invalidArgument) { _, sheet in
            try sheet.insertChart(.line, row: 5, column: 5) { try $0.setTitle("Tom") }
        }
        #expect(noSeries?.message == "the chart has no data series")
        expectRefused(.invalidArgument) { _, sheet in
            try sheet.insertChart(.line, row: 5, column: 5) { chart in
                try chart.addSeries(values: values, name: .text("=Blad!A1"))
            }
        }
        expectRefused(.invalidArgument) { _, sheet in
            try sheet.insertChart(.line, row: 5, column: 5) { chart in
                try chart.addSeries(values: values)
                try chart.setTitle("=inte en formel")
            }
        }
        expectRefused(.invalidArgument) { _, sheet in
            try sheet.insertChart(.line, row: 5, column: 5, placement: .init(xScale: 0)) { chart in
                try chart.addSeries(values: values)
            }
        }
        let missing = expectRefused(.invalidArgument) { _, sheet in
            try sheet.insertChart(.column, row: 5, column: 5) { chart in
                try chart.addSeries(values: ChartRange(sheet: "Saknas", range: CellRange(a1: "A1:A3")))
            }
        }
        #expect(missing?.message.contains("\"Saknas\", which is not in the workbook") == true)
    }

    @Test func workbookAlreadyClosed() throws {
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(named: "Blad")
        try workbook.close()
        try FileManager.default.removeItem(atPath: path)
        expectXLSXError(.workbookClosed) { try sheet.write(1, row: 0, column: 0) }
        expectXLSXError(.workbookClosed) { try workbook.setProperties(.init(title: "x")) }
        expectXLSXError(.workbookClosed) { try workbook.close() }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func errorCodesAreDistinguishable() {
        #expect(XLSXError.Code.library(2) != .library(3))
        let error = XLSXError(code: .library(2), message: "Error creating output xlsx file. Usually a permissions error.",
                              operation: "close(/out/r.xlsx)")
        #expect(error.description
            == "close(/out/r.xlsx): Error creating output xlsx file. Usually a permissions error. (lxw_error 2)")
    }
}
