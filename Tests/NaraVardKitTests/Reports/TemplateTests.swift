import Foundation
@testable import NaraVardKit
import TestSupport
import Testing

/// `TemplateWriter`: the delivery template read back, filled in (as CSV, or in the workbook itself) and loaded with ingest.
@Suite struct TemplateTests {
    let q1 = Period(year: 2026, quarter: 1)

    /// PV01 (percent: counts and value), OV06 (count: numerator and value), PV02 (index: value only), HF01 (yearly).
    func writeTemplate(_ fixture: StoreFixture) throws -> XLSXReader {
        let expected = try fixture.store.expectedRows(period: q1, indicators: ["PV01", "OV06", "PV02", "HF01"])
        let path = fixture.directory.path("mall.xlsx")
        let summary = try TemplateWriter(expected: expected).write(to: path)
        // 3 quarterly indicators × 14 municipalities × 3 genders; HF01 is yearly and has no rows.
        #expect(summary == TemplateWriter.Summary(indicators: 3, rows: 126))
        return try XLSXReader(path: path)
    }

    @Test func theSheetsColumnsAndValidation() throws {
        let fixture = try StoreFixture()
        let reader = try writeTemplate(fixture)
        #expect(reader.sheetNames == ["Mall", "Definitioner"])
        let sheet = try reader.sheet(named: "Mall")
        #expect(["A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1"].map { sheet[$0]?.string }
            == ["Indikator", "Område", "Period", "Kön", "Täljare", "Nämnare", "Värde", "Anmärkning"])
        // Rows follow the catalogue order; find each indicator's block by its first row.
        let firstRows = Dictionary(grouping: (2...127), by: { sheet["A\($0)"]?.string ?? "" }).mapValues { $0.min()! }
        #expect(Set(firstRows.keys) == ["PV01", "OV06", "PV02"])
        #expect(sheet["A128"] == nil)
        let pv01 = try #require(firstRows["PV01"])
        #expect(sheet["B\(pv01)"]?.string == "Arvidsjaur" && sheet["C\(pv01)"]?.string == "2026Q1")
        #expect((pv01...(pv01 + 2)).map { sheet["D\($0)"]?.string } == ["T", "K", "M"])
        // Grey where the indicator has no such number: a count has no denominator, an index no counts.
        let grey = "D9D9D9"
        let ov06 = try #require(firstRows["OV06"]), pv02 = try #require(firstRows["PV02"])
        #expect(sheet.styles["F\(ov06)"]?.fillColor == grey && sheet.styles["E\(ov06)"]?.fillColor == nil)
        #expect(sheet.styles["E\(pv02)"]?.fillColor == grey && sheet.styles["F\(pv02)"]?.fillColor == grey)
        #expect(sheet.styles["E\(pv01)"]?.fillColor == nil)

        // Data validation: PV01 three columns (a percent 0–100), OV06 two, PV02 one.
        let validations = try reader.xml(sheet.partName).child("dataValidations")?.children("dataValidation") ?? []
        #expect(validations.count == 6)
        let percent = try #require(validations.first { $0.attribute("sqref") == "G\(pv01):G\(pv01 + 41)" })
        #expect(percent.attribute("type") == "decimal" && percent.attribute("errorStyle") == "warning")
        #expect(percent.child("formula1")?.text == "0" && percent.child("formula2")?.text == "100")
        #expect(validations.contains { $0.attribute("sqref") == "E\(ov06):E\(ov06 + 41)" && $0.attribute("operator") == "greaterThanOrEqual" })

