import Foundation

/// An input file that does not exist or cannot be read (exit 66).
public struct InputFileError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }

    /// Throws for the first of `urls` that is missing, a folder, not a regular file or unreadable.
    static func check(_ urls: [URL]) throws {
        for url in urls {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
                throw InputFileError(path: url.relativePath, reason: "no such file")
            }
            guard !isFolder.boolValue else { throw InputFileError(path: url.relativePath, reason: "is a folder, not a file") }
            guard (try? FileManager.default.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType) == .typeRegular else {
                throw InputFileError(path: url.relativePath, reason: "is not a regular file (a pipe or a device): save the data to a file first")
            }
            guard FileManager.default.isReadableFile(atPath: url.path) else {
                throw InputFileError(path: url.relativePath, reason: "cannot be read")
            }
        }
    }
}

/// An input that cannot sensibly be read on (a record too long to be a row, too many rejected rows, an
/// oversized file): the import stops and is refused, nothing written.
struct InputStopped: Error {
    var diagnostic: Diagnostic
    /// Whether the stop is a record of its own to count as rejected (not so for the rejection limit).
    var rejectsARecord = true
}
