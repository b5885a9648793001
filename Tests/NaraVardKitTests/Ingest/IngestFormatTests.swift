import Foundation
@testable import NaraVardKit
import Testing

/// The file forms analysts really have: Windows-1252 and UTF-8 (BOM or not), `;` `,` tab, decimal comma
/// or point, names or codes, every period form, missing markers, Kolada JSON.
@Suite struct IngestFormatTests {
    @Test func windows1252SemicolonWithNamesAndDecimalComma() throws {
        let fixture = try StoreFixture()
        // Windows-1252 as Swedish Excel saves it: å ä ö as single bytes, CRLF, thousands spaces;
        // the en dash in the note is byte 0x96.
        let text = "Indikator;Kommun;Period;Kön;Täljare;Nämnare;Värde;Anmärkning\r\n"
            + "PV01;Älvsbyn;2024 kv1;Totalt;1 234;7 783;15,9;\r\n"
            + "PV01;Luleå;2024K1;T;..;..;..;ej levererat – åtgärdas\r\n"
        let bytes = text.unicodeScalars.map { $0 == "–" ? UInt8(0x96) : UInt8($0.value) }
        let url = try fixture.file("kommuner.csv", bytes)
        let result = try fixture.ingest(url)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.summary.imported == 2)
        let alvsbyn = try #require(try fixture.current("PV01", "2560", "2024Q1"))
        #expect(alvsbyn.numerator == 1234)
        #expect(alvsbyn.denominator == 7783)
        #expect(alvsbyn.value == 15.9)
        let lulea = try #require(try fixture.current("PV01", "2580", "2024Q1"))
        #expect(lulea.status == .missing)
        #expect(lulea.value == nil, "a missing marker is stored as missing, never as 0")
        #expect(lulea.note == "ej levererat – åtgärdas")
    }

    @Test func utf8WithBOMCommaDelimitedCodesAndPoint() throws {
        let fixture = try StoreFixture()
        let url = try fixture.file("koder.csv", [0xEF, 0xBB, 0xBF] + Array("""
            indicator,area,period,gender,numerator,denominator,value
            PV01,2580,2024-Q2,T,23527,79034,29.8
            PV01,0025,2024Q2,T,,,31.2
            "PV01","2582","2024Q2","T","100","1000",""

            """.utf8))
        let result = try fixture.ingest(url)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.summary.imported == 3)
        #expect(try fixture.current("PV01", "25", "2024Q2")?.value == 31.2, "Kolada's 0025 is the county 25")
        #expect(try fixture.current("PV01", "2582", "2024Q2")?.value == 10, "value = 100 × 100 / 1000 from the counts")
    }

    @Test func tabDelimitedEnglishHeaderMonthAndYear() throws {
        let fixture = try StoreFixture()
        let url = try fixture.file("tab.tsv", lines: ["Indicator\tArea\tPeriod\tValue", "HF04\tBoden\t2023\t55.5", "OV06\t2584\t2024Q3\t120"])
        let result = try fixture.ingest(url)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.summary.imported == 2)
        #expect(try fixture.current("OV06", "2584", "2024Q3")?.value == 120)
    }

    @Test func koladaJSONMapsKPIAndNullIsMissing() throws {
        let fixture = try StoreFixture()
        let url = try fixture.file("kolada.json", Array("""
            {"values": [
              {"kpi": "U01405", "municipality": "2580", "period": 2023,
               "values": [{"gender": "T", "status": "", "value": 74.1, "count": 1},
                          {"gender": "K", "status": "", "value": null, "count": 0}]},
              {"kpi": "U01405", "municipality": "0001", "period": 2023,
               "values": [{"gender": "T", "status": "", "value": 70.0, "count": 1}]}
            ]}
            """.utf8))
        let refused = try fixture.ingest(url)
        #expect(refused.refused)
        #expect(refused.diagnostics.map(\.description) == ["\(url.relativePath):5: unknown area '0001' (not in the geography; --ignore-unknown-areas skips such rows)"])
        let result = try fixture.ingest(url) { $0.ignoreUnknownAreas = true }
        #expect(result.summary.imported == 2)
        #expect(result.summary.ignored == 1)
        #expect(try fixture.current("HF01", "2580", "2023")?.value == 74.1)
        var query = ObservationQuery()
        query.indicators = ["HF01"]
        query.gender = .women
        #expect(try fixture.store.observations(query).first?.status == .missing)
    }

    @Test func formulaGuardIsUndoneOnIngest() {
        #expect(CSVText.neutralize("=SUM(A1)") == "'=SUM(A1)")
        #expect(CSVText.unneutralize("'=SUM(A1)") == "=SUM(A1)")
        #expect(CSVText.unneutralize("'quoted") == "'quoted", "a ' before anything else stays")
        #expect(CSVText.neutralize("-2 dagar") == "'-2 dagar")
        #expect(CSVText.neutralize("Luleå") == "Luleå")
    }
}
