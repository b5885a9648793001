/// Numbers written out in plain decimal digits, never with an exponent: what ingest reads back.
enum DecimalText {
    /// Exponents beyond this are not expanded (a double has none; a JSON text may): the text is kept as it is.
    static let maxExponent = 400

    /// `mantissa` × 10^`exponent` in plain digits, exactly: `("1.5", 3)` gives `1500`, `("1", -5)` gives `0.00001`.
    static func expand(_ mantissa: String, exponent: Int) -> String {
        guard abs(exponent) <= maxExponent else { return "\(mantissa)e\(exponent)" }
        var text = Substring(mantissa)
        var sign = ""
        if let first = text.first, first == "-" || first == "+" {
            if first == "-" { sign = "-" }
            text = text.dropFirst()
        }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var digits = String(parts[0]) + (parts.count > 1 ? String(parts[1]) : "")
        // Where the decimal point falls among the digits.
        var point = parts[0].count + exponent
        if point < 1 {
            digits = String(repeating: "0", count: 1 - point) + digits
            point = 1
        }
        if point > digits.count { digits += String(repeating: "0", count: point - digits.count) }
        var integer = digits.prefix(point).drop { $0 == "0" }
        if integer.isEmpty { integer = "0" }
        var fraction = digits.dropFirst(point)
        while fraction.last == "0" { fraction = fraction.dropLast() }
        return sign + integer + (fraction.isEmpty ? "" : "." + fraction)
    }
}

extension Double {
    /// Shortest text that reads back as the same number, in plain decimal digits (`0.00001`, not `1e-05`),
    /// without a trailing `.0`.
    package var plain: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
        let text = description
        // Searched as UTF-8 bytes: a search by Character walks grapheme clusters, 7 % of `trends --format csv`.
        guard isFinite, let mark = text.utf8.firstIndex(of: UInt8(ascii: "e")),
              let exponent = Int(text[text.utf8.index(after: mark)...]) else { return text }
        return DecimalText.expand(String(text[..<mark]), exponent: exponent)
    }
}
