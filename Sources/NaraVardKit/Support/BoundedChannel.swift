import Foundation

/// Hands items from one producing thread to one consuming thread, holding at most `capacity` at a
/// time so that a fast producer waits instead of filling memory.
///
/// ```swift
/// let channel = BoundedChannel<[Int]>(capacity: 4)
/// Thread { for batch in batches { guard channel.send(batch) else { break } }; channel.close() }.start()
/// while let batch = channel.receive() { use(batch) }
/// ```
final class BoundedChannel<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private let capacity: Int
    private var closed = false
    private var cancelled = false

    init(capacity: Int) { self.capacity = capacity }

    /// Waits for room and adds an item; false (item dropped) once the consumer has cancelled.
    func send(_ item: Element) -> Bool {
        condition.withLock {
            while items.count >= capacity, !cancelled { condition.wait() }
            guard !cancelled else { return false }
            items.append(item)
            condition.broadcast()
            return true
        }
    }

    /// No more items will come.
    func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }

    /// The consumer stops: the producer's next ``send(_:)`` returns false.
    func cancel() {
        condition.withLock {
            cancelled = true
            items.removeAll()
            condition.broadcast()
        }
    }

    /// The next item in order, waiting for one; nil once the channel is closed and empty.
    func receive() -> Element? {
        condition.withLock {
            while items.isEmpty, !closed { condition.wait() }
            guard !items.isEmpty else { return nil }
            condition.broadcast()
            return items.removeFirst()
        }
    }

    /// Waits until the producer has closed the channel (after a cancel, to know it has stopped).
    func waitUntilClosed() {
        condition.withLock {
            while !closed { condition.wait() }
        }
    }
}
