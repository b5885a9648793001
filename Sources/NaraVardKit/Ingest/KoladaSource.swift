import Foundation

/// Reads Kolada API JSON (`{"values":[{"kpi":…,"municipality":…,"period":2023,"values":[{"gender":"T","value":74.1}]}]}`)
/// into ``RawRecord``s, mapping the KPI id to an indicator through the catalogue's `kolada` field.
/// A `null` value is a missing value. Lines are those of the entry's `{` in the file.
enum KoladaSource {
    /// Whether a file looks like JSON (its first non-space byte is `{` or `[`).
    static func isJSON(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        var head = [UInt8]((try? handle.read(upToCount: 64)) ?? Data())
        if let bigEndian = UTF16Text.byteOrder(of: head) {
            var transcoder = UTF16Text(bigEndian: bigEndian)
            head = transcoder.utf8(head, final: true)
        }
        let first = head.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }

    /// Kolada API files are far smaller than this; a larger file is not read into memory.
    static let maxFileBytes = 256 << 20

    /// The bytes of a Kolada JSON file, refusing one larger than ``maxFileBytes``.
    static func contents(of url: URL, path: String) throws -> Data {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let data = try handle.read(upToCount: maxFileBytes + 1) ?? Data()
        guard data.count <= maxFileBytes else {
            throw InputStopped(diagnostic: Diagnostic(
                file: path, line: 1, "larger than \(maxFileBytes >> 20) MiB: not a Kolada API file (is this the right file?)"))
        }
        return data
    }

    /// The records of a Kolada file, and its problems, each at its line and column: JSON that is not
    /// valid, a key given twice, a value of the wrong JSON type (`value` a number or null, `period` a
    /// number, `kpi`, `municipality` and `gender` strings, `status` a string or null). Records carry the line
    /// of their entry's `{`. A file with a UTF-16 byte order mark is read as UTF-16.
    static func read(data: Data, path: String, indicatorForKPI: [String: String]) -> (records: [RawRecord], problems: [Diagnostic]) {
        var bytes = [UInt8](data)
        if let bigEndian = UTF16Text.byteOrder(of: bytes) {
            var transcoder = UTF16Text(bigEndian: bigEndian)
            bytes = transcoder.utf8(bytes, final: true)
        }
        let root: JSONReader.Node
        do {
            root = try JSONReader.parse(bytes)
        } catch {
            return ([], [Diagnostic(file: path, line: error.at.line, column: error.at.column, "not valid JSON: \(error.message)")])
        }
        var problems: [Diagnostic] = []
        func problem(_ node: JSONReader.Node, _ message: String) {
            problems.append(Diagnostic(file: path, line: node.at.line, column: node.at.column, message))
        }
        guard let list = root.member("values"), case .array(let entries) = list.value else {
            problem(root.member("values") ?? root, "expected Kolada API JSON: an object with a \"values\" list")
            return ([], problems)
        }
        /// The text of a member that must be of one JSON type; nil (with a problem) when it is of another.
        func member(_ object: JSONReader.Node, _ key: String, _ kinds: Set<String>, required: Bool = true) -> String?? {
            guard let node = object.member(key) else {
                if required { problem(object, "\"\(key)\" is missing") }
                return required ? nil : .some(nil)
            }
            switch node.value {
            case .string(let text) where kinds.contains("string"): return .some(text)
            case .number(let text) where kinds.contains("number"): return .some(Self.plainNumber(text))
            case .null where kinds.contains("null"): return .some(nil)
            default:
                let wanted = [("number", "a number"), ("string", "a string"), ("null", "null")].filter { kinds.contains($0.0) }.map(\.1)
                problem(node, "\"\(key)\" must be \(wanted.joined(separator: " or ")), not \(node.value.kind)")
                return nil
            }
        }
        var records: [RawRecord] = []
        for (index, entry) in entries.enumerated() {
            guard case .object = entry.value else {
                problem(entry, "entry \(index + 1) is not an object")
                continue
            }
            let kpi = member(entry, "kpi", ["string"])
            let area = entry.member("municipality") != nil || entry.member("ou") == nil
                ? member(entry, "municipality", ["string"]) : member(entry, "ou", ["string"])
            let period = member(entry, "period", ["number"])
            guard let values = entry.member("values"), case .array(let items) = values.value else {
                problem(entry.member("values") ?? entry, "entry \(index + 1) has no \"values\" list")
                continue
            }
            guard let kpi = kpi ?? nil, let area = area ?? nil, let period = period ?? nil else { continue }
            for (position, item) in items.enumerated() {
                guard case .object = item.value else {
                    problem(item, "value \(position + 1) of \(kpi) \(area) \(period) is not an object")
                    continue
                }
                guard let gender = member(item, "gender", ["string"], required: false),
                      let value = member(item, "value", ["number", "null"]),
                      let status = member(item, "status", ["string", "null"], required: false)
                else { continue }
                records.append(RawRecord(
                    file: path, line: entry.at.line, indicator: indicatorForKPI[kpi] ?? (kpi.isEmpty ? "" : "Kolada \(kpi)"),
                    area: area, period: period, gender: gender, value: value,
                    numerator: nil, denominator: nil, status: nil, note: status.flatMap { $0.isEmpty ? nil : $0 },
                    fields: [kpi, area, period, gender ?? "", value ?? ""]))
            }
        }
        return (records, problems)
    }

    /// A JSON number as a decimal without an exponent (`1e-5` as `0.00001`), so it reads as written.
    static func plainNumber(_ text: String) -> String {
        guard let mark = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(text[text.index(after: mark)...]) else {
            return text
        }
        return DecimalText.expand(String(text[..<mark]), exponent: exponent)
    }
}
