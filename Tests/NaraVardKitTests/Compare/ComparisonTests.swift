import Numerics
import Testing

@testable import NaraVardKit

/// Expected figures: comparisons.md §2's reference values (scipy 1.17), and the same formulas evaluated
/// independently in Python with scipy 1.17.1's `norm.ppf` and `gamma.ppf`.
@Suite("Confidence intervals and verdicts")
struct ComparisonTests {
    static func close(_ interval: ConfidenceInterval?, _ low: Double, _ high: Double, places: Double = 1e-6) -> Bool {
        guard let interval else { return false }
        return abs(interval.low - low) < places / 2 && abs(interval.high - high) < places / 2
    }

    // MARK: - Intervals

    @Test("the spec's reference values to six decimals")
    func referenceValues() {
        #expect(Self.close(.wilson(17, of: 40, level: .ci95), 28.509393, 57.804931))
        #expect(Self.close(.poisson(25, over: 10_000, factor: 1_000, level: .ci95), 1.617427, 3.690645))
        #expect(Self.close(.poisson(3, over: 1_000, factor: 1_000, level: .ci95), 0.618672, 8.767273))
        #expect(ConfidenceInterval.poissonLimits(25, level: .ci95).method == .byar)
        #expect(ConfidenceInterval.poissonLimits(3, level: .ci95).method == .exactPoisson)
    }

    @Test("99.8 % intervals (Python, scipy 1.17.1)")
    func ci998() {
        #expect(Self.close(.wilson(17, of: 40, level: .ci998), 22.195371, 65.695535))
        #expect(Self.close(.poisson(25, over: 10_000, factor: 1_000, level: .ci998), 1.230446, 4.467478))
        #expect(Self.close(.poisson(3, over: 1_000, factor: 1_000, level: .ci998), 0.190533, 13.062241))
    }

    @Test("O = 0 and O = n")
    func edges() {
        // Wilson at O = 0: the lower limit is 0; O = n: the upper limit is 100.
        #expect(Self.close(.wilson(0, of: 50, level: .ci95), 0, 7.134760))
        #expect(Self.close(.wilson(50, of: 50, level: .ci95), 92.865240, 100))
        // Exact Poisson at O = 0: lower 0, upper χ²(0.975; 2)/2 = −ln(0.025) = 3.688879….
        #expect(Self.close(.poisson(0, over: 1_000, factor: 1_000, level: .ci95), 0, 3.688879))
        // O = 9 is still exact, O = 10 is Byar.
        #expect(Self.close(.poisson(9, over: 1, factor: 1, level: .ci95), 4.115373, 17.084803))
        #expect(ConfidenceInterval.poissonLimits(10, level: .ci95).method == .byar)
        #expect(Self.close(.poisson(10, over: 31_437, factor: 1_000, level: .ci95), 0.152287, 0.585026))
    }

    @Test("a denominator of 0 gives no interval")
    func zeroDenominator() {
        #expect(ConfidenceInterval.wilson(0, of: 0, level: .ci95) == nil)
        #expect(ConfidenceInterval.poisson(0, over: 0, factor: 1_000, level: .ci95) == nil)
        let value = Self.value(numerator: 0, denominator: 0, value: nil)
        let compared = ComparedValue(value, unit: .percent, population: nil)
        #expect(compared.reason == .zeroDenominator && compared.ci95 == nil && compared.method == .none)
    }

    @Test("intervals overlap when they share a point")
    func overlap() {
        let women = ConfidenceInterval(low: 54.57, high: 81.93)
        #expect(women.overlaps(ConfidenceInterval(low: 24.47, high: 61.17)))
        #expect(women.overlaps(ConfidenceInterval(low: 81.93, high: 90)))  // touching counts as overlap
        #expect(!women.overlaps(ConfidenceInterval(low: 20, high: 54.5)))
        #expect(!women.overlaps(ConfidenceInterval(low: 82, high: 95)))
    }

    // MARK: - Compared values

