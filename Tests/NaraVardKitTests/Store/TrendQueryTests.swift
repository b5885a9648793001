import Foundation
@testable import NaraVardKit
import Testing

/// Trends over stored data: länsdel series are ratio-of-sums aggregates, and a quarter in which a member
/// has no data is a gap, never a partial sum. Expected figures are worked by hand.
@Suite struct TrendQueryTests {
    /// Luleå 10+i of 100 and Boden 5 of 100 in quarter i of 2023Q1…2024Q4: the länsdel is
    /// 100 · (15 + i) / 200 = 7.5 + 0.5 i, a steady rise of 0.5 percentage points a quarter.
    func store(withoutBodenIn gap: String? = nil) throws -> StoreFixture {
        let fixture = try StoreFixture(inMemory: true)
        var lines = ["indicator;area;period;numerator;denominator"]
        for i in 0..<8 {
            let period = Period(kind: .quarter, index: Period(year: 2023, quarter: 1).index + i).description
            lines.append("PV01;2580;\(period);\(10 + i);100")
            if period != gap { lines.append("PV01;2582;\(period);5;100") }
        }
        let result = try fixture.ingest(try fixture.file("pv01.csv", lines: lines))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return fixture
    }

    func trend(_ fixture: StoreFixture, area: String, period: Period? = nil) throws -> SeriesTrend {
        var query = TrendQuery()
        query.indicators = ["PV01"]
        query.period = period
        let trends = try fixture.store.trends(query, catalog: fixture.store.catalog())
        return try #require(trends.first { $0.area == area && $0.gender == .total })
    }

    @Test func lansdelSeriesIsTheRatioOfSums() throws {
        let lansdel = try trend(try store(), area: "lulea-boden")
        #expect(lansdel.result.n == 8)
        #expect(lansdel.result.classification == .improving)
        #expect(lansdel.result.mannKendall?.s == 28, "8 strictly rising points: S = 8·7/2")
        #expect(abs(lansdel.result.senSlope! - 0.5) < 1e-12)
        #expect(abs(lansdel.latestValue! - 11.0) < 1e-12, "7.5 + 0.5 · 7")
        #expect(abs(lansdel.yearOnYear! - 2.0) < 1e-12, "four quarters of 0.5")
        #expect(abs(lansdel.rollingFourQuarters! - 100.0 * (14 + 15 + 16 + 17 + 20) / 800) < 1e-12)
        #expect(lansdel.firstPeriod?.description == "2023Q1")
        #expect(lansdel.lastPeriod?.description == "2024Q4")
    }

    @Test func aMemberWithoutDataMakesAGapNotAPartialSum() throws {
        let lansdel = try trend(try store(withoutBodenIn: "2023Q3"), area: "lulea-boden")
        #expect(lansdel.result.n == 7)
        #expect(abs(lansdel.result.senSlope! - 0.5) < 1e-12, "gaps keep their spacing")
        let lulea = try trend(try store(withoutBodenIn: "2023Q3"), area: "2580")
        #expect(lulea.result.n == 8)
    }

    @Test func periodLimitsTheSeries() throws {
        let lansdel = try trend(try store(), area: "lulea-boden", period: Period(year: 2023, quarter: 4))
        #expect(lansdel.result.n == 4)
        #expect(lansdel.result.classification == .tooFewPoints)
        #expect(lansdel.result.mannKendall == nil)
        #expect(lansdel.lastPeriod?.description == "2023Q4")
    }

    @Test func countyWithoutCompletePeriodsHasNoPoints() throws {
        var query = TrendQuery()
        query.indicators = ["PV01"]
        let fixture = try store()
        let trends = try fixture.store.trends(query, catalog: fixture.store.catalog())
        let county = try #require(trends.first { $0.area == "25" && $0.gender == .total }, "every series is listed")
        #expect(county.result.n == 0, "no county point while 12 municipalities have no data")
        #expect(county.result.classification == .tooFewPoints)
        #expect(county.firstPeriod == nil)
    }
}

@Suite struct ShiftRollupTests {
    func indicator(_ id: String, shift: Int = 1, better: Better = .higher) -> Indicator {
        Indicator(id: id, name: id, shift: shift, unit: .percent, better: better, frequency: .quarter)
    }

    func trend(_ id: String, _ classification: TrendClass, area: String = "ostra", gender: Gender = .total) -> SeriesTrend {
        SeriesTrend(indicator: id, area: area, gender: gender, result: TrendResult(n: 10, classification: classification))
    }

