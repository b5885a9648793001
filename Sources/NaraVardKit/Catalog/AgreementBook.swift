import Foundation
import Yams

/// National agreements and decided activities read from YAML (see `Agreements/README.md`).
///
/// A file holds one agreement (top-level `id`, `name`, `year`, …) or a list of decided activities
/// (top-level `activities:`). Every stated total is checked against its parts: a difference within rounding is
/// a warning that says what differs, a larger one refuses the file.
///
/// ```swift
/// let book = try AgreementBook.read(paths: [URL(fileURLWithPath: "Agreements")])
/// book.agreements.map(\.allocated)
/// ```
public struct AgreementBook: Sendable {
    package var agreements: [Agreement] = []
    package var activities: [Activity] = []
    package var files: [Catalog.SourceFile] = []
    /// Rounding differences and other problems that do not stop a load.
    public var warnings: [Diagnostic] = []
    /// Where each agreement and activity was read (`agreement:ID`, `activity:ID`), for later messages.
    var origins: [String: Diagnostic] = [:]

    public init() {}

    /// The agreements built into naravard (the package's `Agreements/` folder).
    public static func bundled() throws(Diagnostics) -> AgreementBook {
        try read(files: BundledAgreements.files.map { ("Agreements/\($0.path)", $0.text) })
    }

    /// Reads YAML files, and every `*.yaml` under folders.
    /// - Throws: ``Diagnostics`` with every problem, as `FILE:LINE:COLUMN: message`.
    public static func read(paths: [URL]) throws(Diagnostics) -> AgreementBook {
        let urls = paths.flatMap { Catalog.yamlFiles(under: $0).filter { $0.pathExtension.lowercased() != "csv" } }
        let (texts, problems) = Catalog.texts(of: urls)
        guard problems.isEmpty else { throw Diagnostics(problems) }
        guard !texts.isEmpty else {
            throw Diagnostics(paths.map { Diagnostic(file: $0.relativePath, line: 1, column: 1, "no *.yaml files found") })
        }
        return try read(files: texts)
    }

    /// Reads agreement and activity files given as (path, text) pairs.
    package static func read(files: [(path: String, text: String)]) throws(Diagnostics) -> AgreementBook {
        var book = AgreementBook()
        var problems: [Diagnostic] = []
        for (path, text) in files {
            book.files.append(Catalog.SourceFile(path: path, sha256: StreamingSHA256.hex(of: Data(text.utf8))))
            let node: Node
            switch Catalog.compose(path: path, text: text) {
            case .success(let composed): node = composed
            case .failure(let problem): problems.append(problem); continue
            }
            var fields = YAMLMapping(file: path, node: node, what: "an agreement or a list of activities")
            if fields.value("activities") != nil {
                fields.rejectUnknownKeys(["activities"])
                for var item in fields.mappings("activities", what: "an activity") {
                    if let activity = readActivity(&item) {
                        book.activities.append(activity)
                        book.origins["activity:\(activity.id)"] = item.location(of: "id")
                    }
                    fields.diagnostics += item.diagnostics
                }
            } else if node.mapping != nil, let agreement = readAgreement(&fields) {
                // Sums are checked only over figures that could all be read.
                let (errors, warnings) = fields.diagnostics.isEmpty ? sumProblems(agreement, fields) : ([], [])
                fields.diagnostics += errors
                book.warnings += warnings
                book.agreements.append(agreement)
                book.origins["agreement:\(agreement.id)"] = fields.location(of: "id")
            }
            problems += fields.diagnostics
        }
        problems += book.duplicates()
        guard problems.isEmpty else { throw Diagnostics(problems) }
        return book
    }

    /// Where a definition was read, with a message.
    func at(_ origin: String, _ message: String, severity: Diagnostic.Severity = .error) -> Diagnostic {
        var diagnostic = origins[origin] ?? Diagnostic(file: files.first?.path ?? "agreements", line: 1, column: 1, "")
        diagnostic.message = message
        diagnostic.severity = severity
        return diagnostic
    }

    private func duplicates() -> [Diagnostic] {
        func repeated(_ ids: [String]) -> [String] {
            Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        }
        return repeated(agreements.map(\.id)).map { at("agreement:\($0)", "agreement '\($0)' is defined more than once") }
            + repeated(activities.map(\.id)).map { at("activity:\($0)", "activity '\($0)' is defined more than once") }
    }
}

// MARK: - Reading

