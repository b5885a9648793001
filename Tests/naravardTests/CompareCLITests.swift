import Foundation
import Testing
import TestSupport

/// `naravard compare` against comparisons.md §6, on a small store whose figures can be worked out by hand.
@Suite struct CompareCLITests {
    let cli: CLIFixture

    /// PV01 (percent, higher is better) for 2025Q4: every municipality 400 of 1 000 except Luleå 500 of 1 000,
    /// Kalix 300 of 1 000 and Överkalix 17 of 40. The county is 5 217 / 13 040 = 40.0077 %.
    /// OV06 (count): 100 visits in every municipality except Överkalix, 0; the county 1 300 per 248 480
    /// inhabitants = 5.2318 per 1 000. OV02 (per 1 000, neutral): Kalix 20 of 1 000, Luleå 100 of 1 000.
    static let data: String = {
        let municipalities = ["2580", "2582", "2581", "2560", "2505", "2506", "2514", "2583", "2513", "2518", "2584", "2523", "2521", "2510"]
        var lines = ["indicator;area;period;numerator;denominator"]
        for code in municipalities {
            let pv01 = switch code { case "2580": "500;1000"; case "2514": "300;1000"; case "2513": "17;40"; default: "400;1000" }
            lines.append("PV01;\(code);2025Q4;\(pv01)")
            lines.append("OV06;\(code);2025Q4;\(code == "2513" ? 0 : 100);")
        }
        lines += ["OV02;2514;2025Q4;20;1000", "OV02;2580;2025Q4;100;1000", "PV01;2580;2025Q3;480;1000",
                  "PV01;0000;2026Q1;400000;1000000"]
        return lines.joined(separator: "\n") + "\n"
    }()

    init() throws {
        cli = try CLIFixture()
        try cli.run("init")
        try Self.data.write(to: cli.directory.url.appending(path: "data.csv"), atomically: true, encoding: .utf8)
        let loaded = try cli.run("ingest", "data.csv")
        #expect(loaded.status == 0, "\(loaded.stderr)")
    }

