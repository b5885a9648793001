import Foundation
@testable import NaraVardKit
import Testing
import TestSupport

/// Reproducibility, the report log, and revised values marked against the previous report of the same kind.
@Suite struct ReportLogTests {
    /// Two indicators (one with small numbers) keep the workbooks small where the whole catalogue adds nothing.
    static let twoIndicators = ReportDefinition(
        source: "test", title: "Uppföljning nära vård", indicators: ["HF03", "PV01"],
        areas: ["lulea-boden", "pite-alvdal", "ostra", "norra", "25"])

    /// Two runs a day apart on the same store: every sheet is the same except the generation time.
    @Test func sameStoreAndArgumentsGiveTheSameWorkbook() throws {
        let fixture = try StoreFixture.withExamples()
        let first = try fixture.workbook(try fixture.report(.committee, period: "2025Q4"))
        let later = StoreFixture.generated.addingTimeInterval(86_400)
        let second = try fixture.workbook(try fixture.report(.committee, period: "2025Q4", generated: later))

        #expect(first.sheetNames == second.sheetNames)
        for name in first.sheetNames {
            let (a, b) = (try first.sheet(named: name), try second.sheet(named: name))
            var differing = Set(a.cells.keys).union(b.cells.keys).filter { a.cells[$0] != b.cells[$0] }
            if name == "Om rapporten" {
                let generated = try a.row(where: ["A": "Genererad"])
                #expect(differing.remove("B\(generated + 1)") != nil, "the generation time differs")
            }
            #expect(differing.isEmpty, "\(name): \(differing.sorted())")
            #expect(a.styles == b.styles && a.comments == b.comments && a.charts == b.charts, "\(name)")
            #expect(a.conditionalFormats == b.conditionalFormats && a.tables == b.tables, "\(name)")
        }
        #expect(try first.documentProperties().created == "2025-11-24T16:00:00Z")
        #expect(try second.documentProperties().created == "2025-11-25T16:00:00Z")
        #expect(try fixture.store.reportLog().map(\.asOf) == [2, 2])
        #expect(try fixture.store.schemaVersion() == MetricsStore.migrator.migrations.count)
    }

    /// A report is logged if and only if its file is in place: ``MetricsStore/publish(_:as:to:)`` logs it
    /// `pending` before the move and `done` after; a pending row left by a killed run is settled by the next
    /// writer as `done` when the file with its SHA-256 is in place and `withdrawn` when it is not, and only
    /// `done` reports count as "the previous report".
    @Test func aReportIsLoggedIfAndOnlyIfItsFileIsInPlace() throws {
        let fixture = try StoreFixture.withExamples()
        let report = try fixture.report(.committee, period: "2025Q4", definition: Self.twoIndicators)
        let target = try OutputTarget.file(fixture.directory.path("u.xlsx"), store: fixture.store.path)
        let published = try fixture.store.publish(report, as: .xlsx, to: target)
        #expect(fixture.directory.exists("u.xlsx"))

        // Two runs killed between the log and the move: one whose file then made it, one whose did not.
        let inPlace = Data("the workbook that was moved\n".utf8)
        try inPlace.write(to: fixture.directory.url.appending(path: "moved.xlsx"))
        let moved = try fixture.store.logReport(report, output: fixture.directory.path("moved.xlsx"), sha256: StreamingSHA256.hex(of: inPlace))
        let lost = try fixture.store.logReport(report, output: fixture.directory.path("u.xlsx"), sha256: StreamingSHA256.hex(of: Data("another".utf8)))
        #expect(try fixture.store.previousReport(.committee, before: 99)?.record.id == published, "pending rows are not the previous report")
        #expect(try fixture.store.settlePendingReports() == 2)
        let states = Dictionary(uniqueKeysWithValues: try fixture.store.reportLog().map { ($0.id, $0.state) })
        #expect(states == [published: "done", moved: "done", lost: "withdrawn"])
        #expect(try fixture.store.settlePendingReports() == 0)
    }