extension AgreementBook {
    private static func readAgreement(_ fields: inout YAMLMapping) -> Agreement? {
        fields.rejectUnknownKeys(["id", "name", "year", "counterpart", "source", "note", "total", "municipalities", "tables"])
        let id = validID(&fields, "an agreement")
        let name = fields.string("name", required: true)
        let year = fields.int("year", required: true, in: Period.validYears)
        let total = fields.money("total")
        var tables: [AgreementTable] = []
        var areaIDs = Set<String>()
        for var item in fields.mappings("tables", what: "a table of insatsområden") {
            item.rejectUnknownKeys(["name", "total", "joint_total", "partial", "insatsomraden"])
            var areas: [Insatsomrade] = []
            var withoutJoint = 0
            for var entry in item.mappings("insatsomraden", what: "an insatsområde") {
                entry.rejectUnknownKeys(["id", "name", "amount", "joint_amount", "shift", "other_shifts", "indicators", "note"])
                let areaID = validID(&entry, "an insatsområde")
                if let areaID, !areaIDs.insert(areaID).inserted {
                    entry.report(entry.value("id"), "insatsområde '\(areaID)' is named twice in this agreement")
                }
                let areaName = entry.string("name", required: true)
                let amount = entry.money("amount", required: true)
                let joint = entry.money("joint_amount")
                if entry.value("joint_amount") == nil { withoutJoint += 1 }
                if let amount, let joint, joint.kronor < amount.kronor {
                    entry.report(entry.value("joint_amount"),
                                 "the joint amount \(joint.text) is smaller than the region's part \(amount.text)")
                }
                let shift = entry.int("shift", in: 1...4)
                let links = indicatorLinks(&entry)
                if let areaID, let areaName, let amount {
                    areas.append(Insatsomrade(
                        id: areaID, name: areaName, amount: amount, jointAmount: joint, shift: shift,
                        otherShifts: entry.shifts("other_shifts").filter { $0 != shift }, indicators: links.ids,
                        note: entry.string("note"), reasons: links.reasons.isEmpty ? nil : links.reasons))
                }
                item.diagnostics += entry.diagnostics
            }
            if areas.isEmpty { item.report(nil, "a table needs 'insatsomraden'") }
            let jointTotal = item.money("joint_total")
            if jointTotal != nil, withoutJoint > 0 {
                item.report(item.value("joint_total"), "a table with 'joint_total' needs 'joint_amount' for every insatsområde")
            }
            if let tableName = item.string("name", required: true) {
                tables.append(AgreementTable(name: tableName, total: item.money("total"), jointTotal: jointTotal,
                                             partial: item.bool("partial") ?? false, areas: areas))
            }
            fields.diagnostics += item.diagnostics
        }
        if total == nil, tables.isEmpty { fields.report(nil, "an agreement needs a 'total' or 'tables'") }
        guard let id, let name, let year else { return nil }
        return Agreement(
            id: id, name: name, year: year, counterpart: fields.string("counterpart"), source: fields.string("source"),
            note: fields.string("note"), total: total, municipalities: fields.money("municipalities"), tables: tables)
    }

    /// The indicators of an insatsområde: plain ids (`[PV01]`) or links with their reason
    /// (`- id: PV01` and `reason: …` beneath it), in any mix.
    private static func indicatorLinks(_ entry: inout YAMLMapping) -> (ids: [String], reasons: [String: String]) {
        guard let node = entry.value("indicators") else { return ([], [:]) }
        guard let sequence = node.sequence else {
            entry.report(node, "'indicators' must be a list")
            return ([], [:])
        }
        var ids: [String] = []
        var reasons: [String: String] = [:]
        for item in sequence {
            if item.mapping != nil {
                var link = YAMLMapping(file: entry.file, node: item, what: "an indicator link")
                link.rejectUnknownKeys(["id", "reason"])
                if let id = link.string("id", required: true) {
                    ids.append(id)
                    reasons[id] = link.string("reason")
                }
                entry.diagnostics += link.diagnostics
            } else if let text = item.string?.trimmingWhitespace(), !text.isEmpty {
                ids.append(text)
            } else {
                entry.report(item, "items of 'indicators' must be an indicator id or a mapping with 'id' and 'reason'")
            }
        }
        return (ids, reasons)
    }

