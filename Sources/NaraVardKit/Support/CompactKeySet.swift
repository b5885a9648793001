/// A set of non-negative 64-bit keys in a byte or two a key, for millions of keys with little memory.
///
/// New keys gather in a window; a full window is sorted into a run that holds each key as its distance from
/// the one before (a LEB128 varint), with every ``KeyRun/blockSize``-th key kept whole so that a lookup decodes
/// one block. Runs of about the same size are merged, so there are never more than about log2(keys / window)
/// of them. Keys taken out after they reached a run are listed apart.
///
/// ```swift
/// var keys = CompactKeySet()
/// keys.insert(12); keys.insert(10)
/// keys.contains(10)  // true
/// keys.remove(10)
/// keys.count()       // 1
/// ```
struct CompactKeySet {
    /// Keys gathered before they are sorted into a run.
    let windowSize: Int
    private var window: Set<Int64> = []
    private var runs: [KeyRun] = []
    /// Keys taken out that a run still holds.
    private var removed: Set<Int64> = []

    init(windowSize: Int = 1 << 16) {
        self.windowSize = windowSize
    }

    mutating func insert(_ key: Int64) {
        precondition(key >= 0, "keys are non-negative")
        if !removed.isEmpty { removed.remove(key) }
        window.insert(key)
        if window.count == windowSize { flushWindow() }
    }

    mutating func remove(_ key: Int64) {
        window.remove(key)
        if runs.contains(where: { $0.contains(key) }) { removed.insert(key) }
    }

    func contains(_ key: Int64) -> Bool {
        (window.contains(key) || runs.contains { $0.contains(key) }) && !removed.contains(key)
    }

    /// The number of keys in the set (merges everything into one run).
    mutating func count() -> Int {
        flushWindow()
        while runs.count > 1 { mergeLastTwo() }
        return (runs.first?.count ?? 0) - removed.count
    }

    private mutating func flushWindow() {
        guard !window.isEmpty else { return }
        var run = KeyRun(capacity: window.count * 2)
        for key in window.sorted() { run.append(key) }
        runs.append(run)
        window.removeAll(keepingCapacity: true)
        // Like a binary counter: a run is merged into the one before while that one is not twice its size.
        while runs.count > 1, runs[runs.count - 2].count < 2 * runs[runs.count - 1].count { mergeLastTwo() }
    }

    private mutating func mergeLastTwo() {
        let last = runs.removeLast(), before = runs.removeLast()
        var left = before.makeIterator(), right = last.makeIterator()
        var merged = KeyRun(capacity: before.byteCount + last.byteCount)
        var a = left.next(), b = right.next()
        while let x = a ?? b {
            if let l = a, let r = b, l != r {
                merged.append(min(l, r))
                if l < r { a = left.next() } else { b = right.next() }
            } else {
                merged.append(x)
                if a == x { a = left.next() }
                if b == x { b = right.next() }
            }
        }
        runs.append(merged)
    }
}

/// Keys in increasing order, each written as its distance from the one before.
struct KeyRun: Sequence {
    static let blockSize = 128

    private(set) var count = 0
    private var bytes: [UInt8] = []
    /// The first key of each block, and where the distances after it start in ``bytes``.
    private var blockFirst: [Int64] = []
    private var blockOffset: [Int] = []

    private var last: Int64 = 0
    /// The bytes the distances take.
    var byteCount: Int { bytes.count }

    /// An empty run with room for `capacity` bytes of distances.
    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Adds a key larger than every key added before.
    mutating func append(_ key: Int64) {
        assert(count == 0 || key > last, "keys must be appended in increasing order")
        defer {
            last = key
            count += 1
        }
        if count % Self.blockSize == 0 {
            blockFirst.append(key)
            blockOffset.append(bytes.count)
            return
        }
        var distance = UInt64(key - last)
        while distance >= 0x80 {
            bytes.append(UInt8(distance & 0x7F) | 0x80)
            distance >>= 7
        }
        bytes.append(UInt8(distance))
    }

    func contains(_ key: Int64) -> Bool {
        guard let first = blockFirst.first, key >= first else { return false }
        // The last block whose first key is not above the key.
        var low = 0, high = blockFirst.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if blockFirst[middle] <= key { low = middle } else { high = middle - 1 }
        }
        var iterator = Iterator(run: self, block: low)
        while let next = iterator.next(), next <= key, iterator.block == low {
            if next == key { return true }
        }
        return false
    }

    func makeIterator() -> Iterator { Iterator(run: self, block: 0) }

    struct Iterator: IteratorProtocol {
        private let run: KeyRun
        private(set) var block: Int
        private var index = 0
        private var offset: Int
        private var current: Int64 = 0

        fileprivate init(run: KeyRun, block: Int) {
            self.run = run
            self.block = block
            index = block * KeyRun.blockSize
            offset = run.blockOffset.isEmpty ? 0 : run.blockOffset[block]
        }

        mutating func next() -> Int64? {
            guard index < run.count else { return nil }
            if index % KeyRun.blockSize == 0 {
                block = index / KeyRun.blockSize
                current = run.blockFirst[block]
            } else {
                var distance: UInt64 = 0, shift: UInt64 = 0
                while true {
                    let byte = run.bytes[offset]
                    offset += 1
                    distance |= UInt64(byte & 0x7F) << shift
                    if byte < 0x80 { break }
                    shift += 7
                }
                current += Int64(distance)
            }
            index += 1
            return current
        }
    }
}
