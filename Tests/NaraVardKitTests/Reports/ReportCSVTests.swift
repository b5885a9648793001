import Foundation
@testable import NaraVardKit
import Testing
import TestSupport

/// The CSV form: one file per table, in the workbook's words and numbers, in either dialect, guarded against
/// formula injection.
@Suite struct ReportCSVTests {
    let fixture: StoreFixture
    let report: Report

    /// The sample data, ingested with a note that a spreadsheet would run as a formula.
    init() throws {
        fixture = try StoreFixture()
        var options = IngestOptions()
        options.ignoreUnknownAreas = true
        options.note = "=HYPERLINK(\"http://example.invalid\")"
        _ = try fixture.store.ingest(StoreFixture.sampleFiles.map { StoreFixture.examples.appending(path: $0) }, options: options)
        report = try fixture.report(.committee, period: "2025Q4")
    }

    func read(_ file: String, dialect: CSVDialect = .swedishExcel) throws -> (bytes: Data, lines: [String]) {
        let directory = fixture.directory.url.appending(path: dialect.delimiter == ";" ? "excel" : "rfc")
        try CSVReportWriter.write(report, to: directory, dialect: dialect)
        let bytes = try Data(contentsOf: directory.appending(path: file))
        let text = String(decoding: bytes, as: UTF8.self)
        return (bytes, text.components(separatedBy: "\r\n"))
    }

    @Test func oneFilePerTable() throws {
        let directory = fixture.directory.url.appending(path: "alla")
        let files = try CSVReportWriter.write(report, to: directory).map(\.lastPathComponent)
        #expect(files == [
            "sammanfattning.csv", "att-notera.csv", "forandrade-slutsatser.csv", "sammanfattning-antal.csv", "1-halsoframjande.csv", "2-personcentrering.csv",
            "3-primarvard.csv", "4-oppnare-vardformer.csv", "modellomraden.csv", "trender.csv", "trendberakning.csv", "data.csv", "kon.csv", "definitioner.csv",
            "teckenforklaring.csv", "om-rapporten.csv", "importer.csv", "reviderade-varden.csv",
        ])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == files.sorted(), "no temporary files left")
    }

    @Test func swedishExcelDialect() throws {
        let (bytes, lines) = try read("data.csv")
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 with BOM")
        #expect(lines[0] == "\u{FEFF}Indikator-id;Indikator;Riktningsförändring;Område-id;Område;Nivå;Period;Kön;Värde;Täljare;Nämnare;Enhet;Status")
        #expect(lines.count == report.values.count + 2, "header, one line per value, and the final CRLF")
        let lansdel = try #require(lines.first { $0.hasPrefix("PV01;Fast läkarkontakt;3;lulea-boden;") && $0.contains(";2025Q4;T;") })
        let value = try #require(report.values.first { $0.key.indicator == "PV01" && $0.key.area == "lulea-boden" && $0.key.period.description == "2025Q4" && $0.key.gender == .total }?.value)
        #expect(lansdel.contains(";" + "\(value)".replacingOccurrences(of: ".", with: ",") + ";"), "decimal comma, full precision")
    }

    @Test func rfc4180Dialect() throws {
        let (bytes, lines) = try read("3-primarvard.csv", dialect: .rfc4180)
        #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(lines[0] == "Indikator,Enhet,Period,Område,Värde,Förändring 1 år,Trend,Måluppfyllelse,Mål,Per 1 000 invånare,95 % konfidensintervall,Jämfört med länet")
        let row = try #require(lines.first { $0.hasPrefix("Fast läkarkontakt,%,2025 K4,Luleå–Boden,") })
        let value = try #require(Double(row.split(separator: ",")[4]), "a number with a decimal point")
        #expect(value > 0 && value < 100)
    }

    @Test func textThatLooksLikeAFormulaIsNeutralised() throws {
        let (_, lines) = try read("importer.csv")
        #expect(lines.contains { $0.hasSuffix(";'=HYPERLINK(\"\"http://example.invalid\"\")\"") || $0.contains("\"'=HYPERLINK(") })
        let workbook = try fixture.workbook(report)
        let about = try workbook.sheet(named: "Om rapporten")
        #expect(about.cells.values.contains(.string("=HYPERLINK(\"http://example.invalid\")")), "a string cell, never a formula")
        #expect(!about.cells.values.contains { if case .formula = $0 { true } else { false } })
    }

    @Test func workbookAndCSVShowTheSameTables() throws {
        let workbook = try fixture.workbook(report)
        let sheet = try workbook.sheet(named: "Sammanfattning")
        let (_, lines) = try read("sammanfattning.csv")
        let header = try sheet.row(where: ["A": "Riktningsförändring", "B": "Luleå–Boden"])
        for (offset, line) in lines.dropFirst().filter({ !$0.isEmpty }).enumerated() {
            // A cell with a line break is quoted (the grid's second line says what cannot be judged).
            let cells = ["A", "B", "C", "D", "E", "F"].map { sheet[$0, header + 1 + offset]?.string ?? "" }
                .map { $0.contains("\n") ? "\"\($0)\"" : $0 }
            #expect(line == cells.joined(separator: ";"))
        }
    }
}
