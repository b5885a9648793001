import Foundation
import Testing
import TestSupport
import XLSXWriter

/// Cell values survive the round trip with the right type.
@Suite struct WorksheetTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    @Test func numbersStayNumbers() throws {
        let sheet = try roundTrip(in: directory) { sheet in
            try sheet.write(12.5, row: 0, column: 0)
            try sheet.write(-0.001, row: 1, column: 0, format: .init(numberFormat: "0.0%"))
            try sheet.write(1_234_567, row: 2, column: 0, format: .init(numberFormat: "#,##0"))
            try sheet.write(0, row: 3, column: 0)
            try sheet.write(9.99999999999999e307, row: 4, column: 0)
            try sheet.write(0.1 + 0.2, row: 5, column: 0)
        }
        #expect(sheet["A1"] == .number(12.5))
        #expect(sheet["A2"] == .number(-0.001))
        #expect(sheet["A3"] == .number(1_234_567))
        #expect(sheet["A4"] == .number(0))
        #expect(sheet["A5"] == .number(9.99999999999999e307))
        // libxlsxwriter writes 16 significant digits ("%.16G"); Excel itself keeps 15.
        #expect(abs((sheet["A6"]?.number ?? 0) - 0.3) < 1e-15)
        #expect(sheet.styles["A2"]?.numberFormat == "0.0%")
    }

    @Test(arguments: ["=SUM(A1:A2)", "=1+1", "+46 70 123", "-5", "@user", "=HYPERLINK(\"http://x\")"])
    func stringsThatLookLikeFormulasStayStrings(_ text: String) throws {
        let sheet = try roundTrip(in: directory) { try $0.write(text, row: 0, column: 0) }
        #expect(sheet["A1"] == .string(text))
    }

    @Test func swedishTextRoundTrips() throws {
        let texts = [
            "Åtgärd för äldre – öppnare vårdformer",
            "ÅÄÖ åäö É é ü",
            "Hälso- och sjukvårdsnämnden — “citat” ‘enkla’ … €",
            "Emoji 👩‍⚕️ och kinesiska 医院",
            "Rad ett\nrad två",
            "  ledande och avslutande mellanslag  ",
            "<&> \"citat\" 'apostrof'",
        ]
        let sheet = try roundTrip(in: directory, sheet: "Öppnare vårdformer") { sheet in
            for (row, text) in texts.enumerated() { try sheet.write(text, row: row, column: 0) }
        }
        for (row, text) in texts.enumerated() {
            #expect(sheet[CellRange.reference(row: row, column: 0)] == .string(text))
        }
    }

    @Test func booleansBlanksAndEmptyStrings() throws {
        let sheet = try roundTrip(in: directory) { sheet in
            try sheet.write(true, row: 0, column: 0)
            try sheet.write(false, row: 0, column: 1)
            try sheet.writeBlank(row: 0, column: 2, format: .init(fillColor: .init(rgb: 0xEEEEEE)))
            try sheet.writeBlank(row: 0, column: 3)
            try sheet.write("", row: 0, column: 4, format: .init(bold: true))
            try sheet.write("", row: 0, column: 5)
        }
        #expect(sheet["A1"] == .boolean(true))
        #expect(sheet["B1"] == .boolean(false))
        #expect(sheet["C1"] == .blank)
        #expect(sheet.styles["C1"]?.fillColor == "EEEEEE")
        #expect(sheet["D1"] == nil, "a blank without format is not stored")
        #expect(sheet["E1"] == .blank, "an empty string with a format is a blank cell")
        #expect(sheet["F1"] == nil)
    }

    @Test func datesAreNumbersWithADateFormat() throws {
        let sheet = try roundTrip(in: directory) { sheet in
            try sheet.write(ExcelDateTime(year: 2025, month: 3, day: 31), row: 0, column: 0)
            try sheet.write(ExcelDateTime(year: 2025, month: 3, day: 31, hour: 12), row: 1, column: 0)
            try sheet.write(ExcelDateTime(year: 1900, month: 1, day: 1), row: 2, column: 0,
                            format: .init(bold: true, numberFormat: "d mmm yyyy"))
            let instant = Date(timeIntervalSince1970: 1_735_693_200) // 2025-01-01T01:00:00Z
            try sheet.write(ExcelDateTime(instant, in: TimeZone(identifier: "Europe/Stockholm")!), row: 3, column: 0)
        }
        #expect(sheet["A1"] == .number(45747))
        #expect(sheet["A2"] == .number(45747.5))
        #expect(sheet["A3"] == .number(1))
        #expect(abs((sheet["A4"]?.number ?? 0) - (45658 + 2.0 / 24)) < 1e-9)
        #expect(sheet.styles["A1"]?.numberFormat == "yyyy-mm-dd")
        #expect(sheet.styles["A2"]?.numberFormat == "yyyy-mm-dd hh:mm")
        #expect(sheet.styles["A3"]?.numberFormat == "d mmm yyyy")
        #expect(sheet.styles["A3"]?.bold == true)
    }

    @Test func formulasOnlyThroughWriteFormula() throws {
        let sheet = try roundTrip(in: directory) { sheet in
            try sheet.write(2, row: 0, column: 0)
            try sheet.write(3, row: 1, column: 0)
            try sheet.writeFormula("=SUM(A1:A2)", row: 2, column: 0, cachedValue: 5)
            try sheet.writeFormula("=A1*2", row: 3, column: 0)
        }
        #expect(sheet["A3"] == .formula("SUM(A1:A2)", cached: "5"))
        #expect(sheet["A4"] == .formula("A1*2", cached: "0"))
    }

    @Test func writeRowWritesMixedContent() throws {
        let sheet = try roundTrip(in: directory) { sheet in
            try sheet.writeRow(
                [.string("Norra"), .number(71.2), .blank, .boolean(true),
                 .dateTime(ExcelDateTime(year: 2024, month: 12, day: 31)), .formula("=B1*2", cachedValue: 142.4)],
                row: 4, column: 1, format: .init(italic: true))
        }
        #expect(sheet["B5"] == .string("Norra"))
        #expect(sheet["C5"] == .number(71.2))
        #expect(sheet["D5"] == .blank)
        #expect(sheet["E5"] == .boolean(true))
        #expect(sheet["F5"] == .number(45657))
        #expect(sheet["G5"] == .formula("B1*2", cached: "142.4"))
        #expect(sheet.styles["F5"]?.italic == true)
        #expect(sheet.styles["F5"]?.numberFormat == "yyyy-mm-dd")
    }

    @Test func longestAllowedStringAndLastCellFit() throws {
        let longest = String(repeating: "å", count: 32_767)
        let sheet = try roundTrip(in: directory) { sheet in
            try sheet.write(longest, row: 0, column: 0)
            try sheet.write(1, row: CellRange.maxRows - 1, column: CellRange.maxColumns - 1)
        }
        #expect(sheet["A1"] == .string(longest))
        #expect(sheet["XFD1048576"] == .number(1))
    }

    @Test func cellRangeA1() throws {
        #expect(CellRange.columnName(0) == "A")
        #expect(CellRange.columnName(25) == "Z")
        #expect(CellRange.columnName(26) == "AA")
        #expect(CellRange.columnName(16_383) == "XFD")
        #expect(try CellRange(a1: "B3:D9") == CellRange(firstRow: 2, firstColumn: 1, lastRow: 8, lastColumn: 3))
        #expect(try CellRange(a1: "$XFD$1048576").a1 == "XFD1048576")
        #expect(CellRange(firstRow: 8, firstColumn: 3, lastRow: 2, lastColumn: 1).a1 == "B3:D9")
        #expect(CellRange(row: 0, column: 0).absoluteA1 == "$A$1")
        expectXLSXError(.invalidArgument) { _ = try CellRange(a1: "3B") }
        expectXLSXError(.invalidArgument) { _ = try CellRange(a1: "XFE1") }
        expectXLSXError(.invalidArgument) { _ = try CellRange(a1: "A0") }
        #expect(CellRange(firstRow: 0, firstColumn: 0, lastRow: 2, lastColumn: 2)
            .overlaps(CellRange(firstRow: 2, firstColumn: 2, lastRow: 4, lastColumn: 4)))
        #expect(!CellRange(row: 0, column: 0).overlaps(CellRange(row: 0, column: 1)))
    }

    @Test func colorParsing() {
        #expect(Color(hex: "#63BE7B")?.rgb == 0x63BE7B)
        #expect(Color(hex: "f8696b")?.description == "#F8696B")
        #expect(Color(hex: "#12345") == nil)
        #expect(Color.black.description == "#000000")
    }

    @Test func blackIsBlackNotUnset() throws {
        let sheet = try roundTrip(in: directory) { sheet in
            try sheet.write("svart", row: 0, column: 0, format: .init(fontColor: .black, fillColor: .black))
        }
        #expect(sheet.styles["A1"]?.fontColor == "000000")
        #expect(sheet.styles["A1"]?.fillColor == "000000")
    }
}
