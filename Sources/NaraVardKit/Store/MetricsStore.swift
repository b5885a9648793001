import Foundation
import GRDB

/// The metrics store: one SQLite file (WAL) holding the catalogue, every revision of every value, and
/// the audit log of imports.
///
/// A store is opened for reading or for writing, and only ``create(at:)`` makes a new one:
///
/// ```swift
/// let store = try MetricsStore.create(at: "naravard.sqlite")          // naravard init
/// let reader = try MetricsStore.openForReading(at: "naravard.sqlite") // never writes the file
/// let writer = try MetricsStore.openForWriting(at: "naravard.sqlite") // upgrades an older store
/// ```
///
/// A file that is not a naravard store, or a store of a newer naravard, is refused before SQLite may write to it.
/// A store can also be made on a database GRDB has opened, such as an in-memory one:
///
/// ```swift
/// let store = try MetricsStore(DatabaseQueue())
/// ```
public struct MetricsStore: Sendable {
    let dbWriter: any DatabaseWriter
    public let path: String
    /// How long a write waits for another process writing the store, in seconds, before it gives up.
    package static let busyTimeout: TimeInterval = 10

    /// Why a store could not be opened (README's exit code 66).
    public struct OpenError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }

        static func notAStore(_ path: String) -> OpenError {
            OpenError(path: path, reason: "not a naravard store; nothing was changed (`naravard init` creates a store at a new path or in an empty file)")
        }

        static func newer(_ path: String, version: Int) -> OpenError {
            OpenError(
                path: path,
                reason: "made by a newer naravard (schema version \(version); this naravard knows up to schema version \(MetricsStore.migrationList.count)); nothing was changed, use that naravard or a newer one")
        }
    }

    /// A store on a database GRDB has opened, created or upgraded by the store's migrations (as GRDB's
    /// `AppDatabase` example does); a database that is not a naravard store, or one of a newer naravard, is
    /// refused untouched. The file-opening functions below are for store files; this is for a database already
    /// open, such as an in-memory `DatabaseQueue()` where a file adds nothing.
    package init(_ dbWriter: any DatabaseWriter) throws {
        try Self.upgrade(dbWriter, creating: true, path: dbWriter.path)
        self.init(dbWriter: dbWriter, path: dbWriter.path)
    }

    /// Opens an existing store to read it. Nothing is written to the file, not even by an upgrade: a store that
    /// needs one is refused with the command that upgrades it. Readers never wait for a writer (WAL).
    public static func openForReading(at path: String) throws -> MetricsStore {
        let file = try StoreFile(path: path)
        guard file.kind == .sqlite else { throw OpenError.notAStore(file.path) }
        let pool = try file.openReadOnly(configuration(), DatabasePool.init(path:configuration:))
        switch try pool.read(Self.schemaState) {
        case .current:
            return MetricsStore(dbWriter: pool, path: path)
        case .older(let version):
            throw OpenError(path: path, reason: "made by an earlier naravard (schema version \(version); this naravard uses \(migrationList.count)): run `naravard init` to upgrade it (every record is kept)")
        case .newer(let version):
            throw OpenError.newer(file.path, version: version)
        case .empty, .foreign:
            throw OpenError.notAStore(file.path)
        }
    }

    /// Opens an existing store to write to it, upgrading a store of an earlier naravard first.
    public static func openForWriting(at path: String) throws -> MetricsStore {
        try open(StoreFile(path: path), creating: false)
    }

    /// Creates a store at a path that is missing or an empty file, or opens (and upgrades) the naravard store
    /// already there; anything else is refused untouched.
    public static func create(at path: String) throws -> MetricsStore {
        try open(StoreFile(path: path, creating: true), creating: true)
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(Self.busyTimeout)
        return configuration
    }

    private static func open(_ file: StoreFile, creating: Bool) throws -> MetricsStore {
        // Look before SQLite writes anything (a pool turns the file to WAL): only an empty file or a naravard
        // store of this or an earlier version is opened for writing.
        var state = SchemaState.empty
        if file.kind == .sqlite {
            state = try file.openReadOnly(configuration(), DatabaseQueue.init(path:configuration:)).read(Self.schemaState)
        } else if file.kind != .missing && !(creating && file.kind == .empty) {
            throw OpenError.notAStore(file.path)
        }
        switch state {
        case .foreign: throw OpenError.notAStore(file.path)
        case .empty where !creating: throw OpenError.notAStore(file.path)
        case .newer(let version): throw OpenError.newer(file.path, version: version)
        case .empty, .older, .current: break
        }
        do {
            let pool = try openPool(file.path)
            if state != .current { try upgrade(pool, creating: creating, path: file.path) }
            return MetricsStore(dbWriter: pool, path: file.path)
        } catch let error as DatabaseError where [.SQLITE_READONLY, .SQLITE_CANTOPEN].contains(error.resultCode.primaryResultCode) {
            // A store on a read-only file or folder can still be read when it needs no upgrade; writes then
            // fail as read-only, after the input has been checked.
            guard state == .current else { throw error }
            return MetricsStore(dbWriter: try file.openReadOnly(configuration(), DatabasePool.init(path:configuration:)), path: file.path)
        }
    }

    /// The writer's pool. Opening switches a new store to WAL, and SQLite makes that switch without waiting for
    /// a lock held by another process: two `init`s creating the same store at once retry it (every 20 ms, up to
    /// the busy timeout) instead of failing.
    private static func openPool(_ path: String) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(busyTimeout)
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration())
            } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_BUSY && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
    }

    private init(dbWriter: any DatabaseWriter, path: String) {
        self.dbWriter = dbWriter
        self.path = path
    }

    /// The schema version: the number of migrations applied.
    package func schemaVersion() throws -> Int {
        try dbWriter.read { try Int.fetchOne($0, sql: "PRAGMA user_version") ?? 0 }
    }

    /// The import to read as of: `asOf` when given, else the latest one now. A command that reads in several
    /// steps reads them all as of this import, so an ingest committing meanwhile is seen whole or not at all.
    /// An import that is not in the store (0, a negative or an unknown id) throws ``StoreQueryError``: every
    /// command asks here, so every command says the same.
    package func snapshot(asOf: Int64?) throws -> Int64? {
        try dbWriter.read { db in
            if let asOf {
                try Self.requireImport(db, asOf)
                return asOf
            }
            return try Int64.fetchOne(db, sql: "SELECT max(id) FROM import")
        }
    }
}
