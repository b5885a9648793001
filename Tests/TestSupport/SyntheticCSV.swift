/// Long CSV of made-up but valid counts for quarterly rate indicators of the bundled catalogue and its 14
/// municipalities, from 1901Q1: numerator and denominator per gender, T the sum of K and M.
///
/// ```swift
/// let text = SyntheticCSV.text(indicators: ["PV01", "OV01"], quarters: 40, seed: 7)
/// ```
public enum SyntheticCSV {
    public static let municipalities = ["2505", "2506", "2510", "2513", "2514", "2518", "2521", "2523", "2560", "2580",
                                        "2581", "2582", "2583", "2584"]

    /// The header and one line per indicator, municipality, quarter and gender (T, K, M).
    public static func text(indicators: [String], quarters: Int, seed: UInt64) -> String {
        var random = SplitMix(seed: seed)
        var lines = ["indicator;area;period;gender;numerator;denominator"]
        for indicator in indicators {
            for area in municipalities {
                for quarter in 0..<quarters {
                    let period = "\(1901 + quarter / 4)Q\(quarter % 4 + 1)"
                    let women = Int.random(in: 0...400, using: &random), men = Int.random(in: 0...400, using: &random)
                    let womenTotal = women + Int.random(in: 1...400, using: &random)
                    let menTotal = men + Int.random(in: 1...400, using: &random)
                    lines.append("\(indicator);\(area);\(period);T;\(women + men);\(womenTotal + menTotal)")
                    lines.append("\(indicator);\(area);\(period);K;\(women);\(womenTotal)")
                    lines.append("\(indicator);\(area);\(period);M;\(men);\(menTotal)")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
