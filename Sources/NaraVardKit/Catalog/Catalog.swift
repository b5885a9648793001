import Foundation
import Yams

/// The catalogue: direction shifts, indicator definitions and geography, as read from a folder or as the
/// store holds it (``MetricsStore/catalog(asOf:)``, which has no ``files``).
///
/// A folder may hold any mixture of three kinds of YAML file: one with a top-level `shifts:` list,
/// geography files with a top-level `areas:` list, and one file per indicator.
///
/// ```swift
/// let catalog = try Catalog.read(directory: URL(fileURLWithPath: "Indicators"))
/// catalog.indicators.count
/// ```
public struct Catalog: Sendable {
    /// A file the catalogue was read from, with its SHA-256 for the audit log.
    package struct SourceFile: Sendable {
        package var path: String
        package var sha256: String
    }

    /// Ordered by id.
    public var shifts: [Shift] = []
    /// Ordered by shift and id.
    public var indicators: [Indicator] = []
    /// Every area version (each carries the valid-from date of its file), and how they nest.
    public var geography = Geography(areas: [])
    /// The files read, for the audit log.
    package var files: [SourceFile] = []
    /// Problems that do not stop a load.
    public var warnings: [Diagnostic] = []
    /// Where each definition was read (`indicator:PV01`, `area:2580`, `shift:1`), for cross-file messages.
    var origins: [String: Diagnostic] = [:]

    public init() {}

    init(shifts: [Shift], indicators: [Indicator], geography: Geography) {
        self.shifts = shifts
        self.indicators = indicators
        self.geography = geography
    }

    public func indicator(_ id: String) -> Indicator? { indicators.first { $0.id == id } }
    public func shift(_ id: Int) -> Shift? { shifts.first { $0.id == id } }

    /// The catalogue built into naravard (the package's `Indicators/` folder).
    public static func bundled() throws(Diagnostics) -> Catalog {
        try read(files: BundledCatalog.files.map { ("Indicators/\($0.path)", $0.text) })
    }

    /// Reads every `*.yaml` / `*.yml` file (and area tables, `*.csv`) under a folder (or one file).
    /// - Throws: ``Diagnostics`` with every problem found, as `FILE:LINE:COLUMN: message`.
    public static func read(directory: URL) throws(Diagnostics) -> Catalog {
        let (texts, problems) = texts(of: yamlFiles(under: directory))
        if texts.isEmpty, problems.isEmpty {
            throw Diagnostics([Diagnostic(file: directory.relativePath, line: 1, column: 1, "no *.yaml or area *.csv files found")])
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }
        return try read(files: texts)
    }

    /// The UTF-8 texts of files, with a problem for each one that cannot be read.
    static func texts(of urls: [URL]) -> (texts: [(path: String, text: String)], problems: [Diagnostic]) {
        var texts: [(String, String)] = []
        var problems: [Diagnostic] = []
        for url in urls {
            do {
                let data = try Data(contentsOf: url)
                guard let text = String(data: data, encoding: .utf8) else {
                    problems.append(Diagnostic(file: url.relativePath, line: 1, column: 1, UTF16Text.notUTF8(data)))
                    continue
                }
                texts.append((url.relativePath, text))
            } catch {
                problems.append(Diagnostic(file: url.relativePath, line: 1, column: 1, "cannot read: \(error.localizedDescription)"))
            }
        }
        return (texts, problems)
    }

    /// Reads catalogue files given as (path, text) pairs.
    package static func read(files: [(path: String, text: String)]) throws(Diagnostics) -> Catalog {
        var catalog = Catalog()
        var areas: [Area] = []
        var problems: [Diagnostic] = []
        for (path, text) in files {
            catalog.files.append(SourceFile(path: path, sha256: StreamingSHA256.hex(of: Data(text.utf8))))
            if path.lowercased().hasSuffix(".csv") {
                let (table, areaProblems) = AreaTable.read(path: path, text: text)
                areas += table
                problems += areaProblems
                continue
            }
            let node: Node
            switch compose(path: path, text: text) {
            case .success(let composed): node = composed
            case .failure(let problem): problems.append(problem); continue
            }
            var fields = YAMLMapping(file: path, node: node, what: "a catalogue file")
            if fields.value("shifts") != nil {
                catalog.shifts += readShifts(&fields, origins: &catalog.origins)
            } else if fields.value("areas") != nil {
                areas += readGeography(&fields, origins: &catalog.origins)
            } else if node.mapping != nil {
                if let indicator = readIndicator(&fields) {
                    let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
                    if stem != indicator.id {
                        catalog.warnings.append(Diagnostic(
                            file: path, line: 1, column: 1,
                            "the file is named '\(stem)' but defines '\(indicator.id)': name it \(indicator.id).yaml",
                            severity: .warning))
                    }
                    catalog.indicators.append(indicator)
                    catalog.origins["indicator:\(indicator.id)"] = fields.location(of: "id")
                }
            }
            problems += fields.diagnostics
        }
        catalog.geography = Geography(areas: areas)
        problems += catalog.crossCheck()
        guard problems.isEmpty else { throw Diagnostics(problems) }
        catalog.indicators.sort { ($0.shift, $0.id) < ($1.shift, $1.id) }
        catalog.shifts.sort { $0.id < $1.id }
        return catalog
    }