        let definitions = try reader.sheet(named: "Definitioner")
        #expect(definitions["A1"]?.string == "Indikator" && definitions["B1"]?.string == "Namn")
        #expect(Set((2...4).compactMap { definitions["A\($0)"]?.string }) == ["PV01", "OV06", "PV02"])
    }

    @Test func filledInItLoadsAsACompleteQuarter() throws {
        let fixture = try StoreFixture()
        let sheet = try writeTemplate(fixture).sheet(named: "Mall")
        // Fill it in as an analyst would, then save as CSV (;), the input today's ingest reads: PV01 counts
        // T 30/100, K 14/50, M 16/50; OV06 the numerator T 7, K 3, M 4; PV02 the value 0,4.
        let fills: [String: [String: [String]]] = [
            "PV01": ["T": ["30", "100", ""], "K": ["14", "50", ""], "M": ["16", "50", ""]],
            "OV06": ["T": ["7", "", ""], "K": ["3", "", ""], "M": ["4", "", ""]],
            "PV02": ["T": ["", "", "0,4"], "K": ["", "", "0,4"], "M": ["", "", "0,4"]],
        ]
        var lines = [(0..<8).map { sheet["\(Character(UnicodeScalar(65 + $0)!))1"]?.string ?? "" }.joined(separator: ";")]
        for row in 2...127 {
            let fixed = ["A", "B", "C", "D"].map { sheet["\($0)\(row)"]?.string ?? "" }
            lines.append((fixed + (fills[fixed[0]]?[fixed[3]] ?? []) + [""]).joined(separator: ";"))
        }
        let csv = try fixture.file("mall.csv", lines: lines)
        let result = try fixture.ingest(csv)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.summary.imported == 126 && result.summary.rejected == 0)

        let status = try fixture.store.deliveryStatus(period: q1, indicators: ["PV01", "OV06", "PV02"])
        #expect(status.count == 42 && status.allSatisfy { $0.state == .received })
        let lulea = try #require(try fixture.current("PV01", "2580", "2026Q1"))
        #expect(lulea.value == 30 && lulea.numerator == 30 && lulea.denominator == 100)
        #expect(try fixture.current("OV06", "2583", "2026Q1")?.value == 7)
        #expect(try fixture.current("PV02", "2584", "2026Q1")?.value == 0.4)
        #expect(try fixture.store.check(indicators: ["PV01", "OV06"], period: q1).isEmpty, "T = K + M holds for the filled counts")
    }

    /// The workbook itself, as written, loads with `ingest` (its sheet "Mall" is the long layout): nothing filled
    /// in is a quarter reported missing, row by row.
    @Test func theWorkbookItselfLoads() throws {
        let fixture = try StoreFixture()
        let reader = try writeTemplate(fixture)
        let result = try fixture.ingest(reader.url)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.summary.imported == 126)
        let status = try fixture.store.deliveryStatus(period: q1, indicators: ["PV01", "OV06", "PV02"])
        #expect(status.count == 42 && status.allSatisfy { $0.state == .reportedMissing })
    }

    @Test func aRowLeftEmptyLoadsAsReportedMissing() throws {
        let fixture = try StoreFixture()
        let sheet = try writeTemplate(fixture).sheet(named: "Mall")
        let lines = (1...127).map { row in (0..<8).map { sheet["\(Character(UnicodeScalar(65 + $0)!))\(row)"]?.string ?? "" }.joined(separator: ";") }
        #expect(try fixture.ingest(try fixture.file("tom.csv", lines: lines)).summary.imported == 126)
        let status = try fixture.store.deliveryStatus(period: q1, indicators: ["PV01"])
        #expect(status.count == 14 && status.allSatisfy { $0.state == .reportedMissing })
    }
}

/// openpyxl opens the template: the sheets, the frozen header and the data validations are there for another reader.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["OPENPYXL_PYTHON"] != nil, "set OPENPYXL_PYTHON to run"))
struct TemplateOpenpyxlTests {
    @Test func openpyxlLoadsTheTemplate() throws {
        let fixture = try StoreFixture()
        let reader = try TemplateTests().writeTemplate(fixture)
        let (status, output) = try Openpyxl.check(reader.url.path)
        #expect(status == 0, "\(output)")
        #expect(output.contains("sheets: ['Mall', 'Definitioner']"))
        #expect(output.contains("[Mall] dimensions=A1:H127"))
        #expect(output.contains("freeze=A2 data_validations=6"))
    }

    /// Filled in with openpyxl (as Excel would save it: numbers as number cells) and loaded as it is.
    @Test func filledInWithOpenpyxlItLoads() throws {
        let fixture = try StoreFixture()
        let path = try TemplateTests().writeTemplate(fixture).url.path
        let script = """
            import openpyxl, sys
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["Mall"]
            for row in ws.iter_rows(min_row=2):
                if row[0].value == "PV01" and row[1].value == "Luleå" and row[3].value == "T":
                    row[4].value, row[5].value = 30, 100
                if row[0].value == "PV02" and row[1].value == "Kiruna" and row[3].value == "T":
                    row[6].value = 0.4
            wb.save(sys.argv[1])
            """
        #expect(try Openpyxl.run(script, path) == 0)
        let result = try fixture.ingest(URL(fileURLWithPath: path))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.summary.imported == 126)
        let lulea = try #require(try fixture.current("PV01", "2580", "2026Q1"))
        #expect(lulea.value == 30 && lulea.numerator == 30 && lulea.denominator == 100)
        #expect(try fixture.current("PV02", "2584", "2026Q1")?.value == 0.4)
        #expect(try fixture.current("PV02", "2583", "2026Q1")?.status == .missing)
    }
}