    func json(_ arguments: String...) throws -> [[String: Any]] {
        let result = try cli.run(["compare", "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    static func row(_ rows: [[String: Any]], _ area: String) throws -> [String: Any] {
        try #require(rows.first { $0["area"] as? String == area })
    }

    @Test func jsonHasExactlyTheContractsFields() throws {
        let rows = try json("--indicator", "PV01")
        let fields: Set<String> = [
            "indicator", "area", "period", "gender", "value", "numerator", "denominator", "population", "compared_value",
            "ci_low", "ci_high", "ci998_low", "ci998_high", "ci_method", "benchmark", "benchmark_value", "verdict",
            "verdict_998", "reason", "trend", "attention",
        ]
        #expect(!rows.isEmpty)
        for row in rows { #expect(Set(row.keys) == fields) }
        // The latest period by default (Riket's 2026Q1 runs ahead and does not count), every level: county,
        // 4 länsdelar, 14 municipalities.
        #expect(rows.count == 19)
        #expect(rows.allSatisfy { $0["period"] as? String == "2025Q4" })
    }

    @Test func percentVerdictsAgainstTheCounty() throws {
        let rows = try json("--indicator", "PV01")
        let county = try Self.row(rows, "25")
        #expect(county["verdict"] as? String == "not_compared" && county["reason"] as? String == "is_benchmark")
        let countyValue = try #require(county["compared_value"] as? Double)
        #expect(abs(countyValue - 100 * 5217 / 13040) < 1e-9)

        let overkalix = try Self.row(rows, "2513")
        #expect(overkalix["ci_method"] as? String == "wilson")
        // comparisons.md §2's reference: 17 of 40 is 28.509393 %–57.804931 %; the county lies inside.
        #expect(abs(try #require(overkalix["ci_low"] as? Double) - 28.509393) < 5e-7)
        #expect(abs(try #require(overkalix["ci_high"] as? Double) - 57.804931) < 5e-7)
        #expect(overkalix["verdict"] as? String == "similar" && overkalix["reason"] is NSNull)
        #expect(overkalix["benchmark"] as? String == "25")
        #expect(abs(try #require(overkalix["benchmark_value"] as? Double) - countyValue) < 1e-9)

        // 30 % of 1 000 (about 27.2 %–32.9 %) is below 40 %: worse; 50 % of 1 000 is above: better.
        #expect(try Self.row(rows, "2514")["verdict"] as? String == "worse")
        #expect(try Self.row(rows, "2580")["verdict"] as? String == "better")
        #expect(try Self.row(rows, "2580")["verdict_998"] as? String == "better")
        // A single earlier point: too few for a trend, so no attention.
        #expect(try Self.row(rows, "2514")["trend"] as? String == "too_few_points")
        #expect(try Self.row(rows, "2514")["attention"] as? Bool == false)
    }

    @Test func countsArePer1000Inhabitants() throws {
        let rows = try json("--indicator", "OV06", "--level", "municipality")
        let overkalix = try Self.row(rows, "2513")
        #expect(overkalix["population"] as? Int == 3162)
        #expect(overkalix["compared_value"] as? Double == 0)
        #expect(overkalix["ci_method"] as? String == "exact_poisson")
        // O = 0: lower 0, upper χ²(0.975; 2)/2 = −ln 0.025 = 3.688879 events, per 3 162 × 1 000 = 1.166628.
        #expect(overkalix["ci_low"] as? Double == 0)
        #expect(abs(try #require(overkalix["ci_high"] as? Double) - 1000 * -log(0.025) / 3162) < 1e-9)
        #expect(abs(try #require(overkalix["benchmark_value"] as? Double) - 1000 * 1300.0 / 248_480) < 1e-9)
        #expect(overkalix["verdict"] as? String == "worse")
        let lulea = try Self.row(rows, "2580")
        #expect(lulea["population"] as? Int == 79352 && lulea["ci_method"] as? String == "byar")
        #expect(abs(try #require(lulea["compared_value"] as? Double) - 1000 * 100.0 / 79352) < 1e-9)
        #expect(lulea["verdict"] as? String == "worse")  // 1.26 per 1 000 against 5.23
    }

    /// Modellområde Östra is Kalix, Haparanda, Överkalix and Övertorneå: (300 + 400 + 17 + 400) / (1 000 + 1 000 + 40
    /// + 1 000) = 36.7522 %, compared with the county; its series has one point, too few for a trend.
    @Test func aGroupIsAggregatedComparedAndHasATrend() throws {
        let rows = try json("--indicator", "PV01", "--area", "modell-ostra")
        let group = try #require(rows.first)
        #expect(rows.count == 1 && group["area"] as? String == "modell-ostra")
        #expect(abs(try #require(group["value"] as? Double) - 100 * 1117.0 / 3040) < 1e-9)
        #expect(group["benchmark"] as? String == "25" && group["trend"] as? String == "too_few_points")
    }

    @Test func riketWithoutValuesLeavesEveryRowUncomparedAndExitsZero() throws {
        let rows = try json("--indicator", "PV01", "--benchmark", "0000")
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0["verdict"] as? String == "not_compared" && $0["reason"] as? String == "benchmark_missing" })
        #expect(rows.allSatisfy { $0["benchmark"] as? String == "0000" && $0["benchmark_value"] is NSNull })
    }

    @Test func anyAreaCanBeTheBenchmarkAndNeutralIndicatorsAreHigherOrLower() throws {
        let rows = try json("--indicator", "OV02", "--benchmark", "Kalix")
        #expect(try Self.row(rows, "2514")["reason"] as? String == "is_benchmark")
        // 100 per 1 000 (Byar 81.4–121.6) against Kalix's 20: higher, not better or worse.
        #expect(try Self.row(rows, "2580")["verdict"] as? String == "higher")
        // The county has no OV02 value (its members are missing): not compared, no value.
        #expect(try Self.row(rows, "25")["reason"] as? String == "no_counts")
    }

    @Test func usageErrorsExit64() throws {
        let unknown = try cli.run("compare", "--benchmark", "9999")
        #expect(unknown.status == 64 && unknown.stderr.contains("9999"))
        let empty = try cli.run("compare", "--period", "2019Q1")
        #expect(empty.status == 64 && empty.stderr.contains("2019Q1"))
        #expect(try cli.run("compare", "--csv-dialect", "excel").status == 64)
        #expect(try cli.run("compare", "--period", "2025Q3", "--indicator", "PV01").status == 0)
    }

    @Test func csvInBothDialectsAndATableInSwedish() throws {
        let plain = try cli.run("compare", "--indicator", "PV01", "--area", "2513", "--format", "csv")
        #expect(plain.stdout.hasPrefix("indicator,area,period,gender,value,numerator,denominator,population,compared_value,"))
        #expect(plain.stdout.contains("PV01,2513,2025Q4,T,42.5,17,40,,42.5,28.50939"))
        let excel = try cli.run("compare", "--indicator", "PV01", "--area", "2513", "--format", "csv", "--csv-dialect", "excel")
        #expect(excel.stdout.hasPrefix("\u{FEFF}indicator;area;period;"))
        #expect(excel.stdout.contains("PV01;2513;2025Q4;T;42,5;17;40;;42,5;28,50939"))
        #expect(excel.stdout.contains("\r\n"))
        let table = try cli.run("compare", "--indicator", "PV01", "--level", "municipality", "--lang", "sv")
        #expect(table.stdout.hasPrefix("indikator"))
        #expect(table.stdout.contains("≈ likvärdig") && table.stdout.contains("↓ sämre") && table.stdout.contains("↑ bättre"))
        #expect(!table.stdout.contains("\u{1B}["), "no colours when standard output is not a terminal")
    }
}
