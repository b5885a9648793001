/// A reporting period: a year, a quarter or a month.
///
/// ```swift
/// let period = try Period(parsing: "2024 kv1")   // 2024Q1
/// period.description                             // "2024Q1"
/// ```
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable { case year, quarter, month }

    public let year: Int
    public let kind: Kind
    /// 1–4 for a quarter, 1–12 for a month, 0 for a year.
    public let part: Int

    public init(year: Int) { self.year = year; kind = .year; part = 0 }
    public init(year: Int, quarter: Int) { self.year = year; kind = .quarter; part = quarter }
    public init(year: Int, month: Int) { self.year = year; kind = .month; part = month }

    /// The canonical form: `2024`, `2024Q1` or `2024-03`.
    public var description: String {
        switch kind {
        case .year: "\(year)"
        case .quarter: "\(year)Q\(part)"
        case .month: part < 10 ? "\(year)-0\(part)" : "\(year)-\(part)"
        }
    }

    /// Position on the time axis of its kind: consecutive periods differ by one.
    package var index: Int {
        switch kind {
        case .year: year
        case .quarter: year * 4 + part - 1
        case .month: year * 12 + part - 1
        }
    }

    /// The period of the same kind at a time-axis position (the inverse of ``index``).
    package init(kind: Kind, index: Int) {
        switch kind {
        case .year: self.init(year: index)
        case .quarter: self.init(year: index.floorDivided(by: 4), quarter: index.floorModulo(4) + 1)
        case .month: self.init(year: index.floorDivided(by: 12), month: index.floorModulo(12) + 1)
        }
    }

    /// Periods of one kind per year: 1, 4 or 12.
    package static func perYear(_ kind: Kind) -> Int {
        switch kind { case .year: 1; case .quarter: 4; case .month: 12 }
    }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.year, lhs.part, lhs.kind.rawValue) < (rhs.year, rhs.part, rhs.kind.rawValue)
    }
}

extension Int {
    fileprivate func floorDivided(by divisor: Int) -> Int {
        (self - floorModulo(divisor)) / divisor
    }
    fileprivate func floorModulo(_ divisor: Int) -> Int {
        let remainder = self % divisor
        return remainder < 0 ? remainder + divisor : remainder
    }
}

// MARK: - Parsing

extension Period {
    /// Why a period text was refused.
    public struct ParseError: Error, CustomStringConvertible {
        public let text: String
        public let reason: String
        public var description: String { "invalid period '\(text)': \(reason)" }
    }

    /// Years accepted on input.
    package static let validYears = 1900...2100

    /// Reads every form analysts write: `2024Q1`, `2024-Q1`, `2024 Q1`, `2024K1`, `2024 kv1`, `2024 kvartal 1`,
    /// the quarter first as in `Q1 2024`, `K1 2024` or `Kvartal 1 2024`, `2024-03` (month), `2024M03`, `2024`
    /// (year). Case and surrounding spaces do not matter.
    public init(parsing text: String) throws(ParseError) {
        var trimmed = text.trimmingWhitespace().uppercased()
        let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "\u{00A0}" })
        if let first = trimmed.unicodeScalars.first, !first.isASCIIDigit, words.count >= 2,
           let year = words.last, year.count == 4, year.unicodeScalars.allSatisfy(\.isASCIIDigit) {
            // The quarter first: `Q1 2024` is read as `2024Q1`.
            trimmed = year + words.dropLast().joined()
        }
        let scalars = Array(trimmed.unicodeScalars)
        guard scalars.count >= 4, scalars.prefix(4).allSatisfy(\.isASCIIDigit),
              scalars.count == 4 || !scalars[4].isASCIIDigit
        else {
            throw ParseError(text: text, reason: "expected a four-digit year first, like 2024, 2024Q1 or 2024-03")
        }
        let year = Int(String(String.UnicodeScalarView(scalars.prefix(4))))!
        guard Self.validYears.contains(year) else {
            throw ParseError(text: text, reason: "year \(year) is outside \(Self.validYears.lowerBound)–\(Self.validYears.upperBound)")
        }
        var rest = String(String.UnicodeScalarView(scalars.dropFirst(4)))
        if rest.isEmpty { self.init(year: year); return }
        if rest.hasPrefix("-") || rest.hasPrefix(" ") { rest.removeFirst() }
        rest = rest.trimmingWhitespace()
        for marker in ["KVARTAL", "KV", "Q", "K", "M"] where rest.hasPrefix(marker) {
            let number = rest.dropFirst(marker.count).trimmingWhitespace()
            guard !number.isEmpty, number.count <= 2, let part = Int(number) else { break }
            if marker == "M" {
                guard (1...12).contains(part) else {
                    throw ParseError(text: text, reason: "month \(part) does not exist")
                }
                self.init(year: year, month: part)
            } else {
                guard (1...4).contains(part) else {
                    throw ParseError(text: text, reason: "quarter \(part) does not exist")
                }
                self.init(year: year, quarter: part)
            }
            return
        }
        if rest.count == 2, rest.unicodeScalars.allSatisfy(\.isASCIIDigit), let month = Int(rest) {
            guard (1...12).contains(month) else {
                throw ParseError(text: text, reason: "month \(month) does not exist")
            }
            self.init(year: year, month: month)
            return
        }
        throw ParseError(text: text, reason: "expected 2024, 2024Q1, 2024K1, 2024 kv1, Q1 2024, Kvartal 1 2024 or 2024-03")
    }
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
