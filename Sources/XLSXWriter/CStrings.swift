internal import CXLSXWriter
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// C strings that must stay alive across one libxlsxwriter call that takes an options struct of `char *`
/// fields. libxlsxwriter copies what it keeps (its `_free_*` functions free its own copies), so the strings are
/// freed as soon as the scope ends.
final class CStrings {
    private var pointers: [UnsafeMutablePointer<CChar>] = []

    /// A C copy of `string`, valid until this object is released.
    func copy(_ string: String) -> UnsafeMutablePointer<CChar>? {
        guard let pointer = strdup(string) else { return nil }
        pointers.append(pointer)
        return pointer
    }

    /// `copy(_:)`, throwing libxlsxwriter's malloc error if the copy fails.
    func require(_ string: String, _ operation: @autoclosure () -> String) throws(XLSXError)
        -> UnsafeMutablePointer<CChar>
    {
        guard let pointer = copy(string) else {
            throw XLSXError(LXW_ERROR_MEMORY_MALLOC_FAILED, operation: operation())
        }
        return pointer
    }

    deinit {
        for pointer in pointers { free(pointer) }
    }
}
