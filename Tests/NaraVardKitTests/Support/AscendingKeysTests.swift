@testable import NaraVardKit
import Testing
import TestSupport

@Suite struct AscendingKeysTests {
    /// Against a Set of the same keys: gaps from 1 to beyond 2^35 (varints of one to six bytes), in groups of
    /// three given in shuffled order (as T, K, M rows come), with repeats and with keys far behind, over many
    /// windows and blocks. A key refused as below the window is kept beside, as the writer does.
    @Test(arguments: [1, 7, 2026] as [UInt64])
    func answersAsASetDoes(seed: UInt64) {
        var random = SplitMix(seed: seed)
        var keys = AscendingKeys()
        var added = Set<Int64>(), refused = Set<Int64>()
        var given: [Int64] = []
        var next = Int64.random(in: 0...1_000, using: &random)
        for _ in 0..<(3 * AscendingKeys.windowSize) {
            let group = [next, next + 1, next + 2].shuffled(using: &random)
            next += 3 + Int64.random(in: 0...(Int64(1) << (Int64.random(in: 0...5, using: &random) * 7)), using: &random)
            var batch = group
            if Int.random(in: 0..<50, using: &random) == 0, let old = given.randomElement(using: &random) { batch.append(old) }
            if Int.random(in: 0..<50, using: &random) == 0, let old = given.randomElement(using: &random) { batch.append(old - 1) }
            for key in batch {
                let known = added.contains(key) || refused.contains(key)
                switch keys.insert(key) {
                case .added:
                    #expect(!known, "key \(key) added twice")
                    added.insert(key)
                case .present:
                    #expect(added.contains(key), "key \(key) present but never added")
                case .belowWindow:
                    #expect(!added.contains(key), "key \(key) refused though added")
                    #expect(keys.written.map { key <= $0 } ?? false, "key \(key) refused above the written keys")
                    refused.insert(key)
                }
                given.append(key)
            }
        }
        #expect(refused.count < given.count / 100, "most keys fit the window")
        for probe in given.flatMap({ key -> [Int64] in [key - 1, key, key + 1] }) + [-1, next + 1_000_000] {
            #expect(keys.contains(probe) == added.contains(probe), "key \(probe)")
        }
    }

    @Test func emptyHoldsNothing() {
        let keys = AscendingKeys()
        #expect(!keys.contains(0) && keys.written == nil)
    }
}