    /// Luleå's PV01 for 2025Q4 is revised after the first report: the second marks it, and what depends on it.
    @Test func aRevisedValueIsMarkedWithItsEarlierValue() throws {
        let fixture = try StoreFixture.withExamples()
        _ = try fixture.workbook(try fixture.report(.committee, period: "2025Q4", definition: Self.twoIndicators))
        let (numerator, denominator) = try reviseLuleaPV01(in: fixture)

        let report = try fixture.report(.committee, period: "2025Q4", definition: Self.twoIndicators)
        #expect(report.revised == 3)
        let workbook = try fixture.workbook(report)
        let data = try workbook.sheet(named: "Data")
        let lulea = try data.row(where: ["A": "PV01", "D": "2580", "G": "2025Q4", "H": "T"])
        let earlier = ReportText.number(100 * numerator / denominator, decimals: 1)
        #expect(data.comments["I\(lulea + 1)"] == "Reviderat: tidigare \(earlier)")
        #expect(data.commentAuthors["I\(lulea + 1)"] == "naravard")
        #expect(data.styles["I\(lulea + 1)"]?.fillColor == "FCE4D6")
        #expect(data.comments.count == 3, "Luleå, Luleå–Boden and the county: \(data.comments.keys.sorted())")

        let sheet = try workbook.sheet(named: "3 Primärvård")
        let lansdel = try sheet.row(where: ["A": "Fast läkarkontakt", "D": "Luleå–Boden"])
        #expect(sheet.comments["E\(lansdel + 1)"]?.hasPrefix("Reviderat: tidigare ") == true)
        #expect(sheet.comments.count == 3, "Luleå (beneath its länsdel), Luleå–Boden and the county")

        // Built again on the same data: the same marks. Built on the older data: nothing to compare with.
        let again = try fixture.workbook(try fixture.report(.committee, period: "2025Q4", definition: Self.twoIndicators))
        #expect(try again.sheet(named: "Data").comments == data.comments)
        let old = try fixture.workbook(try fixture.report(.committee, period: "2025Q4", asOf: 2, definition: Self.twoIndicators))
        #expect(try old.sheet(named: "Data").comments.isEmpty)
        #expect(try fixture.store.reportLog().map(\.asOf) == [2, 3, 3, 2])
    }

