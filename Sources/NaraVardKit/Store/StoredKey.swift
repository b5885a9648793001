/// The integer key of a stored record: indicator, area, period and gender packed into one 63-bit
/// integer, so that one indicator's records, and one area's within it, are contiguous ranges of the
/// `observation` table's primary key, in area, period, gender order.
///
/// | bits | 62…44 | 43…28 | 27…26 | 25…2 | 1…0 |
/// | --- | --- | --- | --- | --- | --- |
/// | | indicator code | area code | period kind | period index | gender |
///
/// Indicator and area codes are small integers the store assigns (tables `indicator_code`, `area_code`).
struct StoredKey: Hashable, Comparable {
    var rawValue: Int64

    static let indicatorShift: Int64 = 44
    static let areaShift: Int64 = 28
    static let periodShift: Int64 = 2
    /// The period's kind and index, once shifted down by ``periodShift``.
    static let periodCodeMask: Int64 = 1 << 26 - 1
    static let maxIndicatorCode: Int64 = 1 << (63 - indicatorShift) - 1
    static let maxAreaCode: Int64 = 1 << (indicatorShift - areaShift) - 1
    /// Period indexes a key can hold: a month index of year 9999 still fits.
    static let periodIndexes: Range<Int> = 0..<(1 << 24)

    init(rawValue: Int64) { self.rawValue = rawValue }

    /// Nil for a period index outside ``periodIndexes``.
    init?(indicator: Int64, area: Int64, period: Period, gender: Gender) {
        guard let periodCode = period.storedCode else { return nil }
        rawValue = indicator << Self.indicatorShift | area << Self.areaShift | periodCode << Self.periodShift
            | gender.storedCode
    }

    var indicatorCode: Int64 { rawValue >> Self.indicatorShift }
    var areaCode: Int64 { (rawValue >> Self.areaShift) & Self.maxAreaCode }
    var period: Period { Period(storedCode: (rawValue >> Self.periodShift) & Self.periodCodeMask) }
    var gender: Gender { Gender(storedCode: rawValue & 3) }

    /// Every key of one indicator.
    static func range(indicator: Int64) -> ClosedRange<Int64> {
        (indicator << indicatorShift)...((indicator + 1) << indicatorShift - 1)
    }

    /// Every key of one indicator and area.
    static func range(indicator: Int64, area: Int64) -> ClosedRange<Int64> {
        let first = indicator << indicatorShift | area << areaShift
        return first...(first + 1 << areaShift - 1)
    }

    static func < (lhs: StoredKey, rhs: StoredKey) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Period {
    /// Kind (2 bits) and index (24 bits), as keys and the `stored_period` table hold them.
    var storedCode: Int64? {
        guard StoredKey.periodIndexes.contains(index) else { return nil }
        return kind.storedCode << 24 | Int64(index)
    }

    init(storedCode: Int64) {
        let kind: Kind = switch storedCode >> 24 { case 0: .year; case 1: .quarter; default: .month }
        self.init(kind: kind, index: Int(storedCode & (1 << 24 - 1)))
    }
}

extension Period.Kind {
    var storedCode: Int64 {
        switch self { case .year: 0; case .quarter: 1; case .month: 2 }
    }
}

extension Gender {
    /// K, M, T: the order of the letters, which reports and exports keep.
    var storedCode: Int64 {
        switch self { case .women: 0; case .men: 1; case .total: 2 }
    }

    init(storedCode: Int64) {
        self = switch storedCode { case 0: .women; case 1: .men; default: .total }
    }
}

extension Observation.Status {
    /// The `observation.status` column: 0 reported, 1 missing, 2 withdrawn, 3 suppressed at source.
    var storedCode: Int64 {
        switch self { case .reported: 0; case .missing: 1; case .withdrawn: 2; case .suppressedAtSource: 3 }
    }

    init(storedCode: Int64) {
        self = switch storedCode { case 0: .reported; case 1: .missing; case 3: .suppressedAtSource; default: .withdrawn }
    }
}
