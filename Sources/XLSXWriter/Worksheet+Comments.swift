internal import CXLSXWriter

// MARK: - Cell comments

extension Worksheet {
    /// Adds a comment (Excel's red-triangle note) to a cell, e.g. the earlier value of a revised figure.
    ///
    /// ```swift
    /// try sheet.writeComment("Tidigare värde: 71,2 (rapport 2025-02-01)", row: 4, column: 3, author: "naravard")
    /// ```
    ///
    /// - Parameters:
    ///   - text: Up to 32,767 characters.
    ///   - author: Shown in Excel's comment box; `nil` leaves it empty.
    ///   - visible: Show the comment without hovering.
    public func writeComment(
        _ text: String, row: Int, column: Int, author: String? = nil, visible: Bool = false
    ) throws(XLSXError) {
        let operation = cellOperation("write_comment", row, column)
        let sheet = try live(operation)
        try Validate.cell(row, column, operation)
        try Validate.text(text, what: "comment", operation)
        guard !text.isEmpty else { throw XLSXError.invalid("comment is empty", operation) }
        if let author { try Validate.text(author, limit: Limits.name, what: "comment author", operation) }

        // libxlsxwriter copies the text and author (`comment->author = lxw_strdup(options->author)`).
        let strings = CStrings()
        var options = lxw_comment_options()
        let display: lxw_comment_display_types = visible ? LXW_COMMENT_DISPLAY_VISIBLE : LXW_COMMENT_DISPLAY_HIDDEN
        options.visible = UInt8(display.rawValue)
        if let author { options.author = try strings.require(author, operation) }
        try withExtendedLifetime(strings) { () throws(XLSXError) in
            try XLSXError.check(
                worksheet_write_comment_opt(sheet, lxw_row_t(row), lxw_col_t(column), text, &options), operation)
        }
    }
}
