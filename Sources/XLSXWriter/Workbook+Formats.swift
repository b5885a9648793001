internal import CXLSXWriter

// MARK: - FormatSpec → lxw_format, one per distinct spec

extension Workbook {
    /// The number of distinct C formats created so far (one per distinct ``FormatSpec`` used).
    public var formatCount: Int { formats.count }

    /// The cached C format for `spec`, created on first use; `nil` for no format.
    ///
    /// Formats belong to the workbook: libxlsxwriter's `workbook_add_format()` docs say "Create a new Format
    /// object to formats cells in worksheets", and `workbook_close()` "frees any memory allocated internally to
    /// the Workbook". The cache is emptied when the workbook closes, so no pointer outlives it.
    func format(
        _ spec: FormatSpec?, _ operation: @autoclosure () -> String
    ) throws(XLSXError) -> UnsafeMutablePointer<lxw_format>? {
        guard let spec else { return nil }
        return try cFormat(spec, operation())
    }

    /// A format made once for many cells (``Format``).
    /// - Throws: as a cell written with `spec` would: an invalid spec, or ``XLSXError/Code/workbookClosed``.
    public func format(_ spec: FormatSpec) throws(XLSXError) -> Format {
        Format(workbook: self, pointer: try cFormat(spec, "format(\(spec))"))
    }

    private func cFormat(
        _ spec: FormatSpec, _ operation: @autoclosure () -> String
    ) throws(XLSXError) -> UnsafeMutablePointer<lxw_format> {
        let workbook = try liveHandle(operation())
        if let cached = formats[spec] { return cached }
        try FormatSpec.validate(spec, operation())
        guard let format = workbook_add_format(workbook) else {
            throw XLSXError(LXW_ERROR_MEMORY_MALLOC_FAILED, operation: operation())
        }
        spec.apply(to: format)
        formats[spec] = format
        return format
    }
}

/// A ``FormatSpec`` the workbook has made into its C format (``Workbook/format(_:)``). Cells written with it
/// skip looking the spec up, for loops that write thousands of cells in a few looks. It belongs to the workbook
/// that made it: a sheet of another workbook refuses it, and none accepts it once its workbook is closed.
///
/// ```swift
/// let value = try workbook.format(FormatSpec(numberFormat: "0.0"))
/// for (row, number) in numbers.enumerated() { try sheet.write(number, row: row, column: 1, format: value) }
/// ```
public struct Format {
    let workbook: Workbook
    let pointer: UnsafeMutablePointer<lxw_format>

    fileprivate init(workbook: Workbook, pointer: UnsafeMutablePointer<lxw_format>) {
        self.workbook = workbook
        self.pointer = pointer
    }
}

@available(*, unavailable)
extension Format: Sendable {}

extension FormatSpec {
    /// libxlsxwriter stores font names and number formats in fixed `char[LXW_FORMAT_FIELD_LEN]` (128) fields
    /// and silently truncates longer ones, so they are checked here.
    static let fieldLimit = 127

    static func validate(_ spec: FormatSpec, _ operation: @autoclosure () -> String) throws(XLSXError) {
        if let size = spec.fontSize {
            try Validate.number(size, in: 1...409, what: "font size", operation())
        }
        guard (0...15).contains(spec.indent) else {
            throw XLSXError.invalid("indent \(spec.indent) is outside 0...15", operation())
        }
        if let numberFormat = spec.numberFormat {
            guard numberFormat.utf8.count <= fieldLimit else {
                throw XLSXError(code: .stringTooLong,
                                message: "number format is longer than \(fieldLimit) bytes", operation: operation())
            }
            try Validate.text(numberFormat, what: "number format", operation())
        }
        if let fontName = spec.fontName {
            guard Validate.length(of: fontName) <= 31, !fontName.isEmpty else {
                throw XLSXError.invalid("font name must be 1 to 31 characters", operation())
            }
            try Validate.text(fontName, what: "font name", operation())
        }
    }

    func apply(to format: UnsafeMutablePointer<lxw_format>) {
        if bold { format_set_bold(format) }
        if italic { format_set_italic(format) }
        if underline { format_set_underline(format, UInt8(LXW_UNDERLINE_SINGLE.rawValue)) }
        // format_set_font_name / format_set_num_format copy into the format's own fixed-size fields.
        if let fontName { format_set_font_name(format, fontName) }
        if let fontSize { format_set_font_size(format, fontSize) }
        if let fontColor { format_set_font_color(format, fontColor.lxw) }
        if let fillColor {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, fillColor.lxw)
        }
        if let border { format_set_border(format, border.lxw) }
        if let topBorder { format_set_top(format, topBorder.lxw) }
        if let bottomBorder { format_set_bottom(format, bottomBorder.lxw) }
        if let borderColor { format_set_border_color(format, borderColor.lxw) }
        if let horizontalAlignment { format_set_align(format, horizontalAlignment.lxw) }
        if let verticalAlignment { format_set_align(format, verticalAlignment.lxw) }
        if wrap { format_set_text_wrap(format) }
        if let numberFormat { format_set_num_format(format, numberFormat) }
        if indent > 0 { format_set_indent(format, UInt8(indent)) }
    }
}

extension BorderStyle {
    var lxw: UInt8 {
        let value: lxw_format_borders = switch self {
        case .thin: LXW_BORDER_THIN
        case .medium: LXW_BORDER_MEDIUM
        case .thick: LXW_BORDER_THICK
        case .dashed: LXW_BORDER_DASHED
        case .dotted: LXW_BORDER_DOTTED
        case .double: LXW_BORDER_DOUBLE
        case .hair: LXW_BORDER_HAIR
        }
        return UInt8(value.rawValue)
    }
}

extension HorizontalAlignment {
    var lxw: UInt8 {
        let value: lxw_format_alignments = switch self {
        case .left: LXW_ALIGN_LEFT
        case .center: LXW_ALIGN_CENTER
        case .right: LXW_ALIGN_RIGHT
        case .fill: LXW_ALIGN_FILL
        case .justify: LXW_ALIGN_JUSTIFY
        case .centerAcrossSelection: LXW_ALIGN_CENTER_ACROSS
        }
        return UInt8(value.rawValue)
    }
}

extension VerticalAlignment {
    var lxw: UInt8 {
        let value: lxw_format_alignments = switch self {
        case .top: LXW_ALIGN_VERTICAL_TOP
        case .center: LXW_ALIGN_VERTICAL_CENTER
        case .bottom: LXW_ALIGN_VERTICAL_BOTTOM
        }
        return UInt8(value.rawValue)
    }
}
