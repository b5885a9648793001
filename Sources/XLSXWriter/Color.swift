/// An RGB colour for fonts, fills, tabs, chart series and colour scales.
///
/// ```swift
/// let green = Color(rgb: 0x63BE7B)
/// let red = Color(hex: "#F8696B")!
/// ```
public struct Color: Hashable, Sendable, CustomStringConvertible {
    /// `0xRRGGBB`.
    public let rgb: UInt32

    /// A colour from `0xRRGGBB`; higher bits are ignored.
    public init(rgb: UInt32) {
        self.rgb = rgb & 0xFF_FFFF
    }

    /// A colour from `"#RRGGBB"` or `"RRGGBB"`; `nil` if it is not six hex digits.
    public init?(hex: String) {
        let digits = hex.hasPrefix("#") ? hex.dropFirst() : Substring(hex)
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        self.init(rgb: value)
    }

    /// `"#RRGGBB"`.
    public var description: String {
        let hex = String(rgb, radix: 16, uppercase: true)
        return "#" + String(repeating: "0", count: 6 - hex.count) + hex
    }

    public static let black = Color(rgb: 0x000000)
    public static let white = Color(rgb: 0xFFFFFF)
    public static let red = Color(rgb: 0xFF0000)
    public static let green = Color(rgb: 0x008000)
    public static let blue = Color(rgb: 0x0000FF)
    public static let gray = Color(rgb: 0x808080)
    public static let yellow = Color(rgb: 0xFFFF00)
    public static let orange = Color(rgb: 0xFF6600)

    /// The value libxlsxwriter expects. Its `lxw_color_t` uses `0x000000` for "unset"
    /// (`#define LXW_COLOR_UNSET 0x000000`) and spells black `LXW_COLOR_BLACK = 0x1000000`, so black is mapped.
    var lxw: UInt32 { rgb == 0 ? 0x100_0000 : rgb }
}
