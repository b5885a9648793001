/// A problem found in an input file, printed as `FILE:LINE: message` or `FILE:LINE:COLUMN: message`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var file: String
    public var line: Int
    public var column: Int?
    /// In a workbook, the sheet and cell (`Blad1!B7`), shown instead of the line.
    public var sheetCell: String?
    public var message: String
    public var severity: Severity

    public init(file: String, line: Int, column: Int? = nil, sheetCell: String? = nil, _ message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.column = column
        self.sheetCell = sheetCell
        self.message = message
        self.severity = severity
    }

    public var location: String {
        if let sheetCell { return "\(file):\(sheetCell)" }
        return column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)"
    }

    /// One line; control characters and bidirectional overrides from the input are shown escaped (`\u{1B}`).
    public var description: String {
        (severity == .warning ? "\(location): warning: \(message)" : "\(location): \(message)").escapingControlCharacters
    }
}

/// Several problems at once, reported together (an input is checked whole before anything is written).
public struct Diagnostics: Error, CustomStringConvertible {
    public var items: [Diagnostic]
    /// How many problems there were in all when ``items`` was capped.
    public var total: Int

    public init(_ items: [Diagnostic], total: Int? = nil) {
        self.items = items
        self.total = total ?? items.count
    }

    public var description: String {
        var lines = items.map(\.description)
        if total > items.count { lines.append("… and \(total - items.count) more problems") }
        return lines.joined(separator: "\n")
    }
}
