import Foundation
import GRDB

/// The metrics store: one SQLite file (WAL) holding the catalogue, every revision of every value, and
/// the audit log of imports. Migrations run on open.
///
/// ```swift
/// let store = try MetricsStore.create(at: "naravard.sqlite")   // or .open(at:) for an existing one
/// try store.loadBundledCatalog()
/// ```
public struct MetricsStore: Sendable {
    let dbWriter: any DatabaseWriter
    public let path: String
    /// How long a write waits for another process writing the store, in seconds, before it gives up.
    public static let busyTimeout: TimeInterval = 10

    /// Why a store could not be opened.
    public struct OpenError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { reason }
    }

    /// Opens an existing store; refuses a path with no store so that a mistyped path is not
    /// silently turned into an empty store.
    public static func open(at path: String) throws -> MetricsStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw OpenError(path: path, reason: "no store at \(path): run `naravard init` first (or give --db PATH / $NARAVARD_DB)")
        }
        return try MetricsStore(path: path)
    }

    /// Creates a store, or opens (and migrates) the one already there.
    public static func create(at path: String) throws -> MetricsStore {
        try MetricsStore(path: path)
    }

    private init(path: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(Self.busyTimeout)
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
            dbWriter = pool
        } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_READONLY {
            // A store on a read-only file can still be read when it needs no migration; writes fail as read-only.
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            guard try queue.read({ try Self.migrator.hasCompletedMigrations($0) }) else { throw error }
            dbWriter = queue
        }
        self.path = path
    }

    /// The schema version: the number of migrations applied.
    public func schemaVersion() throws -> Int {
        try dbWriter.read { try Int.fetchOne($0, sql: "PRAGMA user_version") ?? 0 }
    }

    /// The import to read as of: `asOf` when given, else the latest one now. A command that reads in several
    /// steps reads them all as of this import, so an ingest committing meanwhile is seen whole or not at all.
    public func snapshot(asOf: Int64?) throws -> Int64? {
        if let asOf { return asOf }
        return try dbWriter.read { try Int64.fetchOne($0, sql: "SELECT max(id) FROM import") }
    }
}
