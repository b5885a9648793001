import Dispatch
import Foundation

extension Array {
    /// `map` on every core; the order of the results is the order of the elements. The first error thrown
    /// by any transform is rethrown once all have finished.
    func concurrentMap<T>(_ transform: (Element) throws -> T) throws -> [T] {
        let failure = FirstError()
        var results = [T?](repeating: nil, count: count)
        // The elements and the transform are only read; each iteration writes its own slot only.
        nonisolated(unsafe) let elements = self
        nonisolated(unsafe) let transform = transform
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: count) { index in
                do {
                    slots[index] = try transform(elements[index])
                } catch {
                    failure.record(error)
                }
            }
        }
        if let error = failure.error { throw error }
        return results.map { $0! }
    }
}

/// The first error thrown by concurrent work.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var first: (any Error)?

    var error: (any Error)? { lock.withLock { first } }

    func record(_ error: any Error) {
        lock.withLock { if first == nil { first = error } }
    }
}
