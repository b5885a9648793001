import Foundation
import XLSXWriter

/// A failure of the machine rather than of the input (disk full, read-only or locked store, a path that
/// cannot be written), told in one line. Transactions are rolled back and files are written beside their
/// target and moved into place, so nothing half-written is left behind.
package struct SystemFailure: Error, CustomStringConvertible {
    package var description: String
    /// Whether the store itself cannot be opened or read (permission, not a database, damaged), rather than a
    /// write that failed; the CLI tells the first like a file that is not a store.
    package var storeUnreadable = false

    /// The one-line account of an SQLite (``storeFailure(_:store:)``) or file-system error, or nil for any other error.
    package init?(_ error: any Error, store: String) {
        if let (description, storeUnreadable) = Self.storeFailure(error, store: store) {
            self.description = description
            self.storeUnreadable = storeUnreadable
            return
        }
        switch error {
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
