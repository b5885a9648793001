/// A new value that breaks sharply from its own series (PV01 Luleå 33.4 → 3.3): ingest warns, never refuses.
///
/// The rule is robust to the odd outlier in the history itself: the value is compared with the **median** of
/// the series' previous 8 periods (at least 4 of them with a value), and flagged when it lies more than
/// ``limit`` robust standard deviations away — the scaled median absolute deviation (1.4826 × MAD, which equals
/// the standard deviation for normal noise). Eight points estimate a spread poorly, so it is floored: at
/// ``floor`` of the median (a flat series has a MAD near 0), at the counting noise of a rate or count with the
/// new record's numerator n (median / √n, Poisson), and at a thousandth of a unit. A series of zeros is not judged.
struct SeriesBreak: Equatable {
    var value: Double
    var median: Double
    /// How far from the median a value may lie before it is flagged.
    var allowed: Double

    static let periods = 8
    static let minimumHistory = 4
    static let limit = 5.0
    static let floor = 0.1

    /// The break, or nil when the value fits its history or the history is too short to judge.
    static func check(_ value: Double, numerator: Double? = nil, history: [Double]) -> SeriesBreak? {
        guard history.count >= minimumHistory, let median = TrendMath.median(history) else { return nil }
        guard median != 0 || history.contains(where: { $0 != 0 }) else { return nil }
        let mad = TrendMath.median(history.map { abs($0 - median) }) ?? 0
        let counting = numerator.map { abs(median) / max($0, 1).squareRoot() } ?? 0
        let spread = max(1.4826 * mad, floor * abs(median), counting, 0.001)
        let allowed = limit * spread
        return abs(value - median) > allowed ? SeriesBreak(value: value, median: median, allowed: allowed) : nil
    }
}