    private static func readActivity(_ item: inout YAMLMapping) -> Activity? {
        item.rejectUnknownKeys(["id", "name", "agreement", "insatsomrade", "division", "decided", "decided_by", "amount", "shifts", "note"])
        let id = validID(&item, "an activity")
        let name = item.string("name", required: true)
        let agreement = item.string("agreement", required: true)
        let area = item.string("insatsomrade", required: true)
        let division = item.string("division", required: true)
        var decided = item.string("decided", required: true)
        if let date = decided, !isDate(date) {
            item.report(item.value("decided"), "'decided' must be a date like 2022-09-12, not '\(date)'")
            decided = nil
        }
        let decidedBy = item.string("decided_by", required: true)
        let amount = item.money("amount", required: true)
        let shifts = item.shifts("shifts")
        guard let id, let name, let agreement, let area, let division, let decided, let decidedBy, let amount else { return nil }
        return Activity(id: id, name: name, agreement: agreement, insatsomrade: area, division: division, decided: decided,
                        decidedBy: decidedBy, amount: amount, shifts: shifts, note: item.string("note"))
    }

    private static func validID(_ fields: inout YAMLMapping, _ what: String) -> String? {
        guard let id = fields.string("id", required: true) else { return nil }
        guard Catalog.isValidID(id) else {
            fields.report(fields.value("id"), "the id of \(what) may hold only letters A–Z, digits, '-' and '_'")
            return nil
        }
        return id
    }

    /// A real calendar date written `YYYY-MM-DD`.
    static func isDate(_ text: String) -> Bool {
        guard let match = text.wholeMatch(of: #/(\d{4})-(\d{2})-(\d{2})/#),
              let year = Int(match.1), let month = Int(match.2), let day = Int(match.3), (1...12).contains(month)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }
}

// MARK: - Parts against stated totals

extension AgreementBook {
    /// Every stated total of an agreement against its parts: the region column and the joint column of each
    /// table, and the agreement total against its tables.
    private static func sumProblems(_ agreement: Agreement, _ fields: YAMLMapping) -> (errors: [Diagnostic], warnings: [Diagnostic]) {
        var checks: [Diagnostic] = []
        let tableNodes = fields.value("tables")?.sequence.map(Array.init) ?? []
        for (table, node) in zip(agreement.tables, tableNodes) {
            let item = YAMLMapping(file: fields.file, node: node, what: "a table")
            if let total = table.total {
                checks += check(table.areas.map(\.amount), against: total, partial: table.partial,
                                what: "the insatsområden of '\(table.name)'", at: item.location(of: "total"))
            }
            if let jointTotal = table.jointTotal {
                checks += check(table.areas.compactMap(\.jointAmount), against: jointTotal, partial: table.partial,
                                what: "the joint amounts of '\(table.name)'", at: item.location(of: "joint_total"))
            }
        }
        if let total = agreement.total, !agreement.tables.isEmpty {
            let parts = agreement.tables.flatMap { table in table.total.map { [$0] } ?? table.areas.map(\.amount) }
            checks += check(parts, against: total, partial: agreement.tables.contains { $0.partial && $0.total == nil },
                            what: "the tables of '\(agreement.name)'", at: fields.location(of: "total"))
        }
        return (checks.filter { $0.severity == .error }, checks.filter { $0.severity == .warning })
    }

    /// Parts against a stated total. Each part may be off by its ``Money/tolerance``; a difference within the
    /// sum of those is a warning, a larger one an error. A partial list ("varav") may sum to less.
    static func check(_ parts: [Money], against total: Money, partial: Bool, what: String, at location: Diagnostic) -> [Diagnostic] {
        let sum = parts.reduce(Int64(0)) { $0 + $1.kronor }
        let difference = sum - total.kronor
        if difference == 0 || (partial && difference < 0) { return [] }
        let tolerance = parts.reduce(Int64(0)) { $0 + $1.tolerance }
        var diagnostic = location
        let side = difference < 0 ? "under" : "over"
        let stated = "\(what) sum to \(Money.format(sum)) kr, \(Money.format(abs(difference))) kr \(side) the stated total \(total.text)"
        if abs(difference) <= tolerance {
            diagnostic.severity = .warning
            diagnostic.message = "\(stated): within rounding (\(parts.count) parts, at most \(Money.format(tolerance)) kr), accepted"
        } else {
            diagnostic.message = "\(stated): more than rounding allows (at most \(Money.format(tolerance)) kr); "
                + "check each figure against the source, nothing is guessed"
        }
        return [diagnostic]
    }
}
