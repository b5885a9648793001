@testable import NaraVardKit
import Testing
import TestSupport

@Suite struct AscendingKeysTests {
    /// Against a Set of the same keys: gaps from 1 to beyond 2^35 (varints of one to six bytes), across
    /// several blocks, asked for every key added, its neighbours and keys outside the range.
    @Test(arguments: [1, 7, 2026] as [UInt64])
    func answersAsASetDoes(seed: UInt64) {
        var random = SplitMix(seed: seed)
        var keys = AscendingKeys()
        var reference: [Int64] = []
        var key = Int64.random(in: 0...1_000, using: &random)
        for _ in 0..<(3 * AscendingKeys.blockSize + 17) {
            keys.append(key)
            reference.append(key)
            let width = Int64.random(in: 0...5, using: &random) * 7
            key += Int64.random(in: 1...(Int64(1) << (width + 1)), using: &random)
        }
        let set = Set(reference)
        let probes: [Int64] = reference.flatMap { key -> [Int64] in [key - 1, key, key + 1] } + [-1, 0, reference.last! + 1_000_000]
        for probe in probes {
            #expect(keys.contains(probe) == set.contains(probe), "key \(probe)")
        }
        #expect(keys.count == reference.count)
        #expect(keys.last == reference.last)
    }

    @Test func emptyHoldsNothing() {
        let keys = AscendingKeys()
        #expect(!keys.contains(0) && keys.last == nil)
    }
}
