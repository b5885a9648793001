#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Serialises `workbook_close()` across the process.
///
/// libxlsxwriter 1.1.4 formats the `docProps/core.xml` dates with `gmtime()`, which returns a pointer to one
/// static buffer shared by every thread (`tmp_datetime = gmtime(timer); strftime(str, …, tmp_datetime);` in
/// core.c). Two workbooks closing at once on different threads could therefore swap creation dates. Writing
/// cells touches no shared state, so only the close is serialised.
final class CloseLock: @unchecked Sendable {
    static let shared = CloseLock()

    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    private init() {
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    func withLock<Result>(_ body: () -> Result) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }
}