    static func value(area: String = "2513", numerator: Double?, denominator: Double?, value: Double?,
                      status: AreaValue.Status = .reported, gender: Gender = .total) -> AreaValue {
        AreaValue(indicator: "X", area: area, period: Period(kind: .quarter, index: 2025 * 4 + 3), gender: gender,
                  value: value, numerator: numerator, denominator: denominator, status: status)
    }

    @Test("every unit: its method, or none")
    func units() {
        let rate = Self.value(numerator: 25, denominator: 10_000, value: 2.5)
        #expect(ComparedValue(rate, unit: .per1000, population: nil).method == .byar)
        #expect(ComparedValue(rate, unit: .per10000, population: nil).method == .byar)
        #expect(Self.close(ComparedValue(rate, unit: .per100000, population: nil).ci95, 161.742659, 369.064507))
        let share = Self.value(numerator: 17, denominator: 40, value: 42.5)
        #expect(ComparedValue(share, unit: .percent, population: nil).method == .wilson)
        for unit in [IndicatorUnit.days, .index, .sek] {
            let compared = ComparedValue(Self.value(numerator: 10, denominator: 4, value: 2.5), unit: unit, population: nil)
            #expect(compared.reason == .unitNotCompared && compared.ci95 == nil && compared.method == .none)
            #expect(compared.value == 2.5)
        }
    }

    @Test("a count is compared per 1 000 invånare of its population")
    func count() throws {
        // OV06-like: 120 visits in Överkalix (3 162 inhabitants) = 37.950664 per 1 000; Byar 31.464336 – 45.380032.
        let compared = ComparedValue(Self.value(numerator: 120, denominator: nil, value: 120), unit: .count, population: 3_162)
        #expect(compared.population == 3_162)
        #expect(try #require(compared.value).isApproximatelyEqual(to: 37.950664, absoluteTolerance: 1e-6))
        #expect(Self.close(compared.ci95, 31.464336, 45.380032))
        #expect(compared.method == .byar)
        let none = ComparedValue(Self.value(numerator: 120, denominator: nil, value: 120), unit: .count, population: nil)
        #expect(none.reason == .noPopulation && none.value == nil)
    }

    @Test("a value without counts, and a suppressed value, get no interval")
    func withoutCounts() {
        let given = ComparedValue(Self.value(numerator: nil, denominator: nil, value: 74.1), unit: .percent, population: nil)
        #expect(given.reason == .noCounts && given.ci95 == nil && given.value == 74.1)
        let suppressed = ComparedValue(Self.value(numerator: nil, denominator: nil, value: nil, status: .suppressed),
                                       unit: .percent, population: nil)
        #expect(suppressed.reason == .noCounts && suppressed.ci95 == nil)
        let count = ComparedValue(Self.value(numerator: nil, denominator: nil, value: nil, status: .suppressed),
                                  unit: .count, population: 3_162)
        #expect(count.reason == .noCounts && count.ci95 == nil)
    }

    // MARK: - Verdicts

    @Test("similar when the benchmark is inside, else by the better direction")
    func verdicts() {
        let interval = ConfidenceInterval(low: 28.5, high: 57.8)
        #expect(Comparison.verdict(interval, 28.5, .higher) == .similar)  // limits included
        #expect(Comparison.verdict(interval, 57.8, .lower) == .similar)
        #expect(Comparison.verdict(interval, 20, .higher) == .better)
        #expect(Comparison.verdict(interval, 20, .lower) == .worse)
        #expect(Comparison.verdict(interval, 60, .higher) == .worse)
        #expect(Comparison.verdict(interval, 60, .lower) == .better)
        #expect(Comparison.verdict(interval, 20, .neutral) == .higher)
        #expect(Comparison.verdict(interval, 60, .neutral) == .lower)
    }

    @Test("the 99.8 % verdict is wider: better at 95 %, similar at 99.8 %")
    func twoLevels() {
        // 17 of 40: 95 % 28.51–57.80, 99.8 % 22.20–65.70; a benchmark of 25 lies between.
        let value = Self.value(numerator: 17, denominator: 40, value: 42.5)
        let comparison = Comparison(value, compared: ComparedValue(value, unit: .percent, population: nil), benchmark: "25",
                                    benchmarkValue: 25, better: .higher, trend: nil)
        #expect(comparison.verdict == .better && comparison.verdict998 == .similar && comparison.reason == nil)
    }

