import Testing

@testable import NaraVardKit

@Suite("Seasonal Kendall test")
struct SeasonalKendallTests {
    @Test("matches pymannkendall 1.4.3 seasonal_test and seasonal_sens_slope", arguments: ReferenceVectors.seasonal)
    func matchesPymannkendall(_ reference: SeasonalReference) throws {
        let result = try #require(SeasonalKendall.test(reference.values, seasons: Seasons(period: reference.period, first: reference.first)))
        #expect(result.test.s == reference.s)
        #expect(TrendTolerance.matches(result.test.varS, reference.varS, TrendTolerance.statistic))
        #expect(TrendTolerance.matches(result.test.z, reference.z, TrendTolerance.statistic))
        #expect(TrendTolerance.matches(result.test.p, reference.p, TrendTolerance.statistic))
        #expect(TrendTolerance.matches(result.test.tau, reference.tau, TrendTolerance.statistic))
        #expect(TrendTolerance.matches(result.senSlope, reference.senSlope, TrendTolerance.statistic))
    }

    /// The engine gives the seasonal figures, the class from the seasonal p and S, and no SPC results.
    @Test("the engine classifies a seasonal series by the seasonal test", arguments: ReferenceVectors.seasonal)
    func engine(_ reference: SeasonalReference) {
        let seasons = Seasons(period: reference.period, first: reference.first)
        let result = TrendEngine.analyze(reference.values, better: .higher, target: 10, seasons: seasons)
        #expect(result.method == .seasonalKendall)
        #expect(result.seasonal)
        #expect(result.mannKendall?.s == reference.s)
        #expect(TrendTolerance.matches(result.senSlope, reference.senSlope, TrendTolerance.statistic))
        let expected: TrendClass = reference.p < 0.05 && reference.s != 0 ? (reference.s > 0 ? .improving : .worsening) : .noClearChange
        #expect(result.classification == expected)
        #expect(result.limits == nil && result.variation == nil && result.assurance == nil && result.runsSignal == nil)
    }

    /// Hand computation: Q1 1, 2, 3 (S 3), Q2 4, 4, 5 (S 2, one tie pair), Q3 9, 8, 7 (S −3), Q4 only 2 values.
    @Test("a season with fewer than 3 values falls back to the plain test")
    func tooFewInASeason() throws {
        let values: [Double?] = [1, 4, 9, 6, 2, 4, 8, 6.5, 3, 5, 7]
        #expect(SeasonalKendall.test(values, seasons: Seasons(period: 4, first: 0)) == nil)
        let result = TrendEngine.analyze(values, better: .lower, seasons: Seasons(period: 4, first: 0))
        #expect(result.method == .mannKendall)
        #expect(result.seasonal)
        #expect(result.mannKendall == MannKendall.test(values))
        #expect(result.senSlope == SensSlope.estimate(values)?.slope)
        #expect(result.limits == nil && result.variation == nil)
        // The same values with Q4 given a third value: S = 3 + 2 − 3 + sign(6.5 − 6) + sign(x − 6) + sign(x − 6.5).
        let complete = values + [nil, nil, nil, nil, 7]
        let seasonal = try #require(SeasonalKendall.test(complete, seasons: Seasons(period: 4, first: 0)))
        #expect(seasonal.test.s == 3 + 2 - 3 + 3)
        // var: Q1, Q3, Q4 n = 3 → 3·2·11/18 each; Q2 n = 3 with a pair of ties → (66 − 2·1·9)/18.
        #expect(abs(seasonal.test.varS - (3 * 66.0 + 48) / 18) < 1e-12)
    }

    /// A series that starts in Q3: its first value is a Q3 value (the seasons are calendar quarters).
    @Test("seasons follow the calendar from the first period")
    func seasonsFromPeriod() {
        #expect(Seasons(start: Period(year: 2021, quarter: 3)) == Seasons(period: 4, first: 2))
        #expect(Seasons(start: Period(year: 2021, month: 11)) == Seasons(period: 12, first: 10))
        #expect(Seasons(start: Period(year: 2021)) == nil)
    }

    /// Through a stored series: a seasonal indicator's series that starts in 2021Q3 is read with Q3 as its first
    /// season (pymannkendall's figures for the same values padded with two missing quarters in front).
    @Test("a seasonal indicator's series starting mid-year is tested by calendar quarter")
    func seriesStartingMidYear() throws {
        let reference = try #require(ReferenceVectors.seasonal.first { $0.name == "q3_start_trend_18" })
        let start = Period(year: 2021, quarter: 3)
        let series = Series(indicator: "PV08", area: "25", gender: .total, start: start, values: reference.values,
                            numerators: reference.values.map { _ in nil }, denominators: reference.values.map { _ in nil })
        let seasonal = Indicator(id: "PV08", name: "PV08", shift: 3, unit: .days, better: .lower, frequency: .quarter, seasonal: true)
        let result = SeriesTrend.analyze(series, indicator: seasonal).result
        #expect(result.method == .seasonalKendall)
        #expect(result.mannKendall?.s == reference.s)
        #expect(TrendTolerance.matches(result.mannKendall?.p, reference.p, TrendTolerance.statistic))
        #expect(result.classification == .improving, "S < 0 with p < 0.05, lower is better")
        var plain = seasonal
        plain.seasonal = false
        #expect(SeriesTrend.analyze(series, indicator: plain).result.method == .mannKendall)
    }

    /// Without seasons the engine is the plain engine (method mann_kendall, SPC as before).
    @Test("a series without seasons keeps the plain test and its SPC results")
    func plainUnchanged() {
        let values: [Double?] = (0..<16).map { Double($0 % 4) + Double($0) / 10 }
        let result = TrendEngine.analyze(values, better: .higher)
        #expect(result.method == .mannKendall && !result.seasonal)
        #expect(result.limits != nil)
    }
}
