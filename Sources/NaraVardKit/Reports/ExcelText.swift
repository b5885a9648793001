/// Text made to fit where Excel puts limits, so that no stored text (an ingest note, an indicator's name or
/// definition, a shift's short name) can make a workbook fail: too long is shortened with "…", a sheet name
/// loses the characters Excel forbids in one.
///
/// ```swift
/// ExcelText.fit(note)                           // at most 32 767 characters, as a cell holds
/// ExcelText.fit(title, limit: ExcelText.name)   // at most 255, as a chart title holds
/// ExcelText.sheetName("1 Hälsofrämjande'")      // "1 Hälsofrämjande"
/// ```
enum ExcelText {
    /// Excel: "Total number of characters that a cell can contain: 32,767 characters".
    static let cell = 32_767
    /// Chart titles, alt text, table column headers and comment authors.
    static let name = 255
    /// Sheet names.
    static let sheetName = 31
    /// The tallest row Excel allows, in points.
    static let rowHeight = 409.0

    /// The lines wrapped text takes in a column, estimated from the width (Excel's units are about one digit
    /// of the default font; text averages a little narrower, bold a little wider). Neither Excel nor LibreOffice
    /// reliably grows a row for wrapped text when opening a file, so the writer sets the height.
    static func lines(_ text: String, width: Double, bold: Bool) -> Int {
        let perLine = max(Int(width * (bold ? 0.95 : 1.1)) - 1, 1)
        // No more bytes than a line holds characters, and one paragraph: one line, without splitting.
        if text.utf8.count <= perLine, !text.utf8.contains(UInt8(ascii: "\n")) { return 1 }
        return text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { sum, paragraph in
            var lines = 1, length = 0
            for word in paragraph.split(separator: " ") {
                if length > 0, length + 1 + word.count > perLine {
                    lines += 1
                    length = word.count
                } else {
                    length += (length > 0 ? 1 : 0) + word.count
                }
            }
            return sum + lines
        }
    }

    /// The text, or its start and "…" within `limit` characters (counted as Excel counts them, in UTF-16 units).
    static func fit(_ text: String, limit: Int = cell) -> String {
        // UTF-8 never has fewer units than UTF-16, and its count is at hand.
        guard text.utf8.count > limit, text.utf16.count > limit else { return text }
        var kept = ""
        var units = 0
        for character in text {
            let size = character.utf16.count
            if units + size > limit - 1 { break }
            kept.append(character)
            units += size
        }
        return kept + "…"
    }

    /// A name Excel accepts for a sheet: without `[ ] : * ? / \`, not starting or ending with `'`, not empty,
    /// at most 31 characters.
    static func sheetName(_ text: String) -> String {
        var name = String(text.map { "[]:*?/\\".contains($0) ? "-" : $0 })
        while name.hasPrefix("'") { name.removeFirst() }
        while name.hasSuffix("'") { name.removeLast() }
        name = fit(name, limit: sheetName)
        return name.trimmingWhitespace().isEmpty ? "Blad" : name
    }
}
