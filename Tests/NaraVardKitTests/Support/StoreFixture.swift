import Foundation
@testable import NaraVardKit
import TestSupport

/// A store with the bundled catalogue: a real store file in its own temporary folder, or with `inMemory` an
/// in-memory database where the file adds nothing to a test (input files are still written to the folder).
final class StoreFixture: @unchecked Sendable {
    let directory: TemporaryDirectory
    let store: MetricsStore

    init(inMemory: Bool = false) throws {
        directory = try TemporaryDirectory()
        store = try inMemory ? MetricsStore(DatabaseQueue()) : MetricsStore.create(at: directory.path("test.sqlite"))
        try store.loadCatalog(Catalog.bundled(), onlyAdd: true)
    }

    /// Writes a file with the given bytes and returns its URL.
    @discardableResult
    func file(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let url = directory.url.appending(path: name)
        try Data(bytes).write(to: url)
        return url
    }

    /// Writes a UTF-8 text file (lines joined with `\n`).
    @discardableResult
    func file(_ name: String, lines: [String]) throws -> URL {
        try file(name, Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    func ingest(_ urls: URL..., configure: (inout IngestOptions) -> Void = { _ in }) throws -> IngestResult {
        var options = IngestOptions()
        configure(&options)
        return try store.ingest(urls, options: options)
    }

    /// Counts of rows in the tables that an ingest writes.
    func writtenRows() throws -> [Int] {
        try store.dbWriter.read { db in
            try ["import", "import_file", "observation", "stored_period"].map {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1
            }
        }
    }

    func current(_ indicator: String, _ area: String, _ period: String, asOf: Int64? = nil) throws -> Observation? {
        var query = ObservationQuery(asOf: asOf)
        query.indicators = [indicator]
        query.period = try Period(parsing: period)
        query.exactPeriod = true
        return try store.observations(query).first { $0.area == area && $0.gender == .total }
    }
}

import GRDB
