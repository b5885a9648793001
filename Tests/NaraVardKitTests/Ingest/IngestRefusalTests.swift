import Foundation
@testable import NaraVardKit
import Testing

/// Every bad input is refused with its `FILE:LINE` message, and nothing at all is written.
@Suite struct IngestRefusalTests {
    static let header = "indicator;area;period;gender;numerator;denominator;value"

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var rows: [String]
        var line: Int
        var message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "unknown indicator", rows: ["XX99;2580;2024Q1;T;1;2;50,0"], line: 2, message: "unknown indicator 'XX99'"),
        Case(name: "unknown area", rows: ["PV01;9999;2024Q1;T;1;2;50,0"], line: 2, message: "unknown area '9999'"),
        Case(name: "impossible quarter", rows: ["PV01;2580;2024Q5;T;1;2;50,0"], line: 2, message: "quarter 5 does not exist"),
        Case(name: "period type does not fit the frequency", rows: ["PV01;2580;2024;T;1;2;50,0"], line: 2,
             message: "period 2024 is a year but PV01 is reported per quarter"),
        Case(name: "non-number", rows: ["PV01;2580;2024Q1;T;ett;2;"], line: 2, message: "numerator: 'ett' is not a number"),
        Case(name: "typesetting error in a number", rows: ["PV01;2580;2024Q1;T;1;7 271 97373;"], line: 2,
             message: "digit groups must be three digits apart"),
        Case(name: "value disagrees with counts", rows: ["PV01;2580;2024Q1;T;1;3;33,4"], line: 2,
             message: "the value 33.4 does not agree with 100 × 1 / 3"),
        Case(name: "share above 100 %", rows: ["PV01;2580;2024Q1;T;5;4;"], line: 2, message: "a share cannot exceed 100 %"),
        Case(name: "negative count", rows: ["PV01;2580;2024Q1;T;-1;4;"], line: 2, message: "counts cannot be negative"),
        Case(name: "numerator over a zero denominator", rows: ["PV01;2580;2024Q1;T;3;0;"], line: 2,
             message: "the denominator is 0 but the numerator is 3"),
        Case(name: "count indicator with a denominator", rows: ["OV06;2580;2024Q1;T;10;20;"], line: 2,
             message: "OV06 is a count indicator: it has no denominator"),
        Case(name: "a denominator without a numerator", rows: ["PV01;2580;2024Q1;T;;3;33,3"], line: 2,
             message: "a denominator without a numerator"),
        Case(name: "a count that is not a whole number", rows: ["PV01;2580;2024Q1;T;1,5;3;"], line: 2,
             message: "the numerator 1.5 is not a whole number"),
        Case(name: "unknown gender", rows: ["PV01;2580;2024Q1;X;1;2;50,0"], line: 2, message: "unknown gender 'X'"),
        Case(name: "same key twice, different values", rows: ["PV01;2580;2024Q1;T;1;2;50,0", "PV01;Luleå;2024 kv1;T;1;4;25,0"],
             line: 3, message: "was already given at"),
        Case(name: "the problem is on the right line", rows: ["PV01;2580;2024Q1;T;1;2;50,0", "PV01;2582;2024Q1;T;1;2;50,0", "PV01;2583;2024Q9;T;1;2;50"],
             line: 4, message: "quarter 9 does not exist"),
    ]

    @Test(arguments: cases)
    func refused(_ bad: Case) throws {
        let fixture = try StoreFixture()
        let before = try fixture.writtenRows()
        let url = try fixture.file("bad.csv", lines: [Self.header] + bad.rows)
        let result = try fixture.ingest(url)
        #expect(result.refused)
        #expect(result.summary.importID == nil)
        #expect(result.summary.rejected >= 1)
        let messages = result.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("\(url.relativePath):\(bad.line): ") && $0.contains(bad.message) },
                "got \(messages)")
        #expect(try fixture.writtenRows() == before, "a refused import writes nothing, not even an audit record")
    }

    @Test func headerWithoutRequiredColumnsRefusesTheFile() throws {
        let fixture = try StoreFixture()
        let url = try fixture.file("bad.csv", lines: ["indikator;kommun;värde", "PV01;2580;50,0"])
        let result = try fixture.ingest(url)
        #expect(result.refused)
        #expect(result.diagnostics.first?.description.hasPrefix("\(url.relativePath):1: the header lacks period") == true)
    }

    /// A file that cannot be read as a whole refuses the import as any bad row does.
    @Test(arguments: [
        ("empty.csv", "", "the file is empty"),
        ("broken.json", "{\"values\": [", "not valid JSON"),
        ("list.json", "[]", "expected Kolada API JSON"),
        ("header.csv", "indikator;kommun\n", "the header lacks period"),
    ])
    func aBrokenFileRefusesTheWholeImport(name: String, text: String, message: String) throws {
        let fixture = try StoreFixture()
        let before = try fixture.writtenRows()
        let good = try fixture.file("good.csv", lines: [Self.header, "PV01;2580;2024Q1;T;1;2;"])
        let broken = try fixture.file(name, Array(text.utf8))
        let result = try fixture.ingest(good, broken)
        #expect(result.refused)
        #expect(result.summary.rejected >= 1)
        #expect(result.diagnostics.contains { $0.file == broken.relativePath && $0.message.contains(message) }, "\(result.diagnostics)")
        #expect(try fixture.writtenRows() == before)
    }

    @Test func everyRowOfAConflictingKeyIsRejected() throws {
        let fixture = try StoreFixture()
        let url = try fixture.file("dup.csv", lines: [
            Self.header, "PV01;2580;2024Q1;T;1;10;", "PV01;2580;2024Q1;T;1;10;", "PV01;2580;2024Q1;T;2;10;", "PV01;2582;2024Q1;T;1;10;",
        ])
        let result = try fixture.ingest(url) { $0.dryRun = true }
        #expect(result.summary.rejected == 3)
        #expect(Set(result.diagnostics.map(\.line)) == [2, 3, 4])
    }

    /// Over a stored record, a row equal to it (not written again) and a row that changes it still
    /// conflict, whichever comes first; the same row twice is one unchanged record.
    @Test(arguments: [["1;10", "2;10"], ["2;10", "1;10"]])
    func aKeyGivenAsStoredAndChangedConflicts(order: [String]) throws {
        let fixture = try StoreFixture()
        let stored = try fixture.file("stored.csv", lines: [Self.header, "PV01;2580;2024Q1;T;1;10;", "PV01;2582;2024Q1;T;3;10;"])
        #expect(try fixture.ingest(stored).summary.imported == 2)
        let both = try fixture.file("both.csv", lines: [Self.header] + order.map { "PV01;2580;2024Q1;T;\($0);" }
            + ["PV01;2582;2024Q1;T;3;10;", "PV01;2582;2024Q1;T;3;10;"])
        let result = try fixture.ingest(both) { $0.skipInvalid = true }
        #expect(result.summary.description == "imported 0, updated 0, unchanged 1, ignored 0, rejected 2")
        #expect(result.diagnostics.map(\.line) == [2, 3])
        #expect(try fixture.current("PV01", "2580", "2024Q1")?.numerator == 1)
    }

    /// Whatever the order of the rows, a key given again unchanged counts once and a change after it conflicts.
    @Test(arguments: [
        (["2580;1", "2582;3", "2584;5", "2580;2", "2582;3"], "imported 0, updated 0, unchanged 2, ignored 0, rejected 2", [2, 5]),
        (["2584;5", "2582;3", "2580;1", "2582;4", "2580;1"], "imported 0, updated 0, unchanged 2, ignored 0, rejected 2", [3, 5]),
    ])
    func unchangedKeysAreNotedInAnyOrder(rows: [String], summary: String, rejectedLines: [Int]) throws {
        let fixture = try StoreFixture()
        let stored = try fixture.file("stored.csv", lines: [Self.header] + ["2580;1", "2582;3", "2584;5"].map(Self.row))
        #expect(try fixture.ingest(stored).summary.imported == 3)
        let result = try fixture.ingest(try fixture.file("again.csv", lines: [Self.header] + rows.map(Self.row))) { $0.skipInvalid = true }
        #expect(result.summary.description == summary)
        #expect(result.diagnostics.map(\.line) == rejectedLines)
    }

    /// A large file given again in reverse order: a change to its first or its last key still conflicts.
    @Test func aLargeFileGivenAgainInReverseStillConflicts() throws {
        let fixture = try StoreFixture()
        let areas = ["2505", "2506", "2510", "2513", "2514", "2518", "2521", "2523", "2560", "2580", "2581", "2582", "2583", "2584"]
        let rows = areas.flatMap { area in
            (0..<100).flatMap { quarter in
                ["K", "M", "T"].map { gender in "PV01;\(area);\(1901 + quarter / 4)Q\(quarter % 4 + 1);\(gender);1;10;" }
            }
        }
        #expect(try fixture.ingest(try fixture.file("all.csv", lines: [Self.header] + rows)).summary.imported == rows.count)
        let changed = [rows.first!, rows.last!].map { $0.replacingOccurrences(of: ";1;10;", with: ";2;10;") }
        let again = try fixture.file("again.csv", lines: [Self.header] + rows.reversed() + changed)
        let result = try fixture.ingest(again) { $0.skipInvalid = true }
        #expect(result.summary.unchanged == rows.count - 2)
        #expect(result.summary.rejected == 4)
        #expect(Set(result.diagnostics.map(\.line)) == [2, rows.count + 1, rows.count + 2, rows.count + 3])
    }

    /// "AREA;NUMERATOR" as a PV01 row of 2024Q1 over 10.
    private static func row(_ areaAndNumerator: String) -> String {
        let parts = areaAndNumerator.split(separator: ";")
        return "PV01;\(parts[0]);2024Q1;T;\(parts[1]);10;"
    }

    @Test func everyProblemIsReportedNotJustTheFirst() throws {
        let fixture = try StoreFixture()
        let url = try fixture.file("bad.csv", lines: [Self.header, "XX;2580;2024Q1;T;1;2;", "PV01;2580;2024Q1;T;1;2;", "PV01;2582;2024Q7;T;1;2;"])
        let result = try fixture.ingest(url)
        #expect(result.summary.rejected == 2)
        #expect(result.summary.imported == 0, "the valid row is not imported either")
        #expect(result.diagnostics.map(\.line) == [2, 4])
    }

    @Test func unknownAreasCanBeIgnoredAndCounted() throws {
        let fixture = try StoreFixture()
        let url = try fixture.file("kolada.csv", lines: [Self.header, "PV01;0180;2024Q1;T;1;2;", "PV01;2580;2024Q1;T;1;2;"])
        #expect(try fixture.ingest(url).refused)
        let result = try fixture.ingest(url) { $0.ignoreUnknownAreas = true }
        #expect(result.summary.ignored == 1)
        #expect(result.summary.imported == 1)
    }

    @Test func skipInvalidImportsTheRestAndWritesRejects() throws {
        let fixture = try StoreFixture()
        let url = try fixture.file("mixed.csv", lines: [Self.header, "PV01;2580;2024Q1;T;1;2;", "PV01;2582;2024Q5;T;1;2;"])
        let rejects = fixture.directory.url.appending(path: "mixed.rejects.csv")
        let result = try fixture.ingest(url) {
            $0.skipInvalid = true
            $0.rejects = try? OutputTarget.file(rejects.path)
        }
        #expect(!result.refused)
        #expect(result.summary.imported == 1)
        #expect(result.summary.rejected == 1)
        #expect(result.summary.importID != nil)
        let text = try String(contentsOf: rejects, encoding: .utf8)
        #expect(text.contains("quarter 5 does not exist"))
        #expect(text.contains("PV01;2582;2024Q5"))
    }

    @Test func dryRunCountsButWritesNothing() throws {
        let fixture = try StoreFixture()
        let before = try fixture.writtenRows()
        let url = try fixture.file("ok.csv", lines: [Self.header, "PV01;2580;2024Q1;T;1;2;"])
        let result = try fixture.ingest(url) { $0.dryRun = true }
        #expect(result.summary.imported == 1)
        #expect(result.summary.importID == nil)
        #expect(try fixture.writtenRows() == before)
    }

    @Test func missingFileIsAnInputFileError() throws {
        let fixture = try StoreFixture()
        #expect(throws: InputFileError.self) { try fixture.ingest(fixture.directory.url.appending(path: "nope.csv")) }
    }
}