    /// The YAML node tree of a file, or where it cannot be parsed.
    static func compose(path: String, text: String) -> Result<Node, Diagnostic> {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                return .failure(Diagnostic(file: path, line: 1, column: 1, "the file is empty"))
            }
            return .success(node)
        } catch let error as YamlError {
            return .failure(error.diagnostic(file: path))
        } catch {
            return .failure(Diagnostic(file: path, line: 1, column: 1, "\(error)"))
        }
    }

    static func yamlFiles(under directory: URL) -> [URL] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder) else { return [] }
        if !isFolder.boolValue { return [directory] }
        let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        var urls: [URL] = []
        while let url = walker?.nextObject() as? URL {
            if ["yaml", "yml", "csv"].contains(url.pathExtension.lowercased()) {
                urls.append(URL(fileURLWithPath: directory.relativePath + String(url.path.dropFirst(directory.path.count))))
            }
        }
        return urls.sorted { $0.path < $1.path }
    }
}

// MARK: - Reading each kind of file

extension Catalog {
    /// Ids hold only ASCII letters, digits, `-` and `_`.
    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.isASCIIDigit || $0 == "-" || $0 == "_") }
    }

    private static func readShifts(_ fields: inout YAMLMapping, origins: inout [String: Diagnostic]) -> [Shift] {
        fields.rejectUnknownKeys(["shifts"])
        var shifts: [Shift] = []
        for var item in fields.mappings("shifts", what: "a direction shift") {
            item.rejectUnknownKeys(["id", "name", "name_en", "short"])
            let id = item.int("id", required: true, in: 1...4)
            let name = item.string("name", required: true)
            let short = item.string("short") ?? name
            if let id, let name, let short {
                shifts.append(Shift(id: id, name: name, nameEn: item.string("name_en"), short: short))
                origins["shift:\(id)"] = item.location(of: "id")
            }
            fields.diagnostics += item.diagnostics
        }
        return shifts
    }

    private static func readGeography(_ fields: inout YAMLMapping, origins: inout [String: Diagnostic]) -> [Area] {
        fields.rejectUnknownKeys(["valid_from", "areas", "groups"])
        var validFrom = fields.string("valid_from")
        if let date = validFrom, date.wholeMatch(of: #/\d{4}-\d{2}-\d{2}/#) == nil {
            fields.report(fields.value("valid_from"), "'valid_from' must be a date like 2023-01-01")
            validFrom = nil
        }
        var areas: [Area] = []
        for var item in fields.mappings("areas", what: "an area") {
            item.rejectUnknownKeys(["id", "kind", "name", "codes", "aliases", "county", "lansdel", "population"])
            let id = item.string("id", required: true)
            let kind = item.choice("kind", as: Area.Kind.self, required: true)
            let name = item.string("name", required: true)
            let population = item.int("population", in: 0...Int(Int32.max))
            if let id, !isValidID(id) {
                item.report(item.value("id"), "an area id may hold only letters A–Z, digits, '-' and '_'")
            }
            if let id, let kind, let name {
                areas.append(Area(
                    id: id, kind: kind, name: name, codes: item.strings("codes"), aliases: item.strings("aliases"),
                    county: item.string("county"), lansdel: item.string("lansdel"), population: population,
                    validFrom: validFrom))
                origins["area:\(id)@\(validFrom ?? "")"] = item.location(of: "id")
            }
            fields.diagnostics += item.diagnostics
        }
        for var item in fields.mappings("groups", what: "an area group") {
            item.rejectUnknownKeys(["id", "name", "members", "aliases"])
            let id = item.string("id", required: true)
            let name = item.string("name", required: true)
            let members = item.strings("members")
            if members.isEmpty { item.report(nil, "a group needs 'members'") }
            if let id, let name {
                areas.append(Area(id: id, kind: .group, name: name, aliases: item.strings("aliases"), members: members,
                                  validFrom: validFrom))
                origins["area:\(id)@\(validFrom ?? "")"] = item.location(of: "id")
            }
            fields.diagnostics += item.diagnostics
        }
        return areas
    }

    static let indicatorFields: Set<String> = [
        "id", "name", "name_en", "shift", "unit", "better", "frequency", "definition", "numerator",
        "denominator", "source", "kolada", "min_n", "target", "targets", "retired", "seasonal", "levels", "notes",
    ]

    private static func readIndicator(_ fields: inout YAMLMapping) -> Indicator? {
        fields.rejectUnknownKeys(indicatorFields)
        let id = fields.string("id", required: true)
        if let id, !isValidID(id) {
            fields.report(fields.value("id"), "an indicator id may hold only letters A–Z, digits, '-' and '_'")
        }
        let name = fields.string("name", required: true)
        let shift = fields.int("shift", required: true, in: 1...4)
        let unit = fields.choice("unit", as: IndicatorUnit.self, required: true)
        let better = fields.choice("better", as: Better.self, required: true)
        let frequency = fields.choice("frequency", as: Frequency.self, required: true)
        let numerator = fields.string("numerator")
        let denominator = fields.string("denominator")
        if let unit {
            if unit.hasDenominator, denominator == nil {
                fields.report(nil, "a '\(unit.rawValue)' indicator needs a 'denominator'")
            } else if !unit.hasDenominator, denominator != nil {
                fields.report(fields.value("denominator"), "a '\(unit.rawValue)' indicator has no denominator")
            }
        }
        let minN = fields.int("min_n", in: 1...1_000_000)
        let target = fields.double("target")
        var targets: [Indicator.AreaTarget] = []
        for var item in fields.mappings("targets", what: "a target") {
            item.rejectUnknownKeys(["area", "year", "value"])
            let area = item.string("area", required: true)
            let year = item.int("year", required: true, in: Period.validYears)
            let value = item.double("value")
            if item.value("value") == nil { item.report(nil, "missing required field 'value'") }
            if let area, let year, let value { targets.append(.init(area: area, year: year, value: value)) }
            fields.diagnostics += item.diagnostics
        }
        if let unit, unit.isNonNegative {
            let limit = unit == .percent ? 100.0 : .infinity
            for (value, node) in [(target, fields.value("target"))] + targets.map({ ($0.value, fields.value("targets")) }) {
                if let value, value < 0 || value > limit {
                    fields.report(node, "a target of \(value.plain) is impossible for a \(unit.rawValue) indicator")
                }
            }
        }
        let retired = fields.bool("retired") ?? false
        let seasonal = fields.bool("seasonal") ?? false
        if seasonal, frequency == .year {
            fields.report(fields.value("seasonal"), "a yearly indicator cannot be seasonal (seasons are quarters or months)")
        }
        var levels = Set(Indicator.Level.allCases)
        if fields.value("levels") != nil {
            levels = []
            for text in fields.strings("levels") {
                guard let level = Indicator.Level(rawValue: text) else {
                    let allowed = Indicator.Level.allCases.map(\.rawValue).joined(separator: ", ")
                    fields.report(fields.value("levels"), "'levels' may list \(allowed), not '\(text)'")
                    continue
                }
                levels.insert(level)
            }
            if levels.isEmpty { fields.report(fields.value("levels"), "'levels' must list at least one level") }
        }
        guard let id, let name, let shift, let unit, let better, let frequency else { return nil }
        return Indicator(
            id: id, name: name, nameEn: fields.string("name_en"), shift: shift, unit: unit, better: better,
            frequency: frequency, definition: fields.string("definition"), numerator: numerator,
            denominator: denominator, source: fields.string("source"), kolada: fields.string("kolada"),
            minN: minN, target: target, targets: targets, retired: retired, seasonal: seasonal, levels: levels,
            notes: fields.string("notes"))
    }
}

