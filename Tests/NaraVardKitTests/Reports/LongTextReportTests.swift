import Foundation
@testable import NaraVardKit
import Testing
import TestSupport

/// Text longer than Excel allows, or that Excel refuses where it lands (a sheet name ending in an apostrophe),
/// never makes a report fail: the workbook shortens it with "…" (issue 11).
@Suite struct LongTextReportTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var change: @Sendable (inout Catalog) -> Void
        var note: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "an ingest note of 40 000 characters", change: { _ in }, note: String(repeating: "anteckning ", count: 3_640)),
        Case(name: "an indicator name over 255 characters", change: { catalog in
            catalog.indicators[0].name = String(repeating: "Lång benämning ", count: 20)
        }),
        Case(name: "a definition over 32 767 characters", change: { catalog in
            catalog.indicators[0].definition = String(repeating: "Definition. ", count: 3_000)
        }),
        Case(name: "a trailing apostrophe in a shift's short name", change: { catalog in
            catalog.shifts[0].short = "Hälsofrämjande'"
        }),
        Case(name: "a shift's short name too long for a sheet name, with characters a sheet name cannot have", change: { catalog in
            catalog.shifts[1].short = "Personcentrering: [delaktighet] / vad? * mer än 31 tecken"
        }),
    ]

    @Test(.tags(.slow), .slow, arguments: cases)
    func longTextNeverMakesAReportFail(_ text: Case) throws {
        let fixture = try StoreFixture()
        var catalog = try Catalog.bundled()
        text.change(&catalog)
        try fixture.store.loadCatalog(catalog)
        var options = IngestOptions()
        options.ignoreUnknownAreas = true
        options.note = text.note
        let ingested = try fixture.store.ingest(StoreFixture.sampleFiles.map { StoreFixture.examples.appending(path: $0) }, options: options)
        #expect(!ingested.refused, "\(ingested.diagnostics)")
        for kind in [ReportKind.committee, .polsam] {
            // A long note twice: it must not make a later report fail either.
            for _ in 0..<(text.note == nil ? 1 : 2) {
                let report = try fixture.report(kind, period: "2025Q4")
                let workbook = try fixture.workbook(report)
                var shortened = false
                for sheet in workbook.sheetNames {
                    for (reference, cell) in try workbook.cells(ofSheet: sheet) {
                        if case .string(let string) = cell {
                            #expect(string.utf16.count <= 32_767, "\(sheet)!\(reference)")
                            if string.hasSuffix("…") { shortened = true }
                        }
                    }
                }
                #expect(shortened || text.note == nil && !text.name.contains("definition"), "the long text is shown shortened with …")
                _ = try CSVReportWriter.write(report, to: fixture.directory.url.appending(path: "\(kind.rawValue)-csv"))
            }
        }
        // The whole store as one workbook too.
        let wide = fixture.directory.path("alla-varden.xlsx")
        _ = try WideWorkbookWriter(source: fixture.store, catalog: try fixture.store.catalog()).write(to: wide)
        #expect(try XLSXReader(path: wide).sheetNames.first == "Sammanfattning")
    }
}
