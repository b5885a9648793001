/// A set of keys that mostly come in increasing order, held in about a byte a key.
///
/// Keys are gathered in a window of up to ``windowSize`` and, when it is full, sorted and written as the
/// distance from the key before (a LEB128 varint), the first key of every block of ``blockSize`` kept whole
/// so that a lookup decodes one block only. A key at or below the largest written key that is not in the set
/// cannot be added (``Insertion/belowWindow``): the caller keeps such keys elsewhere.
///
/// ```swift
/// var keys = AscendingKeys()
/// keys.insert(12)  // .added
/// keys.insert(10)  // .added: still in the window
/// keys.contains(11)  // false
/// ```
struct AscendingKeys {
    static let windowSize = 4096
    static let blockSize = 1024

    enum Insertion { case added, present, belowWindow }

    /// The largest key written out of the window: keys the set refuses lie at or below it.
    private(set) var written: Int64?
    private var window: Set<Int64> = []
    private var count = 0
    private var bytes: [UInt8] = []
    /// The first key of each block, and where its distances start in ``bytes``.
    private var blockFirst: [Int64] = []
    private var blockOffset: [Int] = []

    mutating func insert(_ key: Int64) -> Insertion {
        if let written, key <= written { return containsWritten(key) ? .present : .belowWindow }
        guard window.insert(key).inserted else { return .present }
        if window.count == Self.windowSize { writeWindow() }
        return .added
    }

    func contains(_ key: Int64) -> Bool {
        if let written, key <= written { return containsWritten(key) }
        return window.contains(key)
    }

    private mutating func writeWindow() {
        for key in window.sorted() {
            if count % Self.blockSize == 0 {
                blockFirst.append(key)
                blockOffset.append(bytes.count)
            } else {
                var distance = UInt64(key - written!)
                while distance >= 0x80 {
                    bytes.append(UInt8(distance & 0x7F) | 0x80)
                    distance >>= 7
                }
                bytes.append(UInt8(distance))
            }
            written = key
            count += 1
        }
        window.removeAll(keepingCapacity: true)
    }

    private func containsWritten(_ key: Int64) -> Bool {
        guard let firstKey = blockFirst.first, key >= firstKey else { return false }
        // The last block whose first key is not above the key.
        var low = 0, high = blockFirst.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if blockFirst[middle] <= key { low = middle } else { high = middle - 1 }
        }
        var current = blockFirst[low]
        var offset = blockOffset[low]
        let end = low + 1 < blockOffset.count ? blockOffset[low + 1] : bytes.count
        while current < key, offset < end {
            var distance: UInt64 = 0, shift: UInt64 = 0
            while true {
                let byte = bytes[offset]
                offset += 1
                distance |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            current += Int64(distance)
        }
        return current == key
    }
}
