import Foundation
@testable import NaraVardKit
import TestSupport
import Testing

/// Broken and hostile files: a clear message or a clean stop, never a crash, a hang or a half-written store.
@Suite struct HostileInputTests {
    let fixture: StoreFixture
    let header = "indicator;area;period;gender;numerator;denominator;value"

    init() throws { fixture = try StoreFixture() }

    func ingest(_ bytes: [UInt8], name: String = "in.csv") throws -> IngestResult {
        try fixture.ingest(try fixture.file(name, bytes))
    }

    @Test func emptyFileIsRefusedWithAMessage() throws {
        let before = try fixture.writtenRows()
        let result = try ingest([])
        #expect(result.refused)
        #expect(result.diagnostics.map(\.description).first?.hasSuffix("in.csv:1: the file is empty: expected a header row") == true)
        #expect(try fixture.writtenRows() == before)
    }

    @Test func headerOnlyFileImportsNothing() throws {
        let result = try ingest(utf8(header + "\r\n"))
        #expect(!result.refused)
        #expect(result.summary.imported == 0 && result.summary.rejected == 0)
    }

    @Test func nulBytesAndGarbageAreRejectedRowsNotCrashes() throws {
        let bytes = utf8(header + "\nPV01;2580;2024Q1;T;3\u{0};100;\nPV\u{0}") + [0xFF, 0xFE] + utf8(";2580;2024Q2;T;1;2;\n")
        let before = try fixture.writtenRows()
        let result = try ingest(bytes)
        #expect(result.refused)
        #expect(result.summary.rejected == 2)
        #expect(result.diagnostics.map { $0.line } == [2, 3])
        #expect(try fixture.writtenRows() == before)
    }

    @Test func eachFieldIsDecodedOnItsOwnSoMixedEncodingsStillResolve() throws {
        // Luleå in Windows-1252 (0xE5) on one line and in UTF-8 on the next; an invalid UTF-8 sequence elsewhere.
        let first = utf8(header + "\nPV01;Lule") + [0xE5] + utf8(";2024Q1;T;30;100;\nPV01;Luleå;2024Q2;T;31;100;\n")
        let bytes = first + utf8("PV01;Boden") + [0xC3, 0x28] + utf8(";2024Q1;T;1;2;\n")
        let result = try ingest(bytes)
        #expect(result.summary.rejected == 1)
        #expect(result.diagnostics.first?.line == 4)
        #expect(result.diagnostics.first?.description.contains("unknown area 'Boden\u{00C3}(") == true, "\(result.diagnostics)")
    }

    @Test func lineEndingsMayBeMixedAndLinesAreCountedRight() throws {
        let text = header + "\nPV01;2580;2024Q1;T;30;100;\r\nPV01;2580;2024Q2;T;31;100;\rPV01;2580;2024Q3;T;32;100;\n\r\n"
            + "PV01;2580;2024Q4;T;y;100;\r"
        let result = try fixture.ingest(try fixture.file("in.csv", utf8(text))) { $0.skipInvalid = true }
        #expect(result.summary.rejected == 1)
        #expect(result.diagnostics.map(\.line) == [6], "line 5 is blank")
        #expect(result.summary.imported == 3)
        #expect(try fixture.current("PV01", "2580", "2024Q3")?.numerator == 32)
    }

    /// A row with more fields than the header, or fewer than its numbers need, is rejected, not read shifted.
    @Test func missingAndExtraColumnsInARow() throws {
        let text = header + "\nPV01;2580;2024Q1;T;30;100;;extra;more\nPV01;2580\nPV01;2582;2024Q1;T;30;100;\n"
        let result = try fixture.ingest(try fixture.file("in.csv", utf8(text))) { $0.skipInvalid = true }
        #expect(result.summary.rejected == 2)
        #expect(result.diagnostics.map(\.line) == [2, 3])
        #expect(result.diagnostics.first?.message.contains("the row has 9 fields but the header has 7") == true, "\(result.diagnostics)")
        #expect(result.diagnostics.last?.message.contains("it lacks period, gender, numerator, denominator, value") == true, "\(result.diagnostics)")
        #expect(result.summary.imported == 1)
    }

    @Test func koladaJSONThatIsNotKoladaIsRefusedWithAMessage() throws {
        for (name, bytes) in [("a.json", utf8("{\"values\": 3}")), ("b.json", utf8("[1, 2")), ("c.json", utf8("{\u{0}") + [0xFF])] {
            let result = try ingest(bytes, name: name)
            #expect(result.refused, "\(name)")
            #expect(result.diagnostics.first?.description.contains("\(name):1:") == true, "\(result.diagnostics)")
            #expect(result.diagnostics.first?.column != nil, "every JSON error has its column")
        }
    }

    @Test func aRecordTooLongToBeARowStopsTheFile() throws {
        // An unclosed quote runs to the end of a 17 MiB file.
        let bytes = utf8(header + "\nPV01;2580;2024Q1;T;1;2;\nPV01;\"") + [UInt8](repeating: UInt8(ascii: "x"), count: 17 << 20)
        let before = try fixture.writtenRows()
        let result = try ingest(bytes)
        #expect(result.refused)
        #expect(result.diagnostics.last?.line == 3)
        #expect(result.diagnostics.last?.message.contains("a record longer than 16 MiB") == true, "\(result.diagnostics)")
        #expect(try fixture.writtenRows() == before)
    }

    @Test func aWrongFileStopsAfterTheRejectionLimit() throws {
        let garbage = (0..<1_000).map { "rad \($0);inte;data;alls" }
        let url = try fixture.file("fel.csv", lines: [header] + garbage)
        let result = try fixture.ingest(url) { $0.rejectionLimit = 100 }
        #expect(result.refused)
        #expect(result.summary.rejected == 100)
        #expect(result.diagnostics.last?.line == 101)
        #expect(result.diagnostics.last?.message == "stopped reading after 100 rejected rows, nothing written: is this the right file?")

        // No header at all: the rows are counted up to the limit, not to the end.
        let headless = try fixture.ingest(try fixture.file("utan.csv", lines: garbage)) { $0.rejectionLimit = 100 }
        #expect(headless.refused && headless.summary.rejected == 100)

        // With --skip-invalid, a file with usable rows is read to its end.
        let mixed = try fixture.file("blandat.csv", lines: [header, "PV01;2580;2024Q1;T;1;2;"] + garbage.prefix(150))
        let skipped = try fixture.ingest(mixed) { $0.rejectionLimit = 100; $0.skipInvalid = true }
        #expect(skipped.summary.imported == 1 && skipped.summary.rejected == 150)
    }

    @Test func aPipeIsRefusedBeforeAnythingIsRead() throws {
        let path = fixture.directory.path("rör.csv")
        #expect(mkfifo(path, 0o600) == 0)
        #expect {
            _ = try fixture.ingest(URL(fileURLWithPath: path))
        } throws: { error in
            (error as? InputFileError)?.reason.hasPrefix("is not a regular file") == true
        }
    }
}

private func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }
