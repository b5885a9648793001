internal import CXLSXWriter

/// One worksheet of a ``Workbook``: writes cells and sets the sheet's layout, tables, conditional formats,
/// comments, charts and print setup.
///
/// A `Worksheet` holds its workbook (which keeps the C memory alive) and the sheet's raw pointer. The sheet
/// itself belongs to the workbook — libxlsxwriter frees it in `workbook_close()` — so every call first checks
/// that the workbook is still open, and throws ``XLSXError/Code/workbookClosed`` otherwise.
///
/// Rows and columns are zero-based, as in libxlsxwriter: `row: 0, column: 0` is `A1`.
///
/// ```swift
/// let sheet = try workbook.addWorksheet(named: "Data")
/// try sheet.write("Område", row: 0, column: 0, format: .init(bold: true))
/// try sheet.write(12.5, row: 1, column: 1, format: .init(numberFormat: "0.0"))
/// try sheet.writeBlank(row: 1, column: 2)
/// ```
public struct Worksheet {
    let workbook: Workbook
    let state: SheetState

    /// The sheet's name as shown on its tab.
    public var name: String { state.name }

    /// The sheet name as a formula prefix: `Data`, or `'1 Hälsofrämjande'` when quoting is needed.
    public var quotedName: String { Worksheet.quote(state.name) }

    // MARK: - Cells

    /// Writes a number. Numbers are always number cells, never text.
    /// - Throws: ``XLSXError/Code/nonFiniteNumber`` for NaN or ±∞ (write a blank instead),
    ///   ``XLSXError/Code/cellOutOfRange``, or the library's error.
    public func write(_ number: Double, row: Int, column: Int, format: FormatSpec? = nil) throws(XLSXError) {
        try writeNumber(number, row, column) { operation throws(XLSXError) in try workbook.format(format, operation()) }
    }

    /// Writes a number in a format made once for many cells (``Format``).
    public func write(_ number: Double, row: Int, column: Int, format: Format?) throws(XLSXError) {
        try writeNumber(number, row, column) { operation throws(XLSXError) in try cFormat(format, operation) }
    }

    private func writeNumber(_ number: Double, _ row: Int, _ column: Int, _ cFormat: CFormat) throws(XLSXError) {
        // Built only when something fails.
        func operation() -> String { cellOperation("write_number", row, column) }
        try Validate.finite(number, operation())
        let (sheet, r, c) = try prepareCell(row, column, operation())
        let cFormat = try cFormat(operation)
        try XLSXError.check(worksheet_write_number(sheet, r, c, number, cFormat), operation())
    }

    /// Writes an integer as a number (exact up to 2⁵³, like every Excel number).
    public func write(_ number: Int, row: Int, column: Int, format: FormatSpec? = nil) throws(XLSXError) {
        try write(Double(number), row: row, column: column, format: format)
    }

    /// Writes a string cell. The text is stored as a string even when it starts with `=`, `+`, `-` or `@`:
    /// it goes through `worksheet_write_string()`, which never interprets it as a formula.
    ///
    /// An empty string makes a blank cell (libxlsxwriter treats "a NULL or empty string with formatting as a
    /// blank cell", and writes nothing without a format).
    /// - Throws: ``XLSXError/Code/stringTooLong`` over 32,767 characters, ``XLSXError/Code/cellOutOfRange``.
    public func write(_ string: String, row: Int, column: Int, format: FormatSpec? = nil) throws(XLSXError) {
        try writeString(string, row, column) { operation throws(XLSXError) in try workbook.format(format, operation()) }
    }

    /// Writes a string cell in a format made once for many cells (``Format``).
    public func write(_ string: String, row: Int, column: Int, format: Format?) throws(XLSXError) {
        try writeString(string, row, column) { operation throws(XLSXError) in try cFormat(format, operation) }
    }

    private func writeString(_ string: String, _ row: Int, _ column: Int, _ cFormat: CFormat) throws(XLSXError) {
        // Built only when something fails.
        func operation() -> String { cellOperation("write_string", row, column) }
        try Validate.text(string, operation())
        let (sheet, r, c) = try prepareCell(row, column, operation())
        let cFormat = try cFormat(operation)
        // The string is copied into the workbook's shared string table (or the constant-memory temp file);
        // withCString lends the string's own bytes, where passing `string` would copy them into an array first.
        try XLSXError.check(string.withCString { worksheet_write_string(sheet, r, c, $0, cFormat) }, operation())
    }

