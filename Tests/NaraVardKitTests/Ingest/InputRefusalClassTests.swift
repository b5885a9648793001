import Foundation
@testable import NaraVardKit
import Testing

/// Input that once was read wrong and stored anyway (issue 11): each class is refused with exit 65's
/// `FILE:LINE[:COLUMN]: message`, and nothing is written.
@Suite struct InputRefusalClassTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var file = "bad.csv"
        var bytes: [UInt8]
        /// Where the problem is: `LINE` or `LINE:COLUMN` after the file name.
        var location: String
        var message: String
        var testDescription: String { name }

        init(_ name: String, file: String = "bad.csv", _ text: String, at location: String, _ message: String) {
            self.name = name
            self.file = file
            bytes = Array(text.utf8)
            self.location = location
            self.message = message
        }
    }

    static let header = "indicator;area;period;gender;numerator;denominator;value;note\n"
    static func kolada(_ item: String, period: String = "2023") -> String {
        "{\"values\": [\n  {\"kpi\": \"U01405\", \"municipality\": \"2580\", \"period\": \(period),\n   \"values\": [\(item)]}\n]}\n"
    }

    static let cases: [Case] = [
        // An unclosed quote anywhere.
        Case("unclosed quote in the last field swallows the next rows",
             header + "PV01;2580;2024Q1;T;1;2;;\"anmärkning\nPV01;2582;2024Q1;T;1;2;;\n", at: "2:25", "quote"),
        Case("unclosed quote at the end of a row", header + "PV01;2580;2024Q1;T;1;2;;\"\n", at: "2:25", "never closed"),
        Case("unclosed quote at the end of the file", header + "PV01;2580;2024Q1;T;1;2;;\"", at: "2:25", "never closed"),
        Case("text after a closing quote", header + "PV01;2580;\"2024\"Q1;T;1;2;;\n", at: "2:17", "after the closing quote"),
        // Rows whose fields do not match the header.
        Case("unquoted decimal comma in a comma file", "indicator,area,period,gender,value\nPV01,2580,2024Q1,T,7,5\n",
             at: "2", "6 fields but the header has 5"),
        Case("a row cut short before its numbers", header + "PV01;2580;2024Q1;T\n", at: "2", "lacks numerator, denominator, value"),
        // Kolada JSON: types, duplicate keys and positions.
        Case("Kolada value an object", file: "k.json", kolada("{\"gender\": \"T\", \"value\": {\"v\": 1}}"), at: "3:40",
             "a number or null"),
        Case("Kolada value an array", file: "k.json", kolada("{\"gender\": \"T\", \"value\": [74.1]}"), at: "3:40", "a number or null"),
        Case("Kolada value a boolean", file: "k.json", kolada("{\"gender\": \"T\", \"value\": true}"), at: "3:40", "a number or null"),
        Case("Kolada value a string", file: "k.json", kolada("{\"gender\": \"T\", \"value\": \"74,1\"}"), at: "3:40", "a number or null"),
        Case("Kolada period a string", file: "k.json", kolada("{\"gender\": \"T\", \"value\": 74.1}", period: "\"2023\""),
             at: "2:55", "period"),
        Case("Kolada duplicate key", file: "k.json", kolada("{\"gender\": \"T\", \"value\": 74.1, \"value\": 12}"), at: "3:46",
             "\"value\" is given twice"),
        Case("Kolada syntax error has a column", file: "k.json", "{\"values\": [\n  {\"kpi\": \"U01405\",, }\n]}", at: "2:20",
             "not valid JSON"),
        // Numbers that cannot be what the indicator counts.
        Case("a fraction for a count indicator", header + "OV06;2580;2024Q1;T;;;2,5;\n", at: "2", "whole number"),
        Case("a fractional numerator for a count indicator", header + "OV06;2580;2024Q1;T;2,5;;;\n", at: "2", "whole number"),
    ]

    @Test(arguments: cases)
    func refused(_ bad: Case) throws {
        let fixture = try StoreFixture()
        let before = try fixture.writtenRows()
        let url = try fixture.file(bad.file, bad.bytes)
        let result = try fixture.ingest(url)
        #expect(result.refused)
        let messages = result.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("\(url.relativePath):\(bad.location): ") && $0.contains(bad.message) }, "got \(messages)")
        #expect(try fixture.writtenRows() == before)
    }

    /// A row may leave off trailing fields that would be empty (a note, a status), never a number.
    @Test func aRowMayLackOnlyTrailingOptionalFields() throws {
        let fixture = try StoreFixture()
        let url = try fixture.file("ok.csv", Array((Self.header + "PV01;2580;2024Q1;T;1;2;50\nPV01;2582;2024Q1\n").utf8))
        let result = try fixture.ingest(url) { $0.skipInvalid = true }
        #expect(result.summary.imported == 1 && result.summary.rejected == 1, "\(result.diagnostics)")
        #expect(result.diagnostics.map(\.line) == [3])
    }

    /// A negative population in an area table is refused at its line.
    @Test func aNegativePopulationIsRefused() throws {
        let text = "code;name;kind;population\n2580;Luleå;municipality;-5\n"
        #expect {
            _ = try Catalog.read(files: [(path: "areas.csv", text: text)])
        } throws: { error in
            (error as? Diagnostics)?.items.contains { $0.location.hasPrefix("areas.csv:2") && $0.message.contains("negative") } == true
        }
    }

    // MARK: - Encodings

    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        return bytes
    }

    /// Excel's "Unicode text" is UTF-16 with a byte order mark, tab-separated: it is read, not garbled.
    @Test(arguments: [false, true])
    func utf16FilesAreRead(bigEndian: Bool) throws {
        let fixture = try StoreFixture()
        let text = "indikator\tkommun\tperiod\tkön\ttäljare\tnämnare\tvärde\nPV01\tLuleå\t2024Q1\tT\t1\t4\t25,0\n"
        let url = try fixture.file("unicode.txt", Self.utf16(text, bigEndian: bigEndian))
        let result = try fixture.ingest(url)
        #expect(!result.refused && result.summary.imported == 1, "\(result.diagnostics)")
        #expect(try fixture.current("PV01", "2580", "2024Q1")?.value == 25)

        let json = Self.kolada("{\"gender\": \"T\", \"value\": 74.1}")
        let kolada = try fixture.ingest(try fixture.file("kolada.json", Self.utf16(json, bigEndian: bigEndian)))
        #expect(!kolada.refused && kolada.summary.imported == 1, "\(kolada.diagnostics)")
    }

    /// A catalogue file in UTF-16 is refused in one line naming the encoding.
    @Test func aUTF16CatalogueFileNamesTheEncoding() throws {
        let fixture = try StoreFixture()
        let url = try fixture.file("PV99.yaml", Self.utf16("id: PV99\n", bigEndian: false))
        let (_, problems) = Catalog.texts(of: [url])
        #expect(problems.map(\.message) == ["UTF-16 (little-endian) text: save it as UTF-8"], "\(problems)")
    }

    // MARK: - Money used, through the same doors

    static let useHeader = "aktivitet;period;förbrukat;anmärkning\n"

    static let useCases: [Case] = [
        Case("money beyond the stored range", useHeader + "A22-01;2022 kv3;99999999999999999999999;\n", at: "2", "too large"),
        Case("unclosed quote in a use file", useHeader + "A22-01;2022 kv3;\"450 000;\nA22-02;2022 kv4;1;\n", at: "2:17", "never closed"),
        Case("a use row with more fields than the header", "aktivitet,period,förbrukat\nA22-01,2022 kv3,450,5\n", at: "2",
             "4 fields but the header has 3"),
        Case("a use row cut short", useHeader + "A22-01;2022 kv3\n", at: "2", "lacks spent"),
    ]

    func agreementFixture() throws -> StoreFixture {
        let fixture = try StoreFixture()
        try fixture.store.loadAgreements(AgreementBook.bundled())
        try fixture.store.loadAgreements(AgreementBook.read(paths: [StoreFixture.examples.appending(path: "overenskommelser/aktiviteter-2022.yaml")]))
        return fixture
    }

    func useRows(_ fixture: StoreFixture) throws -> Int {
        try fixture.store.dbWriter.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM activity_use") ?? -1 }
    }

    @Test(arguments: useCases)
    func useRefused(_ bad: Case) throws {
        let fixture = try agreementFixture()
        let url = try fixture.file(bad.file, bad.bytes)
        let result = try fixture.store.ingestAgreementUse([url])
        #expect(result.refused)
        let messages = result.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("\(url.relativePath):\(bad.location): ") && $0.contains(bad.message) }, "got \(messages)")
        #expect(try useRows(fixture) == 0)
    }

    /// A record running past 16 MiB inside an open quote stops both kinds of ingest at its line.
    @Test func aRecordTooLongInAnOpenQuoteStopsAgreementUseToo() throws {
        let fixture = try agreementFixture()
        let bytes = Array((Self.useHeader + "A22-01;2022 kv3;1;\nA22-01;\"").utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 17 << 20)
        let url = try fixture.file("lång.csv", bytes)
        let result = try fixture.store.ingestAgreementUse([url])
        #expect(result.refused)
        #expect(result.diagnostics.last?.description.hasPrefix("\(url.relativePath):3:") == true, "\(result.diagnostics)")
        #expect(result.diagnostics.last?.message.contains("16 MiB") == true)
        #expect(try useRows(fixture) == 0)
    }

    /// Sums of money are formatted without converting to `Int64`, which would trap beyond its range.
    @Test func moneySumsBeyondInt64AreFormattedNotTrapped() {
        #expect(Money.format(1e19) == "10 000 000 000 000 000 000")
        #expect(Money.format(4_770_500.5) == "4 770 501")
    }
}
