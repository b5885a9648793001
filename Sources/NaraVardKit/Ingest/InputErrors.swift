import Foundation

/// An input file that does not exist or cannot be read (exit 66).
public struct InputFileError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}

/// An input that cannot sensibly be read on (a record too long to be a row, too many rejected rows, an
/// oversized file): the import stops and is refused, nothing written.
struct InputStopped: Error {
    var diagnostic: Diagnostic
    /// Whether the stop is a record of its own to count as rejected (not so for the rejection limit).
    var rejectsARecord = true
}
