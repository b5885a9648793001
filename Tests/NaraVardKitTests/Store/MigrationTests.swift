import Foundation
import GRDB
@testable import NaraVardKit
import Testing
import TestSupport

/// A store written by an earlier version (schema 4: text keys in `series_key`, one row per revision in
/// `revision`) opens with every revision intact under the packed keys.
struct MigrationTests {
    @Test func schemaFourStoreKeepsEveryRevision() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("old.sqlite")
        let old = try DatabaseQueue(path: path)
        try MetricsStore.migrator.migrate(old, upTo: "v4: area versions")
        try old.write { db in
            try db.execute(sql: """
                INSERT INTO import (id, kind, created_at) VALUES (1, 'ingest', '2025-01-01'), (2, 'ingest', '2025-02-01');
                INSERT INTO series_key (id, indicator, area, period, period_kind, period_index, gender, current_revision) VALUES
                    (1, 'PV01', '2580', '2024Q1', 'quarter', 8096, 'T', 2),
                    (2, 'PV01', '2582', '2024Q2', 'quarter', 8097, 'K', 3),
                    (3, 'HF01', '2580', '2023', 'year', 2023, 'M', 5);
                INSERT INTO revision (id, key_id, import_id, value, numerator, denominator, status, note) VALUES
                    (1, 1, 1, 10.0, 1.0, 10.0, 'reported', NULL),
                    (2, 1, 2, 12.5, 1.0, 8.0, 'reported', 'rättad'),
                    (3, 2, 1, NULL, NULL, NULL, 'missing', NULL),
                    (4, 3, 1, 7.0, NULL, NULL, 'reported', NULL),
                    (5, 3, 2, NULL, NULL, NULL, 'withdrawn', NULL);
                """)
        }
        try old.close()

        // Reading refuses it untouched and names the command that upgrades it; writing upgrades it.
        let file = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect {
            _ = try MetricsStore.openForReading(at: path)
        } throws: { error in
            "\(error)".hasSuffix("run `naravard init` to upgrade it (every record is kept)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == file)
        let store = try MetricsStore.openForWriting(at: path)
        #expect(try store.schemaVersion() == MetricsStore.migrator.migrations.count)
        let now = try store.observations()
        #expect(now == [
            Observation(indicator: "PV01", area: "2580", period: Period(year: 2024, quarter: 1), gender: .total,
                        value: 12.5, numerator: 1, denominator: 8, status: .reported, note: "rättad"),
            Observation(indicator: "PV01", area: "2582", period: Period(year: 2024, quarter: 2), gender: .women,
                        value: nil, status: .missing),
        ])
        let before = try store.observations(ObservationQuery(asOf: 1))
        #expect(before.map(\.value) == [7, 10, nil])
        #expect(before.first?.indicator == "HF01")
        // 2024Q2 holds only a missing record: the latest quarter with a reported value is 2024Q1.
        #expect(try store.latestReportedPeriod(.quarter, asOf: nil) == Period(year: 2024, quarter: 1))
        #expect(try store.latestReportedPeriod(.year, asOf: 1) == Period(year: 2023))
        #expect(try store.latestReportedPeriod(.year, asOf: nil) == nil)
    }
}

/// `MetricsStore(_:)` on a database GRDB has opened (here in memory): the migrations run once, an open store is
/// opened as it is, and a database that is not a naravard store, or is of a newer one, is refused untouched.
struct DatabaseWriterStoreTests {
    @Test func anEmptyDatabaseBecomesAStoreAndOpensAgainWithItsData() throws {
        let queue = try DatabaseQueue()
        let store = try MetricsStore(queue)
        #expect(try store.schemaVersion() == MetricsStore.migrator.migrations.count)
        #expect(try store.loadCatalog(Catalog.bundled()).importID == 1)
        let again = try MetricsStore(queue)
        #expect(try again.catalog().indicators.map(\.id) == Catalog.bundled().indicators.map(\.id))
        #expect(try again.imports().map(\.id) == [1])
    }

    @Test func anOlderSchemaIsUpgradedKeepingItsImports() throws {
        let queue = try DatabaseQueue()
        try MetricsStore.migrator.migrate(queue, upTo: "v4: area versions")
        try queue.write { try $0.execute(sql: "INSERT INTO import (id, kind, created_at) VALUES (1, 'ingest', '2025-01-01')") }
        let store = try MetricsStore(queue)
        #expect(try store.schemaVersion() == MetricsStore.migrator.migrations.count)
        #expect(try store.imports().map(\.id) == [1])
    }

    @Test func aForeignDatabaseIsRefusedUntouched() throws {
        let queue = try DatabaseQueue()
        try queue.write { try $0.execute(sql: "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine')") }
        #expect {
            _ = try MetricsStore(queue)
        } throws: { error in
            (error as? MetricsStore.OpenError)?.reason.hasPrefix("not a naravard store; nothing was changed") == true
        }
        #expect(try queue.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master") } == ["notes"])
    }

    @Test func aNewerStoreIsRefusedUntouched() throws {
        let queue = try DatabaseQueue()
        _ = try MetricsStore(queue)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')") }
        #expect {
            _ = try MetricsStore(queue)
        } throws: { error in
            (error as? MetricsStore.OpenError)?.reason.hasPrefix("made by a newer naravard") == true
        }
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM grdb_migrations") } == MetricsStore.migrator.migrations.count + 1)
    }
}
