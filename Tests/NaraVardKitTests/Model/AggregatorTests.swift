@testable import NaraVardKit
import Testing

/// Länsdel and county values are the ratio of summed counts, checked by hand.
@Suite struct AggregatorTests {
    let catalog: Catalog
    let aggregator: Aggregator
    let q1 = Period(year: 2024, quarter: 1)

    init() throws {
        catalog = try Catalog.bundled()
        aggregator = Aggregator(geography: catalog.geography, indicators: catalog.indicators)
    }

    func observation(_ indicator: String, _ area: String, numerator: Double?, denominator: Double?, value: Double? = nil) -> Observation {
        let unitFactor = catalog.indicators.first { $0.id == indicator }!.unit.factor
        let computed = value ?? numerator.flatMap { n in denominator.flatMap { $0 > 0 ? unitFactor * n / $0 : nil } }
        return Observation(indicator: indicator, area: area, period: q1, gender: .total, value: computed, numerator: numerator, denominator: denominator)
    }

    @Test func ratioOfSumsNotMeanOfRates() throws {
        // Luleå 30/100 (30 %) and Boden 1/10 (10 %): the länsdel is 31/110 = 28.18… %, not the mean 20 %.
        let values = aggregator.values([observation("PV01", "2580", numerator: 30, denominator: 100),
                                        observation("PV01", "2582", numerator: 1, denominator: 10)])
        let lansdel = try #require(values.first { $0.area == "lulea-boden" })
        #expect(lansdel.status == .computed)
        #expect(lansdel.numerator == 31 && lansdel.denominator == 110)
        #expect(abs(lansdel.value! - 100.0 * 31 / 110) < 1e-12)
        let county = try #require(values.first { $0.area == "25" })
        #expect(county.status == .incomplete)
        #expect(county.detail?.contains("2581 Piteå") == true)
        #expect(county.detail?.contains("2580") == false)
        #expect(values.first { $0.area == "ostra" }?.status == .incomplete)
    }

    @Test func zeroDenominatorMembersStillCount() throws {
        let values = aggregator.values([observation("PV01", "2580", numerator: 30, denominator: 100),
                                        observation("PV01", "2582", numerator: 0, denominator: 0)])
        let lansdel = try #require(values.first { $0.area == "lulea-boden" })
        #expect(lansdel.status == .computed)
        #expect(lansdel.value == 30)
    }

    @Test func ratesWithoutCountsAreNotAggregated() throws {
        let values = aggregator.values([observation("PV01", "2580", numerator: nil, denominator: nil, value: 30),
                                        observation("PV01", "2582", numerator: 1, denominator: 10)])
        #expect(values.first { $0.area == "lulea-boden" }?.status == .notAggregable)
    }

    @Test func countsAreSummed() throws {
        let values = aggregator.values([observation("OV06", "2580", numerator: 120, denominator: nil),
                                        observation("OV06", "2582", numerator: 7, denominator: nil)])
        #expect(values.first { $0.area == "lulea-boden" }?.value == 127)
    }

    @Test func aReportedCountyValueStandsAsReported() throws {
        let values = aggregator.values([observation("PV01", "2580", numerator: 30, denominator: 100),
                                        observation("PV01", "25", numerator: nil, denominator: nil, value: 33.3)])
        let county = values.filter { $0.area == "25" }
        #expect(county.count == 1)
        #expect(county.first?.status == .reported)
        #expect(county.first?.value == 33.3)
    }
}
