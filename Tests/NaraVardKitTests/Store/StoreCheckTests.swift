import Foundation
import GRDB
@testable import NaraVardKit
import TestSupport
import Testing

/// `MetricsStore.check`: integrity, T = K + M, who has not reported the latest period; and a full disk.
@Suite struct StoreCheckTests {
    let header = "indicator;area;period;gender;numerator;denominator;value"

    @Test func sumsAndCompletenessWorkedByHand() throws {
        let fixture = try StoreFixture(inMemory: true)
        let file = try fixture.file("q.csv", lines: [
            header,
            // PV01 (percent), Luleå 2024Q4: numerators 30 ≠ 10 + 21; denominators 100 = 40 + 60.
            "PV01;2580;2024Q4;T;30;100;", "PV01;2580;2024Q4;K;10;40;", "PV01;2580;2024Q4;M;21;60;",
            // Boden agrees; Piteå gives only T and K, so it cannot be checked; Kiruna reports the quarter as missing.
            "PV01;2582;2024Q4;T;5;50;", "PV01;2582;2024Q4;K;2;20;", "PV01;2582;2024Q4;M;3;30;",
            "PV01;2581;2024Q4;T;5;50;", "PV01;2581;2024Q4;K;9;20;",
            "PV01;2584;2024Q4;T;..;..;..",
            // An earlier quarter reported by everyone else does not count: 2024Q4 is the latest.
            "PV01;2505;2024Q3;T;1;10;",
            // OV06 (count) given as values only: T 5 ≠ 2 + 4.
            "OV06;2580;2024Q4;T;;;5", "OV06;2580;2024Q4;K;;;2", "OV06;2580;2024Q4;M;;;4",
        ])
        #expect(try fixture.ingest(file).summary.rejected == 0)

        let findings = try fixture.store.check(indicators: ["PV01", "OV06"])
        let sums = findings.filter { $0.kind == .sum }
        #expect(sums.map(\.detail) == ["value T 5 ≠ K 2 + M 4 = 6", "numerator T 30 ≠ K 10 + M 21 = 31"]
            || sums.map(\.detail) == ["numerator T 30 ≠ K 10 + M 21 = 31", "value T 5 ≠ K 2 + M 4 = 6"])
        #expect(Set(sums.map(\.indicator)) == ["PV01", "OV06"])
        #expect(findings.filter { $0.kind == .missing }.map(\.area) == ["2584"])
        // 14 municipalities: PV01 has Luleå, Boden, Piteå and Kiruna (missing) for 2024Q4; OV06 only Luleå.
        let notReported = findings.filter { $0.kind == .notReported }
        #expect(notReported.filter { $0.indicator == "PV01" }.count == 10)
        #expect(notReported.filter { $0.indicator == "OV06" }.count == 13)
        #expect(notReported.allSatisfy { $0.period == (try? Period(parsing: "2024Q4")) })
        #expect(!findings.contains { $0.kind == .integrity })
    }

    @Test func aFullDiskRollsTheWholeImportBack() throws {
        let fixture = try StoreFixture()
        let small = try fixture.file("small.csv", lines: [header, "PV01;2580;2024Q4;T;30;100;"])
        #expect(try fixture.ingest(small).summary.imported == 1)
        let before = try fixture.writtenRows()
        let observations = try fixture.store.observations()
        // SQLite's max_page_count: the file may grow by a few pages only.
        try fixture.store.dbWriter.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages + 8)")
        }
        let big = fixture.directory.url.appending(path: "big.csv")
        try Synth.counts(indicators: ["PV01", "OV01"], quarters: 200, seed: 9, to: big)
        #expect {
            _ = try fixture.ingest(big)
        } throws: { error in
            SystemFailure(error, store: "test.sqlite")?.description == "test.sqlite: the disk is full; nothing was written"
        }
        #expect(try fixture.writtenRows() == before)
        #expect(try fixture.store.observations() == observations)
        #expect(try fixture.store.integrityProblems() == [])
    }

    @Test func aDamagedFileIsReported() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("damaged.sqlite")
        var (rootPage, pageSize) = (0, 0)
        do {
            let store = try MetricsStore.create(at: path)
            try store.loadCatalog(Catalog.bundled())
            try store.dbWriter.writeWithoutTransaction { db in
                rootPage = try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name != 'grdb_migrations' ORDER BY rootpage DESC LIMIT 1") ?? 0
                pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        }
        try #require(rootPage > 1)
        // Zero one index page behind SQLite's back.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try handle.seek(toOffset: UInt64((rootPage - 1) * pageSize))
        try handle.write(contentsOf: Data(count: pageSize))
        try handle.close()
        let problems = try MetricsStore.openForReading(at: path).integrityProblems()
        #expect(!problems.isEmpty)
    }
}
