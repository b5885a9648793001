import Foundation
import GRDB
import XLSXWriter

/// A failure of the machine rather than of the input (disk full, read-only or locked store, a path that
/// cannot be written), told in one line. Transactions are rolled back and files are written beside their
/// target and moved into place, so nothing half-written is left behind.
public struct SystemFailure: Error, CustomStringConvertible {
    public var description: String
    /// Whether the store itself cannot be opened or read (permission, not a database, damaged), rather than a
    /// write that failed; the CLI tells the first like a file that is not a store.
    public var storeUnreadable = false

    /// The one-line account of an SQLite or file-system error, or nil for any other error.
    public init?(_ error: any Error, store: String) {
        switch error {
        case let error as DatabaseError:
            switch error.resultCode.primaryResultCode {
            case .SQLITE_FULL:
                description = "\(store): the disk is full; nothing was written"
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                description = "\(store): locked by another naravard writing to it (waited \(Int(MetricsStore.busyTimeout)) s); nothing was written, try again when it has finished"
            case .SQLITE_READONLY:
                description = "\(store): the store is read-only (file or folder not writable); nothing was written"
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
                description = "\(store): cannot be opened (\(error.message ?? "permission denied"))"
                storeUnreadable = true
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                description = "\(store): not a naravard store, or the file is damaged (\(error.message ?? "corrupt"))"
                storeUnreadable = true
            case .SQLITE_IOERR:
                description = "\(store): the disk failed to read or write (\(error.message ?? "I/O error")); nothing was written"
            default:
                return nil
            }
        case let error as CocoaError:
            let path = (error.userInfo[NSFilePathErrorKey] as? String) ?? (error.userInfo[NSURLErrorKey] as? URL)?.path ?? "the output"
            let reason = switch error.code {
            case .fileWriteOutOfSpace: "the disk is full"
            case .fileWriteNoPermission, .fileWriteVolumeReadOnly: "permission denied"
            case .fileNoSuchFile, .fileWriteInvalidFileName: "no such folder"
            case .fileWriteFileExists: "a folder is in the way"
            default: "cannot be written"
            }
            description = "\(path): \(reason); nothing was written"
        case let error as XLSXError where error.code == .fileSystem || error.code == .outputDirectory || error.operation.hasPrefix("close("):
            description = "the workbook was not written: \(error.description)"
        case let error as POSIXError where error.code == .ENOSPC:
            description = "the disk is full; nothing was written"
        default:
            return nil
        }
    }
}
