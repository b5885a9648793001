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
            "Data", "Definitioner", "Teckenförklaring", "Om rapporten",
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
        #expect(sheet.autofilter == "A\(first):G\(sheet.rows(where: ["D": "Region Norrbotten"]).last! + 1)")
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

    @Test func valuesAreColouredAgainstTheCountyByTheBetterDirection() throws {
        let sheet = try workbook.sheet(named: "3 Primärvård")
        let rows = sheet.rows(where: ["A": "Undvikbar slutenvård"])
        let county = try #require(rows.last)
        let rules = sheet.conditionalFormats.filter { $0.sqref == "E\(rows.first! + 1):E\(county + 1)" }
        // Lower is better: below the county is green.
        let good = try #require(rules.first { $0.format?.fillColor == "C6EFCE" })
        #expect(good.formulas == ["AND(ISNUMBER(E\(rows.first! + 1)),ISNUMBER($E$\(county + 1)),E\(rows.first! + 1)<$E$\(county + 1))"])
        let overview = try workbook.sheet(named: "Översikt")
        let row = try overview.row(where: ["B": "Fast läkarkontakt"])
        #expect(overview["I", row]?.number != nil, "the county's value")
        #expect(overview.conditionalFormats.contains { $0.sqref == "E\(row + 1):I\(row + 1)" && $0.formulas.first?.contains("$I\(row + 1)") == true })
    }
}
