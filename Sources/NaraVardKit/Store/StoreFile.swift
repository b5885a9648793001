import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// What is at a store path, looked at before SQLite may touch it: SQLite would take any file, turn an empty
/// or foreign one into a store, and a pool would switch a foreign database to WAL.
struct StoreFile {
    enum Kind {
        case missing
        /// A file of 0 bytes.
        case empty
        /// A file that begins with SQLite's header.
        case sqlite
        /// Anything else: a text file, a folder, a device.
        case other
    }

    let path: String
    let kind: Kind

    /// Looks at `path`; a missing path is refused (with a hint to run `naravard init`) unless `creating`.
    init(path: String, creating: Bool = false) throws {
        self.path = path
        var info = stat()
        guard stat(path, &info) == 0 else {
            guard errno == ENOENT else { throw MetricsStore.OpenError(path: path, reason: "cannot be opened (\(String(cString: strerror(errno))))") }
            guard creating else {
                throw MetricsStore.OpenError(path: path, reason: "there is no store: run `naravard init` first (or give --db PATH / $NARAVARD_DB)")
            }
            kind = .missing
            return
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            kind = .other
            return
        }
        guard info.st_size > 0 else {
            kind = .empty
            return
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw MetricsStore.OpenError(path: path, reason: "cannot be opened (permission denied)")
        }
        defer { try? handle.close() }
        let header = try handle.read(upToCount: 16) ?? Data()
        kind = header == Data("SQLite format 3\0".utf8) ? .sqlite : .other
    }

    /// Connections that cannot write (SQLITE_OPEN_READONLY): a queue to look at any SQLite file, a pool (several
    /// readers at once, as `trends` uses) for a store. In WAL mode a reader needs the `-shm` file and creates it
    /// (and an empty `-wal`) when they are missing; neither changes the store file. In a folder that cannot be
    /// written they cannot be created: when no `-wal` is there, no writer has left anything to read and none can
    /// start (it could not create one either), so the file is read as immutable.
    func openReadOnly<Reader: DatabaseWriter>(_ base: Configuration, _ open: (String, Configuration) throws -> Reader) throws -> Reader {
        var configuration = base
        configuration.readonly = true
        do {
            let reader = try open(path, configuration)
            // SQLite opens lazily: the first read is where a missing -shm shows.
            _ = try reader.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
            return reader
        } catch let error as DatabaseError
                    where error.resultCode.primaryResultCode == .SQLITE_CANTOPEN && !FileManager.default.fileExists(atPath: path + "-wal") {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            let encoded = absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute
            return try open("file:\(encoded)?immutable=1", configuration)
        }
    }
}
