/// One stored record: an indicator's value for an area, period and gender, with the counts behind it.
public struct Observation: Hashable, Sendable {
    /// What a stored record says.
    public enum Status: String, Sendable, Codable {
        /// A value (or counts) as given.
        case reported
        /// Reported as missing: not a zero.
        case missing
        /// Withheld by the source (`<5`, `x`, `*`): neither missing nor a zero.
        case suppressedAtSource = "suppressed_at_source"
        /// Taken back by a revert: the key is as if never imported.
        case withdrawn
    }

    public var indicator: String
    public var area: String
    public var period: Period
    public var gender: Gender
    /// Nil when missing, or when the counts exist but the value is undefined (denominator 0).
    public var value: Double?
    public var numerator: Double?
    public var denominator: Double?
    public var status: Status
    public var note: String?

    public init(
        indicator: String, area: String, period: Period, gender: Gender, value: Double?,
        numerator: Double? = nil, denominator: Double? = nil, status: Status = .reported, note: String? = nil
    ) {
        self.indicator = indicator; self.area = area; self.period = period; self.gender = gender
        self.value = value; self.numerator = numerator; self.denominator = denominator
        self.status = status; self.note = note
    }
}

/// The identity of a record: one indicator, area, period and gender.
package struct ObservationKey: Hashable, Sendable {
    package var indicator: String
    package var area: String
    package var period: Period
    package var gender: Gender
}

extension Observation {
    package var key: ObservationKey { ObservationKey(indicator: indicator, area: area, period: period, gender: gender) }
}
