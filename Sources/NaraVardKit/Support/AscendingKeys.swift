/// A set of keys added in increasing order, held in about a byte a key: each key is written as its distance
/// from the one before (a LEB128 varint), with the first key of every block of ``blockSize`` kept whole so that a
/// lookup decodes one block only.
///
/// ```swift
/// var keys = AscendingKeys()
/// keys.append(10); keys.append(12)
/// keys.contains(12)  // true
/// keys.contains(11)  // false
/// ```
struct AscendingKeys {
    static let blockSize = 1024

    /// The largest key added, or nil before the first.
    private(set) var last: Int64?
    private(set) var count = 0
    private var bytes: [UInt8] = []
    /// The first key of each block, and where its distances start in ``bytes``.
    private var blockFirst: [Int64] = []
    private var blockOffset: [Int] = []

    /// Adds a key larger than every key added before.
    mutating func append(_ key: Int64) {
        precondition(last.map { key > $0 } ?? true, "keys must be appended in increasing order")
        if count % Self.blockSize == 0 {
            blockFirst.append(key)
            blockOffset.append(bytes.count)
        } else {
            var distance = UInt64(key - last!)
            while distance >= 0x80 {
                bytes.append(UInt8(distance & 0x7F) | 0x80)
                distance >>= 7
            }
            bytes.append(UInt8(distance))
        }
        last = key
        count += 1
    }

    func contains(_ key: Int64) -> Bool {
        guard let last, key <= last, let firstKey = blockFirst.first, key >= firstKey else { return false }
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
