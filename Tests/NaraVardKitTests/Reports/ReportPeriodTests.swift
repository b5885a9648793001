import Foundation
@testable import NaraVardKit
import Testing
import TestSupport

/// Issue 13, items 1–2: a report is honest about its period (refused without data for it, stale values marked and
/// counted) and its first page lists the conclusions that changed since the previous report.
@Suite struct ReportPeriodTests {
    /// The sample store with one more value: Luleå's PV01 for 2026Q1.
    static func withOneValueFor2026Q1() throws -> StoreFixture {
        let fixture = try StoreFixture.withExamples()
        let file = try fixture.file("2026q1.csv", lines: ["indicator;area;period;numerator;denominator", "PV01;2580;2026Q1;27000;80000"])
        #expect(try fixture.ingest(file).summary.imported == 1)
        return fixture
    }

    @Test func aPeriodWithoutDataOrAMonthWithoutMonthlyIndicatorsIsRefused() throws {
        let fixture = try StoreFixture.withExamples()
        for kind in ReportKind.allCases {
            for period in ["2030Q1", "2099Q1", "2026"] {
                let error = try #require(throws: StoreQueryError.self) { try fixture.report(kind, period: period) }
                #expect(error.description.hasSuffix("the latest period with data is \(period == "2026" ? "2025" : "2025Q4")"), "\(error)")
            }
            let month = try #require(throws: StoreQueryError.self) { try fixture.report(kind, period: "2025-12") }
            #expect(month.description.contains("no monthly indicators"), "\(month)")
        }
        #expect(try fixture.report(.committee, period: "2025").period == Period(year: 2025), "a year with data is reported")
    }

    /// With 2026Q1 loaded for PV01 in Luleå only, the other 20 quarterly indicators of the catalogue (22 files,
    /// HF07 retired) show 2025 K4, marked wherever their period appears and counted on the first page.
    @Test func staleIndicatorsAreMarkedAndCounted() throws {
        let fixture = try Self.withOneValueFor2026Q1()
        let committee = try fixture.workbook(try fixture.report(.committee, period: "2026Q1"))
        let summary = try committee.sheet(named: "Sammanfattning")
        let note = try #require(summary["A2"]?.string)
        #expect(note.contains("20 av 21 indikatorer saknar värde för 2026 K1"), "\(note)")
        #expect(!note.contains("PV01 "), "PV01 has its value")

        let primary = try committee.sheet(named: "3 Primärvård")
        let current = try primary.row(where: ["A": "Fast läkarkontakt", "D": "Luleå"])
        #expect(primary["C", current] == .string("2026 K1"))
        let stale = try primary.row(where: ["A": "Återinskrivning inom 30 dagar, 65+", "D": "Region Norrbotten"])
        #expect(primary["C", stale] == .string("senaste: 2025 K4"))
        #expect(primary.comments["C\(stale + 1)"] == "Inget värde för 2026 K1; det senaste är från 2025 K4.")
        #expect(primary.styles["C\(stale + 1)"]?.fontColor == "7F7F7F", "muted grey")
        let attention = summary.rows(where: ["B": "senaste: 2025 K4"])
        #expect(!attention.isEmpty, "Att notera marks them too")

        let polsam = try fixture.workbook(try fixture.report(.polsam, period: "2026Q1"))
        let overview = try polsam.sheet(named: "Översikt")
        #expect(overview["A2"]?.string?.contains("20 av 21 indikatorer saknar värde för 2026 K1") == true)
        #expect(overview["D", try overview.row(where: ["B": "Återinskrivning inom 30 dagar, 65+"])] == .string("senaste: 2025 K4"))
        #expect(overview["D", try overview.row(where: ["B": "Fast läkarkontakt"])] == .string("2026 K1"))
    }

    @Test func aCurrentPeriodIsSaidToBeComplete() throws {
        let summary = try SampleReport.committee.get().workbook.sheet(named: "Sammanfattning")
        #expect(summary["A2"]?.string?.contains("Alla 21 indikatorer som följs per kvartal har värde för 2025 K4.") == true)
        let changes = try summary.row(where: ["A": "Indikator", "F": "Orsak"])
        #expect(summary["A", changes + 1] == .string("Ingen tidigare rapport av samma slag för en tidigare period finns i rapportloggen."))
    }

