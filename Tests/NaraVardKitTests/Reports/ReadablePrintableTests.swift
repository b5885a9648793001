import Foundation
@testable import NaraVardKit
import Testing
import TestSupport

/// Issue 13, items 3–5 and 7: the workbooks speak plain Swedish to politicians, print as a meeting document,
/// show years without grouping and money in mkr, and say when an agreement's spending is not followed up.
@Suite struct ReadablePrintableTests {
    let committee: XLSXReader
    let polsam: XLSXReader

    init() throws {
        let fixture = try StoreFixture.withAgreements()
        committee = try fixture.workbook(try fixture.report(.committee, period: "2025Q4"))
        polsam = try fixture.workbook(try fixture.report(.polsam, period: "2025Q4"))
    }

    /// English words naravard could leak (its notes, Excel's defaults); matched as whole words.
    static let english = ["bundled", "catalogue", "catalog", "agreements", "revert", "the", "and", "of", "import of", "value",
                          "values", "missing", "suppressed", "total", "series", "sheet", "true", "false", "nil", "none",
                          "improving", "worsening", "trend:", "period:"]
    /// Method words that belong on Trender, Data and Teckenförklaring, not on the sheets politicians read.
    static let technical = ["Sen-lutning", "SPC", "Särskild orsak", "Mann–Kendall", "Mann-Kendall", "p-värde",
                            "Data till och med import", "--as-of", "Making Data Count"]
    static func politicians(_ names: [String]) -> [String] {
        names.filter { ["Sammanfattning", "Översikt", "Överenskommelser", "Modellområden"].contains($0) || $0.first?.isNumber == true }
    }

    func strings(_ workbook: XLSXReader, sheets: [String]) throws -> [(sheet: String, cell: String, text: String)] {
        try sheets.flatMap { name in
            try workbook.sheet(named: name).cells.compactMap { cell, value in value.string.map { (name, cell, $0) } }
        }
    }

    static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split { !$0.isLetter && $0 != ":" && $0 != "-" }.map(String.init))
    }

    @Test(arguments: ["committee", "polsam"]) func noEnglishAnywhere(_ kind: String) throws {
        let workbook = kind == "committee" ? committee : polsam
        // Proper names of methods may be English ("Making Data Count"); everything else is Swedish.
        for (sheet, cell, text) in try strings(workbook, sheets: workbook.sheetNames) where !text.contains("/") {  // not file paths
            let words = Self.words(text.replacingOccurrences(of: "Making Data Count", with: ""))
            let found = Self.english.filter { $0.contains(" ") ? text.lowercased().contains($0) : words.contains($0) }
            #expect(found.isEmpty, "\(kind) \(sheet)!\(cell): \(text)")
        }
    }

    @Test(arguments: ["committee", "polsam"]) func plainSwedishForPoliticians(_ kind: String) throws {
        let workbook = kind == "committee" ? committee : polsam
        let sheets = Self.politicians(workbook.sheetNames)
        #expect(sheets.count >= 5)
        for (sheet, cell, text) in try strings(workbook, sheets: sheets) {
            let found = Self.technical.filter { text.contains($0) }
            #expect(found.isEmpty, "\(kind) \(sheet)!\(cell): \(text)")
        }
        // The methods stay for analysts, explained in Teckenförklaring.
        if kind == "committee" {
            let trends = try workbook.sheet(named: "Trender")
            #expect(trends.cells.values.contains(.string("Sen-lutning per period")) && trends.cells.values.contains(.string("Variation (SPC)")))
            let legend = try workbook.sheet(named: "Teckenförklaring")
            for term in ["Mann–Kendall p", "Sen-lutning per period", "Variation (SPC)"] {
                #expect(legend.cells.values.contains(.string(term)), "\(term)")
            }
        }
        // A red one-year change beside a green trend is explained on the sheet that shows both.
        let shift = try workbook.sheet(named: "1 Hälsofrämjande")
        #expect(shift.cells.values.contains(.string(ReportBuilder.changeAndTrend)))
    }

    /// What prints by default: the selected sheets (Excel's "Print Active Sheets"), each with a print area,
    /// A4 landscape fitted to the width, repeated header rows and a page title; the analysts' sheets print only
    /// when chosen.
    @Test(arguments: ["committee", "polsam"]) func printSettings(_ kind: String) throws {
        let workbook = kind == "committee" ? committee : polsam
        let printed = kind == "committee"
            ? ["Sammanfattning", "1 Hälsofrämjande", "2 Personcentrering", "3 Primärvård", "4 Öppnare vårdformer",
               "Överenskommelser", "Modellområden", "Teckenförklaring"]
            : ["Översikt", "1 Hälsofrämjande", "2 Personcentrering", "3 Primärvård", "4 Öppnare vårdformer", "Teckenförklaring"]
        for name in workbook.sheetNames {
            let sheet = try workbook.sheet(named: name)
            let setup = sheet.pageSetup
            #expect(setup.orientation == "landscape" && setup.paperSize == 9, "\(name)")
            #expect(setup.fitToPage && setup.fitToWidth == 1 && setup.fitToHeight == 0, "fit to the page width: \(name)")
            #expect(setup.header?.contains("&R&A") == true && setup.footer?.contains("Sida &P av &N") == true, "\(name)")
            if printed.contains(name) {
                #expect(sheet.isSelectedTab, "\(name) prints by default")
                let area = try #require(sheet.printArea, "\(name)")
                #expect(area.contains("$A$1:$"), "\(name): \(area)")
            } else {
                #expect(!sheet.isSelectedTab && sheet.printArea == nil, "\(name) prints only when chosen")
            }
        }
        #expect(try workbook.sheet(named: "1 Hälsofrämjande").printTitles != nil, "the header row repeats on every page")
        #expect(workbook.activeSheetIndex == 0)
    }

    @Test func yearsAreNotGroupedAndMoneyReadsInMkr() throws {
        let sheet = try committee.sheet(named: "Överenskommelser")
        let header = try sheet.row(where: ["A": "Överenskommelse", "B": "År"])
        let row = try #require(sheet.rows(where: ["B": "2022"]).first ?? (sheet[ "B", header + 1]?.number == 2022 ? header + 1 : nil))
        #expect(sheet["B", row] == .number(2022))
        #expect(sheet.styles["B\(row + 1)"]?.numberFormat == "0", "2022, not 2,022 or 2 022")
        #expect(sheet.styles["D\(row + 1)"]?.numberFormat == "#,##0", "kronor grouped by the reader's locale")
        let drawing = try committee.partNames.filter { $0.hasPrefix("xl/charts/chart") }.map { String(decoding: try committee.part($0), as: UTF8.self) }
        #expect(drawing.contains { $0.contains("formatCode=\"#,##0.0,,\"") && $0.contains("mkr") }, "the money axis in millions")
    }

    @Test func spendingNamesItsLastQuarterAndUnknownIsNotZero() throws {
        let sheet = try committee.sheet(named: "Överenskommelser")
        let subtitle = try #require(sheet["A2"]?.string)
        #expect(subtitle.contains("förbrukat till och med 2022 kvartal 4"), "\(subtitle)")
        #expect(!subtitle.contains("2025"))
        let header = try sheet.row(where: ["A": "Överenskommelse", "B": "Insatsområde"])
        let unknown = sheet.cells.filter { $0.value == .string(ReportText.notFollowedUp) }
        #expect(!unknown.isEmpty, "an agreement without spending entered")
        for (cell, _) in unknown {
            let row = Int(cell.drop { $0.isLetter })! - 1
            #expect(row > header)
            #expect(sheet["I", row]?.number == nil, "no 0 % used")
        }
    }
}

