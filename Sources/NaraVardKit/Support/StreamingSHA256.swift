import Crypto
import Foundation

/// SHA-256 computed while a file streams through, so the audit log costs no second read.
struct StreamingSHA256 {
    private var hasher = SHA256()

    mutating func update(_ data: Data) { hasher.update(data: data) }

    /// Lowercase hex digest of everything seen.
    func finalize() -> String {
        hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Lowercase hex digest of some bytes.
    static func hex(of data: Data) -> String {
        var digest = StreamingSHA256()
        digest.update(data)
        return digest.finalize()
    }
}
