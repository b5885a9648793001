import Foundation
@testable import NaraVardKit
import Testing
import TestSupport

/// Values that break sharply from their own series are warned about, never refused; ordinary noise is not.
@Suite struct SeriesBreakTests {
    @Test(arguments: [
        // (new value, numerator, history, flagged)
        (3.3, nil, [33.1, 33.4, 32.9, 33.6, 33.2, 33.5, 33.0, 33.4], true),   // PV01 Luleå 33.4 → 3.3
        (1511.6, nil, [101.2, 98.7, 104.0, 99.5, 102.3, 97.8, 100.4, 103.1], true),  // a rate off by a factor of 15
        (34.1, nil, [33.1, 33.4, 32.9, 33.6, 33.2, 33.5, 33.0, 33.4], false),  // an ordinary quarter
        (20.0, nil, [12.0, 25.0, 9.0, 30.0, 15.0, 22.0, 11.0, 27.0], false),  // a noisy series
        (40.0, 4, [12.0, 25.0, 9.0, 30.0, 15.0, 22.0, 11.0, 27.0], false),   // four events: counting noise
        (3.3, nil, [33.1, 33.4, 32.9], false),                                 // too little history to judge
        (1.0, nil, [0, 0, 0, 0, 0, 0], false),                                 // a series of zeros
    ] as [(Double, Double?, [Double], Bool)])
    func breaksAreFoundAndNoiseIsNot(value: Double, numerator: Double?, history: [Double], flagged: Bool) {
        #expect((SeriesBreak.check(value, numerator: numerator, history: history) != nil) == flagged)
    }

    @Test func theMedianAndTheAllowedRangeAreReported() throws {
        // Median 33.3; |x − m|: 0.2 0.1 0.4 0.3 0.1 0.2 0.3 0.1 → MAD 0.2, 1.4826 × 0.2 = 0.297 < 10 % of 33.3.
        let found = try #require(SeriesBreak.check(3.3, history: [33.1, 33.4, 32.9, 33.6, 33.2, 33.5, 33.0, 33.4]))
        #expect(abs(found.median - 33.3) < 1e-12)
        #expect(abs(found.allowed - 5 * 3.33) < 1e-9)
    }

    /// The sample data loaded as an analyst would, quarter by quarter at the end: the last quarter of 196 values
    /// gives at most two warnings (the generator gives Gällivare's OV03 a steep rise), and a typed-in 3,3 for
    /// Luleå's PV01 is warned about at its line, without refusing the import.
    @Test func aQuarterOfSampleDataGivesFewWarningsAndATypoOne() throws {
        let fixture = try StoreFixture()
        let text = try String(contentsOf: StoreFixture.examples.appending(path: "kvartalsdata-koder.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let earlier = [lines[0]] + lines.dropFirst().filter { !$0.contains(",2025Q4,") }
        let last = [lines[0]] + lines.dropFirst().filter { $0.contains(",2025Q4,") }
        #expect(try fixture.ingest(try fixture.file("tidigare.csv", lines: earlier)).summary.imported == earlier.count - 1)
        let quarter = try fixture.ingest(try fixture.file("sista.csv", lines: last))
        #expect(quarter.summary.imported == last.count - 1)
        #expect(quarter.warnings.count <= 2, "\(quarter.warnings)")
        #expect(quarter.summary.warnings == quarter.warnings.count)

        let typo = try fixture.ingest(try fixture.file("ny.csv", lines: ["indicator;area;period;gender;value", "PV01;2580;2026Q1;T;3,3"]))
        #expect(!typo.refused && typo.summary.imported == 1)
        #expect(typo.warnings.map(fixture.relative).first?.hasPrefix("ny.csv:2: warning: PV01 2580 2026Q1 T: 3.3 breaks from its series") == true,
                "\(typo.warnings)")
    }
}
