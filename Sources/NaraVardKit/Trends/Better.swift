/// The direction in which an indicator improves.
public enum Better: String, Sendable, Codable {
    case higher, lower, neutral

    /// The desired sign of change: +1 when higher is better, −1 when lower is better, 0 when neutral.
    package var desiredSign: Int {
        switch self {
        case .higher: 1
        case .lower: -1
        case .neutral: 0
        }
    }
}
