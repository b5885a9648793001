import Yams

/// Reads the fields of one YAML mapping, collecting `FILE:LINE:COLUMN` diagnostics instead of stopping
/// at the first problem.
struct YAMLMapping {
    let file: String
    let node: Node
    private let mapping: Node.Mapping?
    var diagnostics: [Diagnostic] = []

    init(file: String, node: Node, what: String) {
        self.file = file
        self.node = node
        mapping = node.mapping
        if mapping == nil { report(node, "expected a mapping (key: value lines) for \(what)") }
    }

    mutating func report(_ node: Node?, _ message: String) {
        let mark = node?.mark ?? self.node.mark
        diagnostics.append(Diagnostic(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message))
    }

    /// Where the value of `key` stands (the mapping itself when the key is absent).
    func location(of key: String) -> Diagnostic {
        let mark = value(key)?.mark ?? node.mark
        return Diagnostic(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, "")
    }

    /// The value node of `key`, if present and not null.
    func value(_ key: String) -> Node? {
        guard let node = mapping?[key] else { return nil }
        if case .scalar(let scalar) = node, scalar.style == Node.Scalar.Style.plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
            return nil
        }
        return node
    }

    /// Reports keys that are not in `known` (a misspelt key must not be silently ignored).
    mutating func rejectUnknownKeys(_ known: Set<String>) {
        guard let mapping else { return }
        for key in mapping.keys {
            guard let name = key.string else { report(key, "keys must be text"); continue }
            if !known.contains(name) {
                report(key, "unknown field '\(name)' (known: \(known.sorted().joined(separator: ", ")))")
            }
        }
    }

    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key) else {
            if required { report(nil, "missing required field '\(key)'") }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            report(node, "'\(key)' must be text")
            return nil
        }
        let text = scalar.string.trimmingWhitespace()
        if text.isEmpty, required { report(node, "'\(key)' must not be empty") }
        return text.isEmpty ? nil : text
    }

    mutating func int(_ key: String, required: Bool = false, in range: ClosedRange<Int>? = nil) -> Int? {
        guard let text = string(key, required: required) else { return nil }
        guard let number = Int(text) else {
            report(value(key), "'\(key)' must be a whole number, not '\(text)'")
            return nil
        }
        if let range, !range.contains(number) {
            report(value(key), "'\(key)' must be between \(range.lowerBound) and \(range.upperBound), not \(number)")
            return nil
        }
        return number
    }

    mutating func double(_ key: String) -> Double? {
        guard let text = string(key) else { return nil }
        guard let number = Double(text), number.isFinite else {
            report(value(key), "'\(key)' must be a number, not '\(text)'")
            return nil
        }
        return number
    }

    /// An amount with its unit (`57 923 351 kr`, `24,0 mkr`), see ``Money``.
    mutating func money(_ key: String, required: Bool = false) -> Money? {
        guard let text = string(key, required: required) else { return nil }
        do {
            return try Money(parsing: text)
        } catch {
            report(value(key), "'\(key)': \(error.description)")
            return nil
        }
    }

    /// A list of direction shift ids (1–4).
    mutating func shifts(_ key: String) -> [Int] {
        strings(key).compactMap { text in
            guard let id = Int(text), (1...4).contains(id) else {
                report(value(key), "'\(key)' must list direction shifts 1–4, not '\(text)'")
                return nil
            }
            return id
        }
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let text = string(key) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            report(value(key), "'\(key)' must be true or false, not '\(text)'")
            return nil
        }
    }

    mutating func choice<Choice: RawRepresentable & CaseIterable>(
        _ key: String, as type: Choice.Type, required: Bool = false
    ) -> Choice? where Choice.RawValue == String {
        guard let text = string(key, required: required) else { return nil }
        guard let choice = Choice(rawValue: text) else {
            let allowed = Choice.allCases.map(\.rawValue).joined(separator: " | ")
            report(value(key), "'\(key)' must be one of \(allowed), not '\(text)'")
            return nil
        }
        return choice
    }

    /// A list of scalars (`[a, b]` or one item per line).
    mutating func strings(_ key: String) -> [String] {
        guard let node = value(key) else { return [] }
        guard let sequence = node.sequence else {
            report(node, "'\(key)' must be a list")
            return []
        }
        return sequence.compactMap { item in
            guard let text = item.string?.trimmingWhitespace(), !text.isEmpty else {
                report(item, "items of '\(key)' must be text")
                return nil
            }
            return text
        }
    }

    /// The mappings of a list field, each ready to be read.
    mutating func mappings(_ key: String, what: String) -> [YAMLMapping] {
        guard let node = value(key) else { return [] }
        guard let sequence = node.sequence else {
            report(node, "'\(key)' must be a list")
            return []
        }
        return sequence.map { YAMLMapping(file: file, node: $0, what: what) }
    }
}
