import Foundation

/// Creates a fresh, empty directory under the system temporary directory and returns its URL.
///
/// ```swift
/// let directory = try makeTemporaryDirectory()
/// let output = directory.appendingPathComponent("rapport.xlsx").path
/// ```
public func makeTemporaryDirectory(prefix: String = "naravard-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A temporary directory removed with everything in it when the value is released; hold one in a Swift Testing
/// suite so each test gets its own directory and leaves nothing behind.
///
/// ```swift
/// @Suite struct ReportTests {
///     let directory = try TemporaryDirectory()
///     @Test func writes() throws { let path = directory.path("r.xlsx") … }
/// }
/// ```
public final class TemporaryDirectory: @unchecked Sendable {
    public let url: URL

    public init(prefix: String = "naravard-test") throws {
        url = try makeTemporaryDirectory(prefix: prefix)
    }

    /// The path of `name` inside the directory.
    public func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    /// Whether anything exists at `name` inside the directory.
    public func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: path(name))
    }

    /// The names of the entries in the directory, sorted (hidden ones included).
    public func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
