import Foundation
import Testing
import TestSupport

/// `Generator/synth.py`, the one generator of the project's synthetic data: the sample files and the benchmark's
/// data are still the bytes their former generators wrote, and the tests' counts keep the rules ingest checks.
@Suite struct GeneratorTests {
    let directory: TemporaryDirectory

    init() throws { directory = try TemporaryDirectory() }

    /// Rows of a `counts` file split into fields, without the header.
    func counts(_ indicators: [String], quarters: Int, seed: Int) throws -> (header: String, rows: [[String]]) {
        let url = directory.url.appending(path: "counts-\(seed).csv")
        try Synth.counts(indicators: indicators, quarters: quarters, seed: seed, to: url)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        return (String(lines[0]), lines.dropFirst().map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) })
    }

    @Test func countsCoverEveryKeyOnceWithTotalsThatAddUp() throws {
        let (header, rows) = try counts(["PV01", "OV06"], quarters: 5, seed: 1)
        #expect(header == "indicator;area;period;gender;numerator;denominator;value")
        // 2 indicators × 14 municipalities × 5 quarters × genders T, K, M.
        #expect(rows.count == 2 * 14 * 5 * 3)
        #expect(Set(rows.map { $0[0] + $0[1] + $0[2] + $0[3] }).count == rows.count, "no key twice")
        #expect(Set(rows.map { $0[1] }).count == 14 && rows.allSatisfy { $0[1].hasPrefix("25") })
        #expect(Set(rows.map { $0[2] }) == ["1901Q1", "1901Q2", "1901Q3", "1901Q4", "1902Q1"])
        for start in stride(from: 0, to: rows.count, by: 3) {
            let (t, k, m) = (rows[start], rows[start + 1], rows[start + 2])
            #expect([t[3], k[3], m[3]] == ["T", "K", "M"])
            if t[0] == "PV01" {  // a percent: counts, no value, numerator ≤ denominator, T = K + M
                for row in [t, k, m] { #expect(row[6] == "" && Int(row[4])! <= Int(row[5])! && Int(row[5])! > 0) }
                #expect(Int(t[4])! == Int(k[4])! + Int(m[4])! && Int(t[5])! == Int(k[5])! + Int(m[5])!)
            } else {  // OV06, a count: the value only
                for row in [t, k, m] { #expect(row[4] == "" && row[5] == "" && Int(row[6]) != nil) }
                #expect(Int(t[6])! == Int(k[6])! + Int(m[6])!)
            }
        }
    }

    @Test func aSeedGivesTheSameBytesAndAnotherSeedOthers() throws {
        let first = try counts(["PV01"], quarters: 4, seed: 1).rows
        #expect(try counts(["PV01"], quarters: 4, seed: 1).rows == first)
        #expect(try counts(["PV01"], quarters: 4, seed: 2).rows != first)
    }

    @Test(arguments: ["XX99", "PC01"])  // not in the catalogue; yearly
    func anIndicatorItCannotFillIsRefusedAndNothingWritten(indicator: String) throws {
        let url = directory.url.appending(path: "refused.csv")
        #expect(throws: Synth.Failed.self) { try Synth.counts(indicators: [indicator], quarters: 4, seed: 1, to: url) }
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test(.enabled(if: Synth.has("yaml"), "synth.py samples needs PyYAML"))
    func samplesAreTheFilesInExamples() throws {
        try Synth.python([Synth.script, "samples", "--out", directory.path("samples")])
        for name in CLIFixture.samples {
            let written = try Data(contentsOf: directory.url.appending(path: "samples/\(name)"))
            #expect(written == (try Data(contentsOf: CLIFixture.examples.appending(path: name))), "\(name)")
        }
    }

    /// The SHA-256 of the small preset as `Benchmarks/gen_data.py` wrote it before the generators became one, so
    /// that benchmark figures stay comparable (medium, not run here: ec9eb3d8939d0753…).
    @Test(.enabled(if: Synth.has("numpy"), "synth.py bench needs numpy"))
    func benchSmallPresetIsTheBytesItWas() throws {
        let path = directory.path("small.csv")
        try Synth.python([Synth.script, "bench", "--preset", "small", "--quiet", "--out", path])
        let digest = try Synth.python(["-c", "import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], 'rb').read()).hexdigest())", path])
        #expect(digest == "6b5a169698f52b600a9bf85c1b9d788fe46a200a121cc61b434e41fbdc6f5dc1\n")
    }
}