/// Issue 13, item 6: the rural model areas on a sheet of their own in the committee workbook.
@Suite struct ModelAreaReportTests {
    let workbook: XLSXReader

    init() throws {
        workbook = try SampleReport.committee.get().workbook
    }

    @Test func aSheetOfTheirOwnWithTheCountyBeneath() throws {
        let sheet = try workbook.sheet(named: "Modellområden")
        let header = try sheet.row(where: ["A": "Indikator"])
        #expect(["E", "F", "G", "J"].map { sheet[$0, header]?.string } == ["Värde", "Förändring 1 år", "Trend", "Jämfört med länet"])
        let rows = sheet.rows(where: ["A": "Fast läkarkontakt"])
        #expect(rows.map { sheet["D", $0]?.string } == ["Modellområde Jokkmokk", "Modellområde Östra Norrbotten", "Region Norrbotten"])
        #expect(sheet["J", rows[2]] == .string("jämförelsevärde"))
        #expect(ReportText.trendLabels.map(\.text).contains(sheet["G", rows[0]]?.string ?? "-"))
    }

    /// Östra Norrbotten's model area has the länsdel's members: the same values, and the sheet says so.
    @Test func aModelAreaLikeALansdelSaysSo() throws {
        let sheet = try workbook.sheet(named: "Modellområden")
        let shift = try workbook.sheet(named: "3 Primärvård")
        let model = try sheet.row(where: ["A": "Fast läkarkontakt", "D": "Modellområde Östra Norrbotten"])
        let lansdel = try shift.row(where: ["A": "Fast läkarkontakt", "D": "Östra Norrbotten"])
        #expect(sheet["E", model] != nil && sheet["E", model] == shift["E", lansdel])
        #expect(sheet.cells.values.contains { $0.string?.hasPrefix("Modellområde Östra Norrbotten har samma kommuner som länsdelen Östra Norrbotten") == true })
    }

    /// Jokkmokk's model area is Jokkmokk: its values, also PV02's, which is given without counts (0,36 in 2025 K4).
    @Test func aOneMemberAreaShowsItsMembersValues() throws {
        let sheet = try workbook.sheet(named: "Modellområden")
        let index = try sheet.row(where: ["A": "Kontinuitetsindex läkare primärvård", "D": "Modellområde Jokkmokk"])
        #expect(sheet["E", index] == .number(0.36))
        let shift = try workbook.sheet(named: "3 Primärvård")
        let model = try sheet.row(where: ["A": "Fast läkarkontakt", "D": "Modellområde Jokkmokk"])
        #expect(sheet["E", model] == shift["E", try shift.row(where: ["A": "Fast läkarkontakt", "D": "Jokkmokk"])])
        #expect(sheet.cells.values.contains { $0.string?.hasPrefix("Modellområde Jokkmokk är en kommun, Jokkmokk") == true })
    }
}

@Test(arguments: [(31.24, 1, "31,2"), (-0.5, 1, "-0,5"), (248_480, 0, "248\u{00A0}480"), (4191.04, 1, "4\u{00A0}191,0"),
                  (-1_234_567, 0, "-1\u{00A0}234\u{00A0}567"), (999, 0, "999")])
func numbersInTextAreGroupedTheSwedishWay(_ value: Double, _ decimals: Int, _ text: String) {
    #expect(ReportText.number(value, decimals: decimals) == text)
}
