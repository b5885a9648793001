/// The classification of a series: the Mann–Kendall verdict read against the indicator's good direction.
///
/// `improving`/`worsening` apply to indicators with a good direction, `increasing`/`decreasing` to neutral ones.
public enum TrendClass: String, Sendable, Codable {
    case improving, worsening, increasing, decreasing
    case noClearChange = "no_clear_change"
    case tooFewPoints = "too_few_points"
}

extension TrendClass {
    /// Where the series goes: ↑ or ↓, → for no clear change, · for too few points.
    package func arrow(better: Better) -> String {
        switch self {
        case .increasing: "↑"
        case .decreasing: "↓"
        case .improving: better == .lower ? "↓" : "↑"
        case .worsening: better == .lower ? "↑" : "↓"
        case .noClearChange: "→"
        case .tooFewPoints: "·"
        }
    }
}
