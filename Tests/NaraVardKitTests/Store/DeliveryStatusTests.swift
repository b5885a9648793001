import Foundation
@testable import NaraVardKit
import Testing

/// `MetricsStore.deliveryStatus` and `check(period:)`: who has delivered a period.
@Suite struct DeliveryStatusTests {
    static let header = "indicator;area;period;gender;numerator;denominator;value"
    /// The 14 municipalities by SCB code.
    static let municipalities = ["2505", "2506", "2510", "2513", "2514", "2518", "2521", "2523", "2560", "2580", "2581", "2582", "2583", "2584"]

    /// PV01 2026Q1 from 11 municipalities, Kiruna (2584) reported missing, Pajala (2521) and Haparanda (2583)
    /// silent; HF01 (yearly) 2025 for Luleå; PC07 (yearly, published for the county only: `levels: [county]`) 2025.
    static func quarterWithTwoSilent(_ fixture: StoreFixture) throws {
        let delivered = municipalities.filter { !["2521", "2583", "2584"].contains($0) }
        let lines = [header] + delivered.map { "PV01;\($0);2026Q1;T;40;100;" }
            + ["PV01;2584;2026Q1;T;..;..;..", "HF01;2580;2025;T;;;12,5", "PC07;25;2025;T;;;78,5"]
        #expect(try fixture.ingest(try fixture.file("q.csv", lines: lines)).summary.imported == 14)
    }

    @Test func twoMunicipalitiesHaveNotDelivered() throws {
        let fixture = try StoreFixture(inMemory: true)
        try Self.quarterWithTwoSilent(fixture)
        let q1 = Period(year: 2026, quarter: 1)
        #expect(try fixture.store.latestPeriod() == q1, "2026Q1 is after the year 2025 and after 2025Q4")

        let rows = try fixture.store.deliveryStatus(period: q1, indicators: ["PV01", "HF01", "PC07"])
        let pv01 = rows.filter { $0.indicator == "PV01" }
        #expect(pv01.map(\.area) == Self.municipalities)
        #expect(pv01.filter { $0.state == .received }.count == 11)
        #expect(pv01.filter { $0.state == .notDelivered }.map(\.area) == ["2521", "2583"])
        #expect(pv01.filter { $0.state == .reportedMissing }.map(\.area) == ["2584"])
        // A yearly indicator is not due in a quarter, even from Luleå which has delivered its year.
        let hf01 = rows.filter { $0.indicator == "HF01" }
        #expect(hf01.count == 14 && hf01.allSatisfy { $0.state == .notExpected })
        #expect(rows.filter { $0.indicator == "PC07" }.allSatisfy { $0.state == .notExpected })
        #expect(rows.allSatisfy { $0.period == q1 })

        // Nothing has arrived for 2025Q4; in the year 2025 HF01 from Luleå, and PC07 from the county, which alone
        // publishes it: one row for the county, the municipalities not expected.
        let q4 = try fixture.store.deliveryStatus(period: Period(year: 2025, quarter: 4), indicators: ["PV01"])
        #expect(q4.filter { $0.state == .notDelivered }.count == 14 && q4.count == 14)
        let year = try fixture.store.deliveryStatus(period: Period(year: 2025), indicators: ["HF01", "PV01", "PC07"])
        #expect(year.filter { $0.indicator == "HF01" && $0.state == .received }.map(\.area) == ["2580"])
        #expect(year.filter { $0.indicator == "PV01" }.allSatisfy { $0.state == .notExpected })
        let pc07 = year.filter { $0.indicator == "PC07" }
        #expect(pc07.first?.area == "25" && pc07.first?.state == .received)
        #expect(pc07.dropFirst().count == 14 && pc07.dropFirst().allSatisfy { $0.state == .notExpected })
    }

    @Test func checkForAPeriodNamesWhoToChase() throws {
        let fixture = try StoreFixture(inMemory: true)
        try Self.quarterWithTwoSilent(fixture)
        let findings = try fixture.store.check(indicators: ["PV01", "HF01", "PC07"], period: Period(year: 2026, quarter: 1))
        #expect(findings.filter { $0.kind == .notReported }.map(\.area) == ["2521", "2583"])
        #expect(findings.filter { $0.kind == .missing }.map(\.detail) == ["Kiruna reported 2026Q1 as missing"])
        #expect(findings.first { $0.area == "2583" }?.detail == "Haparanda has not reported 2026Q1")
        #expect(findings.count == 3)
    }

    @Test func asOfAnEarlierImportAndAnEmptyStore() throws {
        let fixture = try StoreFixture(inMemory: true)
        #expect(try fixture.store.latestPeriod() == nil)
        let first = try fixture.ingest(try fixture.file("a.csv", lines: [Self.header, "PV01;2580;2025Q4;T;1;10;"]))
        try Self.quarterWithTwoSilent(fixture)
        #expect(try fixture.store.latestPeriod(asOf: first.summary.importID) == Period(year: 2025, quarter: 4))
        #expect(try fixture.store.latestPeriod(indicators: ["HF01"]) == Period(year: 2025))
        let before = try fixture.store.deliveryStatus(period: Period(year: 2026, quarter: 1), indicators: ["PV01"], asOf: first.summary.importID)
        #expect(before.count == 14 && before.allSatisfy { $0.state == .notDelivered })
        #expect(throws: StoreQueryError.self) { try fixture.store.latestPeriod(asOf: 99) }
    }
}
