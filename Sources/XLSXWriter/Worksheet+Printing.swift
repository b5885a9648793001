internal import CXLSXWriter

/// How a worksheet prints.
///
/// ```swift
/// try sheet.setPageSetup(.init(orientation: .landscape, paper: .a4, fitToWidth: true,
///                              repeatRows: 0...1, footer: "&LNära vård&RSida &P av &N"))
/// ```
public struct PageSetup: Hashable, Sendable {
    public enum Orientation: Hashable, Sendable { case portrait, landscape }

    /// Paper sizes, with Excel's codes.
    public enum Paper: Int, Hashable, Sendable {
        case letter = 1
        case a3 = 8
        case a4 = 9
        case a5 = 11
    }

    /// Page margins in inches (Excel's defaults are 0.7 left/right and 0.75 top/bottom).
    public struct Margins: Hashable, Sendable {
        public var left: Double
        public var right: Double
        public var top: Double
        public var bottom: Double

        public init(left: Double = 0.7, right: Double = 0.7, top: Double = 0.75, bottom: Double = 0.75) {
            self.left = left
            self.right = right
            self.top = top
            self.bottom = bottom
        }
    }

    public var orientation: Orientation
    /// `nil` leaves the printer's default.
    public var paper: Paper?
    /// Scale every page to the paper's width and let the height run over as many pages as needed
    /// (`worksheet_fit_to_pages(ws, 1, 0)`).
    public var fitToWidth: Bool
    /// Rows printed at the top of every page (zero-based), e.g. `0...0` for a header row.
    public var repeatRows: ClosedRange<Int>?
    public var margins: Margins?
    /// Header text with Excel's codes (`&L`, `&C`, `&R`, `&P` page, `&N` pages, `&D` date); at most 255 characters.
    public var header: String?
    /// Footer text, as ``header``.
    public var footer: String?
    public var centerHorizontally: Bool

    public init(
        orientation: Orientation = .portrait,
        paper: Paper? = nil,
        fitToWidth: Bool = false,
        repeatRows: ClosedRange<Int>? = nil,
        margins: Margins? = nil,
        header: String? = nil,
        footer: String? = nil,
        centerHorizontally: Bool = false
    ) {
        self.orientation = orientation
        self.paper = paper
        self.fitToWidth = fitToWidth
        self.repeatRows = repeatRows
        self.margins = margins
        self.header = header
        self.footer = footer
        self.centerHorizontally = centerHorizontally
    }

    /// A4 landscape, fitted to the page width, optionally repeating header rows: the committee's print layout.
    public static func a4Landscape(repeatRows: ClosedRange<Int>? = nil, header: String? = nil, footer: String? = nil) -> PageSetup {
        PageSetup(orientation: .landscape, paper: .a4, fitToWidth: true, repeatRows: repeatRows, header: header, footer: footer)
    }
}

// MARK: - Print setup

extension Worksheet {
    /// Applies a print setup.
    /// - Throws: ``XLSXError/Code/stringTooLong`` for a header or footer over 255 characters,
    ///   ``XLSXError/Code/invalidArgument`` for negative margins, or the library's error.
    public func setPageSetup(_ setup: PageSetup) throws(XLSXError) {
        let operation = sheetOperation("page_setup")
        let sheet = try live(operation)
        if let rows = setup.repeatRows {
            try Validate.row(rows.lowerBound, operation)
            try Validate.row(rows.upperBound, operation)
        }
        if let margins = setup.margins {
            for (name, value) in [("left", margins.left), ("right", margins.right),
                                  ("top", margins.top), ("bottom", margins.bottom)] {
                try Validate.number(value, in: 0...49, what: "\(name) margin", operation)
            }
        }
        // libxlsxwriter: "Excel requires that the header or footer string cannot be longer than 255 characters,
        // including the control characters. Strings longer than this will not be written."
        if let header = setup.header {
            try Validate.text(header, limit: Limits.headerFooter, what: "page header", operation)
        }
        if let footer = setup.footer {
            try Validate.text(footer, limit: Limits.headerFooter, what: "page footer", operation)
        }

        switch setup.orientation {
        case .portrait: worksheet_set_portrait(sheet)
        case .landscape: worksheet_set_landscape(sheet)
        }
        if let paper = setup.paper { worksheet_set_paper(sheet, UInt8(paper.rawValue)) }
        if setup.fitToWidth {
            // libxlsxwriter: "A common requirement is to fit the printed output to `n` pages wide but have the
            // height be as long as necessary. To achieve this set the `height` to zero".
            worksheet_fit_to_pages(sheet, 1, 0)
        }
        if let rows = setup.repeatRows {
            try XLSXError.check(
                worksheet_repeat_rows(sheet, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)), operation)
        }
        if let margins = setup.margins {
            worksheet_set_margins(sheet, margins.left, margins.right, margins.top, margins.bottom)
        }
        // worksheet_set_header/footer copy the string into the worksheet.
        if let header = setup.header {
            try XLSXError.check(worksheet_set_header(sheet, header), operation)
        }
        if let footer = setup.footer {
            try XLSXError.check(worksheet_set_footer(sheet, footer), operation)
        }
        if setup.centerHorizontally { worksheet_center_horizontally(sheet) }
    }

    /// Prints only `range` (Excel's `Print_Area`).
    public func setPrintArea(_ range: CellRange) throws(XLSXError) {
        let operation = rangeOperation("print_area", range)
        let sheet = try live(operation)
        try Validate.range(range, operation)
        try XLSXError.check(
            worksheet_print_area(sheet, lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn),
                                 lxw_row_t(range.lastRow), lxw_col_t(range.lastColumn)),
            operation)
    }
}