    @Test("not compared: the benchmark itself, a missing benchmark, no counts")
    func notCompared() {
        let value = Self.value(area: "25", numerator: 17, denominator: 40, value: 42.5)
        let own = Comparison(value, compared: ComparedValue(value, unit: .percent, population: nil), benchmark: "25",
                             benchmarkValue: 42.5, better: .higher, trend: .worsening)
        #expect(own.verdict == .notCompared && own.verdict998 == .notCompared && own.reason == .isBenchmark)
        #expect(own.compared.ci95 != nil)  // the benchmark still shows its interval
        let other = Self.value(numerator: 17, denominator: 40, value: 42.5)
        let missing = Comparison(other, compared: ComparedValue(other, unit: .percent, population: nil), benchmark: "0000",
                                 benchmarkValue: nil, better: .higher, trend: nil)
        #expect(missing.verdict == .notCompared && missing.reason == .benchmarkMissing)
        let bare = Self.value(numerator: nil, denominator: nil, value: 70)
        let noCounts = Comparison(bare, compared: ComparedValue(bare, unit: .percent, population: nil), benchmark: "25",
                                  benchmarkValue: 70.2, better: .higher, trend: nil)
        #expect(noCounts.verdict == .notCompared && noCounts.reason == .noCounts)
        let days = Self.value(numerator: 30, denominator: 10, value: 3)
        let unit = Comparison(days, compared: ComparedValue(days, unit: .days, population: nil), benchmark: "25",
                              benchmarkValue: 2, better: .lower, trend: nil)
        #expect(unit.reason == .unitNotCompared)
    }

    @Test("attention only when worse and worsening")
    func attention() {
        let value = Self.value(numerator: 5, denominator: 40, value: 12.5)
        func comparison(_ trend: TrendClass?, benchmark: Double) -> Comparison {
            Comparison(value, compared: ComparedValue(value, unit: .percent, population: nil), benchmark: "25",
                       benchmarkValue: benchmark, better: .higher, trend: trend)
        }
        #expect(comparison(.worsening, benchmark: 60).attention)
        #expect(!comparison(.improving, benchmark: 60).attention)
        #expect(!comparison(.noClearChange, benchmark: 60).attention)
        #expect(!comparison(.worsening, benchmark: 13).attention)  // similar
        #expect(!comparison(nil, benchmark: 60).attention)
    }

    // MARK: - The comparer

    static let geography = Geography(areas: [
        Area(id: "25", kind: .county, name: "Region Norrbotten", population: 248_480),
        Area(id: "ostra", kind: .lansdel, name: "Östra Norrbotten", county: "25"),
        Area(id: "2514", kind: .municipality, name: "Kalix", county: "25", lansdel: "ostra", population: 15_547),
        Area(id: "2513", kind: .municipality, name: "Överkalix", county: "25", lansdel: "ostra", population: 3_162),
        Area(id: "0000", kind: .country, name: "Riket"),
    ])

    @Test("populations are summed for a länsdel and the county; Riket without one has none")
    func populations() {
        let period = Period(kind: .quarter, index: 2025 * 4 + 3)
        #expect(Self.geography.population(of: "2514", at: period) == 15_547)
        #expect(Self.geography.population(of: "ostra", at: period) == 18_709)
        #expect(Self.geography.population(of: "25", at: period) == 18_709)  // its members here, not its own figure
        #expect(Self.geography.population(of: "0000", at: period) == nil)
    }

