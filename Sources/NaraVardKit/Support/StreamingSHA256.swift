internal import CLibCrypto
import Foundation

/// SHA-256 computed while a file streams through, so the audit log costs no second read.
/// The system's OpenSSL libcrypto does the hashing (EVP interface).
final class StreamingSHA256 {
    private let context: OpaquePointer

    init() {
        guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            fatalError("libcrypto could not start a SHA-256 digest")
        }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    func update(_ data: Data) {
        data.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            _ = EVP_DigestUpdate(context, base, bytes.count)
        }
    }

    /// Lowercase hex digest of everything seen.
    func finalize() -> String {
        guard let copy = EVP_MD_CTX_new() else { fatalError("libcrypto could not copy a digest") }
        defer { EVP_MD_CTX_free(copy) }
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_MD_CTX_copy_ex(copy, context) == 1, EVP_DigestFinal_ex(copy, &digest, &length) == 1 else {
            fatalError("libcrypto could not finish a SHA-256 digest")
        }
        return digest.prefix(Int(length)).map { String(format: "%02x", $0) }.joined()
    }

    /// Lowercase hex digest of some bytes.
    static func hex(of data: Data) -> String {
        let digest = StreamingSHA256()
        digest.update(data)
        return digest.finalize()
    }
}