// MARK: - Checks across files

extension Catalog {
    /// Duplicate ids, unknown parents and Kolada ids used twice.
    func crossCheck() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func duplicates<Key: Hashable>(_ keys: [Key]) -> Set<Key> {
            var seen = Set<Key>(), repeated = Set<Key>()
            for key in keys where !seen.insert(key).inserted { repeated.insert(key) }
            return repeated
        }
        let first = files.first?.path ?? "catalogue"
        func at(_ origin: String, _ message: String) -> Diagnostic {
            var diagnostic = origins[origin] ?? Diagnostic(file: first, line: 1, column: 1, "")
            diagnostic.message = message
            return diagnostic
        }
        for id in duplicates(indicators.map(\.id)).sorted() {
            problems.append(at("indicator:\(id)", "indicator '\(id)' is defined more than once"))
        }
        for id in duplicates(shifts.map(\.id)).sorted() {
            problems.append(at("shift:\(id)", "direction shift \(id) is defined more than once"))
        }
        let areas = geography.versions
        for version in duplicates(areas.map { "\($0.id)@\($0.validFrom ?? "")" }).sorted() {
            let id = String(version.prefix { $0 != "@" })
            let from = version.dropFirst(id.count + 1)
            problems.append(at("area:\(version)", "area '\(id)' is defined more than once"
                + (from.isEmpty ? "" : " for valid_from \(from)") + " (a new grouping needs its own file with a later valid_from)"))
        }
        let koladaIDs = indicators.compactMap(\.kolada)
        for kpi in duplicates(koladaIDs).sorted() {
            let users = indicators.filter { $0.kolada == kpi }.map(\.id)
            problems.append(at("indicator:\(users.last!)", "Kolada KPI '\(kpi)' is mapped to more than one indicator (\(users.joined(separator: ", ")))"))
        }
        // A file that only revises some areas is checked against the store when it is loaded.
        if areas.contains(where: { $0.kind == .county }) {
            let areaIDs = Set(areas.map(\.id))
            problems += unknownTargetAreas(known: areaIDs) + unknownParents(known: areaIDs)
        }
        return problems
    }
}

