/// Finds an area from what input files write: its id, another code (Kolada's `0025`) or its name.
///
/// ```swift
/// let resolver = AreaResolver(areas)
/// resolver.resolve("Luleå")   // "2580"
/// resolver.resolve("0025")    // "25"
/// ```
package struct AreaResolver: Sendable {
    private var ids: [String: String] = [:]
    /// The names and aliases areas are known by, for suggestions.
    private var names: [(normalized: String, shown: String)] = []

    package init(_ areas: [Area]) {
        for area in areas {
            for text in [area.id, area.name] + area.codes + area.aliases {
                ids[Self.normalize(text)] = area.id
            }
            names += ([area.name] + area.aliases).map { (Self.normalize($0), $0) }
            if area.kind == .municipality {
                // Official names: "Luleå kommun", "Bodens kommun", "Haparanda stad".
                var official = [area.name + " kommun", area.name + " stad"]
                if !area.name.hasSuffix("s") { official.append(area.name + "s kommun") }
                for text in official { ids[Self.normalize(text)] = area.id }
            }
        }
        // Ids win over names and codes that happen to look the same.
        for area in areas { ids[Self.normalize(area.id)] = area.id }
    }

    /// The id of the area the text names, or nil.
    package func resolve(_ text: String) -> String? { ids[Self.normalize(text)] }

    /// The name of an area the text is a near miss of (at most two letters wrong, and fewer than a third of
    /// them), for "did you mean 'Haparanda'?"; nil when none is that close or two are equally close.
    package func suggestion(for text: String) -> String? {
        let typed = Self.normalize(text)
        guard typed.count >= 3 else { return nil }
        let limit = min(2, typed.count / 3)
        var best: (distance: Int, shown: String)?
        var tie = false
        for (normalized, shown) in names {
            let distance = Self.editDistance(typed, normalized, limit: limit)
            guard distance <= limit else { continue }
            if let current = best, distance >= current.distance {
                if distance == current.distance, current.shown != shown { tie = true }
                continue
            }
            best = (distance, shown)
            tie = false
        }
        return tie ? nil : best?.shown
    }

    /// Levenshtein distance, or `limit + 1` once it is sure to exceed `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a), b = Array(b)
        guard abs(a.count - b.count) <= limit else { return limit + 1 }
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            if current.min()! > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }

    static func normalize(_ text: String) -> String {
        text.trimmingWhitespace().lowercased()
            .replacingOccurrences(of: "–", with: "-")
            .replacingOccurrences(of: "—", with: "-")
            .split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).joined(separator: " ")
    }
}
