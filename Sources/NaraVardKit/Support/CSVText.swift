/// Formula-injection guard for text in every CSV naravard writes, and its inverse for ingest.
///
/// A text field that begins with `=`, `+`, `-`, `@`, tab or CR would be run as a formula by a
/// spreadsheet; it is written with a leading `'`. Ingest removes a `'` only where one of those follows it,
/// so a round trip gives back the original text.
package enum CSVText {
    static let dangerousFirst: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    package static func neutralize(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, dangerousFirst.contains(first) else { return text }
        return "'" + text
    }

    package static func unneutralize(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.first == "'", let second = scalars.dropFirst().first, dangerousFirst.contains(second) else { return text }
        return String(scalars.dropFirst())
    }

    /// The field as CSV writes it: in quotes (with `""` for `"`) when it holds the delimiter, a quote or a line break.
    package static func quoted(_ text: String, delimiter: Character) -> String {
        let delimiterByte = delimiter.asciiValue ?? UInt8(ascii: ";")
        let needsQuotes = text.utf8.contains {
            $0 == delimiterByte || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
        }
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
