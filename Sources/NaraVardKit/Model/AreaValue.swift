/// One value as the reading commands and reports show it: stored, or aggregated from municipalities.
public struct AreaValue: Hashable, Sendable {
    /// What a shown value is.
    public enum Status: String, Sendable, Codable {
        /// Stored as given.
        case reported
        /// Reported as missing (not a zero).
        case missing
        /// Withheld by the source (`<5`, `x`, `*`).
        case suppressedAtSource = "suppressed_at_source"
        /// A länsdel or county value: the ratio of summed numerators and summed denominators.
        case computed
        /// No aggregate: some members have no data (``AreaValue/detail`` names them).
        case incomplete
        /// A rate given without counts cannot be aggregated.
        case notAggregable = "not_aggregable"
        /// Hidden in published reports (small numbers).
        case suppressed

        /// How a stored record is shown.
        init(_ stored: Observation.Status) {
            self = switch stored {
            case .missing: .missing
            case .suppressedAtSource: .suppressedAtSource
            case .reported, .withdrawn: .reported
            }
        }
    }

    public var indicator: String
    public var area: String
    public var period: Period
    public var gender: Gender
    public var value: Double?
    public var numerator: Double?
    public var denominator: Double?
    public var status: Status
    public var detail: String?

    public init(
        indicator: String, area: String, period: Period, gender: Gender, value: Double?, numerator: Double?,
        denominator: Double?, status: Status, detail: String? = nil
    ) {
        self.indicator = indicator; self.area = area; self.period = period; self.gender = gender
        self.value = value; self.numerator = numerator; self.denominator = denominator
        self.status = status; self.detail = detail
    }

    init(_ observation: Observation) {
        self.init(
            indicator: observation.indicator, area: observation.area, period: observation.period,
            gender: observation.gender, value: observation.value, numerator: observation.numerator,
            denominator: observation.denominator, status: Status(observation.status))
    }
}
