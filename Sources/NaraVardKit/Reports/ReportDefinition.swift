import Foundation
import Yams

/// The two reports naravard writes.
public enum ReportKind: String, CaseIterable, Sendable {
    /// The follow-up for Utskott Nära vård: per direction shift, is each indicator improving or worsening?
    case committee
    /// The comparison for Polsam: länsdelar and municipalities side by side.
    case polsam
}

/// What a report contains: a file in `Reports/` (bundled into naravard), or one given with `--definition`.
///
/// ```yaml
/// title: Uppföljning nära vård
/// subtitle: Utskott Nära vård · Region Norrbotten och länets 14 kommuner
/// areas: [lulea-boden, pite-alvdal, ostra, norra, "25"]   # default: every länsdel and the county
/// indicators: [PV01, PV05, HF03]                            # default: every indicator that is not retired
/// history_years: 3
/// benchmark: county                                         # or an area id such as "0000" (Riket)
/// ```
public struct ReportDefinition: Sendable {
    /// Where the definition came from, for messages and the workbook's "Om rapporten" sheet.
    public var source: String
    public var title: String
    public var subtitle: String?
    /// The organisation in the document properties.
    public var company: String
    /// The indicators in the order shown (within each direction shift); empty means every indicator in the
    /// store's catalogue that is not retired.
    public var indicators: [String]
    /// The compared areas (länsdelar, the county, groups); empty means every länsdel and the county.
    public var areas: [String]
    /// How many years of periods the tables and charts show.
    public var historyYears: Int
    /// The area values are compared with; nil (`county` in the file): each area's own county.
    public var benchmark: String?
    /// Lines of the listed ids, for diagnostics.
    var lines: [String: Int] = [:]

    public init(
        source: String, title: String, subtitle: String? = nil, company: String = "Region Norrbotten",
        indicators: [String] = [], areas: [String] = [], historyYears: Int = 3, benchmark: String? = nil
    ) {
        self.source = source; self.title = title; self.subtitle = subtitle; self.company = company
        self.indicators = indicators; self.areas = areas; self.historyYears = historyYears; self.benchmark = benchmark
    }

    /// The definition bundled with naravard (`Reports/committee.yaml` or `Reports/polsam.yaml`).
    public static func bundled(_ kind: ReportKind) throws(Diagnostics) -> ReportDefinition {
        let name = "\(kind.rawValue).yaml"
        guard let file = BundledReports.files.first(where: { $0.path == name }) else {
            throw Diagnostics([Diagnostic(file: "Reports/\(name)", line: 1, "no such report definition was bundled")])
        }
        return try read(path: "Reports/\(name)", text: file.text)
    }

    /// Reads a definition file.
    /// - Throws: ``InputFileError`` when the file cannot be read, ``Diagnostics`` when it is not a valid definition.
    public static func read(contentsOf url: URL) throws -> ReportDefinition {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw InputFileError(path: url.relativePath, reason: exists ? "cannot be read" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostics([Diagnostic(file: url.relativePath, line: 1, column: 1, UTF16Text.notUTF8(data))])
        }
        return try read(path: url.relativePath, text: text)
    }

    /// Reads definition text; every problem is reported as `FILE:LINE:COLUMN: message`.
    package static func read(path: String, text: String) throws(Diagnostics) -> ReportDefinition {
        let composed: Node?
        do {
            composed = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Diagnostics([error.diagnostic(file: path)])
        } catch {
            throw Diagnostics([Diagnostic(file: path, line: 1, column: 1, "\(error)")])
        }
        guard let node = composed else {
            throw Diagnostics([Diagnostic(file: path, line: 1, column: 1, "the file is empty")])
        }
        var fields = YAMLMapping(file: path, node: node, what: "a report definition")
        fields.rejectUnknownKeys(["title", "subtitle", "company", "indicators", "areas", "history_years", "benchmark"])
        let title = fields.string("title", required: true)
        var definition = ReportDefinition(
            source: path, title: title ?? "", subtitle: fields.string("subtitle"),
            company: fields.string("company") ?? "Region Norrbotten",
            indicators: fields.strings("indicators"), areas: fields.strings("areas"),
            historyYears: fields.int("history_years", in: 1...20) ?? 3,
            benchmark: fields.string("benchmark").flatMap { $0 == "county" ? nil : $0 })
        if let line = fields.value("benchmark")?.mark?.line, let benchmark = definition.benchmark { definition.lines[benchmark] = line }
        for key in ["indicators", "areas"] {
            for item in fields.value(key)?.sequence ?? [] {
                if let id = item.string, let line = item.mark?.line { definition.lines[id] = line }
            }
        }
        guard fields.diagnostics.isEmpty else { throw Diagnostics(fields.diagnostics) }
        return definition
    }

    /// Ids the catalogue does not know, as diagnostics pointing at their lines.
    func problems(in catalog: Catalog) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func report(_ id: String, _ message: String) {
            problems.append(Diagnostic(file: source, line: lines[id] ?? 1, message))
        }
        for id in indicators where catalog.indicator(id) == nil {
            report(id, "indicator '\(id)' is not in the catalogue (see `naravard catalog list`)")
        }
        for id in areas {
            switch catalog.geography[id]?.kind {
            case nil: report(id, "area '\(id)' is not in the geography (use area ids such as lulea-boden or 25)")
            case .municipality: report(id, "area '\(id)' is a municipality: list länsdelar, the county or groups; municipalities appear beneath them")
            default: break
            }
        }
        if let benchmark, catalog.geography[benchmark] == nil {
            report(benchmark, "benchmark '\(benchmark)' is not in the geography (use county or an area id such as \"0000\")")
        }
        return problems
    }
}