extension Catalog {
    /// Targets for areas that are not in `known`.
    func unknownTargetAreas(known: Set<String>) -> [Diagnostic] {
        indicators.flatMap { indicator in
            indicator.targets.filter { !known.contains($0.area) }.map { target in
                var diagnostic = origins["indicator:\(indicator.id)"] ?? Diagnostic(file: files.first?.path ?? "catalogue", line: 1, column: 1, "")
                diagnostic.message = "\(indicator.id) has a target for area '\(target.area)', which is not in the geography"
                return diagnostic
            }
        }
    }

    /// Areas that name a county, länsdel or group member that is not in `known`.
    func unknownParents(known: Set<String>) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let first = files.first?.path ?? "catalogue"
        for area in geography.versions {
            var at = origins["area:\(area.id)@\(area.validFrom ?? "")"] ?? Diagnostic(file: first, line: 1, column: 1, "")
            for (parent, role) in [(area.county, "county"), (area.lansdel, "lansdel")] {
                if let parent, !known.contains(parent) {
                    at.message = "area '\(area.id)' names \(role) '\(parent)', which is not defined"
                    problems.append(at)
                }
            }
            for member in area.members where !known.contains(member) {
                at.message = "group '\(area.id)' names member '\(member)', which is not defined"
                problems.append(at)
            }
        }
        return problems
    }

    /// Kolada KPI ids that would map to two indicators once this catalogue is loaded over `stored`.
    func koladaConflicts(with stored: [Indicator]) -> [Diagnostic] {
        let redefined = Set(indicators.map(\.id))
        let kept = stored.filter { !redefined.contains($0.id) }
        return indicators.compactMap { indicator in
            guard let kpi = indicator.kolada, let other = kept.first(where: { $0.kolada == kpi }) else { return nil }
            var diagnostic = origins["indicator:\(indicator.id)"] ?? Diagnostic(file: files.first?.path ?? "catalogue", line: 1, column: 1, "")
            diagnostic.message = "Kolada KPI '\(kpi)' is already mapped to \(other.id)"
            return diagnostic
        }
    }
}

extension YamlError {
    func diagnostic(file: String) -> Diagnostic {
        switch self {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            Diagnostic(file: file, line: mark.line, column: mark.column, problem)
        default:
            Diagnostic(file: file, line: 1, column: 1, "\(self)")
        }
    }
}

extension Better: CaseIterable {
    public static var allCases: [Better] { [.higher, .lower, .neutral] }
}
