import Foundation
@testable import NaraVardKit
import Testing
import TestSupport

/// The Polsam workbook: länsdelar and the county side by side, municipalities beneath, a column chart each.
@Suite struct PolsamReportTests {
    let workbook: XLSXReader

    init() throws {
        workbook = try SampleReport.polsam.get().workbook
    }

    @Test func sheets() throws {
        #expect(workbook.sheetNames == [
            "Översikt", "1 Hälsofrämjande", "2 Personcentrering", "3 Primärvård", "4 Öppnare vårdformer",
            "Trattdiagram", "Data", "Definitioner", "Teckenförklaring", "Om rapporten",
        ])
        #expect(try workbook.documentProperties().title == "Jämförelse länsdelar och kommuner – 2025 kvartal 4")
    }

    @Test func municipalitiesSitBeneathTheirLansdel() throws {
        let sheet = try workbook.sheet(named: "3 Primärvård")
        let rows = sheet.rows(where: ["A": "Fast läkarkontakt"])
        #expect(rows.map { sheet["D", $0]?.string ?? "" } == [
            "Luleå–Boden", "Luleå", "Boden", "Pite älvdal", "Piteå", "Älvsbyn", "Arvidsjaur", "Arjeplog",
            "Östra Norrbotten", "Kalix", "Haparanda", "Övertorneå", "Överkalix",
            "Norra Norrbotten (Malmfälten)", "Kiruna", "Gällivare", "Pajala", "Jokkmokk", "Region Norrbotten",
        ])
        #expect(sheet.styles["D\(rows[0] + 1)"]?.bold == true && sheet.styles["D\(rows[0] + 1)"]?.indent == 0)
        #expect(sheet.styles["D\(rows[1] + 1)"]?.bold == false && sheet.styles["D\(rows[1] + 1)"]?.indent == 1)
        #expect(sheet["E", rows[1]]?.number != nil, "values are numbers")
        // The header stays above the sheet's first indicator (OV05, the first id of shift 3).
        let first = try #require(sheet.rows(where: ["D": "Luleå–Boden"]).first)
        #expect(sheet["A", first]?.string == "Primärvårdens kostnadsandel")
        #expect(sheet.frozenPane?.rows == first)
        #expect(sheet.autofilter == "A\(first):J\(sheet.rows(where: ["D": "Region Norrbotten"]).last! + 1)")
    }

    /// PC01 is published only for the county: its länsdel cells are empty (not "saknas"), the county has its value.
    @Test func aCountyOnlyIndicatorIsShownForTheCountyAlone() throws {
        let sheet = try workbook.sheet(named: "Översikt")
        let row = try sheet.row(where: ["B": "Förtroende för hälso- och sjukvården"])
        let header = try sheet.row(where: ["B": "Indikator"])
        let county = try #require(["E", "F", "G", "H", "I"].first { sheet[$0, header]?.string == "Region Norrbotten" })
        #expect(sheet[county, row]?.number != nil)
        for column in ["E", "F", "G", "H", "I"] where column != county { #expect(sheet[column, row] == .blank, "\(column)") }
        let comparison = try workbook.sheet(named: "2 Personcentrering")
        #expect(comparison.rows(where: ["A": "Förtroende för hälso- och sjukvården"]).map { comparison["D", $0]?.string } == ["Region Norrbotten"])
        // HF08 is published per municipality and for the county, not per länsdel: the länsdel row is only a heading.
        let health = try workbook.sheet(named: "1 Hälsofrämjande")
        let suicide = health.rows(where: ["A": "Självmord 25 år och äldre"])
        #expect(suicide.count == 19, "four länsdelar, their 14 municipalities and the county")
        let lansdel = try #require(suicide.first { health["D", $0]?.string == "Luleå–Boden" })
        #expect(health["E", lansdel] == .blank && health["G", lansdel] == .blank)
        #expect(health["E", lansdel + 1]?.number != nil, "Luleå beneath it has its value")
        #expect(health["E", try #require(suicide.last)]?.number != nil, "the county has Kolada's value")
    }

    @Test func aColumnChartPerIndicator() throws {
        let sheet = try workbook.sheet(named: "3 Primärvård")
        #expect(sheet.charts.count == 12, "PV01–PV11 and OV05")
        let chart = try #require(sheet.charts.first { $0.title == "Fast läkarkontakt (%)" })
        let rows = sheet.rows(where: ["A": "Fast läkarkontakt"])
        #expect(chart.type == "col" && chart.legendPosition == nil && chart.yAxisMinimum == 0)
        #expect(chart.series.first?.valuesRef == "'3 Primärvård'!$E$\(rows.first! + 1):$E$\(rows.last! + 1)")
        #expect(chart.series.first?.categoriesRef == "'3 Primärvård'!$D$\(rows.first! + 1):$D$\(rows.last! + 1)")
        #expect(chart.anchorRow == rows.first!)
    }

    /// Expected verdicts worked out in Python (scipy 1.17.1's normal quantile and the Wilson formula) from the
    /// sample's PV01 2025Q4 counts: the county is 82 238 / 247 177 = 33.2709 %; Luleå–Boden 35 550 / 107 447 has
    /// 32.8053–33.3680 (similar), Norra 36.2026–37.0500 (better), Östra 25.3739–26.3418 (worse), Pite älvdal
    /// 34.3605–35.1313 (better); Luleå 33.1203–33.7758 (similar), Boden 31.5088–32.6047 (worse).
    @Test func onlyBetterAndWorseAreColouredAndEachValueShowsItsInterval() throws {
        let sheet = try workbook.sheet(named: "3 Primärvård")
        func row(_ area: String) throws -> Int { try sheet.row(where: ["A": "Fast läkarkontakt", "D": area]) }
        let expected: [(String, String?, String, String)] = [
            ("Luleå–Boden", nil, "likvärdig", "32,8–33,4"), ("Norra Norrbotten (Malmfälten)", "C6EFCE", "bättre", "36,2–37,1"),
            ("Östra Norrbotten", "FFC7CE", "sämre", "25,4–26,3"), ("Pite älvdal", "C6EFCE", "bättre", "34,4–35,1"),
            ("Luleå", nil, "likvärdig", "33,1–33,8"), ("Boden", "FFC7CE", "sämre", "31,5–32,6"),
            ("Region Norrbotten", nil, "jämförelsevärde", "33,1–33,5"),
        ]
        for (area, fill, verdict, interval) in expected {
            let row = try row(area)
            #expect(sheet.styles["E\(row + 1)"]?.fillColor == fill, "\(area)")
            #expect(sheet["I", row] == .string(interval), "\(area)")
            #expect(sheet["J", row] == .string(verdict), "\(area)")
            #expect(sheet.comments["E\(row + 1)"]?.contains("95 % konfidensintervall \(interval).") == true, "\(area)")
        }
        // No rule colours a value against the county's any more; the verdict words are coloured by label.
        #expect(!sheet.conditionalFormats.contains { $0.sqref.hasPrefix("E") })
        let verdicts = sheet.conditionalFormats.filter { $0.sqref.hasPrefix("J") }
        #expect(Set(verdicts.flatMap(\.formulas)) == ["\"bättre\"", "\"sämre\""], "likvärdig is never coloured")

        let overview = try workbook.sheet(named: "Översikt")
        let line = try overview.row(where: ["B": "Fast läkarkontakt"])
        let fills = try Self.overviewColumns(overview).mapValues { overview.styles["\($0)\(line + 1)"]?.fillColor }
        #expect(fills == ["Luleå–Boden": nil, "Norra Norrbotten (Malmfälten)": "C6EFCE", "Pite älvdal": "C6EFCE",
                          "Östra Norrbotten": "FFC7CE", "Region Norrbotten": nil])
        #expect(overview.conditionalFormats.isEmpty)
    }

    /// The column letter of each area on Översikt, read from its header row.
    static func overviewColumns(_ overview: SheetContents) throws -> [String: String] {
        let header = try overview.row(where: ["A": "Riktningsförändring", "B": "Indikator"])
        return Dictionary(uniqueKeysWithValues: ["E", "F", "G", "H", "I"].compactMap { column in
            overview[column, header]?.string.map { ($0, column) }
        })
    }

    /// OV06 (a count, higher is better): Östra's 1 118 visits over its 31 974 inhabitants are 34.966 per 1 000
    /// against the county's 4 430 over 248 480 = 17.828; the chart draws the rates, not the totals.
    @Test func countsAreComparedPer1000Inhabitants() throws {
        let sheet = try workbook.sheet(named: "4 Öppnare vårdformer")
        let name = "Besök vid filialer och servicepunkter"
        let rows = sheet.rows(where: ["A": name])
        let ostra = try sheet.row(where: ["A": name, "D": "Östra Norrbotten"])
        #expect(sheet["E", ostra] == .number(1118))
        #expect(abs(try #require(sheet["H", ostra]?.number) - 1000.0 * 1118 / 31974) < 1e-9)
        #expect(sheet.styles["H\(ostra + 1)"]?.fillColor == "C6EFCE" && sheet.styles["E\(ostra + 1)"]?.fillColor == nil)
        #expect(sheet["J", ostra] == .string("bättre"))
        let county = try #require(rows.last)
        #expect(abs(try #require(sheet["H", county]?.number) - 1000.0 * 4430 / 248_480) < 1e-9)
        let chart = try #require(sheet.charts.first { $0.title == "\(name) (per 1 000 invånare)" })
        #expect(chart.series.first?.valuesRef == "'4 Öppnare vårdformer'!$H$\(rows.first! + 1):$H$\(rows.last! + 1)")
        let overview = try workbook.sheet(named: "Översikt")
        let line = try overview.row(where: ["B": name])
        #expect(overview["C", line] == .string("antal per 1 000 invånare"))
        let column = try #require(try Self.overviewColumns(overview)["Östra Norrbotten"])
        #expect(abs(try #require(overview[column, line]?.number) - 1000.0 * 1118 / 31974) < 1e-9)
    }

    @Test func suppressedValuesShowNoIntervalAndNoVerdict() throws {
        var suppressed = 0
        for name in ["1 Hälsofrämjande", "2 Personcentrering", "3 Primärvård", "4 Öppnare vårdformer"] {
            let sheet = try workbook.sheet(named: name)
            for row in 0..<1000 where sheet["E", row] == .string("prickad") {
                suppressed += 1
                #expect(sheet["H", row] == nil && sheet["I", row] == nil && sheet["J", row] == nil, "\(name) row \(row + 1)")
                #expect(sheet.styles["E\(row + 1)"]?.fillColor == nil && sheet.comments["E\(row + 1)"] == nil)
            }
        }
        #expect(suppressed > 0, "the sample has suppressed values")
    }

    /// PV01's funnel: the 18 municipalities and länsdelar with a value as points, the county's 33.2709 % as a line,
    /// and the limits; at Arjeplog's 2 544 the 95 % limits are the Wilson limits of E = 2 544 · 0.332709 out of
    /// 2 544, 31.466362 %–35.125873 % (Python, scipy 1.17.1).
    @Test func funnelPlotsOnTrattdiagram() throws {
        let sheet = try workbook.sheet(named: "Trattdiagram")
        let chart = try #require(sheet.charts.first { $0.title == "Fast läkarkontakt (%), 2025 K4" })
        #expect(chart.type == "scatter" && chart.series.count == 6)
        let rows = sheet.rows(where: ["A": "Fast läkarkontakt"])
        let first = rows.first! + 1, last = rows.last! + 1
        #expect(rows.count == 18 + ReportBuilder.funnelGridPoints)
        #expect(chart.series.map(\.categoriesRef) == Array(repeating: "Trattdiagram!$C$\(first):$C$\(last)", count: 6))
        #expect(chart.series.map(\.valuesRef) == ["D", "E", "F", "G", "H", "I"].map { "Trattdiagram!$\($0)$\(first):$\($0)$\(last)" })
        #expect(chart.series[0].hasLine == false && chart.series[0].marker == "circle", "the areas are points")
        #expect(chart.series[1...].allSatisfy(\.hasLine) && chart.series[4].dash == "dash" && chart.series[2].dash == nil)
        let denominators = rows.compactMap { sheet["C", $0]?.number }
        #expect(denominators == denominators.sorted(), "sorted by denominator, so the limit lines run left to right")
        let arjeplog = try sheet.row(where: ["A": "Fast läkarkontakt", "B": "Arjeplog"])
        #expect(sheet["C", arjeplog] == .number(2544) && sheet["D", arjeplog] == .number(39.8))
        #expect(abs(try #require(sheet["E", arjeplog]?.number) - 33.27089494572715) < 1e-9)
        #expect(abs(try #require(sheet["F", arjeplog]?.number) - 31.46636248072894) < 1e-9)
        #expect(abs(try #require(sheet["G", arjeplog]?.number) - 35.12587338172607) < 1e-9)
        #expect(!sheet.charts.contains { $0.title?.hasPrefix("Besök vid filialer") == true }, "no funnel for a count")
    }

    @Test func theLegendExplainsIntervalsAndLikvardig() throws {
        let legend = try workbook.sheet(named: "Teckenförklaring")
        let words = legend.cells.values.compactMap(\.string)
        #expect(words.contains("95 % konfidensintervall") && words.contains("likvärdig") && words.contains("Per 1 000 invånare"))
    }
}
