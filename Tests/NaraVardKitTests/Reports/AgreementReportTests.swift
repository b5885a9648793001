import Foundation
@testable import NaraVardKit
import Testing
import TestSupport

/// The Överenskommelser sheet and the money per shift on Sammanfattning, written and read back. Expected
/// figures are sums of the sample files worked out by hand.
@Suite struct AgreementReportTests {
    let workbook: XLSXReader

    init() throws {
        let fixture = try StoreFixture.withAgreements()
        workbook = try fixture.workbook(try fixture.report(.committee, period: "2025Q4"))
    }

    @Test func sheetOrder() {
        #expect(workbook.sheetNames == [
            "Sammanfattning", "1 Hälsofrämjande", "2 Personcentrering", "3 Primärvård", "4 Öppnare vårdformer",
            "Överenskommelser", "Modellområden", "Trender", "Data", "Kön", "Definitioner", "Teckenförklaring", "Om rapporten",
        ])
    }

    @Test func moneyPerInsatsomradeWithAColumnChartPerAgreement() throws {
        let sheet = try workbook.sheet(named: "Överenskommelser")
        #expect(sheet["A1"] == .string("Nationella överenskommelser 2022"))
        let header = try sheet.row(where: ["A": "Överenskommelse", "B": "Insatsområde"])
        #expect(["D", "E", "F", "G", "H", "I"].map { sheet[$0, header]?.string } == [
            "Tilldelat (kr)", "Gemensamt med kommunerna (kr)", "Beslutat (kr)", "Förbrukat (kr)", "Kvar (kr)", "Förbrukat (%)",
        ])
        let nav = try sheet.row(where: ["B": "Nära vård med PV som nav"])
        #expect(sheet["C", nav] == .string("3 Primärvård"))
        #expect(sheet["D", nav] == .number(57_923_351))
        #expect(sheet["F", nav] == .number(18_500_000))
        #expect(sheet["G", nav] == .number(4_770_500.5))
        #expect(sheet["H", nav] == .number(53_152_850.5))
        let percent = try #require(sheet["I", nav]?.number)
        #expect(abs(percent - 8.2359) < 0.0001)
        #expect(sheet["J", nav]?.string?.hasPrefix("PV01 ") == true)
        // Issue 13, item 7: each link's reason from the agreements file, one line per indicator.
        #expect(sheet["K", header] == .string("Varför indikatorerna"))
        let reasons = try #require(sheet["K", nav]?.string).components(separatedBy: "\n")
        #expect(reasons.map { String($0.prefix(6)) } == ["PV01: ", "PV02: ", "PV05: ", "OV03: "])
        #expect(reasons.allSatisfy { $0.dropFirst(6).hasPrefix("Underlag 001") })
        let youth = try sheet.row(where: ["B": "Ungdomsmottagningar"])
        #expect(sheet["K", youth]?.string?.hasPrefix("HF09: Underlag 001") == true, "not HF06, adults' health talks")
        #expect(sheet["K", try sheet.row(where: ["B": "Traumavård"])] == nil, "no linked indicator, no reason")
        let samsjuklighet = try sheet.row(where: ["B": "Insatser för personer med samsjuklighet"])
        #expect(sheet["D", samsjuklighet] == .number(3_635_986) && sheet["E", samsjuklighet] == .number(7_271_973))

        #expect(sheet.charts.count == 2)
        let chart = try #require(sheet.charts.first { $0.title == "God och nära vård 2022" })
        #expect(chart.type == "bar", "a bar chart: the insatsområden's names read level")
        #expect(chart.series.count == 3)
        let rows = sheet.rows(where: ["A": "God och nära vård"]).filter { $0 > header }
        #expect(rows.count == 7, "six insatsområden, and the agreement's line in the table per agreement")
        let first = rows.first! + 1, last = rows.prefix(6).last! + 1
        #expect(sheet["D", rows[6]] == .number(121_500_492) && sheet["E", rows[6]] == .number(31_643_907))
        for (series, column) in zip(chart.series, ["D", "F", "G"]) {
            #expect(series.valuesRef?.hasSuffix("!$\(column)$\(first):$\(column)$\(last)") == true, "\(series)")
        }
        #expect(chart.series.allSatisfy { $0.categoriesRef?.hasSuffix("$B$\(first):$B$\(last)") == true })
    }

    @Test func moneyPerShiftOnTheSummary() throws {
        let summary = try workbook.sheet(named: "Sammanfattning")
        let caption = try #require(summary.cells.first { $0.value.string?.hasPrefix("Medel från nationella överenskommelser 2022") == true })
        let header = Int(caption.key.drop { $0.isLetter })!  // the caption's 1-based row is the header's 0-based one
        #expect(summary["B", header] == .string("Tilldelat (kr)"))
        let rows = summary.rows(where: ["A": "1 Mer hälsofrämjande och förebyggande insatser"]).filter { $0 > header }
        let row = try #require(rows.first)
        // 8 131 871 + 2 391 550 + 1 648 352 allocated; 6 500 000 + 1 800 000 + 1 200 000 decided;
        // 1 100 000 + 1 985 000 + 415 800 + 96 000 spent.
        #expect(summary["B", row] == .number(12_171_773))
        #expect(summary["C", row] == .number(9_500_000))
        #expect(summary["D", row] == .number(3_596_800))
        let shift3 = try #require(summary.rows(where: ["A": "3 Stärkt gemensam primärvård"]).filter { $0 > header }.first)
        // 57 923 351 + 46 946 134 + 9 566 202 + 2 391 550 + 5 189 664 + 2 391 550 + 1 195 775.
        #expect(summary["B", shift3] == .number(125_604_226))
    }
}
