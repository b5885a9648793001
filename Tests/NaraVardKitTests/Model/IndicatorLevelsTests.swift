import Foundation
import Testing

@testable import NaraVardKit

/// `levels` and `seasonal` in the catalogue: what aggregation, the roll-up, `check` and the stored definition
/// do with them.
@Suite struct IndicatorLevelsTests {
    let catalog: Catalog
    let geography: Geography
    let q1 = Period(year: 2024, quarter: 1)

    init() throws {
        catalog = try Catalog.bundled()
        geography = catalog.geography
    }

    func indicator(_ levels: Set<Indicator.Level>) -> Indicator {
        Indicator(id: "X1", name: "X", shift: 1, unit: .percent, better: .higher, frequency: .quarter, levels: levels)
    }

    /// The 14 municipalities, each 1 of 10: every länsdel and the county would be 10 % if aggregated.
    func municipalRecords() -> [Observation] {
        geography.areas.filter { $0.kind == .municipality }.map {
            Observation(indicator: "X1", area: $0.id, period: q1, gender: .total, value: 10, numerator: 1, denominator: 10)
        }
    }

    @Test func aCountyOnlyIndicatorIsNeverSummedFromMunicipalities() {
        let aggregator = Aggregator(geography: geography, indicators: [indicator([.county])])
        let values = aggregator.values(municipalRecords())
        #expect(values.count == 14, "the municipal records only, no aggregate: \(values.filter { $0.status == .computed }.map(\.area))")
    }

    @Test func levelsDecideWhichAggregatesAreComputed() {
        let countyOnly = Aggregator(geography: geography, indicators: [indicator([.municipality, .county])]).values(municipalRecords())
        #expect(countyOnly.filter { $0.status == .computed }.map(\.area) == ["25"])
        let all = Aggregator(geography: geography, indicators: [indicator(Set(Indicator.Level.allCases))]).values(municipalRecords())
        #expect(Set(all.filter { $0.status == .computed }.map(\.area)) == ["25", "lulea-boden", "pite-alvdal", "ostra", "norra"])
        #expect(all.first { $0.area == "25" }?.value == 10)
    }

    @Test func theRollupLeavesOutIndicatorsNotPublishedAtTheAreasLevel() {
        let county = Indicator(id: "C", name: "C", shift: 1, unit: .percent, better: .higher, frequency: .year, levels: [.county])
        let everywhere = Indicator(id: "E", name: "E", shift: 1, unit: .percent, better: .higher, frequency: .year)
        let trends = [SeriesTrend(indicator: "C", area: "25", gender: .total, result: TrendResult(n: 10, classification: .improving)),
                      SeriesTrend(indicator: "E", area: "ostra", gender: .total, result: TrendResult(n: 10, classification: .worsening))]
        let rollups = ShiftRollup.rollups(shifts: [1], areas: ["ostra", "25"], kinds: ["ostra": .lansdel, "25": .county],
                                          indicators: [county, everywhere], trends: trends)
        #expect(rollups[0].worsening == 1 && rollups[0].tooFewPoints == 0 && rollups[0].improving == 0, "C is not counted in a länsdel")
        #expect(rollups[1].improving == 1 && rollups[1].tooFewPoints == 1, "E has no county series: too few points")
    }

    /// Issue 13, item 8: a roll-up judged on fewer than half of its indicators with a good direction says so;
    /// neutral indicators are not among them, and nothing judged is "cannot be judged", not "fewer than half".
    @Test func aRollupKnowsWhenFewerThanHalfItsIndicatorsWereJudged() {
        var rollup = ShiftRollup(shift: 1, area: "ostra")
        (rollup.improving, rollup.noClearChange, rollup.tooFewPoints, rollup.noCounts, rollup.neutral) = (1, 1, 2, 3, 4)
        #expect(rollup.judged == 2 && rollup.assessable == 7 && rollup.judgedOnFewerThanHalf, "2 of 7")
        rollup.noCounts = 2
        #expect(rollup.assessable == 6 && rollup.judgedOnFewerThanHalf, "2 of 6")
        rollup.noCounts = 0
        #expect(!rollup.judgedOnFewerThanHalf, "2 of 4 is half, not fewer")
        (rollup.improving, rollup.noClearChange) = (0, 0)
        #expect(!rollup.judgedOnFewerThanHalf, "none judged: the cell says it cannot be judged")
    }

    @Test func checkExpectsTheCountyRowOfACountyOnlyIndicator() {
        let county = Observation(indicator: "X1", area: "25", period: q1, gender: .total, value: 61.4, numerator: nil, denominator: nil)
        #expect(CheckFinding.incompleteness([county], geography: geography, expected: indicator([.county])).isEmpty)
        let municipal = CheckFinding.incompleteness(municipalRecords(), geography: geography, expected: indicator([.county]))
        #expect(municipal.map(\.area) == ["25"], "municipal rows do not stand in for the county's own")
        #expect(CheckFinding.incompleteness([county], geography: geography, expected: indicator(Set(Indicator.Level.allCases))).count == 14)
    }

    /// A definition that uses neither field is stored as before they existed, so a reload finds it unchanged,
    /// and a stored definition from before them reads with the defaults.
    @Test func defaultsAreLeftOutOfTheStoredDefinition() throws {
        let plain = Indicator(id: "X1", name: "X", shift: 1, unit: .count, better: .higher, frequency: .quarter)
        let json = String(decoding: try JSONEncoder().encode(plain), as: UTF8.self)
        #expect(!json.contains("seasonal") && !json.contains("levels") && !json.contains("notes"))
        let decoded = try JSONDecoder().decode(Indicator.self, from: Data(json.utf8))
        #expect(decoded == plain && !decoded.seasonal && decoded.levels == Set(Indicator.Level.allCases))
        var special = plain
        special.seasonal = true
        special.levels = [.county]
        special.notes = "n"
        #expect(try JSONDecoder().decode(Indicator.self, from: JSONEncoder().encode(special)) == special)
    }

    @Test(arguments: [
        ("frequency: year\nseasonal: true\n", "a yearly indicator cannot be seasonal"),
        ("frequency: quarter\nlevels: [county, kommun]\n", "'levels' may list municipality, lansdel, county, not 'kommun'"),
        ("frequency: quarter\nlevels: []\n", "'levels' must list at least one level"),
        ("frequency: quarter\nseasonal: ja\n", "'seasonal' must be true or false"),
    ])
    func badValuesAreRefused(lines: String, message: String) {
        let text = "id: PV99\nname: X\nshift: 3\nunit: count\nbetter: higher\n" + lines
        #expect {
            try Catalog.read(files: [("Indicators/PV99.yaml", text)])
        } throws: { error in
            (error as? Diagnostics)?.items.contains { $0.message.contains(message) } == true
        }
    }
}
