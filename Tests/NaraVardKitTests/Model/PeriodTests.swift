@testable import NaraVardKit
import Testing

@Suite struct PeriodTests {
    @Test(arguments: [
        ("2024Q1", "2024Q1"), ("2024-Q1", "2024Q1"), ("2024K1", "2024Q1"), ("2024 kv1", "2024Q1"),
        ("2024 KV4", "2024Q4"), ("2024kv2", "2024Q2"), ("2024 Q3", "2024Q3"), ("2024-03", "2024-03"),
        ("2024M11", "2024-11"), ("2024", "2024"), (" 2023 ", "2023"), ("2024q2", "2024Q2"),
        ("Q1 2026", "2026Q1"), ("Kvartal 1 2026", "2026Q1"), ("2026 kvartal 1", "2026Q1"), ("K3 2025", "2025Q3"),
        ("kv 4 2025", "2025Q4"), ("Q2-2026", "2026Q2"),
    ])
    func readsEveryForm(text: String, canonical: String) throws {
        #expect(try Period(parsing: text).description == canonical)
    }

    @Test(arguments: ["2024Q5", "2024Q0", "2024-13", "2024-00", "24Q1", "Q5 2024", "Kvartal 2024", "2024H1", "", "1850", "2024-Q", "abc"])
    func refusesImpossiblePeriods(text: String) {
        #expect(throws: Period.ParseError.self) { try Period(parsing: text) }
    }

    @Test func indexIsConsecutiveAcrossYears() throws {
        let q4 = try Period(parsing: "2023Q4"), q1 = try Period(parsing: "2024Q1")
        #expect(q1.index - q4.index == 1)
        #expect(Period(kind: .quarter, index: q1.index) == q1)
        #expect(Period(kind: .month, index: try Period(parsing: "2024-01").index - 1).description == "2023-12")
    }

    @Test func lastIndexesCoverOnlyWholePeriods() throws {
        // Up to 2024Q1: years up to 2023, quarters up to 2024Q1, months up to 2024-03.
        let limits = try Period(parsing: "2024Q1").lastIndexes
        #expect(limits.year == 2023)
        #expect(limits.quarter == 2024 * 4)
        #expect(limits.month == 2024 * 12 + 2)
    }
}
