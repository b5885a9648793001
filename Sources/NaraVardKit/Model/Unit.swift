/// The unit of an indicator's value; it fixes the factor of value = factor × numerator / denominator.
public enum IndicatorUnit: String, CaseIterable, Sendable, Codable {
    case percent
    case per1000 = "per_1000"
    case per10000 = "per_10000"
    case per100000 = "per_100000"
    case count, days, index, sek

    /// The factor in value = factor × numerator / denominator.
    package var factor: Double {
        switch self {
        case .percent: 100
        case .per1000: 1_000
        case .per10000: 10_000
        case .per100000: 100_000
        case .count, .days, .index, .sek: 1
        }
    }

    /// Whether values are a numerator over a denominator (every unit but count and index).
    package var hasDenominator: Bool { self != .count && self != .index }

    /// Whether a value below zero is impossible.
    package var isNonNegative: Bool { self != .sek && self != .index }

    /// Short Swedish label for tables and reports.
    package var label: String {
        switch self {
        case .percent: "%"
        case .per1000: "per 1 000"
        case .per10000: "per 10 000"
        case .per100000: "per 100 000"
        case .count: "antal"
        case .days: "dagar"
        case .index: "index"
        case .sek: "kr"
        }
    }
}

/// How often an indicator is reported.
public enum Frequency: String, CaseIterable, Sendable, Codable {
    case quarter, year, month

    /// The period kind values of this frequency must have.
    package var periodKind: Period.Kind {
        switch self { case .quarter: .quarter; case .year: .year; case .month: .month }
    }
}
