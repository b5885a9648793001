/// Geography as a table: a CSV file with a header and one area per row, the simple alternative to a
/// geography YAML file.
///
/// ```
/// code;name;county;kind;lansdel;population
/// 0025;Region Norrbotten;25;county;;248480
/// 2580;Luleå;25;municipality;lulea-boden;79352
/// ```
/// Columns `code`, `name` and `kind` (country, county, region, lansdel, municipality) are required;
/// `county`, `lansdel` and `population` are optional. A county row takes its county code (`25`) as id
/// and accepts its `code` (`0025`, Kolada's form) on input.
enum AreaTable {
    static func read(path: String, text: String) -> ([Area], [Diagnostic]) {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        if lines.first?.hasPrefix("\u{FEFF}") == true { lines[0].removeFirst() }
        guard let header = lines.first else { return ([], [Diagnostic(file: path, line: 1, column: 1, "the file is empty")]) }
        let delimiter: Character = header.contains(";") ? ";" : header.contains("\t") ? "\t" : ","
        let names = header.split(separator: delimiter, omittingEmptySubsequences: false).map { $0.trimmingWhitespace().lowercased() }
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }
        guard let code = column("code") ?? column("id") ?? column("kod"), let name = column("name") ?? column("namn"),
              let kind = column("kind") ?? column("typ")
        else {
            return ([], [Diagnostic(file: path, line: 1, column: 1, "an area table needs the columns code, name and kind (found \(names.joined(separator: ", ")))")])
        }
        var areas: [Area] = []
        var problems: [Diagnostic] = []
        for (index, line) in lines.enumerated().dropFirst() where !line.trimmingWhitespace().isEmpty {
            let fields = line.split(separator: delimiter, omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            func field(_ index: Int?) -> String? {
                guard let index, index < fields.count, !fields[index].isEmpty else { return nil }
                return fields[index]
            }
            guard let areaCode = field(code), let areaName = field(name), let kindText = field(kind) else {
                problems.append(Diagnostic(file: path, line: index + 1, column: 1, "code, name and kind must not be empty"))
                continue
            }
            let areaKind: Area.Kind? = kindText.lowercased() == "region" ? .county : Area.Kind(rawValue: kindText.lowercased())
            guard let areaKind, areaKind != .group else {
                problems.append(Diagnostic(file: path, line: index + 1, column: 1, "kind must be country, county, lansdel or municipality, not '\(kindText)'"))
                continue
            }
            let county = field(column("county") ?? column("län"))
            var population: Int?
            if let text = field(column("population") ?? column("folkmängd")) {
                population = Int(text)
                if population == nil {
                    problems.append(Diagnostic(file: path, line: index + 1, column: 1, "population must be a whole number, not '\(text)'"))
                } else if population! < 0 {
                    problems.append(Diagnostic(file: path, line: index + 1, column: 1, "population cannot be negative, not '\(text)'"))
                    population = nil
                }
            }
            if areaKind == .county, let county, county != areaCode {
                areas.append(Area(id: county, kind: .county, name: areaName, codes: [areaCode], population: population))
            } else {
                areas.append(Area(
                    id: areaCode, kind: areaKind, name: areaName, county: areaKind == .county ? nil : county,
                    lansdel: field(column("lansdel") ?? column("länsdel")), population: population))
            }
        }
        return (areas, problems)
    }
}