    /// A committee report for 2025Q3, then Luleå's PV01 revised to 60 % for 2025Q3 and 2025Q4, then the report for
    /// 2025Q4. By hand from kvartalsdata-koder.csv: Luleå–Boden (Luleå 2580 + Boden 2582) was 34 671 / 107 360 =
    /// 32.29 % in 2025Q3, Wilson 95 % 32.02–32.57 % below the county's 32.72 %: worse. After the revision Luleå–Boden
    /// is (47 753 + 8 930) / (79 588 + 27 859) = 52.75 % in 2025Q4 against a county of about 41.8 %: better. Its
    /// 2025Q3 value went from 32,3 to (47 705 + 8 629) / 107 360 = 52,5.
    @Test func changedConclusionsNameTheirCause() throws {
        let fixture = try StoreFixture.withExamples()
        let definition = ReportDefinition(
            source: "test", title: "Uppföljning nära vård", indicators: ["HF03", "PV01"],
            areas: ["lulea-boden", "pite-alvdal", "ostra", "norra", "25"])
        _ = try fixture.workbook(try fixture.report(.committee, period: "2025Q3", definition: definition))
        let revision = try fixture.file("rättelse.csv", lines: [
            "indicator;area;period;numerator;denominator", "PV01;2580;2025Q3;47705;79508", "PV01;2580;2025Q4;47753;79588",
        ])
        #expect(try fixture.ingest(revision).summary.updated == 2)
        let workbook = try fixture.workbook(try fixture.report(.committee, period: "2025Q4", definition: definition))
        let summary = try workbook.sheet(named: "Sammanfattning")
        let header = try summary.row(where: ["A": "Indikator", "F": "Orsak"])
        #expect(summary["A", header - 1]?.string?.hasPrefix("Förändrade slutsatser sedan förra rapporten (rapport 1, 2025 kvartal 3") == true)
        let about = try workbook.sheet(named: "Om rapporten")
        #expect(about["B", try about.row(where: ["A": "Förändrade slutsatser mot"])]?.string?
            .hasPrefix("Rapport 1 för 2025 kvartal 3") == true)
        let row = try summary.row(where: ["A": "Fast läkarkontakt", "B": "Luleå–Boden", "C": "Jämfört med länet"])
        #expect(summary["D", row] == .string("sämre") && summary["E", row] == .string("bättre"))
        #expect(summary["F", row] == .string("reviderat värde (2025 K3: 32,3 → 52,5); nya data (2025 K4)"))
        let rows = summary.rows(where: ["C": "Jämfört med länet"]) + summary.rows(where: ["C": "Trend"])
        for row in rows {
            let cause = summary["F", row]?.string ?? ""
            #expect(cause.contains("nya data (2025 K4)"), "every area has 2025Q4 data the 2025Q3 report had not: \(cause)")
        }
    }

    /// PV01 turned round in the catalogue between the reports (lower is better): each area's trend keeps its
    /// arrow and changes its word, and the cause names the catalogue change beside the new quarter.
    @Test func aCatalogueChangeIsNamedAsTheCause() throws {
        let fixture = try StoreFixture.withExamples()
        let definition = ReportDefinition(source: "test", title: "Uppföljning nära vård", indicators: ["PV01"], areas: ["ostra", "25"])
        _ = try fixture.workbook(try fixture.report(.committee, period: "2025Q3", definition: definition))
        var changed = try #require(try fixture.store.catalog().indicator("PV01"))
        changed.better = .lower
        #expect(try fixture.store.loadCatalog({ var catalog = Catalog(); catalog.indicators = [changed]; return catalog }()).updated == 1)
        let summary = try fixture.workbook(try fixture.report(.committee, period: "2025Q4", definition: definition)).sheet(named: "Sammanfattning")
        let row = try summary.row(where: ["A": "Fast läkarkontakt", "B": "Östra Norrbotten", "C": "Trend"])
        let (before, now) = (try #require(summary["D", row]?.string), try #require(summary["E", row]?.string))
        #expect(before.hasSuffix("förbättras") && now.hasSuffix("försämras") && before.first == now.first, "\(before) → \(now)")
        #expect(summary["F", row] == .string("katalogändring (önskad riktning); nya data (2025 K4)"))
    }
}
