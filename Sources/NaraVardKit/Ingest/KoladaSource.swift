import Foundation

/// Reads Kolada API JSON (`{"values":[{"kpi":…,"municipality":…,"period":2023,"values":[{"gender":"T","value":74.1}]}]}`)
/// into ``RawRecord``s, mapping the KPI id to an indicator through the catalogue's `kolada` field.
/// A `null` value is a missing value. Lines are those of the entry's `{` in the file.
enum KoladaSource {
    /// Whether a file looks like JSON (its first non-space byte is `{` or `[`).
    static func isJSON(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 64)) ?? Data()
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

    static func read(data: Data, path: String, indicatorForKPI: [String: String]) -> (records: [RawRecord], problems: [Diagnostic]) {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            return ([], [Diagnostic(file: path, line: 1, "not valid JSON: \(error.localizedDescription)")])
        }
        guard let root = json as? [String: Any], let entries = root["values"] as? [Any] else {
            return ([], [Diagnostic(file: path, line: 1, "expected Kolada API JSON: an object with a \"values\" list")])
        }
        let lines = entryLines(data)
        var records: [RawRecord] = []
        var problems: [Diagnostic] = []
        for (index, entry) in entries.enumerated() {
            let line = index < lines.count ? lines[index] : 1
            guard let entry = entry as? [String: Any] else {
                problems.append(Diagnostic(file: path, line: line, "entry \(index + 1) is not an object"))
                continue
            }
            let kpi = text(entry["kpi"]) ?? ""
            let area = text(entry["municipality"]) ?? text(entry["ou"]) ?? ""
            let period = text(entry["period"]) ?? ""
            guard let values = entry["values"] as? [Any] else {
                problems.append(Diagnostic(file: path, line: line, "entry for \(kpi) \(area) \(period) has no \"values\" list"))
                continue
            }
            for (position, item) in values.enumerated() {
                guard let item = item as? [String: Any] else {
                    problems.append(Diagnostic(file: path, line: line, "value \(position + 1) of \(kpi) \(area) \(period) is not an object"))
                    continue
                }
                let value = item["value"].flatMap { $0 is NSNull ? nil : text($0) }
                records.append(RawRecord(
                    file: path, line: line, indicator: indicatorForKPI[kpi] ?? (kpi.isEmpty ? "" : "Kolada \(kpi)"),
                    area: area, period: period, gender: text(item["gender"]), value: value,
                    numerator: nil, denominator: nil, status: nil, note: text(item["status"]).flatMap { $0.isEmpty ? nil : $0 },
                    fields: [kpi, area, period, text(item["gender"]) ?? "", value ?? ""]))
            }
        }
        return (records, problems)
    }

    /// Numbers and strings as text; numbers as JSON wrote them (so decimals are kept).
    private static func text(_ any: Any?) -> String? {
        switch any {
        case let string as String: string
        case let number as NSNumber: number.description
        default: nil
        }
    }

    /// The line of each object directly inside the top-level `values` list.
    static func entryLines(_ data: Data) -> [Int] {
        var lines: [Int] = []
        var line = 1, depth = 0, inString = false, escaped = false
        for byte in data {
            if byte == UInt8(ascii: "\n") { line += 1 }
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if byte == UInt8(ascii: "{"), depth == 2 { lines.append(line) }
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
        }
        return lines
    }
}
