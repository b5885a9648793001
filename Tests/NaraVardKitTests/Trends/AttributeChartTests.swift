import Testing

@testable import NaraVardKit

@Suite("p, u, p′ and u′ charts")
struct AttributeChartTests {
    /// Values from the reference script's independent write-out of spec §4.
    @Test("matches the spec formulas", arguments: ReferenceVectors.attributeCharts)
    func matchesReference(_ reference: AttributeCase) throws {
        let chart = try #require(AttributeChart.limits(
            reference.kind, events: reference.events, denominators: reference.denominators,
            laney: reference.laney, screening: reference.screening
        ))
        #expect(TrendTolerance.matches(chart.centre, reference.centre, TrendTolerance.limits))
        #expect(chart.points.count == reference.points.count)
        for (actual, expected) in zip(chart.points, reference.points) {
            #expect((actual == nil) == (expected == nil))
            guard let actual, let expected else { continue }
            #expect(TrendTolerance.matches(actual.value, expected.value, TrendTolerance.limits))
            #expect(TrendTolerance.matches(actual.lcl, expected.lcl, TrendTolerance.limits))
            #expect(TrendTolerance.matches(actual.ucl, expected.ucl, TrendTolerance.limits))
            #expect(TrendTolerance.matches(actual.nearLCL, expected.nearLCL, TrendTolerance.limits))
            #expect(TrendTolerance.matches(actual.nearUCL, expected.nearUCL, TrendTolerance.limits))
        }
    }

    /// Hand computation: rows 1 and 3 are excluded (missing numerator, zero denominator), so
    /// p̄ = (10 + 30) / (100 + 100) = 0.2, not the mean of the proportions; sd = √(0.2 · 0.8 / 100) = 0.04;
    /// limits 0.08…0.32; 0.3 is inside, no signal.
    @Test("p-chart: weighted centre, excluded rows")
    func pChartByHand() throws {
        let chart = try #require(AttributeChart.limits(
            .proportion, events: [10, nil, 30, 5], denominators: [100, 50, 100, 0]
        ))
        #expect(TrendTolerance.matches(chart.centre, 0.2, TrendTolerance.limits))
        #expect(chart.points[1] == nil && chart.points[3] == nil)
        let first = try #require(chart.points[0])
        #expect(TrendTolerance.matches(first.lcl, 0.08, TrendTolerance.limits))
        #expect(TrendTolerance.matches(first.ucl, 0.32, TrendTolerance.limits))
        #expect(!first.isOutside)
    }

    /// Hand computation: ū = 20/10 = 2; exposure 1: 2 ± 3·√2 → LCL clipped at 0, UCL 6.24 not clipped;
    /// the rate 12/1 = 12 is a signal.
    @Test("u-chart: LCL clipped at 0, UCL unclipped, signal")
    func uChartByHand() throws {
        let chart = try #require(AttributeChart.limits(.rate, events: [8, 12], denominators: [9, 1]))
        #expect(TrendTolerance.matches(chart.centre, 2, TrendTolerance.limits))
        let second = try #require(chart.points[1])
        #expect(second.lcl == 0)
        #expect(TrendTolerance.matches(second.ucl, 2 + 3 * 2.0.squareRoot(), TrendTolerance.limits))
        #expect(second.isOutside)
    }

    @Test("undefined without a complete row")
    func noCompleteRow() {
        #expect(AttributeChart.limits(.proportion, events: [nil, 3], denominators: [10, 0]) == nil)
        #expect(AttributeChart.limits(.rate, events: [], denominators: []) == nil)
    }

    /// Laney needs a moving range of z: two adjacent complete rows.
    @Test("Laney undefined without adjacent complete rows")
    func laneyNeedsAdjacentRows() {
        #expect(AttributeChart.limits(.proportion, events: [3, nil, 4], denominators: [10, 10, 10], laney: true) == nil)
    }
}
