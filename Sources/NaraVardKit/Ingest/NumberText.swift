/// A number as written in a spreadsheet cell, and how many decimals were written.
///
/// Accepts decimal comma or point and spaces or no-break spaces between groups of three digits
/// (`79 352`, `1 234,5`). Refuses anything it would have to guess at, such as `7 271 97373`.
struct NumberText: Equatable {
    var value: Double
    /// Decimals written after the decimal mark: `74,1` has 1. The tolerance of a given value is half a
    /// unit of its last decimal.
    var decimals: Int

    /// Half a unit of the last written decimal.
    var tolerance: Double { 0.5 * pow10(-decimals) }

    /// Missing markers: `..`, `.`, `-`, `–`, `NA` and empty all mean "no value", never 0.
    static func isMissingMarker(_ text: String) -> Bool {
        if startsWithDigit(text) { return false }
        return ["", "..", ".", "-", "–", "—", "na", "n/a"].contains(text.trimmingWhitespace().lowercased())
    }

    /// Suppression markers sources write where they withhold a small number: `<5` (any `<N`), `x`, `*`.
    static func isSuppressionMarker(_ text: String) -> Bool {
        if startsWithDigit(text) { return false }
        let trimmed = text.trimmingWhitespace().lowercased()
        if ["x", "*", "**", "***"].contains(trimmed) { return true }
        guard trimmed.hasPrefix("<") else { return false }
        let digits = trimmed.dropFirst().trimmingWhitespace()
        return !digits.isEmpty && digits.allSatisfy(\.isNumber)
    }

    /// Whether the text's first byte is an ASCII digit: then it is no marker, the common case checked without copies.
    static func startsWithDigit(_ text: String) -> Bool { text.utf8.first.map(isDigit) ?? false }
    /// Whether the text's last byte is an ASCII digit: then it ends in no sign such as `%`.
    static func endsWithDigit(_ text: String) -> Bool { text.utf8.last.map(isDigit) ?? false }
    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    /// Why a text is not a number.
    struct ParseError: Error { var reason: String }

    init(value: Double, decimals: Int) {
        self.value = value
        self.decimals = decimals
    }

    init(parsing raw: String) throws(ParseError) {
        if let plain = Self.plainDecimal(raw) { self = plain; return }
        let text = raw.trimmingWhitespace()
        var scalars = Array(text.unicodeScalars)
        var negative = false
        if let first = scalars.first, first == "-" || first == "−" || first == "+" {
            negative = first != "+"
            scalars.removeFirst()
        }
        let marks = scalars.filter { $0 == "," || $0 == "." }
        guard marks.count <= 1 else {
            throw ParseError(reason: "'\(text)' is not a number (write thousands with spaces and one decimal mark)")
        }
        let markIndex = scalars.firstIndex { $0 == "," || $0 == "." }
        let integerPart = scalars[..<(markIndex ?? scalars.endIndex)]
        let fractionPart = markIndex.map { scalars[($0 + 1)...] } ?? []
        let groups = integerPart.split(omittingEmptySubsequences: false, whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" })
        guard !groups.isEmpty, groups.allSatisfy({ group in !group.isEmpty && group.allSatisfy { $0.isASCIIDigit } }),
              fractionPart.allSatisfy({ $0.isASCIIDigit }), markIndex == nil || !fractionPart.isEmpty
        else { throw ParseError(reason: "'\(text)' is not a number") }
        if groups.count > 1 {
            guard groups.first!.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                throw ParseError(reason: "'\(text)' is not a number: digit groups must be three digits apart")
            }
        }
        var plain = groups.map { String(String.UnicodeScalarView($0)) }.joined()
        if !fractionPart.isEmpty { plain += "." + String(String.UnicodeScalarView(fractionPart)) }
        guard let parsed = Double(plain) as Double?, parsed.isFinite else { throw ParseError(reason: "'\(text)' is not a number") }
        value = negative ? -parsed : parsed
        decimals = fractionPart.count
    }
}

extension NumberText {
    /// The common case without allocations: ASCII digits with at most one `.` or `,` inside.
    fileprivate static func plainDecimal(_ text: String) -> NumberText? {
        var integer = 0.0, fraction = 0.0, scale = 1.0, decimals = 0, digits = 0
        var seenMark = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                if seenMark {
                    decimals += 1
                    scale *= 10
                    fraction = fraction * 10 + Double(byte - UInt8(ascii: "0"))
                } else {
                    integer = integer * 10 + Double(byte - UInt8(ascii: "0"))
                }
            case UInt8(ascii: "."), UInt8(ascii: ","):
                if seenMark || digits == 0 { return nil }
                seenMark = true
            default:
                return nil
            }
        }
        // Beyond 15 digits the simple sum may round differently from a correct parser: take the slow path.
        guard digits > 0, digits <= 15, !seenMark || decimals > 0 else { return nil }
        if decimals == 0 { return NumberText(value: integer, decimals: 0) }
        // Correctly rounded: the digits as one integer (exact below 2^53), divided by an exact power of ten.
        return NumberText(value: (integer * scale + fraction) / scale, decimals: decimals)
    }
}

/// 10 to an integer power, exactly for the powers used here.
func pow10(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<abs(exponent) { result *= 10 }
    return exponent < 0 ? 1 / result : result
}
