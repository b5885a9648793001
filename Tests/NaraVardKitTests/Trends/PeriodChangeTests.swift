import Testing

@testable import NaraVardKit

@Suite("Year-on-year change")
struct PeriodChangeTests {
    /// Hand computation: 140 against 100 four quarters earlier: +40, +40 %.
    @Test("quarterly: latest against the same quarter a year earlier")
    func quarterly() throws {
        let result = try #require(PeriodChange.yearOnYear([100, 110, 120, 130, 140], periodsPerYear: 4))
        #expect(result.change == 40)
        #expect(result.percent == 40)
    }

    /// Hand computation: 90 against 120 twelve months earlier: −30, −25 %.
    @Test("monthly")
    func monthly() throws {
        let values: [Double?] = [120] + Array(repeating: nil, count: 11) + [90]
        let result = try #require(PeriodChange.yearOnYear(values, periodsPerYear: 12))
        #expect(result.change == -30)
        #expect(result.percent == -25)
    }

    @Test("missing either value, or too short: nil", arguments: [
        [100, 110, 120, 130, nil], [nil, 110, 120, 130, 140], [110, 120, 130, 140], [],
    ] as [[Double?]])
    func missing(_ values: [Double?]) {
        #expect(PeriodChange.yearOnYear(values, periodsPerYear: 4) == nil)
    }

    @Test("an earlier value of 0 has no percent")
    func zeroBase() throws {
        let result = try #require(PeriodChange.yearOnYear([0, 1, 2, 3, 5], periodsPerYear: 4))
        #expect(result.change == 5)
        #expect(result.percent == nil)
    }

    /// Hand computation: −10 → −5 is a rise of 5; over |−10| that is +50 % (the sign follows the change).
    @Test("a negative base keeps the sign of the change")
    func negativeBase() throws {
        let result = try #require(PeriodChange.yearOnYear([-10, 0, 0, 0, -5], periodsPerYear: 4))
        #expect(result.change == 5)
        #expect(result.percent == 50)
    }
}
