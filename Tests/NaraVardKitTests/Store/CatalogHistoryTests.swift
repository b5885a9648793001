import Foundation
@testable import NaraVardKit
import Testing

/// Groupings change and definitions are revised: aggregates use the membership valid in each period, and the
/// catalogue can be read as it was after any import.
@Suite struct CatalogHistoryTests {
    /// Boden (2582) moves from Luleå–Boden to Pite älvdal from 2025.
    static let regrouped = """
        valid_from: 2025-01-01
        areas:
          - {id: "2582", kind: municipality, name: Boden, county: "25", lansdel: pite-alvdal, population: 27943}
        """

    @Test func aggregatesUseTheGroupingValidInEachPeriod() throws {
        let fixture = try StoreFixture(inMemory: true)
        try fixture.store.loadCatalog(Catalog.read(files: [("geografi-2025.yaml", Self.regrouped)]))
        var lines = ["indicator;area;period;numerator;denominator"]
        for period in ["2024Q4", "2025Q1"] {
            lines += ["PV01;2580;\(period);30;100", "PV01;2582;\(period);10;50", "PV01;2581;\(period);20;100",
                      "PV01;2560;\(period);5;10", "PV01;2505;\(period);5;10", "PV01;2506;\(period);5;10"]
        }
        let result = try fixture.ingest(try fixture.file("pv01.csv", lines: lines))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let catalog = try fixture.store.catalog()
        let values = Aggregator(geography: catalog.geography, indicators: catalog.indicators)
            .values(try fixture.store.observations())
        func aggregate(_ area: String, _ period: String) -> AreaValue? {
            values.first { $0.area == area && $0.period.description == period && $0.gender == .total }
        }
        // 2024Q4: Luleå + Boden = 40/150; Pite älvdal = 35/130.
        #expect(aggregate("lulea-boden", "2024Q4")?.numerator == 40)
        #expect(aggregate("lulea-boden", "2024Q4")?.denominator == 150)
        #expect(aggregate("pite-alvdal", "2024Q4")?.denominator == 130)
        // 2025Q1: Luleå alone = 30/100; Pite älvdal with Boden = 45/180.
        #expect(aggregate("lulea-boden", "2025Q1")?.numerator == 30)
        #expect(aggregate("lulea-boden", "2025Q1")?.denominator == 100)
        #expect(aggregate("pite-alvdal", "2025Q1")?.numerator == 45)
        #expect(aggregate("pite-alvdal", "2025Q1")?.denominator == 180)
        #expect(catalog.geography["2582"]?.lansdel == "pite-alvdal", "the latest version is the current one")
    }

    @Test func bothGeographyFilesLoadTogether() throws {
        let bundled = try Catalog.bundled()
        let geography = bundled.files.map(\.path).filter { $0.contains("geography") }
        #expect(!geography.isEmpty)
        let texts = BundledCatalog.files.filter { $0.path.contains("geography") }.map { ("Indicators/\($0.path)", $0.text) }
        let catalog = try Catalog.read(files: texts + [("geografi-2025.yaml", Self.regrouped)])
        #expect(catalog.geography.versions.filter { $0.id == "2582" }.map(\.validFrom) == ["2023-01-01", "2025-01-01"])
    }

    @Test func theCatalogueCanBeReadAsOfAnImport() throws {
        let fixture = try StoreFixture(inMemory: true)
        let before = try #require(try fixture.store.imports().last?.id)
        var changed = try #require(try fixture.store.catalog().indicator("PV01"))
        changed.better = .lower
        changed.target = 60
        let load = try fixture.store.loadCatalog({ var catalog = Catalog(); catalog.indicators = [changed]; return catalog }())
        #expect(load.updated == 1)
        #expect(try fixture.store.catalog().indicator("PV01")?.better == .lower)
        #expect(try fixture.store.catalog(asOf: before).indicator("PV01")?.better == .higher)
        #expect(try fixture.store.catalog(asOf: before).indicator("PV01")?.target == 55)
    }

    @Test func targetsAndKoladaIdsAreChecked() throws {
        let fixture = try StoreFixture(inMemory: true)
        let badTarget = "id: XX01\nname: X\nshift: 1\nunit: percent\nbetter: higher\nfrequency: year\ndenominator: d\ntarget: 150\n"
        #expect(throws: Diagnostics.self) { try Catalog.read(files: [("XX01.yaml", badTarget)]) }
        let unknownArea = "id: XX02\nname: X\nshift: 1\nunit: percent\nbetter: higher\nfrequency: year\ndenominator: d\ntargets:\n  - {area: nowhere, year: 2026, value: 60}\n"
        let takenKPI = "id: XX03\nname: X\nshift: 1\nunit: percent\nbetter: higher\nfrequency: year\ndenominator: d\nkolada: U01405\n"
        for (name, text, message) in [("XX02.yaml", unknownArea, "area 'nowhere'"), ("XX03.yaml", takenKPI, "already mapped to HF01")] {
            do {
                try fixture.store.loadCatalog(Catalog.read(files: [(name, text)]))
                Issue.record("\(name) should be refused")
            } catch let error as Diagnostics {
                #expect(error.items.first?.description.hasPrefix("\(name):") == true)
                #expect(error.description.contains(message), "\(error)")
            }
        }
    }
}
