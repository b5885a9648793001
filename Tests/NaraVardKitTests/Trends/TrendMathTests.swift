import Testing

@testable import NaraVardKit

@Suite("Trend arithmetic helpers")
struct TrendMathTests {
    /// Python `statistics.median` / R `median` by hand: the mean of the two middle values for an even count.
    @Test("median", arguments: [
        ([3, 1, 2], 2), ([4, 1, 3, 2], 2.5), ([5, 5, 1, 5], 5), ([2, 1], 1.5), ([7], 7), ([-1, -3, 2, 0, 0, 0], 0),
    ] as [([Double], Double)])
    func median(_ values: [Double], _ expected: Double) {
        #expect(TrendMath.median(values) == expected)
    }

    @Test("median of nothing is nil")
    func emptyMedian() {
        #expect(TrendMath.median([]) == nil)
    }

    /// The in-place selection against the definition (sort, take the middle), on seeded random lists with
    /// many ties and of every length from 1 to 300.
    @Test("selection agrees with sorting")
    func selectionAgreesWithSorting() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double((state >> 33) % 25) / 4
        }
        for count in 1...300 {
            let values = (0..<count).map { _ in next() }
            let sorted = values.sorted()
            let middle = count / 2
            let expected = count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
            #expect(TrendMath.median(values) == expected, "count \(count)")
        }
    }

    /// Spec §2/§3: a constant list has that constant as its mean (Σy/n alone gives 0.29999999999999993 for
    /// thirteen 0.3s).
    @Test("mean of a constant list is exact", arguments: [0.3, 1.1, 97.3, -2.1])
    func constantMean(_ value: Double) {
        #expect(TrendMath.mean(Array(repeating: value, count: 13)) == value)
    }

    @Test("observations skip nil and non-finite values and keep the time index")
    func observations() {
        #expect(TrendMath.observations([nil, 1, .nan, 2, .infinity, 3]) == [
            .init(t: 1, y: 1), .init(t: 3, y: 2), .init(t: 5, y: 3),
        ])
    }
}