    /// The committee workbook's list of revised stored values (Om rapporten) is what `changes` reports between the
    /// previous report's import and this one's, for what the report shows: here Luleå's PV01 for 2025Q4 alone.
    @Test func theListOfRevisedValuesIsTheStoresChanges() throws {
        let fixture = try StoreFixture.withExamples()
        let first = try fixture.report(.committee, period: "2025Q4", definition: Self.twoIndicators)
        let before = try Self.revisedValues(try fixture.workbook(first))
        #expect(before.caption == "Reviderade värden sedan förra rapporten")
        #expect(before.rows.map { $0[0] } == [.string("Ingen tidigare rapport av samma slag på äldre data finns i rapportloggen.")])
        let (numerator, denominator) = try reviseLuleaPV01(in: fixture)

        let report = try fixture.report(.committee, period: "2025Q4", definition: Self.twoIndicators)
        let list = try Self.revisedValues(try fixture.workbook(report))
        #expect(list.caption.hasPrefix("Reviderade värden sedan förra rapporten (rapport 1, data till och med import 2"))
        let changes = try fixture.store.changes(since: try #require(first.asOf), until: report.asOf, indicators: ["HF03", "PV01"])
            .filter { $0.old != nil }
        let geography = try fixture.store.catalog().geography
        func value(_ state: RecordChange.State?) -> Double? {
            guard let state else { return nil }
            return state.value ?? state.numerator.flatMap { numerator in state.denominator.map { 100 * numerator / $0 } }
        }
        #expect(list.rows.count == changes.count)
        for (row, change) in zip(list.rows, changes) {
            #expect(row[0] == .string(change.indicator) && row[2] == .string(geography[change.area]?.name ?? change.area))
            #expect(row[3] == .string(change.period.description) && row[4] == .string(change.gender.rawValue))
            #expect(abs((row[5]?.number ?? .nan) - (value(change.old) ?? .nan)) < 1e-9, "\(row)")
            #expect(abs((row[6]?.number ?? .nan) - (value(change.new) ?? .nan)) < 1e-9, "\(row)")
            #expect(row[7] == change.importID.map { .number(Double($0)) })
        }
        // The key known by hand: one row, before and after the correction, by import 3.
        #expect(list.rows.count == 1)
        let lulea = try #require(list.rows.first)
        #expect(lulea[0] == .string("PV01") && lulea[2] == .string("Luleå") && lulea[3] == .string("2025Q4") && lulea[4] == .string("T"))
        // The sample gives the value to one decimal beside its counts; the correction gives counts alone.
        #expect(ReportText.number(lulea[5]?.number ?? 0, decimals: 1) == ReportText.number(100 * numerator / denominator, decimals: 1))
        #expect(abs((lulea[6]?.number ?? 0) - 100 * (numerator + 900) / denominator) < 1e-9)
        #expect(lulea[7] == .number(3))
        // The Data sheet's marks still cover the aggregates the revision moved as well.
        #expect(report.revised == 3)
    }

    /// A value revised to a small count is listed as suppressed, as its sheets show it: the list gives nothing away.
    @Test func aValueRevisedToASmallCountIsListedSuppressed() throws {
        let fixture = try StoreFixture.withExamples()
        _ = try fixture.workbook(try fixture.report(.committee, period: "2025Q4", definition: Self.twoIndicators))
        let revision = try fixture.file("rättelse.csv", lines: ["indicator;area;period;numerator;denominator", "HF03;2506;2025Q4;4;839"])
        #expect(try fixture.ingest(revision).summary.updated == 1)
        let list = try Self.revisedValues(try fixture.workbook(try fixture.report(.committee, period: "2025Q4", definition: Self.twoIndicators)))
        let row = try #require(list.rows.first { $0[0] == .string("HF03") && $0[3] == .string("2025Q4") })
        #expect(list.rows.count == 1 && row[2] == .string("Arjeplog"))
        #expect(row[6] == .string(ReportBuilder.placeholder(.suppressed).label), "\(row)")
    }

    /// The rows of "Reviderade värden sedan förra rapporten" on Om rapporten, columns A–H, and the caption above.
    static func revisedValues(_ workbook: XLSXReader) throws -> (caption: String, rows: [[CellValue?]]) {
        let about = try workbook.sheet(named: "Om rapporten")
        let header = try about.row(where: ["A": "Indikator-id", "H": "Import"])
        var rows: [[CellValue?]] = []
        var row = header + 1
        while about["A", row] != nil {
            rows.append(Array("ABCDEFGH").map { about[String($0), row] })
            row += 1
        }
        return (about["A", header - 1]?.string ?? "", rows)
    }

    /// A report for another period in between does not hide a revision of a value an earlier report showed.
    @Test func aRevisionIsMarkedAcrossReportsForOtherPeriods() throws {
        let fixture = try StoreFixture.withExamples()
        _ = try fixture.workbook(try fixture.report(.committee, period: "2025Q4", definition: Self.twoIndicators))
        _ = try fixture.workbook(try fixture.report(.committee, period: "2025Q2", definition: Self.twoIndicators))
        try reviseLuleaPV01(in: fixture)
        let report = try fixture.report(.committee, period: "2025Q4", definition: Self.twoIndicators)
        #expect(report.revised == 3, "Luleå, Luleå–Boden and the county, as first shown by the 2025Q4 report")
    }

    @Test func anUnknownImportOrAnEmptyPeriodIsRefused() throws {
        let fixture = try StoreFixture.withExamples()
        #expect(throws: StoreQueryError.self) { try fixture.report(.committee, asOf: 99) }
        #expect(throws: StoreQueryError.self) { try fixture.report(.polsam, period: "1999Q1") }
        let empty = try StoreFixture()
        #expect(throws: StoreQueryError.self) { try empty.report(.committee) }
    }

    /// A report big enough for constant-memory mode reads back the same as one written in memory, except that
    /// libxlsxwriter cannot add an Excel table in that mode: Data then has a plain autofilter.
    @Test func constantMemoryModeWritesTheSameCells() throws {
        let fixture = try StoreFixture.withExamples()
        let report = try fixture.report(.polsam, period: "2025Q4", definition: Self.twoIndicators)
        let normal = try fixture.workbook(report)
        let flat = try fixture.workbook(report, constantMemoryAbove: 0)
        for name in normal.sheetNames {
            let (a, b) = (try normal.sheet(named: name), try flat.sheet(named: name))
            #expect(a.cells == b.cells && a.charts == b.charts && a.comments == b.comments, "\(name)")
            #expect(a.frozenPane == b.frozenPane && a.conditionalFormats == b.conditionalFormats, "\(name)")
        }
        let data = try flat.sheet(named: "Data")
        #expect(data.tables.isEmpty && data.autofilter == "A1:M\(report.values.count + 1)")
    }

    /// Raises Luleå's PV01 numerator for 2025Q4 by 900 in a new import; returns the sample's original counts.
    @discardableResult
    func reviseLuleaPV01(in fixture: StoreFixture) throws -> (numerator: Double, denominator: Double) {
        let (numerator, denominator) = try sampleCounts("kvartalsdata-koder.csv", "PV01", "2580", "2025Q4")
        let revision = try fixture.file("rättelse.csv", lines: [
            "indicator;area;period;numerator;denominator", "PV01;2580;2025Q4;\(Int(numerator) + 900);\(Int(denominator))",
        ])
        #expect(try fixture.ingest(revision).summary.updated == 1)
        return (numerator, denominator)
    }
}