    /// Writes a boolean cell (`TRUE`/`FALSE`).
    public func write(_ value: Bool, row: Int, column: Int, format: FormatSpec? = nil) throws(XLSXError) {
        // Built only when something fails.
        func operation() -> String { cellOperation("write_boolean", row, column) }
        let (sheet, r, c) = try prepareCell(row, column, operation())
        let cFormat = try workbook.format(format, operation())
        try XLSXError.check(worksheet_write_boolean(sheet, r, c, value ? 1 : 0, cFormat), operation())
    }

    /// Writes a blank cell. libxlsxwriter: "Excel differentiates between an "Empty" cell and a "Blank" cell.
    /// An Empty cell is a cell which doesn't contain data or formatting whilst a Blank cell doesn't contain data
    /// but does contain formatting. Excel stores Blank cells but ignores Empty cells." Without a format nothing
    /// is stored.
    public func writeBlank(row: Int, column: Int, format: FormatSpec? = nil) throws(XLSXError) {
        try writeBlank(row, column) { operation throws(XLSXError) in try workbook.format(format, operation()) }
    }

    /// Writes a blank cell in a format made once for many cells (``Format``).
    public func writeBlank(row: Int, column: Int, format: Format?) throws(XLSXError) {
        try writeBlank(row, column) { operation throws(XLSXError) in try cFormat(format, operation) }
    }

    private func writeBlank(_ row: Int, _ column: Int, _ cFormat: CFormat) throws(XLSXError) {
        // Built only when something fails.
        func operation() -> String { cellOperation("write_blank", row, column) }
        let (sheet, r, c) = try prepareCell(row, column, operation())
        let cFormat = try cFormat(operation)
        try XLSXError.check(worksheet_write_blank(sheet, r, c, cFormat), operation())
    }

    /// Writes a date or date-time. libxlsxwriter: "Without a date format the datetime will appear as a number
    /// only", so a format without a number format gets `yyyy-mm-dd` (or `yyyy-mm-dd hh:mm` when there is a time).
    /// - Throws: ``XLSXError/Code/invalidArgument`` for a date outside 1900-01-01...9999-12-31 or an impossible date.
    public func write(_ dateTime: ExcelDateTime, row: Int, column: Int, format: FormatSpec? = nil) throws(XLSXError) {
        // Built only when something fails.
        func operation() -> String { cellOperation("write_datetime", row, column) }
        try dateTime.validate(operation())
        let (sheet, r, c) = try prepareCell(row, column, operation())
        var spec = format ?? FormatSpec()
        if spec.numberFormat == nil { spec.numberFormat = dateTime.defaultNumberFormat }
        let cFormat = try workbook.format(spec, operation())
        var value = dateTime.lxw
        try XLSXError.check(worksheet_write_datetime(sheet, r, c, &value, cFormat), operation())
    }

    /// Writes a formula such as `"=SUM(B2:B9)"` (US-style commas, English function names). Only this method
    /// writes formulas; strings are never turned into formulas.
    ///
    /// libxlsxwriter "doesn't calculate the value of a formula and instead stores a default value of `0`";
    /// pass `cachedValue` to store the value readers other than Excel will show.
    public func writeFormula(
        _ formula: String, row: Int, column: Int, format: FormatSpec? = nil, cachedValue: Double? = nil
    ) throws(XLSXError) {
        // Built only when something fails.
        func operation() -> String { cellOperation("write_formula", row, column) }
        try Validate.text(formula, limit: Limits.formula, what: "formula", operation())
        guard !formula.isEmpty, formula != "=" else { throw XLSXError.invalid("formula is empty", operation()) }
        if let cachedValue { try Validate.finite(cachedValue, operation()) }
        let (sheet, r, c) = try prepareCell(row, column, operation())
        let cFormat = try workbook.format(format, operation())
        if let cachedValue {
            try XLSXError.check(worksheet_write_formula_num(sheet, r, c, formula, cFormat, cachedValue), operation())
        } else {
            try XLSXError.check(worksheet_write_formula(sheet, r, c, formula, cFormat), operation())
        }
    }

    /// Writes any ``CellContent``.
    public func write(_ content: CellContent, row: Int, column: Int, format: FormatSpec? = nil) throws(XLSXError) {
        switch content {
        case .number(let value): try write(value, row: row, column: column, format: format)
        case .string(let value): try write(value, row: row, column: column, format: format)
        case .boolean(let value): try write(value, row: row, column: column, format: format)
        case .blank: try writeBlank(row: row, column: column, format: format)
        case .dateTime(let value): try write(value, row: row, column: column, format: format)
        case .formula(let formula, let cached):
            try writeFormula(formula, row: row, column: column, format: format, cachedValue: cached)
        }
    }

