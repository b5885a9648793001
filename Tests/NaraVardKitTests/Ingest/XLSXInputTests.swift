import Foundation
@testable import NaraVardKit
import Testing
import TestSupport
import XLSXWriter

/// `.xlsx` input: the long layout on the first sheet or a named one, the wide export read back unchanged, the
/// correction rule for values given without counts, and binaries that are not read.
@Suite struct XLSXInputTests {
    /// A long-layout workbook written with the project's writer: rows of cells, `nil` for an empty cell.
    func workbook(_ fixture: StoreFixture, _ name: String, sheets: [(String, [[Any?]])]) throws -> URL {
        let path = fixture.directory.path(name)
        try Workbook.write(to: path) { workbook in
            for (sheetName, rows) in sheets {
                let sheet = try workbook.addWorksheet(named: sheetName)
                for (row, cells) in rows.enumerated() {
                    for (column, cell) in cells.enumerated() {
                        switch cell {
                        case let number as Double: try sheet.write(number, row: row, column: column)
                        case let number as Int: try sheet.write(number, row: row, column: column)
                        case let text as String: try sheet.write(text, row: row, column: column)
                        default: break
                        }
                    }
                }
            }
        }
        return URL(fileURLWithPath: path)
    }

    static var header: [Any?] { ["Indikator", "Kommun", "Period", "Kön", "Täljare", "Nämnare", "Värde"] }

    @Test func theLongLayoutReadsNumbersAndTextAndSkipsEmptyRows() throws {
        let fixture = try StoreFixture()
        let url = try workbook(fixture, "pv01.xlsx", sheets: [("Blad1", [
            Self.header,
            ["PV01", "Luleå", "2024Q1", "T", 100, 300, nil],
            [],
            ["PV01", "2582", "2024 kv1", "T", "50", "200", "25,0"],
            ["PV01", "Haparanda", "2024Q1", "T", nil, nil, 12.25],
        ])])
        let result = try fixture.ingest(url)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.summary.imported == 3)
        let lulea = try #require(try fixture.current("PV01", "2580", "2024Q1"))
        #expect(lulea.numerator == 100 && lulea.denominator == 300)
        #expect(abs((lulea.value ?? 0) - 100.0 / 3) < 1e-12)
        #expect(try fixture.current("PV01", "2582", "2024Q1")?.value == 25)
        #expect(try fixture.current("PV01", "2583", "2024Q1")?.value == 12.25)
        #expect(try fixture.store.imports().last?.files.first?.rows == 3, "the empty row is not a row")
    }

    @Test func problemsArePlacedAtTheSheetAndCell() throws {
        let fixture = try StoreFixture()
        let url = try workbook(fixture, "fel.xlsx", sheets: [
            ("Först", [Self.header, ["PV01", "Luleå", "2024Q1", "T", 100, 300, nil]]),
            ("Andra blad", [["indicator", "area", "period", "value"], ["PV01", "Boden", "2024Q9", 3]]),
        ])
        let result = try fixture.ingest(url) { $0.sheet = "Andra blad" }
        #expect(result.refused)
        #expect(result.diagnostics.map(fixture.relative) == ["fel.xlsx:Andra blad!A2: invalid period '2024Q9': quarter 9 does not exist"])
        let missing = try fixture.ingest(url) { $0.sheet = "Saknas" }
        #expect(missing.refused)
        #expect(missing.diagnostics.first?.description.contains("no sheet 'Saknas' (the sheets are 'Först', 'Andra blad')") == true)
    }

    @Test(arguments: [
        ("1.5E-3", "0.0015"), ("-2.5E+3", "-2500"), ("2E+21", "2000000000000000000000"), ("33.4", "33.4"),
        ("1.0000000000000001E-5", "0.000010000000000000001"), ("7E0", "7"),
    ])
    func numbersAreWrittenOutInFull(written: String, plain: String) {
        #expect(XLSXSource.plainDecimal(written) == plain)
    }

    @Test func oldExcelAndOpenDocumentAreRefusedInOneLine() throws {
        let fixture = try StoreFixture()
        let xls = try fixture.file("gammal.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0])
        let result = try fixture.ingest(xls)
        #expect(result.refused)
        #expect(result.diagnostics.map(fixture.relative) == ["gammal.xls:1: Excel 97–2003 .xls is not supported: save as .xlsx or CSV"])
        let ods = try fixture.file("kalkyl.ods", Array("PK\u{3}\u{4}....mimetypeapplication/vnd.oasis.opendocument.spreadsheet".utf8))
        #expect(try fixture.ingest(ods).diagnostics.first?.message.hasPrefix("OpenDocument spreadsheets (.ods) are not supported") == true)
        let png = try fixture.file("bild.csv", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])
        #expect(try fixture.ingest(png).diagnostics.map(fixture.relative) == ["bild.csv:1: a PNG image, not a data file: naravard reads CSV, Kolada JSON and .xlsx"])
        let broken = try fixture.file("trasig.xlsx", Array("PK\u{3}\u{4} not really a zip".utf8))
        let refused = try fixture.ingest(broken)
        #expect(refused.refused && refused.diagnostics.count == 1)
    }

    /// The wide export read back: every value agrees with its stored counts, so nothing changes; an edited value
    /// over counts is refused unless `--replace-counts`, which warns about the aggregates it breaks.
    @Test func theWideExportIsARoundTrip() throws {
        let fixture = try StoreFixture.withExamples()
        let path = fixture.directory.path("alla.xlsx")
        let written = try WideWorkbookWriter(source: fixture.store, catalog: try fixture.store.catalog()).write(to: path)
        let again = try fixture.ingest(URL(fileURLWithPath: path))
        #expect(again.diagnostics.isEmpty, "\(again.diagnostics.prefix(3))")
        #expect(again.summary.unchanged == written.values)
        #expect(again.summary.imported == 0 && again.summary.updated == 0)
    }

    @Test func aValueWithoutCountsOverStoredCountsFollowsTheCorrectionRule() throws {
        let fixture = try StoreFixture()
        let counts = try fixture.file("counts.csv", lines: ["indikator;kommun;period;täljare;nämnare", "PV01;Luleå;2025 kv4;347;1000"])
        #expect(try fixture.ingest(counts).summary.imported == 1)

        // 34,7 is 347 / 1000 to its written decimal: the same record.
        let same = try fixture.file("same.csv", lines: ["indikator;kommun;period;värde", "PV01;Luleå;2025 kv4;34,7"])
        let unchanged = try fixture.ingest(same)
        #expect(unchanged.summary.unchanged == 1 && !unchanged.refused)
        // So is 35 (to its written decimal, ±0.5); 35,5 is not: refused, and the counts stay.
        let rounded = try fixture.file("rounded.csv", lines: ["indikator;kommun;period;värde", "PV01;Luleå;2025 kv4;35"])
        #expect(try fixture.ingest(rounded).summary.unchanged == 1)
        // Written with a percent sign, the same rule applies (34,7 % agrees, 35,5 % does not).
        let signed = try fixture.file("signed.csv", lines: ["indikator;kommun;period;värde", "PV01;Luleå;2025 kv4;34,7 %"])
        #expect(try fixture.ingest(signed).summary.unchanged == 1)
        let signedOther = try fixture.file("signed-other.csv", lines: ["indikator;kommun;period;värde", "PV01;Luleå;2025 kv4;35,5 %"])
        #expect(try fixture.ingest(signedOther).refused)
        let other = try fixture.file("other.csv", lines: ["indikator;kommun;period;värde", "PV01;Luleå;2025 kv4;35,5"])
        let refused = try fixture.ingest(other)
        #expect(refused.refused)
        #expect(refused.diagnostics.first.map(fixture.relative)?.hasPrefix("other.csv:2: PV01 2580 2025Q4 T is stored with counts") == true)
        #expect(try fixture.current("PV01", "2580", "2025Q4")?.numerator == 347)
        // Asked for: the counts go, with a warning naming the länsdel and the county.
        let replaced = try fixture.ingest(other) { $0.replaceCounts = true }
        #expect(replaced.summary.updated == 1)
        #expect(replaced.warnings.map(fixture.relative) == ["other.csv:2: warning: the value replaces the stored counts of PV01 2580 2025Q4 T: lulea-boden and 25 can no longer be computed for 2025Q4"])
        let stored = try #require(try fixture.current("PV01", "2580", "2025Q4"))
        #expect(stored.value == 35.5 && stored.numerator == nil)
    }
}

