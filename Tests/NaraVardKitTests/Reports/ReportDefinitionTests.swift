import Foundation
@testable import NaraVardKit
import Testing
import TestSupport

/// Report definitions: bundled, read with `FILE:LINE:COLUMN` diagnostics, and by default every indicator.
@Suite struct ReportDefinitionTests {
    @Test(arguments: ReportKind.allCases) func bundledDefinitionsRead(kind: ReportKind) throws {
        let definition = try ReportDefinition.bundled(kind)
        #expect(definition.source == "Reports/\(kind.rawValue).yaml")
        #expect(definition.areas == ["lulea-boden", "pite-alvdal", "ostra", "norra", "25"])
        #expect(definition.indicators.isEmpty, "every indicator by default")
        #expect(!definition.title.isEmpty)
    }

    @Test func mistakesArePointedAt() throws {
        #expect {
            try ReportDefinition.read(path: "r.yaml", text: "title: X\nhistory_yeras: 2\n")
        } throws: { error in
            (error as? Diagnostics)?.description == "r.yaml:2:1: unknown field 'history_yeras' (known: areas, benchmark, company, history_years, indicators, subtitle, title)"
        }
        #expect(throws: Diagnostics.self) { try ReportDefinition.read(path: "r.yaml", text: "subtitle: no title\n") }
        let definition = try ReportDefinition.read(path: "r.yaml", text: "title: X\nindicators:\n  - PV01\n  - NOPE\nareas: [ostra, \"2580\"]\n")
        let fixture = try StoreFixture.withExamples()
        #expect {
            try fixture.report(.committee, definition: definition)
        } throws: { error in
            let lines = (error as? Diagnostics)?.items.map(\.description) ?? []
            return lines.count == 2 && lines[0].hasPrefix("r.yaml:4: indicator 'NOPE'") && lines[1].hasPrefix("r.yaml:5: area '2580' is a municipality")
        }
    }

    @Test func aDefinitionNamesItsBenchmark() throws {
        let fixture = try StoreFixture.withExamples()
        let unknown = try ReportDefinition.read(path: "r.yaml", text: "title: X\nbenchmark: \"9999\"\n")
        #expect {
            try fixture.report(.polsam, definition: unknown)
        } throws: { error in
            (error as? Diagnostics)?.items.map(\.description).first?.hasPrefix("r.yaml:2: benchmark '9999' is not in the geography") == true
        }
        #expect(try ReportDefinition.read(path: "r.yaml", text: "title: X\nbenchmark: county\n").benchmark == nil)
        let riket = try ReportDefinition.read(path: "r.yaml", text: "title: X\nindicators: [PV01]\nbenchmark: \"0000\"\n")
        let sheet = try fixture.workbook(try fixture.report(.polsam, definition: riket)).sheet(named: "3 Primärvård")
        #expect(sheet["J", try sheet.row(where: ["A": "Indikator"])] == .string("Jämfört med Riket"))
        // The sample has no Riket value of PV01: nothing is compared, nothing coloured.
        let ostra = try sheet.row(where: ["A": "Fast läkarkontakt", "D": "Östra Norrbotten"])
        #expect(sheet["J", ostra] == .string("ej jämförd") && sheet.styles["E\(ostra + 1)"]?.fillColor == nil)
    }

    @Test func aDefinitionSelectsAndOrdersIndicatorsAndAreas() throws {
        let fixture = try StoreFixture.withExamples()
        let definition = try ReportDefinition.read(
            path: "r.yaml", text: "title: Urval\nindicators: [PV05, HF03, PV01]\nareas: [ostra, \"25\"]\nhistory_years: 1\n")
        let workbook = try fixture.workbook(try fixture.report(.committee, definition: definition))
        #expect(workbook.sheetNames.prefix(3) == ["Sammanfattning", "1 Hälsofrämjande", "3 Primärvård"])
        let sheet = try workbook.sheet(named: "3 Primärvård")
        let first = try sheet.row(where: ["A": "Indikator"]) + 1
        // Each compared area with its municipalities beneath (largest first); the county with those not listed yet.
        let areas = ["Östra Norrbotten", "Kalix", "Haparanda", "Övertorneå", "Överkalix", "Region Norrbotten", "Luleå", "Piteå",
                     "Boden", "Kiruna", "Gällivare", "Älvsbyn", "Arvidsjaur", "Pajala", "Jokkmokk", "Arjeplog"]
        #expect((0..<areas.count).map { sheet["A", first + $0]?.string }
                == Array(repeating: "Medicinsk bedömning i primärvård inom 3 dagar", count: areas.count))
        #expect(sheet["A", first + areas.count] == .string("Fast läkarkontakt"))
        #expect((0..<areas.count).map { sheet["D", first + $0]?.string } == areas)
        let trends = try workbook.sheet(named: "Trender")
        #expect(trends.rows(where: ["A": "Fast läkarkontakt", "B": "2025 K4"]).count == 1)
        #expect(trends.rows(where: ["A": "Fast läkarkontakt"]).filter { trends["B", $0]?.string?.hasPrefix("20") == true }.count == 5,
                "one year and the one before")
    }

    /// A newly loaded indicator appears without editing a definition.
    @Test func aNewIndicatorAppearsByDefault() throws {
        let fixture = try StoreFixture.withExamples()
        var files = BundledCatalog.files.map { ("Indicators/\($0.path)", $0.text) }
        files.append(("Indicators/indicators/PC99.yaml", """
            id: PC99
            name: Ny indikator
            shift: 2
            unit: percent
            better: higher
            frequency: quarter
            denominator: Alla
            """))
        try fixture.store.loadCatalog(try Catalog.read(files: files))
        let data = try fixture.file("pc99.csv", lines: ["indicator;area;period;numerator;denominator", "PC99;2580;2025Q4;5;10", "PC99;2582;2025Q4;50;100"])
        #expect(try fixture.ingest(data).diagnostics.isEmpty)
        let sheet = try fixture.workbook(try fixture.report(.committee)).sheet(named: "2 Personcentrering")
        let row = try sheet.row(where: ["A": "Ny indikator", "D": "Luleå–Boden"])
        #expect(sheet["E", row] == .number(100.0 * 55 / 110))
    }
}
