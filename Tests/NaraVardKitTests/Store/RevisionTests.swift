import Foundation
@testable import NaraVardKit
import Testing

/// Nothing is overwritten: a changed value adds a revision, `asOf` reads any earlier state,
/// revert restores it, and export → ingest changes nothing.
@Suite struct RevisionTests {
    let header = "indicator;area;period;gender;numerator;denominator;value"

    @Test func identicalIsUnchangedAndChangedIsARevision() throws {
        let fixture = try StoreFixture(inMemory: true)
        let first = try fixture.file("q1.csv", lines: [header, "PV01;2580;2024Q1;T;30;100;30,0", "PV01;2582;2024Q1;T;10;50;"])
        let one = try fixture.ingest(first)
        #expect(one.summary == IngestSummary(importID: one.summary.importID, imported: 2))
        let again = try fixture.ingest(first)
        #expect(again.summary.unchanged == 2)
        #expect(again.summary.imported == 0 && again.summary.updated == 0)

        let fixed = try fixture.file("q1-fixed.csv", lines: [header, "PV01;2580;2024Q1;T;31;100;31,0", "PV01;2582;2024Q1;T;..;..;.."])
        let two = try fixture.ingest(fixed)
        #expect(two.summary.updated == 2, "a missing marker over a stored number is a change, not unchanged")

        let now = try #require(try fixture.current("PV01", "2580", "2024Q1"))
        #expect(now.value == 31)
        let before = try #require(try fixture.current("PV01", "2580", "2024Q1", asOf: one.summary.importID))
        #expect(before.value == 30)
        #expect(try fixture.current("PV01", "2582", "2024Q1")?.status == .missing)
        #expect(try fixture.current("PV01", "2582", "2024Q1", asOf: one.summary.importID)?.value == 20)
        let revisions = try fixture.store.dbWriter.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM observation") }
        #expect(revisions == 4)
    }

    @Test func revertRestoresTheStateBeforeAndCanBeReverted() throws {
        let fixture = try StoreFixture(inMemory: true)
        let one = try fixture.ingest(try fixture.file("a.csv", lines: [header, "PV01;2580;2024Q1;T;30;100;"]))
        let two = try fixture.ingest(try fixture.file("b.csv", lines: [header, "PV01;2580;2024Q1;T;40;100;", "PV01;2582;2024Q1;T;1;10;"]))
        let wrong = try #require(two.summary.importID)
        let revert = try fixture.store.revert(wrong).summary
        #expect(revert.updated == 2)
        #expect(try fixture.current("PV01", "2580", "2024Q1")?.value == 30)
        #expect(try fixture.current("PV01", "2582", "2024Q1") == nil, "a key the import created is withdrawn")
        #expect(try fixture.current("PV01", "2580", "2024Q1", asOf: wrong)?.value == 40, "history stays")
        _ = try fixture.store.revert(try #require(revert.importID))
        #expect(try fixture.current("PV01", "2580", "2024Q1")?.value == 40)
        #expect(try fixture.current("PV01", "2582", "2024Q1")?.value == 10)
        // Re-importing the withdrawn key after a revert counts as imported.
        _ = try fixture.store.revert(wrong)
        let again = try fixture.ingest(try fixture.file("c.csv", lines: [header, "PV01;2582;2024Q1;T;1;10;"]))
        #expect(again.summary.imported == 1)
        #expect(one.summary.importID! < wrong)
    }

    /// `--as-of` an import that is not there (0, negative, unknown) is refused in the one place every command asks.
    @Test(arguments: [0, -1, 999] as [Int64])
    func snapshotOfAnImportThatDoesNotExistIsRefused(_ asOf: Int64) throws {
        let fixture = try StoreFixture(inMemory: true)
        #expect {
            _ = try fixture.store.snapshot(asOf: asOf)
        } throws: { error in
            "\(error)" == "there is no import \(asOf) (see `naravard imports`)"
        }
        #expect(try fixture.store.snapshot(asOf: 1) == 1)
    }

    /// One step of a revert scenario: an ingest of PV01 2024Q1 numerators per area (out of 100), or a revert
    /// of an earlier step's import.
    enum Step: Sendable {
        case ingest([String: Int])
        case revert(step: Int)
    }