extension StoreFixture {
    /// A diagnostic as printed, with the fixture's folder left out of its path.
    func relative(_ diagnostic: Diagnostic) -> String {
        diagnostic.description.replacingOccurrences(of: directory.url.path + "/", with: "")
    }
}

/// A workbook written by openpyxl (an independent writer: shared strings, its own number format) read back.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["OPENPYXL_PYTHON"] != nil, "set OPENPYXL_PYTHON to run"))
struct XLSXOpenpyxlInputTests {
    @Test func aWorkbookFromOpenpyxlLoads() throws {
        let fixture = try StoreFixture()
        let path = fixture.directory.path("openpyxl.xlsx")
        let script = """
            import openpyxl, sys
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.title = "Leverans"
            ws.append(["Indikator", "Område", "Period", "Kön", "Täljare", "Nämnare", "Värde"])
            ws.append(["PV01", "Luleå", "2024Q1", "K", 100, 300, None])
            ws.append([])
            ws.append(["PV01", "2582", "2024Q1", "T", "50", "200", "25,0"])
            ws.append(["PV01", "Kiruna", "2024Q1", "T", None, None, 1.5e-3])
            wb.create_sheet("Annat").append(["x"])
            wb.save(sys.argv[1])
            """
        #expect(try Openpyxl.run(script, path) == 0)
        let result = try fixture.ingest(URL(fileURLWithPath: path))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.summary.imported == 3)
        #expect(try fixture.current("PV01", "2580", "2024Q1") == nil, "Luleå's row is for women, not the total")
        #expect(try fixture.current("PV01", "2582", "2024Q1")?.value == 25)
        #expect(try fixture.current("PV01", "2584", "2024Q1")?.value == 0.0015)
    }
}
