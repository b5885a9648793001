/// The value stored in a cell, as a reader of the file sees it.
public enum CellValue: Hashable, Sendable, CustomStringConvertible {
    case number(Double)
    /// A shared or inline string.
    case string(String)
    case boolean(Bool)
    /// A formula (without the leading `=`, as stored) and its cached result text, if any.
    case formula(String, cached: String?)
    /// A cell that exists only for its format.
    case blank
    /// An error value such as `#N/A`.
    case error(String)

    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var description: String {
        switch self {
        case .number(let value): "number(\(value))"
        case .string(let value): "string(\"\(value)\")"
        case .boolean(let value): "boolean(\(value))"
        case .formula(let formula, let cached): "formula(\(formula), cached: \(cached ?? "nil"))"
        case .blank: "blank"
        case .error(let value): "error(\(value))"
        }
    }
}

/// The formatting of a cell (or a conditional format's differential format), resolved from `styles.xml`.
public struct CellStyle: Hashable, Sendable {
    public var numberFormat: String?
    public var bold = false
    public var italic = false
    /// `RRGGBB` (alpha dropped), if set.
    public var fontColor: String?
    public var fontSize: Double?
    public var fillColor: String?
    public var horizontalAlignment: String?
    public var wrap = false
    public var indent = 0
    public var hasBorder = false

    public init() {}
}

struct Styles {
    var numberFormats: [Int: String] = [:]
    var fonts: [XMLTreeNode] = []
    var fills: [XMLTreeNode] = []
    var borders: [XMLTreeNode] = []
    var cellFormats: [XMLTreeNode] = []
    var differentials: [XMLTreeNode] = []

    static let builtInFormats: [Int: String] = [
        0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
        14: "m/d/yyyy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 20: "h:mm", 21: "h:mm:ss",
        22: "m/d/yyyy h:mm", 49: "@",
    ]

    init(_ root: XMLTreeNode?) {
        guard let root else { return }
        for format in root.child("numFmts")?.children("numFmt") ?? [] {
            if let id = format.attribute("numFmtId").flatMap(Int.init), let code = format.attribute("formatCode") {
                numberFormats[id] = code
            }
        }
        fonts = root.child("fonts")?.children("font") ?? []
        fills = root.child("fills")?.children("fill") ?? []
        borders = root.child("borders")?.children("border") ?? []
        cellFormats = root.child("cellXfs")?.children("xf") ?? []
        differentials = root.child("dxfs")?.children("dxf") ?? []
    }

    func style(at index: Int) -> CellStyle? {
        guard cellFormats.indices.contains(index) else { return nil }
        let xf = cellFormats[index]
        var style = CellStyle()
        if let id = xf.attribute("numFmtId").flatMap(Int.init) {
            style.numberFormat = numberFormats[id] ?? Styles.builtInFormats[id]
        }
        if let id = xf.attribute("fontId").flatMap(Int.init), fonts.indices.contains(id) {
            Styles.applyFont(fonts[id], to: &style)
        }
        if let id = xf.attribute("fillId").flatMap(Int.init), fills.indices.contains(id) {
            Styles.applyFill(fills[id], to: &style)
        }
        if let id = xf.attribute("borderId").flatMap(Int.init), borders.indices.contains(id) {
            style.hasBorder = borders[id].children.contains { $0.attribute("style") != nil }
        }
        if let alignment = xf.child("alignment") {
            style.horizontalAlignment = alignment.attribute("horizontal")
            style.wrap = alignment.attribute("wrapText") == "1"
            style.indent = alignment.attribute("indent").flatMap(Int.init) ?? 0
        }
        return style
    }

    func differential(at index: Int) -> CellStyle? {
        guard differentials.indices.contains(index) else { return nil }
        let dxf = differentials[index]
        var style = CellStyle()
        if let font = dxf.child("font") { Styles.applyFont(font, to: &style) }
        if let fill = dxf.child("fill") { Styles.applyFill(fill, to: &style, differential: true) }
        if let format = dxf.child("numFmt") { style.numberFormat = format.attribute("formatCode") }
        style.hasBorder = dxf.child("border")?.children.contains { $0.attribute("style") != nil } ?? false
        return style
    }

    static func applyFont(_ font: XMLTreeNode, to style: inout CellStyle) {
        style.bold = font.child("b").map { $0.attribute("val") != "0" } ?? false
        style.italic = font.child("i").map { $0.attribute("val") != "0" } ?? false
        style.fontColor = font.child("color")?.attribute("rgb").map(rgb)
        style.fontSize = font.child("sz")?.attribute("val").flatMap(Double.init)
    }

    static func applyFill(_ fill: XMLTreeNode, to style: inout CellStyle, differential: Bool = false) {
        guard let pattern = fill.child("patternFill") else { return }
        // In a dxf Excel puts a solid fill's colour in bgColor; in a cell format, in fgColor.
        let color = differential
            ? (pattern.child("bgColor") ?? pattern.child("fgColor"))
            : (pattern.child("fgColor") ?? pattern.child("bgColor"))
        if pattern.attribute("patternType") == "none" { return }
        style.fillColor = color?.attribute("rgb").map(rgb)
    }

    /// `FF63BE7B` → `63BE7B`.
    static func rgb(_ argb: String) -> String {
        argb.count == 8 ? String(argb.dropFirst(2)).uppercased() : argb.uppercased()
    }
}
