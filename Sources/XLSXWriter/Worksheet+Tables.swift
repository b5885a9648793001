internal import CXLSXWriter

/// An Excel table style: Light 1–21, Medium 1–28 or Dark 1–11 (Excel's default is Medium 9).
public struct TableStyle: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable { case light, medium, dark }
    public let kind: Kind
    public let number: Int

    public static func light(_ number: Int) -> TableStyle { TableStyle(kind: .light, number: number) }
    public static func medium(_ number: Int) -> TableStyle { TableStyle(kind: .medium, number: number) }
    public static func dark(_ number: Int) -> TableStyle { TableStyle(kind: .dark, number: number) }

    /// Excel's name, e.g. `TableStyleMedium9`.
    public var description: String {
        switch kind {
        case .light: "TableStyleLight\(number)"
        case .medium: "TableStyleMedium\(number)"
        case .dark: "TableStyleDark\(number)"
        }
    }

    var isValid: Bool {
        switch kind {
        case .light: (1...21).contains(number)
        case .medium: (1...28).contains(number)
        case .dark: (1...11).contains(number)
        }
    }

    var lxwType: UInt8 {
        let type: lxw_table_style_type = switch kind {
        case .light: LXW_TABLE_STYLE_TYPE_LIGHT
        case .medium: LXW_TABLE_STYLE_TYPE_MEDIUM
        case .dark: LXW_TABLE_STYLE_TYPE_DARK
        }
        return UInt8(type.rawValue)
    }
}

// MARK: - Tables

extension Worksheet {
    /// Adds an Excel table over `range`: the first row holds `columns` as headers (libxlsxwriter writes them),
    /// the rest is data written with the `write` methods, before or after this call, with the cells' own
    /// formats. Tables get filter buttons and banded rows; the total row is off.
    ///
    /// ```swift
    /// try sheet.addTable(CellRange(firstRow: 0, firstColumn: 0, lastRow: 120, lastColumn: 5),
    ///                    columns: ["Indikator", "Område", "Period", "Värde", "Täljare", "Nämnare"],
    ///                    name: "Data", style: .medium(2))
    /// ```
    ///
    /// - Parameters:
    ///   - range: Header row plus at least one data row; as wide as `columns`.
    ///   - columns: Header names, non-empty and unique (case-insensitive, as Excel requires).
    ///   - name: The table name (letters, digits, `_`, `.`; not like a cell reference); unique in the workbook.
    ///     `nil` picks `Table1`, `Table2`, ….
    ///   - style: Table style.
    ///   - bandedRows: Shade alternate rows.
    ///   - autofilter: Show filter buttons in the header.
    public func addTable(
        _ range: CellRange,
        columns: [String],
        name: String? = nil,
        style: TableStyle = .medium(9),
        bandedRows: Bool = true,
        autofilter: Bool = true
    ) throws(XLSXError) {
        let operation = rangeOperation("add_table", range)
        let sheet = try live(operation)
        try Validate.range(range, operation)
        guard range.rowCount >= 2 else {
            throw XLSXError.invalid("a table needs a header row and at least one data row", operation)
        }
        guard columns.count == range.columnCount else {
            throw XLSXError.invalid(
                "\(columns.count) column headers for a range \(range.columnCount) columns wide", operation)
        }
        var seen = Set<String>()
        for header in columns {
            guard !header.isEmpty else { throw XLSXError.invalid("a table column header is empty", operation) }
            try Validate.text(header, limit: Limits.name, what: "column header \"\(header)\"", operation)
            guard seen.insert(header.lowercased()).inserted else {
                throw XLSXError.invalid("column header \"\(header)\" appears twice", operation)
            }
        }
        guard style.isValid else { throw XLSXError.invalid("\(style) is not an Excel table style", operation) }
        if let clash = state.tableRanges.first(where: { $0.overlaps(range) }) {
            throw XLSXError.invalid("overlaps the table at \(clash.a1)", operation)
        }
        if let clash = state.mergedRanges.first(where: { $0.overlaps(range) }) {
            throw XLSXError.invalid("overlaps the merged range \(clash.a1)", operation)
        }
        let tableName = try resolveTableName(name, operation)

        let strings = CStrings()

        // lxw_table_options.columns is "a NULL terminated array of pointers to lxw_table_column structs";
        // libxlsxwriter copies the headers, so the array lives only for this call.
        let columnStructs = UnsafeMutablePointer<lxw_table_column>.allocate(capacity: columns.count)
        columnStructs.initialize(repeating: lxw_table_column(), count: columns.count)
        let columnPointers = UnsafeMutablePointer<UnsafeMutablePointer<lxw_table_column>?>.allocate(
            capacity: columns.count + 1)
        defer {
            columnStructs.deinitialize(count: columns.count)
            columnStructs.deallocate()
            columnPointers.deallocate()
        }
        for (index, header) in columns.enumerated() {
            columnStructs[index].header = try strings.require(header, operation)
            columnPointers[index] = columnStructs + index
        }
        columnPointers[columns.count] = nil

        var options = lxw_table_options()
        options.name = try strings.require(tableName, operation)
        options.no_autofilter = autofilter ? 0 : 1
        options.no_banded_rows = bandedRows ? 0 : 1
        options.style_type = style.lxwType
        options.style_type_number = UInt8(style.number)
        options.total_row = 0
        options.columns = columnPointers
        try withExtendedLifetime(strings) { () throws(XLSXError) in
            try XLSXError.check(
                worksheet_add_table(
                    sheet, lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn),
                    lxw_row_t(range.lastRow), lxw_col_t(range.lastColumn), &options),
                operation)
        }
        workbook.tableNames.insert(tableName.lowercased())
        state.tableRanges.append(range)
    }

    /// The ranges of the tables added so far.
    public var tableRanges: [CellRange] { state.tableRanges }

    private func resolveTableName(_ name: String?, _ operation: String) throws(XLSXError) -> String {
        if let name {
            try Validate.excelName(name, operation)
            guard !workbook.tableNames.contains(name.lowercased()) else {
                throw XLSXError.invalid("table name \"\(name)\" is already used in the workbook", operation)
            }
            return name
        }
        var number = workbook.tableNames.count + 1
        while workbook.tableNames.contains("table\(number)") { number += 1 }
        return "Table\(number)"
    }
}