    /// A revert withdraws only the keys whose current record still comes from the import; a later change is
    /// kept and named. A revert's record comes from the import whose state it restored.
    @Test(arguments: [
        ("no later change", [Step.ingest(["2580": 30, "2582": 10]), .revert(step: 0)], [String: Double](), 0, [Int]()),
        ("a later import changed one key", [.ingest(["2580": 30, "2582": 10]), .ingest(["2582": 12]), .revert(step: 0)],
         ["2582": 12], 1, [1]),
        ("the later change was itself reverted", [.ingest(["2580": 30]), .ingest(["2580": 40]), .revert(step: 1), .revert(step: 0)],
         [:], 0, []),
        ("two later imports", [.ingest(["2580": 30, "2582": 10, "2584": 5]), .ingest(["2580": 31]), .ingest(["2582": 11]),
                               .ingest(["2580": 32]), .revert(step: 0)], ["2580": 32, "2582": 11], 2, [2, 3]),
        ("revert of an update", [.ingest(["2580": 30, "2582": 10]), .ingest(["2580": 40, "2582": 20]), .ingest(["2582": 25]), .revert(step: 1)],
         ["2580": 30, "2582": 25], 1, [2]),
    ] as [(String, [Step], [String: Double], Int, [Int])])
    func revertKeepsLaterChanges(_ name: String, _ steps: [Step], _ expected: [String: Double], _ kept: Int, _ keptBySteps: [Int]) throws {
        let fixture = try StoreFixture()
        var ids: [Int64] = []
        var last: RevertSummary?
        for (index, step) in steps.enumerated() {
            switch step {
            case .ingest(let numerators):
                let lines = numerators.sorted { $0.key < $1.key }.map { "PV01;\($0.key);2024Q1;T;\($0.value);100;" }
                let result = try fixture.ingest(try fixture.file("step\(index).csv", lines: [header] + lines))
                ids.append(try #require(result.summary.importID, "\(name): \(result.diagnostics)"))
            case .revert(let target):
                let summary = try fixture.store.revert(ids[target])
                ids.append(try #require(summary.summary.importID))
                last = summary
            }
        }
        var query = ObservationQuery()
        query.indicators = ["PV01"]
        let now = try fixture.store.observations(query).filter { $0.gender == .total }
        #expect(Dictionary(uniqueKeysWithValues: now.map { ($0.area, $0.value ?? -1) }) == expected, "\(name)")
        #expect(last?.kept == kept, "\(name)")
        #expect(last?.keptBy == keptBySteps.map { ids[$0] }, "\(name)")
    }

    @Test func exportThenIngestChangesNothing() throws {
        let fixture = try StoreFixture()
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../../../Examples").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: examples.path)
            .filter { $0.hasSuffix(".csv") || $0.hasSuffix(".json") }.sorted().map { examples.appending(path: $0) }
        #expect(files.count >= 4)
        let loaded = try fixture.ingest(files) { $0.ignoreUnknownAreas = true }
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.prefix(3))")
        #expect(loaded.summary.imported > 8000)

        for dialect in [CSVDialect.swedishExcel, .rfc4180] {
            let out = fixture.directory.url.appending(path: "export.csv")
            let writer = try CSVWriter(target: try OutputTarget.file(out.path), dialect: dialect)
            try writer.write(["indicator", "area", "period", "gender", "value", "numerator", "denominator", "status", "note"])
            for observation in try fixture.store.observations() {
                try writer.write([.text(observation.indicator), .text(observation.area), .text(observation.period.description),
                                  .text(observation.gender.rawValue), .number(observation.value), .number(observation.numerator),
                                  .number(observation.denominator), .text(observation.status.rawValue), .text(observation.note)])
            }
            try writer.finish()
            let again = try fixture.ingest(out)
            #expect(again.diagnostics.isEmpty, "\(again.diagnostics.prefix(3))")
            #expect(again.summary.imported == 0)
            #expect(again.summary.updated == 0)
            #expect(again.summary.unchanged == loaded.summary.imported)
        }
    }
}

extension StoreFixture {
    func ingest(_ urls: [URL], configure: (inout IngestOptions) -> Void = { _ in }) throws -> IngestResult {
        var options = IngestOptions()
        configure(&options)
        return try store.ingest(urls, options: options)
    }
}

extension IngestSummary {
    init(importID: Int64?, imported: Int = 0, updated: Int = 0, unchanged: Int = 0, ignored: Int = 0, rejected: Int = 0) {
        self.init()
        self.importID = importID
        self.imported = imported
        self.updated = updated
        self.unchanged = unchanged
        self.ignored = ignored
        self.rejected = rejected
    }
}
