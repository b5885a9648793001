/// A rectangle of cells, zero-indexed like libxlsxwriter (row 0, column 0 is `A1`).
///
/// ```swift
/// let header = CellRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 4)
/// header.a1                          // "A1:E1"
/// try CellRange(a1: "B3:D9").rowCount // 7
/// CellRange.reference(row: 2, column: 1) // "B3"
/// ```
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    /// Excel's number of rows in a worksheet.
    public static let maxRows = 1_048_576
    /// Excel's number of columns in a worksheet.
    public static let maxColumns = 16_384

    public var firstRow: Int
    public var firstColumn: Int
    public var lastRow: Int
    public var lastColumn: Int

    /// A range from its corners (inclusive). Corners given in the wrong order are swapped.
    public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.firstRow = min(firstRow, lastRow)
        self.lastRow = max(firstRow, lastRow)
        self.firstColumn = min(firstColumn, lastColumn)
        self.lastColumn = max(firstColumn, lastColumn)
    }

    /// A single cell.
    public init(row: Int, column: Int) {
        self.init(firstRow: row, firstColumn: column, lastRow: row, lastColumn: column)
    }

    /// Parses `"B3"` or `"B3:D9"` (with or without `$`).
    /// - Throws: ``XLSXError/Code/invalidArgument`` for anything else.
    public init(a1: String) throws(XLSXError) {
        let parts = a1.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
              let first = CellRange.parseCell(parts[0]),
              let last = parts.count == 2 ? CellRange.parseCell(parts[1]) : first
        else {
            throw XLSXError.invalid("\"\(a1)\" is not a cell or range in A1 notation", "CellRange(a1:)")
        }
        self.init(firstRow: first.row, firstColumn: first.column, lastRow: last.row, lastColumn: last.column)
    }

    public var rowCount: Int { lastRow - firstRow + 1 }
    public var columnCount: Int { lastColumn - firstColumn + 1 }
    public var isSingleCell: Bool { rowCount == 1 && columnCount == 1 }

    /// `"B3:D9"`, or `"B3"` for a single cell.
    public var a1: String {
        let first = CellRange.reference(row: firstRow, column: firstColumn)
        return isSingleCell ? first : first + ":" + CellRange.reference(row: lastRow, column: lastColumn)
    }

    /// `"$B$3:$D$9"`.
    public var absoluteA1: String {
        let first = CellRange.reference(row: firstRow, column: firstColumn, absolute: true)
        return isSingleCell ? first : first + ":" + CellRange.reference(row: lastRow, column: lastColumn, absolute: true)
    }

    public var description: String { a1 }

    /// Whether the two ranges share at least one cell.
    public func overlaps(_ other: CellRange) -> Bool {
        firstRow <= other.lastRow && other.firstRow <= lastRow
            && firstColumn <= other.lastColumn && other.firstColumn <= lastColumn
    }

    /// Whether `row`, `column` lies inside the range.
    public func contains(row: Int, column: Int) -> Bool {
        (firstRow...lastRow).contains(row) && (firstColumn...lastColumn).contains(column)
    }

    // MARK: - A1 helpers

    /// The column letters for a zero-based column: 0 → `A`, 27 → `AB`, 16383 → `XFD`
    /// (an empty string for a negative column).
    public static func columnName(_ column: Int) -> String {
        var n = column &+ 1
        var letters: [Character] = []
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// `"B3"` (or `"$B$3"`) for a zero-based row and column inside the grid.
    public static func reference(row: Int, column: Int, absolute: Bool = false) -> String {
        absolute ? "$\(columnName(column))$\(row &+ 1)" : "\(columnName(column))\(row &+ 1)"
    }

    static func parseCell(_ text: Substring) -> (row: Int, column: Int)? {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for scalar in text.unicodeScalars where scalar != "$" {
            switch scalar.value {
            case 65...90, 97...122:
                guard digits == 0 else { return nil }
                column = column * 26 + Int(scalar.value & 0x1F)
                letters += 1
            case 48...57:
                row = row * 10 + Int(scalar.value - 48)
                digits += 1
            default:
                return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, (1...maxRows).contains(row), (1...maxColumns).contains(column) else {
            return nil
        }
        return (row - 1, column - 1)
    }
}