    @Test("the comparer compares each gender with the benchmark's same gender")
    func comparer() {
        let indicator = Indicator(id: "X", name: "X", shift: 1, unit: .percent, better: .higher, frequency: .quarter)
        let comparer = Comparer(indicator: indicator, geography: Self.geography, benchmark: "25")
        let values = [
            Self.value(area: "25", numerator: 500, denominator: 1_000, value: 50),
            Self.value(area: "25", numerator: 100, denominator: 1_000, value: 10, gender: .women),
            Self.value(area: "2513", numerator: 17, denominator: 40, value: 42.5),
            Self.value(area: "2513", numerator: 17, denominator: 40, value: 42.5, gender: .women),
            Self.value(area: "2513", numerator: 17, denominator: 40, value: 42.5, gender: .men),
        ]
        let rows = comparer.compare(values, trends: [Comparer.SeriesKey(area: "2513", gender: .women): .worsening])
        #expect(rows.map(\.verdict) == [.notCompared, .notCompared, .similar, .better, .notCompared])
        #expect(rows.map(\.reason) == [.isBenchmark, .isBenchmark, nil, nil, .benchmarkMissing])
        #expect(rows[3].benchmarkValue == 10 && rows[3].trend == .worsening && !rows[3].attention)
    }

    @Test("a count indicator's benchmark value is per 1 000 too")
    func countBenchmark() throws {
        let indicator = Indicator(id: "X", name: "X", shift: 1, unit: .count, better: .higher, frequency: .quarter)
        let comparer = Comparer(indicator: indicator, geography: Self.geography, benchmark: "25")
        let rows = comparer.compare([
            Self.value(area: "25", numerator: 1_000, denominator: nil, value: 1_000, status: .computed),
            Self.value(area: "2513", numerator: 120, denominator: nil, value: 120),
        ])
        // 1 000 / 18 709 × 1 000 = 53.450211…; Överkalix 37.95 (31.46–45.38) is below: worse.
        #expect(try #require(rows[1].benchmarkValue).isApproximatelyEqual(to: 53.450211, absoluteTolerance: 1e-6))
        #expect(rows[1].verdict == .worse && rows[1].compared.population == 3_162)
    }
}

/// Funnel limits (comparisons.md §5); expected values from scipy 1.17.1 (`gamma.ppf`, `norm.ppf` with the Wilson formula).
@Suite("Funnel plot limits")
struct FunnelLimitsTests {
    @Test("percent: Wilson limits of E = n·p₀ out of n")
    func percent() {
        let limits = FunnelLimits.limits(around: 33.27089494572715, n: 500, unit: .percent, level: .ci95)
        #expect(ComparisonTests.close(limits, 29.282213353469558, 37.51467332308645, places: 1e-9))
    }

    @Test("rates: exact Poisson limits of E = r₀·n / factor, also for a non-integer E")
    func rates() {
        // 5 per 1 000 at n = 2 000: E = 10.
        #expect(ComparisonTests.close(FunnelLimits.limits(around: 5, n: 2_000, unit: .per1000, level: .ci95),
                                      2.3976943480662167, 9.19517802100889, places: 1e-9))
        // 3.3 per 1 000 at n = 1 000: E = 3.3.
        #expect(ComparisonTests.close(FunnelLimits.limits(around: 3.3, n: 1_000, unit: .per1000, level: .ci95),
                                      0.7519699292527258, 9.215549366226211, places: 1e-9))
        #expect(ComparisonTests.close(FunnelLimits.limits(around: 3.3, n: 1_000, unit: .per1000, level: .ci998),
                                      0.25314188042515473, 13.590744497001955, places: 1e-9))
        #expect(FunnelLimits.limits(around: 3.3, n: 1_000, unit: .count, level: .ci95) == nil)
        #expect(FunnelLimits.limits(around: 3.3, n: 0, unit: .per1000, level: .ci95) == nil)
    }

    @Test("the grid is logarithmic and keeps both ends")
    func grid() {
        let grid = FunnelLimits.grid(from: 100, to: 10_000, count: 3)
        #expect(grid.count == 3 && grid[0] == 100 && grid[2] == 10_000 && abs(grid[1] - 1_000) < 1e-9)
        #expect(FunnelLimits.grid(from: 50, to: 50, count: 10) == [50])
    }
}
