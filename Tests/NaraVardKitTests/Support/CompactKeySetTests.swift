@testable import NaraVardKit
import Testing
import TestSupport

@Suite struct CompactKeySetTests {
    /// Against Swift's Set under the same inserts, removals and lookups: keys in groups of three in shuffled
    /// order (as T, K, M rows come), gaps from 1 to beyond 2^35 (varints of one to six bytes), keys given again
    /// from far back, and a window of 50 so that many runs are written and merged.
    @Test(arguments: [1, 7, 2026] as [UInt64])
    func answersAsASetDoes(seed: UInt64) {
        var random = SplitMix(seed: seed)
        var keys = CompactKeySet(windowSize: 50)
        var reference = Set<Int64>()
        var given: [Int64] = []
        var next = Int64.random(in: 0...1_000, using: &random)
        for round in 0..<3_000 {
            var batch = [next, next + 1, next + 2].shuffled(using: &random)
            next += 3 + Int64.random(in: 0...(Int64(1) << (Int64.random(in: 0...5, using: &random) * 7)), using: &random)
            if round % 7 == 0, let old = given.randomElement(using: &random) { batch.append(old) }
            for key in batch {
                keys.insert(key)
                reference.insert(key)
                given.append(key)
            }
            if round % 11 == 0, let old = given.randomElement(using: &random) {
                keys.remove(old)
                reference.remove(old)
            }
            if round % 13 == 0, let old = given.randomElement(using: &random) {
                #expect(keys.contains(old) == reference.contains(old), "key \(old) in round \(round)")
            }
        }
        for probe in given.flatMap({ key -> [Int64] in [key - 1, key, key + 1] }) + [next + 1_000_000] {
            #expect(keys.contains(probe) == reference.contains(probe), "key \(probe)")
        }
        #expect(keys.count() == reference.count)
        // Merged into one run, it answers the same.
        for probe in given.prefix(500) { #expect(keys.contains(probe) == reference.contains(probe), "key \(probe)") }
    }

    @Test func emptyHoldsNothing() {
        var keys = CompactKeySet()
        #expect(!keys.contains(0))
        #expect(keys.count() == 0)
    }
}
