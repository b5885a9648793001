import Foundation
@testable import NaraVardKit
import Testing
import TestSupport

/// What sources withhold (`<5`, `x`, `*`) is stored as suppressed at source: neither missing nor 0, carried
/// through values, aggregation, export and the wide workbook, and loaded back unchanged.
@Suite struct SuppressedAtSourceTests {
    static let header = "indikator;kommun;period;täljare;nämnare;värde;status"

    @Test func markersAreStoredAsWithheldAndAggregatesNameWho() throws {
        let fixture = try StoreFixture()
        let url = try fixture.file("leverans.csv", lines: [
            Self.header,
            "PV01;Haparanda;2026Q1;<5;120;;", "PV01;Kalix;2026Q1;x;;;", "PV01;Överkalix;2026Q1;;;*;",
            "PV01;Övertorneå;2026Q1;;;;suppressed_at_source", "PV01;Luleå;2026Q1;;;29,4 %;",
        ])
        let result = try fixture.ingest(url)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.summary.imported == 5)
        for area in ["2583", "2514", "2513", "2518"] {
            let stored = try #require(try fixture.current("PV01", area, "2026Q1"))
            #expect(stored.status == .suppressedAtSource && stored.value == nil && stored.numerator == nil)
        }
        #expect(try fixture.current("PV01", "2583", "2026Q1")?.denominator == 120, "the denominator given beside <5 is kept")
        #expect(try fixture.current("PV01", "2580", "2026Q1")?.value == 29.4)

        var query = ObservationQuery()
        query.indicators = ["PV01"]
        let catalog = try fixture.store.catalog()
        let aggregator = Aggregator(geography: catalog.geography, indicators: catalog.indicators)
        let ostra = try #require(aggregator.values(try fixture.store.observations(query)).first { $0.area == "ostra" })
        #expect(ostra.status == .incomplete)
        #expect(ostra.detail == "withheld at source by 2513 Överkalix, 2514 Kalix, 2518 Övertorneå, 2583 Haparanda")
    }

    @Test(arguments: [
        ("PV01;Haparanda;2026Q1;<5;120;3,1;", "withheld at source"),
        ("PV01;Haparanda;2026Q1;;;4;suppressed_at_source", "withheld at source"),
        ("HF05;Haparanda;2025Q1;;;12 %;", "has a percent sign but HF05 is in per_1000"),
    ])
    func contradictionsAreRefused(line: String, message: String) throws {
        let fixture = try StoreFixture()
        let result = try fixture.ingest(try fixture.file("fel.csv", lines: [Self.header, line]))
        #expect(result.refused)
        #expect(result.diagnostics.first?.message.contains(message) == true, "\(result.diagnostics)")
    }

    @Test func exportAndTheWideWorkbookLoadBackUnchanged() throws {
        let fixture = try StoreFixture()
        let url = try fixture.file("leverans.csv", lines: [Self.header, "PV01;Haparanda;2026Q1;<5;120;;", "PV01;Boden;2026Q1;100;1000;;"])
        #expect(try fixture.ingest(url).summary.imported == 2)
        let wide = fixture.directory.path("alla.xlsx")
        _ = try WideWorkbookWriter(source: fixture.store, catalog: try fixture.store.catalog()).write(to: wide)
        let again = try fixture.ingest(URL(fileURLWithPath: wide))
        #expect(again.summary.unchanged == 1 && again.summary.imported == 0 && again.summary.updated == 0,
                "the blue blank cell is no record; the value is unchanged")
        let sheet = try XLSXReader(path: wide).sheet(named: "Värden 1")
        let haparanda = try sheet.row(where: ["B": "2583"])
        #expect(sheet.styles.first { $0.key.hasSuffix("\(haparanda + 1)") && $0.value.fillColor == "BDD7EE" } != nil)
    }
}
