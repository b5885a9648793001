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
        ["", "..", ".", "-", "–", "—", "na", "n/a"].contains(text.trimmingWhitespace().lowercased())
    }

    /// Why a text is not a number.
    struct ParseError: Error { var reason: String }

    init(value: Double, decimals: Int) {
        self.value = value
        self.decimals = decimals
    }

    init(parsing raw: String) throws(ParseError) {
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
              fractionPart.allSatisfy { $0.isASCIIDigit }, markIndex == nil || !fractionPart.isEmpty
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

/// 10 to an integer power, exactly for the powers used here.
func pow10(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<abs(exponent) { result *= 10 }
    return exponent < 0 ? 1 / result : result
}
