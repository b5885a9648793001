import Foundation
@testable import NaraVardKit
import Testing

/// `MetricsStore.changes`: the net change per key between two imports, across a revision and a revert.
@Suite struct ChangesTests {
    let header = "indicator;area;period;gender;numerator;denominator;value"

    @Test func aRevisionThenItsRevert() throws {
        let fixture = try StoreFixture(inMemory: true)
        let store = fixture.store
        // A: Luleå 30/100 (30 %), Boden 10/50 (20 %).
        let a = try #require(try fixture.ingest(try fixture.file("a.csv", lines: [
            header, "PV01;2580;2025Q4;T;30;100;", "PV01;2582;2025Q4;T;10;50;",
        ])).summary.importID)
        // B: Luleå revised to 31/100, Boden the same again (unchanged), Piteå new 5/50 (10 %).
        let b = try #require(try fixture.ingest(try fixture.file("b.csv", lines: [
            header, "PV01;2580;2025Q4;T;31;100;", "PV01;2582;2025Q4;T;10;50;", "PV01;2581;2025Q4;T;5;50;",
        ])).summary.importID)
        let c = try #require(try store.revert(b).summary.importID)
        let reported = "reported"

        let fromEmpty = try store.changes(since: 0, until: a)
        #expect(fromEmpty.map(\.area) == ["2580", "2582"])
        #expect(fromEmpty.allSatisfy { $0.old == nil && $0.importID == a && $0.new?.status == reported })
        #expect(fromEmpty.map { $0.new?.value } == [30, 20])

        let revision = try store.changes(since: a, until: b)
        #expect(revision.map(\.area) == ["2580", "2581"], "Boden was sent again unchanged: not a change")
        #expect(revision[0].old == RecordChange.State(value: 30, numerator: 30, denominator: 100, status: reported))
        #expect(revision[0].new == RecordChange.State(value: 31, numerator: 31, denominator: 100, status: reported))
        #expect(revision[1].old == nil && revision[1].new?.value == 10 && revision[1].importID == b)

        // The revert: Luleå back to 30, Piteå withdrawn (no new state: `absent`), both by the revert.
        let reverted = try store.changes(since: b)
        #expect(reverted.map(\.area) == ["2580", "2581"])
        #expect(reverted[0].old?.value == 31 && reverted[0].new?.value == 30 && reverted[0].importID == c)
        #expect(reverted[1].old?.value == 10 && reverted[1].new == nil && reverted[1].importID == c)
        // Net over the revision and its revert: nothing.
        #expect(try store.changes(since: a).isEmpty)
        #expect(try store.changes(since: a, until: a).isEmpty)

        // A missing marker over a stored number is a change; --indicator limits the list.
        let d = try #require(try fixture.ingest(try fixture.file("d.csv", lines: [
            header, "PV01;2582;2025Q4;T;..;..;..", "OV06;2580;2025Q4;T;;;12",
        ])).summary.importID)
        let missing = try store.changes(since: c, indicators: ["PV01"])
        #expect(missing == [RecordChange(
            indicator: "PV01", area: "2582", period: Period(year: 2025, quarter: 4), gender: .total,
            old: .init(value: 20, numerator: 10, denominator: 50, status: reported),
            new: .init(value: nil, numerator: nil, denominator: nil, status: "missing"), importID: d)])
        #expect(try store.changes(since: c).map(\.indicator) == ["OV06", "PV01"])
    }

    @Test func aDryRunListsWhatItWouldChangeAndWritesNothing() throws {
        let fixture = try StoreFixture(inMemory: true)
        let a = try #require(try fixture.ingest(try fixture.file("a.csv", lines: [
            header, "PV01;2580;2025Q4;T;30;100;", "PV01;2582;2025Q4;T;10;50;",
        ])).summary.importID)
        let before = try fixture.writtenRows()
        // Luleå revised to 33/100, Boden the same again, Piteå new.
        let dry = try fixture.ingest(try fixture.file("b.csv", lines: [
            header, "PV01;2580;2025Q4;T;33;100;", "PV01;2582;2025Q4;T;10;50;", "PV01;2581;2025Q4;T;5;50;",
        ])) { $0.dryRun = true; $0.listChanges = true }
        #expect(dry.summary.importID == nil && dry.summary.updated == 1 && dry.summary.imported == 1 && dry.summary.unchanged == 1)
        #expect(dry.changes.map(\.area) == ["2580", "2581"])
        #expect(dry.changes.map { $0.old?.value } == [30, nil] && dry.changes.map { $0.new?.value } == [33, 10])
        #expect(dry.changes.allSatisfy { $0.importID == nil })
        #expect(try fixture.writtenRows() == before)
        #expect(try fixture.store.changes(since: a).isEmpty)
        // Without listChanges a dry run lists nothing.
        let plain = try fixture.ingest(try fixture.file("c.csv", lines: [header, "PV01;2580;2025Q4;T;34;100;"])) { $0.dryRun = true }
        #expect(plain.changes.isEmpty)
    }

    @Test func unknownImportsAndAReversedRangeAreRefused() throws {
        let fixture = try StoreFixture(inMemory: true)
        let a = try #require(try fixture.ingest(try fixture.file("a.csv", lines: [header, "PV01;2580;2025Q4;T;30;100;"])).summary.importID)
        #expect(throws: StoreQueryError.self) { try fixture.store.changes(since: 99) }
        #expect(throws: StoreQueryError.self) { try fixture.store.changes(since: 0, until: 99) }
        #expect(throws: StoreQueryError.self) { try fixture.store.changes(since: a, until: 1) }
        #expect(try fixture.store.changes(since: 0).count == 1)
    }
}