    @Test(arguments: [
        ([TrendClass.improving, .improving, .worsening], ShiftRollup.Status.improving),
        ([.worsening, .noClearChange], .worsening),
        ([.improving, .worsening, .noClearChange], .mixed),
        ([.noClearChange, .tooFewPoints], .stable),
        ([.tooFewPoints, .tooFewPoints], .insufficient),
    ])
    func status(classes: [TrendClass], expected: ShiftRollup.Status) {
        let indicators = classes.indices.map { indicator("I\($0)") }
        let trends = classes.enumerated().map { trend("I\($0.offset)", $0.element) }
        let rollup = ShiftRollup.rollups(shifts: [1], areas: ["ostra"], indicators: indicators, trends: trends)
        #expect(rollup.map(\.status) == [expected])
    }

    @Test func neutralIndicatorsAreCountedApartAndMissingSeriesHaveTooFewPoints() {
        let indicators = [indicator("A"), indicator("B", better: .neutral), indicator("C"), indicator("D", shift: 2)]
        let trends = [trend("A", .improving), trend("B", .increasing), trend("A", .worsening, gender: .women)]
        let rollup = ShiftRollup.rollups(shifts: [1], areas: ["ostra"], indicators: indicators, trends: trends)[0]
        #expect(rollup.improving == 1, "only the total-gender series counts")
        #expect(rollup.neutral == 1)
        #expect(rollup.tooFewPoints == 1, "C has no series in the area")
        #expect(rollup.worsening == 0)
    }

    /// An indicator without a series whose values came without counts is counted as such, not as too few points,
    /// and a roll-up with nothing judged is insufficient.
    @Test func missingSeriesWithoutCountsAreCountedApart() {
        let indicators = [indicator("A"), indicator("C"), indicator("E")]
        let rollup = ShiftRollup.rollups(shifts: [1], areas: ["ostra"], indicators: indicators, trends: [trend("E", .tooFewPoints)],
                                         withoutCounts: ["C\u{1F}ostra", "E\u{1F}ostra"])[0]
        #expect(rollup.noCounts == 1, "C: no series, values without counts")
        #expect(rollup.tooFewPoints == 2, "A: no series at all; E: a series too short, whatever its values")
        #expect(rollup.judged == 0 && rollup.status == .insufficient)
    }
}

extension SeriesTrend {
    init(indicator: String, area: String, gender: Gender, result: TrendResult) {
        self.init(indicator: indicator, area: area, gender: gender, firstPeriod: nil, lastPeriod: nil, latestValue: nil,
                  yearOnYear: nil, yearOnYearPercent: nil, rollingFourQuarters: nil, target: nil, result: result)
    }
}

extension TrendResult {
    init(n: Int, classification: TrendClass) {
        self.init(n: n, mannKendall: nil, senSlope: nil, classification: classification, limits: nil, variation: nil,
                  assurance: nil, runsSignal: nil)
    }
}

/// The grid that trends read their series from gives the very series that grouping every record and
/// aggregate one by one gives (``Series/build(_:)`` over ``Aggregator/values(_:aggregating:)``), on the
/// sample data: quarterly and yearly indicators, missing markers, gaps, länsdel and county aggregates.
@Suite struct SeriesGridTests {
    @Test(arguments: [nil, "2024Q2"])
    func gridSeriesEqualGroupedSeries(upTo period: String?) throws {
        let fixture = try StoreFixture(inMemory: true)
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../../../Examples").standardized
        let files = ["kvartalsdata-kommuner.csv", "kvartalsdata-koder.csv", "arsdata.csv"].map { examples.appending(path: $0) }
        let result = try fixture.store.ingest(files)
        #expect(result.summary.imported > 8000)
        let catalog = try fixture.store.catalog()
        let aggregator = Aggregator(geography: catalog.geography, indicators: catalog.indicators)
        let limit = try period.map { try Period(parsing: $0) }
        var areas: Set<String> = []
        for indicator in catalog.indicators {
            var query = ObservationQuery()
            query.indicators = [indicator.id]
            query.period = limit
            let grouped = Series.build(aggregator.values(try fixture.store.observations(query)))
            let grid = try fixture.store.series(of: indicator, asOf: nil, upTo: limit, aggregator: aggregator)
            func order(_ series: [Series]) -> [Series] { series.sorted { ($0.area, $0.gender.rawValue) < ($1.area, $1.gender.rawValue) } }
            #expect(order(grid) == order(grouped), "\(indicator.id)")
            areas.formUnion(grid.map(\.area))
        }
        // Municipal series and both kinds of aggregate were compared.
        #expect(areas.isSuperset(of: ["2580", "lulea-boden", "25"]))
    }
}