    /// Writes `contents` left to right starting at `row`, `column`, all with the same format.
    public func writeRow(
        _ contents: [CellContent], row: Int, column: Int = 0, format: FormatSpec? = nil
    ) throws(XLSXError) {
        for (offset, content) in contents.enumerated() {
            try write(content, row: row, column: column + offset, format: format)
        }
    }

    // MARK: - Internal helpers

    /// Gives a cell's C format, given the operation to name if that fails.
    private typealias CFormat = (() -> String) throws(XLSXError) -> UnsafeMutablePointer<lxw_format>?

    /// A ``Format``'s C format, if it belongs to this sheet's workbook.
    private func cFormat(_ format: Format?, _ operation: () -> String) throws(XLSXError) -> UnsafeMutablePointer<lxw_format>? {
        guard let format else { return nil }
        guard format.workbook === workbook else {
            throw XLSXError.invalid("the format was made by another workbook", operation())
        }
        return format.pointer
    }

    /// The live sheet pointer, or ``XLSXError/Code/workbookClosed``.
    func live(_ operation: @autoclosure () -> String) throws(XLSXError) -> UnsafeMutablePointer<lxw_worksheet> {
        try workbook.ensureOpen(operation())
        return state.pointer
    }

    func prepareCell(
        _ row: Int, _ column: Int, _ operation: @autoclosure () -> String
    ) throws(XLSXError) -> (UnsafeMutablePointer<lxw_worksheet>, lxw_row_t, lxw_col_t) {
        let sheet = try live(operation())
        try Validate.cell(row, column, operation())
        if workbook.options.constantMemory {
            guard row >= state.currentRow else {
                throw XLSXError(
                    code: .cellOutOfRange,
                    message: "constant-memory mode writes rows in order; row \(row + 1) comes after "
                        + "row \(state.currentRow + 1) was started",
                    operation: operation())
            }
            state.currentRow = row
        }
        return (sheet, lxw_row_t(row), lxw_col_t(column))
    }

    /// `write_string(Data!B3)`; cells outside the grid are shown as zero-based `row,column`.
    func cellOperation(_ function: String, _ row: Int, _ column: Int) -> String {
        "\(function)(\(quotedName)!\(Worksheet.describe(row, column)))"
    }

    func rangeOperation(_ function: String, _ range: CellRange) -> String {
        let first = Worksheet.describe(range.firstRow, range.firstColumn)
        if range.isSingleCell { return "\(function)(\(quotedName)!\(first))" }
        return "\(function)(\(quotedName)!\(first):\(Worksheet.describe(range.lastRow, range.lastColumn)))"
    }

    static func describe(_ row: Int, _ column: Int) -> String {
        guard (0..<CellRange.maxRows).contains(row), (0..<CellRange.maxColumns).contains(column) else {
            return "[row \(row), column \(column)]"
        }
        return CellRange.reference(row: row, column: column)
    }

    func sheetOperation(_ function: String) -> String {
        "\(function)(\(quotedName))"
    }

    /// Quotes a sheet name for use in a formula when Excel requires it.
    static func quote(_ name: String) -> String {
        let plain = name.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == ".")
        }
        let startsWithLetter = name.unicodeScalars.first.map { $0.properties.isAlphabetic || $0 == "_" } ?? false
        if plain && startsWithLetter && CellRange.parseCell(Substring(name)) == nil { return name }
        return "'" + name.replacingApostrophes() + "'"
    }
}

@available(*, unavailable)
extension Worksheet: Sendable {}

extension String {
    fileprivate func replacingApostrophes() -> String {
        var result = ""
        for character in self {
            result.append(character)
            if character == "'" { result.append("'") }
        }
        return result
    }
}

/// The content of one cell, for writing rows of mixed values with ``Worksheet/writeRow(_:row:column:format:)``.
public enum CellContent: Hashable, Sendable {
    case number(Double)
    /// Always a string cell, never a formula.
    case string(String)
    case boolean(Bool)
    case blank
    case dateTime(ExcelDateTime)
    /// A formula and, optionally, the value to cache for readers that do not recalculate.
    case formula(String, cachedValue: Double?)
}
