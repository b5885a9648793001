/// The Making Data Count variation icon of a point.
public enum VariationIcon: String, Sendable, Codable {
    case commonCause = "common_cause"
    case improvementHigh = "improvement_high"
    case improvementLow = "improvement_low"
    case concernHigh = "concern_high"
    case concernLow = "concern_low"
    case neutralHigh = "neutral_high"
    case neutralLow = "neutral_low"

    /// The icon of a point with this label on an indicator whose good direction is `better`.
    package init(_ type: SpecialCauseType, better: Better) {
        switch (better, type.direction) {
        case (_, 0): self = .commonCause
        case (.neutral, 1...): self = .neutralHigh
        case (.neutral, _): self = .neutralLow
        case (.higher, 1...): self = .improvementHigh
        case (.higher, _): self = .concernLow
        case (.lower, 1...): self = .concernHigh
        case (.lower, _): self = .improvementLow
        }
    }
}
