/// A description of how a cell looks. A plain value: the workbook turns each distinct spec into one C format and
/// reuses it, so callers may write `.init(bold: true, numberFormat: "0.0")` wherever they need it.
///
/// ```swift
/// let header = FormatSpec(bold: true, fillColor: Color(rgb: 0xDDEBF7), bottomBorder: .thin, wrap: true)
/// try sheet.write("Indikator", row: 0, column: 0, format: header)
/// try sheet.write(12.5, row: 1, column: 1, format: .init(numberFormat: "0.0"))
/// ```
///
/// The same spec can be used as a conditional format; Excel then applies only its font, fill and border.
public struct FormatSpec: Hashable, Sendable {
    public var bold: Bool
    public var italic: Bool
    public var underline: Bool
    /// Font family, e.g. `"Calibri"`; `nil` keeps the workbook default.
    public var fontName: String?
    /// Font size in points (1...409); `nil` keeps the default 11.
    public var fontSize: Double?
    public var fontColor: Color?
    /// Solid background colour.
    public var fillColor: Color?
    /// Border on all four sides.
    public var border: BorderStyle?
    /// Overrides ``border`` for the top edge.
    public var topBorder: BorderStyle?
    /// Overrides ``border`` for the bottom edge.
    public var bottomBorder: BorderStyle?
    public var borderColor: Color?
    public var horizontalAlignment: HorizontalAlignment?
    public var verticalAlignment: VerticalAlignment?
    /// Wrap text within the cell.
    public var wrap: Bool
    /// An Excel number format such as `"0.0"`, `"0.0%"`, `"#,##0"` or `"yyyy-mm-dd"`.
    public var numberFormat: String?
    /// Indentation level, 0...15.
    public var indent: Int

    public init(
        bold: Bool = false,
        italic: Bool = false,
        underline: Bool = false,
        fontName: String? = nil,
        fontSize: Double? = nil,
        fontColor: Color? = nil,
        fillColor: Color? = nil,
        border: BorderStyle? = nil,
        topBorder: BorderStyle? = nil,
        bottomBorder: BorderStyle? = nil,
        borderColor: Color? = nil,
        horizontalAlignment: HorizontalAlignment? = nil,
        verticalAlignment: VerticalAlignment? = nil,
        wrap: Bool = false,
        numberFormat: String? = nil,
        indent: Int = 0
    ) {
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.fontName = fontName
        self.fontSize = fontSize
        self.fontColor = fontColor
        self.fillColor = fillColor
        self.border = border
        self.topBorder = topBorder
        self.bottomBorder = bottomBorder
        self.borderColor = borderColor
        self.horizontalAlignment = horizontalAlignment
        self.verticalAlignment = verticalAlignment
        self.wrap = wrap
        self.numberFormat = numberFormat
        self.indent = indent
    }

    /// A copy with a different number format.
    public func with(numberFormat: String?) -> FormatSpec {
        var copy = self
        copy.numberFormat = numberFormat
        return copy
    }
}

/// A cell border line.
public enum BorderStyle: Hashable, Sendable, CaseIterable {
    case thin, medium, thick, dashed, dotted, double, hair
}

/// Horizontal alignment within a cell.
public enum HorizontalAlignment: Hashable, Sendable, CaseIterable {
    case left, center, right, fill, justify, centerAcrossSelection
}

/// Vertical alignment within a cell.
public enum VerticalAlignment: Hashable, Sendable, CaseIterable {
    case top, center, bottom
}
