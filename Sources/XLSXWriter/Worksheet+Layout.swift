internal import CXLSXWriter

// MARK: - Merges, sizes, panes, selection and looks

extension Worksheet {
    /// Merges `range` into one cell showing `string` (use an alignment in `format` to centre it, as Excel does).
    ///
    /// libxlsxwriter "writes a `char*` string using `worksheet_write_string()`"; to show a number, write it to
    /// the first cell afterwards with the same format. Merged ranges may not overlap each other or a table, and
    /// libxlsxwriter notes they "generally don't work ... when the Workbook `constant_memory` mode is enabled".
    /// - Throws: ``XLSXError/Code/invalidArgument`` for a single cell or an overlap.
    public func merge(_ range: CellRange, string: String = "", format: FormatSpec? = nil) throws(XLSXError) {
        let operation = rangeOperation("merge_range", range)
        let sheet = try live(operation)
        try Validate.range(range, operation)
        try Validate.text(string, operation)
        guard !range.isSingleCell else {
            throw XLSXError.invalid("a merged range needs at least two cells", operation)
        }
        if let clash = state.mergedRanges.first(where: { $0.overlaps(range) }) {
            throw XLSXError.invalid("overlaps the merged range \(clash.a1)", operation)
        }
        if let clash = state.tableRanges.first(where: { $0.overlaps(range) }) {
            throw XLSXError.invalid("overlaps the table at \(clash.a1)", operation)
        }
        let cFormat = try workbook.format(format, operation)
        try XLSXError.check(
            worksheet_merge_range(
                sheet, lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn),
                lxw_row_t(range.lastRow), lxw_col_t(range.lastColumn), string, cFormat),
            operation)
        state.mergedRanges.append(range)
    }

    /// The merged ranges added so far.
    public var mergedRanges: [CellRange] { state.mergedRanges }

    /// Sets the width of `columns` in Excel's character units (the default is 8.43).
    /// - Parameters:
    ///   - width: 0...255.
    ///   - format: A default format for the columns' empty cells.
    ///   - hidden: Hide the columns.
    public func setColumnWidth(
        _ width: Double, columns: ClosedRange<Int>, format: FormatSpec? = nil, hidden: Bool = false
    ) throws(XLSXError) {
        let operation = "set_column(\(quotedName)!columns \(columns.lowerBound)...\(columns.upperBound))"
        let sheet = try live(operation)
        try Validate.column(columns.lowerBound, operation)
        try Validate.column(columns.upperBound, operation)
        try Validate.number(width, in: 0...255, what: "column width", operation)
        let cFormat = try workbook.format(format, operation)
        var options = lxw_row_col_options(hidden: hidden ? 1 : 0, level: 0, collapsed: 0)
        try XLSXError.check(
            worksheet_set_column_opt(
                sheet, lxw_col_t(columns.lowerBound), lxw_col_t(columns.upperBound), width, cFormat, &options),
            operation)
    }

    /// Sets the width of one column.
    public func setColumnWidth(
        _ width: Double, column: Int, format: FormatSpec? = nil, hidden: Bool = false
    ) throws(XLSXError) {
        try setColumnWidth(width, columns: column...column, format: format, hidden: hidden)
    }

    /// Sets the height of a row in points (the default is 15); 0...409.
    public func setRowHeight(
        _ height: Double, row: Int, format: FormatSpec? = nil, hidden: Bool = false
    ) throws(XLSXError) {
        let operation = "set_row(\(quotedName)!row \(row))"
        let sheet = try live(operation)
        try Validate.row(row, operation)
        try Validate.number(height, in: 0...409, what: "row height", operation)
        let cFormat = try workbook.format(format, operation)
        var options = lxw_row_col_options(hidden: hidden ? 1 : 0, level: 0, collapsed: 0)
        try XLSXError.check(worksheet_set_row_opt(sheet, lxw_row_t(row), height, cFormat, &options), operation)
    }

    /// Freezes the top `rows` rows and the left `columns` columns, so headers stay visible while scrolling.
    ///
    /// ```swift
    /// try sheet.freezePanes(rows: 1, columns: 1) // header row and first column
    /// ```
    public func freezePanes(rows: Int, columns: Int = 0) throws(XLSXError) {
        let operation = sheetOperation("freeze_panes")
        let sheet = try live(operation)
        guard rows >= 0, columns >= 0, rows > 0 || columns > 0 else {
            throw XLSXError.invalid("freeze at least one row or column (got rows \(rows), columns \(columns))", operation)
        }
        try Validate.cell(rows, columns, operation)
        worksheet_freeze_panes(sheet, lxw_row_t(rows), lxw_col_t(columns))
    }

    /// Adds an autofilter (drop-down filter buttons) over `range`, whose first row is the header.
    public func setAutofilter(_ range: CellRange) throws(XLSXError) {
        let operation = rangeOperation("autofilter", range)
        let sheet = try live(operation)
        try Validate.range(range, operation)
        try XLSXError.check(
            worksheet_autofilter(
                sheet, lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn),
                lxw_row_t(range.lastRow), lxw_col_t(range.lastColumn)),
            operation)
    }

    /// Selects `range` when the sheet is opened.
    public func setSelection(_ range: CellRange) throws(XLSXError) {
        let operation = rangeOperation("set_selection", range)
        let sheet = try live(operation)
        try Validate.range(range, operation)
        worksheet_set_selection(
            sheet, lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn),
            lxw_row_t(range.lastRow), lxw_col_t(range.lastColumn))
    }

    /// Makes this the sheet shown when the workbook opens. libxlsxwriter: "only one worksheet can be active"
    /// and "The default active worksheet is the first worksheet."
    public func activate() throws(XLSXError) {
        worksheet_activate(try live(sheetOperation("activate")))
    }

    /// Selects the sheet's tab beside the active one, so Excel's default print ("Print Active Sheets") includes it.
    /// libxlsxwriter: "The worksheet_select() function is used to indicate that a worksheet is selected in a
    /// multi-sheet workbook. A selected worksheet has its tab highlighted."
    public func select() throws(XLSXError) {
        worksheet_select(try live(sheetOperation("select")))
    }

    /// Colours the sheet's tab.
    public func setTabColor(_ color: Color) throws(XLSXError) {
        worksheet_set_tab_color(try live(sheetOperation("set_tab_color")), color.lxw)
    }

    /// Which gridlines show on screen and in print.
    public enum Gridlines: Hashable, Sendable {
        case hidden, screenOnly, printOnly, screenAndPrint
    }

    /// Shows or hides gridlines (Excel's default is ``Gridlines/screenOnly``).
    public func setGridlines(_ gridlines: Gridlines) throws(XLSXError) {
        let sheet = try live(sheetOperation("gridlines"))
        let option: lxw_gridlines = switch gridlines {
        case .hidden: LXW_HIDE_ALL_GRIDLINES
        case .screenOnly: LXW_SHOW_SCREEN_GRIDLINES
        case .printOnly: LXW_SHOW_PRINT_GRIDLINES
        case .screenAndPrint: LXW_SHOW_ALL_GRIDLINES
        }
        worksheet_gridlines(sheet, UInt8(option.rawValue))
    }

    /// Hides gridlines on screen and in print.
    public func hideGridlines() throws(XLSXError) {
        try setGridlines(.hidden)
    }

    /// Sets the zoom, 10...400 percent.
    public func setZoom(_ percent: Int) throws(XLSXError) {
        let operation = sheetOperation("set_zoom")
        let sheet = try live(operation)
        guard (10...400).contains(percent) else {
            throw XLSXError.invalid("zoom \(percent)% is outside 10...400", operation)
        }
        worksheet_set_zoom(sheet, UInt16(percent))
    }
}
