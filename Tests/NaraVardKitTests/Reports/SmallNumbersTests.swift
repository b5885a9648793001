import Foundation
@testable import NaraVardKit
import Testing
import TestSupport

/// Small numbers: suppressed, never a number, and never recoverable from a group total.
@Suite struct SmallNumbersTests {
    let geography: Geography

    init() throws {
        geography = try Catalog.bundled().geography
    }

    func value(_ area: String, _ numerator: Double, _ denominator: Double = 1000, gender: Gender = .total) -> AreaValue {
        AreaValue(indicator: "HF03", area: area, period: Period(year: 2025, quarter: 4), gender: gender,
                  value: 100_000 * numerator / denominator, numerator: numerator, denominator: denominator, status: .reported)
    }

    func suppressed(_ values: [AreaValue], totals: [String] = ["lulea-boden", "pite-alvdal", "25"]) -> Set<String> {
        let shown = SmallNumbers.suppress(values, minN: 10, unit: .per100000, totals: totals.compactMap { geography[$0] },
                                          geography: geography)
        for value in shown where value.status == .suppressed {
            #expect(value.value == nil && value.numerator == nil, "no number survives")
        }
        return Set(shown.filter { $0.status == .suppressed }.map { "\($0.area) \($0.gender.rawValue)" })
    }

    @Test func theOtherMemberOfATwoMunicipalityLansdelIsSuppressedToo() {
        // Boden 4 is small; Luleå–Boden 154 minus Luleå 150 would give it away.
        let values = [value("2580", 150), value("2582", 4), value("lulea-boden", 154, 2000)]
        #expect(suppressed(values) == ["2580 T", "2582 T"])
    }

    @Test func theSmallestOtherMemberIsChosen() {
        let values = [value("2581", 71), value("2560", 15), value("2505", 16), value("2506", 3), value("pite-alvdal", 105, 4000)]
        #expect(suppressed(values) == ["2506 T", "2560 T"])
    }

    @Test func nothingMoreWhenTheTotalIsNotShown() {
        let values = [value("2580", 150), value("2582", 4)]
        #expect(suppressed(values, totals: []) == ["2582 T"])
        #expect(suppressed([value("2580", 150), value("2582", 0)]).isEmpty, "zero is not a small number")
    }

    @Test func womenAndMenProtectEachOther() {
        let values = [value("2580", 30), value("2580", 5, gender: .women), value("2580", 25, gender: .men)]
        #expect(suppressed(values, totals: []) == ["2580 K", "2580 M"])
    }

    @Test func aHiddenTotalIsNotLeftAsTheSumOfItsParts() {
        // Luleå is hidden for Boden's sake; its women and men would add up to it, so one of them goes too.
        let values = [value("2580", 150), value("2580", 80, gender: .women), value("2580", 70, gender: .men),
                      value("2582", 4), value("lulea-boden", 154, 2000)]
        #expect(suppressed(values) == ["2580 T", "2580 M", "2582 T"])
    }

    @Test func aSumWithAMissingPartGivesNothingAway() {
        let values = [value("2580", 30), value("2580", 5, gender: .women)]
        #expect(suppressed(values, totals: []) == ["2580 K"])
    }

    @Test func theCountyProtectsASuppressedLansdel() {
        // Luleå–Boden 6 is itself small; the county minus the other länsdelar would give it away.
        let values = [value("2580", 2), value("2582", 4), value("lulea-boden", 6), value("pite-alvdal", 40),
                      value("ostra", 30), value("norra", 50), value("25", 126)]
        let hidden = suppressed(values, totals: ["lulea-boden", "pite-alvdal", "ostra", "norra", "25"])
        #expect(hidden.isSuperset(of: ["2580 T", "2582 T", "lulea-boden T", "ostra T"]))
    }

    /// Hand-made data: Boden's 4 falls under HF03's min_n of 10, so Luleå goes too; the länsdel stays.
    @Test func reportsShowPrickadEverywhereAndKeepTheLansdel() throws {
        let fixture = try StoreFixture()
        let file = try fixture.file("hf03.csv", lines: [
            "indikator;kommun;period;täljare;nämnare",
            "HF03;Luleå;2025K4;150;20000", "HF03;Boden;2025K4;4;7000",
            "HF03;Luleå;2024K4;140;20000", "HF03;Boden;2024K4;12;7000",
        ])
        #expect(try fixture.ingest(file).diagnostics.isEmpty)
        let report = try fixture.report(.polsam)
        let workbook = try fixture.workbook(report)

        let sheet = try workbook.sheet(named: "1 Hälsofrämjande")
        let lansdel = try sheet.row(where: ["A": "Fallskador 65+", "D": "Luleå–Boden"])
        #expect(sheet["E", lansdel] == .number(100_000.0 * 154 / 27_000))
        #expect(sheet["E", lansdel + 1] == .string("prickad") && sheet["D", lansdel + 1] == .string("Luleå"))
        #expect(sheet["E", lansdel + 2] == .string("prickad") && sheet["D", lansdel + 2] == .string("Boden"))
        #expect(sheet["F", lansdel + 2] == nil, "no change from a suppressed value")
        #expect(sheet.styles["E\(lansdel + 2)"]?.italic == true)

        let data = try workbook.sheet(named: "Data")
        for area in ["2580", "2582"] {
            let row = try data.row(where: ["A": "HF03", "D": area, "G": "2025Q4"])
            #expect(data["I", row] == nil && data["J", row] == nil, "neither value nor numerator")
            #expect(data["M", row] == .string("prickad"))
        }
        #expect(data["M", try data.row(where: ["A": "HF03", "D": "2582", "G": "2024Q4"])] == .string("rapporterad"))

        let files = try CSVReportWriter.write(report, to: fixture.directory.url.appending(path: "csv"))
        let csv = try String(contentsOf: try #require(files.first { $0.lastPathComponent == "data.csv" }), encoding: .utf8)
        let boden = try #require(csv.components(separatedBy: "\r\n").first { $0.hasPrefix("HF03;") && $0.contains(";2582;") && $0.contains("2025Q4") })
        #expect(boden.hasSuffix(";;;7000;per 100 000;prickad"), "\(boden)")
        let comparison = try String(contentsOf: try #require(files.first { $0.lastPathComponent == "1-halsoframjande.csv" }), encoding: .utf8)
        #expect(comparison.contains(";Boden;prickad;"))
        #expect(report.values.filter { $0.status == .suppressed }.allSatisfy { $0.value == nil }, "the log keeps no suppressed number")
    }
}
