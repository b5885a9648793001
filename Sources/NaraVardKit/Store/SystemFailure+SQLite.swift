import GRDB

extension SystemFailure {
    /// The one-line account of an SQLite error, and whether it means the store itself cannot be opened or read;
    /// nil for any other error.
    static func storeFailure(_ error: any Error, store: String) -> (description: String, storeUnreadable: Bool)? {
        guard let error = error as? DatabaseError else { return nil }
        switch error.resultCode.primaryResultCode {
        case .SQLITE_FULL:
            return ("\(store): the disk is full; nothing was written", false)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return ("\(store): locked by another naravard writing to it (waited \(Int(MetricsStore.busyTimeout)) s); nothing was written, try again when it has finished", false)
        case .SQLITE_READONLY:
            return ("\(store): the store is read-only (file or folder not writable); nothing was written", false)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return ("\(store): cannot be opened (\(error.message ?? "permission denied"))", true)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return ("\(store): not a naravard store, or the file is damaged (\(error.message ?? "corrupt"))", true)
        case .SQLITE_IOERR:
            return ("\(store): the disk failed to read or write (\(error.message ?? "I/O error")); nothing was written", false)
        default:
            return nil
        }
    }
}
