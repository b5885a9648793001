/// Finds an area from what input files write: its id, another code (Kolada's `0025`) or its name.
///
/// ```swift
/// let resolver = AreaResolver(areas)
/// resolver.resolve("Luleå")   // "2580"
/// resolver.resolve("0025")    // "25"
/// ```
public struct AreaResolver: Sendable {
    private var ids: [String: String] = [:]

    public init(_ areas: [Area]) {
        for area in areas {
            for text in [area.id, area.name] + area.codes + area.aliases {
                ids[Self.normalize(text)] = area.id
            }
            if area.kind == .municipality {
                ids[Self.normalize(area.name + " kommun")] = area.id
            }
        }
        // Ids win over names and codes that happen to look the same.
        for area in areas { ids[Self.normalize(area.id)] = area.id }
    }

    /// The id of the area the text names, or nil.
    public func resolve(_ text: String) -> String? { ids[Self.normalize(text)] }

    static func normalize(_ text: String) -> String {
        text.trimmingWhitespace().lowercased()
            .replacingOccurrences(of: "–", with: "-")
            .replacingOccurrences(of: "—", with: "-")
            .split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).joined(separator: " ")
    }
}
