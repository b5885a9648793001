// Checks made in Swift before a value reaches C, so that a bad value is an XLSXError with context rather than
// an lxw_error without it (or, for what libxlsxwriter does not check itself, a file Excel must repair).

enum Limits {
    /// Excel: "Total number of characters that a cell can contain: 32,767 characters".
    static let cellString = 32_767
    /// Excel's sheet-name limit; libxlsxwriter: "The name is less than or equal to 31 UTF-8 characters."
    static let sheetName = 31
    /// `LXW_HEADER_FOOTER_MAX`.
    static let headerFooter = 255
    /// Excel's formula length limit.
    static let formula = 8_192
    /// Excel table names and custom property names/values.
    static let name = 255
}

enum Validate {
    /// Excel counts characters as UTF-16 code units, and libxlsxwriter counts UTF-8 code points; the UTF-16
    /// count is never smaller, so checking it satisfies both.
    static func length(of string: String) -> Int { string.utf16.count }

    static func cell(_ row: Int, _ column: Int, _ operation: @autoclosure () -> String) throws(XLSXError) {
        guard (0..<CellRange.maxRows).contains(row), (0..<CellRange.maxColumns).contains(column) else {
            throw XLSXError(
                code: .cellOutOfRange,
                message: "row \(row), column \(column) is outside Excel's grid "
                    + "(rows 0..<\(CellRange.maxRows), columns 0..<\(CellRange.maxColumns), zero-based)",
                operation: operation())
        }
    }

    static func range(_ range: CellRange, _ operation: @autoclosure () -> String) throws(XLSXError) {
        try cell(range.firstRow, range.firstColumn, operation())
        try cell(range.lastRow, range.lastColumn, operation())
    }

    static func row(_ row: Int, _ operation: @autoclosure () -> String) throws(XLSXError) {
        try cell(row, 0, operation())
    }

    static func column(_ column: Int, _ operation: @autoclosure () -> String) throws(XLSXError) {
        try cell(0, column, operation())
    }

    /// A cell string: at most 32,767 characters and no NUL (C would silently cut the string there).
    static func text(
        _ string: String, limit: Int = Limits.cellString, what: String = "string",
        _ operation: @autoclosure () -> String
    ) throws(XLSXError) {
        // UTF-16 never has more units than UTF-8, whose count is at hand: most strings need no counting.
        if string.utf8.count > limit {
            let count = length(of: string)
            guard count <= limit else {
                throw XLSXError(
                    code: .stringTooLong,
                    message: "\(what) is \(count) characters; Excel allows at most \(limit)",
                    operation: operation())
            }
        }
        let hasNUL = string.utf8.withContiguousStorageIfAvailable { $0.contains(0) } ?? string.utf8.contains(0)
        guard !hasNUL else {
            throw XLSXError.invalid("\(what) contains a NUL character", operation())
        }
    }

    /// Excel's "Largest allowed positive number: 9.99999999999999E+307". Beyond it libxlsxwriter's `%.16G`
    /// output can even round up to a literal that readers parse as infinity.
    static let largestNumber = 9.99999999999999e307

    static func finite(_ value: Double, _ operation: @autoclosure () -> String) throws(XLSXError) {
        guard value.isFinite else {
            throw XLSXError(
                code: .nonFiniteNumber,
                message: "\(value) is not a number Excel can store; write a blank cell instead",
                operation: operation())
        }
        guard value.magnitude <= largestNumber else {
            throw XLSXError(
                code: .nonFiniteNumber,
                message: "\(value) is beyond Excel's largest number 9.99999999999999E+307",
                operation: operation())
        }
    }

    static func number(
        _ value: Double, in bounds: ClosedRange<Double>, what: String, _ operation: @autoclosure () -> String
    ) throws(XLSXError) {
        try finite(value, operation())
        guard bounds.contains(value) else {
            throw XLSXError.invalid("\(what) \(value) is outside \(bounds.lowerBound)...\(bounds.upperBound)", operation())
        }
    }

    static let forbiddenSheetNameCharacters: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// Excel's sheet-name rules, checked with full Unicode case folding (libxlsxwriter's own duplicate check
    /// is ASCII-only: "it wouldn't catch "CAFÉ"").
    static func sheetName(_ name: String, existing: [String], _ operation: String) throws(XLSXError) {
        func invalid(_ why: String) -> XLSXError {
            XLSXError(code: .invalidSheetName, message: "sheet name \"\(name)\" \(why)", operation: operation)
        }
        if name.allSatisfy({ $0.isWhitespace }) { throw invalid("is blank") }
        let count = length(of: name)
        if count > Limits.sheetName {
            throw invalid("is \(count) characters; Excel allows at most \(Limits.sheetName)")
        }
        if let bad = name.first(where: { forbiddenSheetNameCharacters.contains($0) }) {
            throw invalid("contains '\(bad)'; Excel forbids any of [ ] : * ? / \\")
        }
        if name.hasPrefix("'") || name.hasSuffix("'") { throw invalid("starts or ends with an apostrophe") }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 }) { throw invalid("contains a control character") }
        if name.lowercased() == "history" { throw invalid("is reserved by Excel") }
        let folded = name.lowercased()
        if let clash = existing.first(where: { $0.lowercased() == folded }) {
            throw XLSXError(
                code: .duplicateSheetName,
                message: "sheet name \"\(name)\" is already used by \"\(clash)\" (Excel compares names case-insensitively)",
                operation: operation)
        }
    }

    /// Excel's rules for a defined or table name: starts with a letter, `_` or `\`; then letters, digits, `_`, `.`;
    /// at most 255 characters; not something that reads as a cell reference (`A1`, `R1C1`, `R`, `C`).
    static func excelName(_ name: String, what: String = "table name", _ operation: String) throws(XLSXError) {
        func invalid(_ why: String) -> XLSXError {
            XLSXError.invalid("\(what) \"\(name)\" \(why)", operation)
        }
        guard let first = name.first else { throw invalid("is empty") }
        guard first.isLetter || first == "_" || first == "\\" else {
            throw invalid("must start with a letter, '_' or '\\'")
        }
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "\\" }) else {
            throw invalid("may contain only letters, digits, '_', '.' and '\\'")
        }
        guard length(of: name) <= Limits.name else { throw invalid("is longer than \(Limits.name) characters") }
        let upper = name.uppercased()
        if upper == "R" || upper == "C" { throw invalid("is reserved by Excel") }
        if CellRange.parseCell(Substring(name)) != nil { throw invalid("looks like a cell reference") }
        if upper.hasPrefix("R"), upper.dropFirst().contains("C"),
           upper.allSatisfy({ $0 == "R" || $0 == "C" || $0.isNumber }) {
            throw invalid("looks like an R1C1 cell reference")
        }
    }
}
