import Foundation
import GRDB

/// The national agreements, decided activities and money used, as the store holds them after an import.
package struct AgreementState: Sendable {
    /// Ordered by year (latest first) and name.
    package var agreements: [Agreement]
    package var activities: [Activity]
    package var use: [ActivityUse]

    package func agreement(_ id: String) -> Agreement? { agreements.first { $0.id == id } }
}

extension MetricsStore {
    /// Adds or updates agreements and decided activities, recorded as an import (kind `catalog`); each
    /// changed definition keeps its earlier revisions.
    /// - Throws: ``Diagnostics`` when an activity names an agreement or insatsområde that is not there, or an
    ///   insatsområde names an indicator the catalogue lacks; nothing is written then.
    @discardableResult
    package func loadAgreements(_ book: AgreementBook, note: String? = nil) throws -> CatalogLoadSummary {
        try loadCatalog(Catalog(), agreements: book, note: note)
    }

    /// The agreements, activities and use as they were right after an import (nil: now).
    package func agreementState(asOf: Int64? = nil) throws -> AgreementState {
        try dbWriter.read { db in try Self.agreementState(db, asOf: asOf) }
    }

    static func agreementState(_ db: Database, asOf: Int64? = nil) throws -> AgreementState {
        try requireImport(db, asOf)
        let limit = asOf ?? Int64.max
        let decoder = JSONDecoder()
        func latest<T: Decodable>(_ type: T.Type, _ table: String, _ key: String) throws -> [T] {
            try String.fetchAll(db, sql: """
                SELECT definition FROM \(table) r
                WHERE import_id = (SELECT max(import_id) FROM \(table) WHERE \(key) = r.\(key) AND import_id <= ?)
                ORDER BY \(key)
                """, arguments: [limit]).map { try decoder.decode(type, from: Data($0.utf8)) }
        }
        let use = try Row.fetchAll(db, sql: """
            SELECT activity_id, period, spent, note FROM activity_use u
            WHERE import_id = (SELECT max(import_id) FROM activity_use
                               WHERE activity_id = u.activity_id AND period = u.period AND import_id <= ?)
              AND spent IS NOT NULL
            ORDER BY activity_id, period
            """, arguments: [limit]).map { row in
            ActivityUse(activity: row["activity_id"], period: try Period(parsing: row["period"]), spent: row["spent"], note: row["note"])
        }
        return AgreementState(
            agreements: try latest(Agreement.self, "agreement_revision", "agreement_id").sorted { ($1.year, $0.name) < ($0.year, $1.name) },
            activities: try latest(Activity.self, "activity_revision", "activity_id"),
            use: use)
    }

    /// The definitions of a book that change the store, checked against what the store and the catalogue
    /// being loaded with it hold; warnings for decisions outside the agreement's year and insatsområden
    /// with more decided than allocated.
    static func stageAgreements(
        _ db: Database, _ book: AgreementBook, indicators: Set<String>
    ) throws -> (writes: [(previous: String?, new: String, sql: String, arguments: StatementArguments)], warnings: [Diagnostic]) {
        let stored = try agreementState(db)
        var agreements = Dictionary(stored.agreements.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        for agreement in book.agreements { agreements[agreement.id] = agreement }
        var activities = Dictionary(stored.activities.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        for activity in book.activities { activities[activity.id] = activity }

        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        for agreement in book.agreements {
            for area in agreement.areas {
                for indicator in area.indicators where !indicators.contains(indicator) {
                    problems.append(book.at("agreement:\(agreement.id)", "insatsområde '\(area.id)' names indicator '\(indicator)', which is not in the catalogue"))
                }
            }
        }
        // Every activity the load touches, directly or through its agreement.
        let changedAgreements = Set(book.agreements.map(\.id))
        // Decided kronor per `agreement/insatsområde`, and where to report an excess: the last activity or
        // agreement of this load in it ("" when the load touches none of them, so nothing new to warn about).
        var decided: [String: (kronor: Int64, origin: String)] = [:]
        for activity in activities.values.sorted(by: { $0.id < $1.id }) {
            let origin = book.origins["activity:\(activity.id)"] != nil ? "activity:\(activity.id)" : "agreement:\(activity.agreement)"
            let touched = book.activities.contains { $0.id == activity.id } || changedAgreements.contains(activity.agreement)
            guard let agreement = agreements[activity.agreement] else {
                if touched {
                    problems.append(book.at(origin, "activity '\(activity.id)' names agreement '\(activity.agreement)', which is not loaded (see `naravard agreements`)"))
                }
                continue
            }
            guard let area = agreement.area(activity.insatsomrade) else {
                if touched {
                    let known = agreement.areas.map(\.id).joined(separator: ", ")
                    problems.append(book.at(origin, "activity '\(activity.id)': agreement '\(agreement.id)' has no insatsområde '\(activity.insatsomrade)'"
                                            + (known.isEmpty ? "" : " (it has \(known))")))
                }
                continue
            }
            if touched, !activity.decided.hasPrefix("\(agreement.year)-") {
                warnings.append(book.at(origin, "activity '\(activity.id)' was decided \(activity.decided), outside the agreement's year \(agreement.year)",
                                        severity: .warning))
            }
            let key = "\(agreement.id)/\(area.id)"
            let sum = (decided[key]?.kronor ?? 0) + activity.amount.kronor
            decided[key] = (sum, touched ? origin : decided[key]?.origin ?? "")
        }
        for (key, total) in decided.sorted(by: { $0.key < $1.key }) where !total.origin.isEmpty {
            let parts = key.split(separator: "/").map(String.init)
            guard let area = agreements[parts[0]]?.area(parts[1]), total.kronor > area.amount.kronor else { continue }
            warnings.append(book.at(total.origin, "the activities decided in '\(key)' come to \(Money.format(total.kronor)) kr, "
                                    + "\(Money.format(total.kronor - area.amount.kronor)) kr more than its \(area.amount.text)", severity: .warning))
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func json(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        var writes: [(previous: String?, new: String, sql: String, arguments: StatementArguments)] = []
        for agreement in book.agreements {
            let previous = try stored.agreement(agreement.id).map(json)
            writes.append((previous, try json(agreement),
                           "INSERT INTO agreement_revision (agreement_id, definition, import_id) VALUES (?, ?, :import)",
                           [agreement.id, try json(agreement)]))
        }
        for activity in book.activities {
            let previous = try stored.activities.first { $0.id == activity.id }.map(json)
            writes.append((previous, try json(activity),
                           "INSERT INTO activity_revision (activity_id, definition, import_id) VALUES (?, ?, :import)",
                           [activity.id, try json(activity)]))
        }
        return (writes, warnings)
    }
}

// MARK: - Money used per quarter

extension MetricsStore {
    /// Reads quarterly use CSV files (`activity`, `period`, `spent`) and stores them in one transaction, with
    /// the atomicity, summary, revisions and options of ``ingest(_:options:progress:)``: any rejected row refuses
    /// the whole import (unless ``IngestOptions/skipInvalid``, which imports the valid rows and writes the
    /// rejected ones to ``IngestOptions/rejects``); a changed figure adds a revision, an identical one counts
    /// as unchanged; reading stops at ``IngestOptions/rejectionLimit``.
    package func ingestAgreementUse(_ urls: [URL], options: IngestOptions = IngestOptions()) throws -> IngestResult {
        try InputFileError.check(urls)
        let rejects = try options.openRejects()
        var result = IngestResult()
        try dbWriter.writeWithoutTransaction { db in
            try db.inTransaction {
                let state = try Self.agreementState(db)
                let activities = Dictionary(state.activities.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
                var staged: [String: (use: ActivityUse, at: Diagnostic, fields: [String])] = [:]
                var conflicted: Set<String> = []
                var files: [ImportedFile] = []
                var checked = 0
                func reject(_ diagnostic: Diagnostic, fields: [String]) throws {
                    result.summary.rejected += 1
                    result.diagnosticCount += 1
                    if result.diagnostics.count < options.diagnosticLimit { result.diagnostics.append(diagnostic) }
                    try rejects?.write([.text(diagnostic.file), .number(Double(diagnostic.line)), .text(diagnostic.message),
                                        .text(fields.joined(separator: ";"))])
                    if options.stopsReading(rejected: result.summary.rejected, checked: checked) {
                        throw InputStopped.rejectionLimit(result.summary.rejected, at: diagnostic)
                    }
                }
                do {
                    for url in urls {
                        let path = url.relativePath
                        var source = try ActivityUseSource(url: url, displayPath: path)
                        var rows = 0
                        while let row = try source.next() {
                            rows += 1
                            guard source.headerProblems.isEmpty else { continue }
                            checked += 1
                            let at = Diagnostic(file: path, line: row.line, "")
                            switch Self.validateUse(row, activities: activities, agreements: state) {
                            case .failure(let reason):
                                try reject(Diagnostic(file: path, line: row.line, reason.message), fields: row.fields)
                            case .success(let (use, warning)):
                                if let warning { result.warnings.append(Diagnostic(file: path, line: row.line, warning, severity: .warning)) }
                                let key = "\(use.activity) \(use.period)"
                                if conflicted.contains(key) {
                                    try reject(Diagnostic(file: path, line: row.line, RepeatedKey.givenMoreThanOnce(key, "amount")), fields: row.fields)
                                } else if let earlier = staged[key], earlier.use.spent != use.spent {
                                    conflicted.insert(key)
                                    staged[key] = nil
                                    try reject(Diagnostic(file: earlier.at.file, line: earlier.at.line, RepeatedKey.givenAgain(key, at: "\(path):\(row.line)", "amount")),
                                               fields: earlier.fields)
                                    try reject(Diagnostic(file: path, line: row.line, RepeatedKey.alreadyGiven(key, at: earlier.at.location, "amount")),
                                               fields: row.fields)
                                } else {
                                    staged[key] = (use, at, row.fields)
                                }
                            }
                        }
                        for problem in source.headerProblems { try reject(problem, fields: []) }
                        files.append(ImportedFile(path: path, sha256: source.sha256, rows: rows))
                    }
                } catch let stop as InputStopped {
                    result.stop(stop)
                    return .rollback
                }
                if result.summary.rejected > 0, !options.skipInvalid {
                    result.refused = true
                    return .rollback
                }
                let current = Dictionary(state.use.map { ("\($0.activity) \($0.period)", $0.spent) }, uniquingKeysWith: { $1 })
                let importID = try Self.insertImport(db, kind: "ingest", note: options.note)
                for (key, item) in staged.sorted(by: { $0.key < $1.key }) {
                    switch current[key] {
                    case nil: result.summary.imported += 1
                    case item.use.spent?: result.summary.unchanged += 1; continue
                    default: result.summary.updated += 1
                    }
                    try db.execute(sql: "INSERT INTO activity_use (activity_id, period, import_id, spent, note) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [item.use.activity, item.use.period.description, importID, item.use.spent, item.use.note])
                }
                try Self.recordFiles(db, importID, files)
                try Self.finishImport(db, importID, result.summary)
                result.warnings += try Self.overspent(db, staged: staged.values.map { ($0.use.activity, $0.at) }, activities: activities)
                if options.dryRun { return .rollback }
                result.summary.importID = importID
                return .commit
            }
        }
        try rejects?.finish()
        result.summary.warnings = result.warnings.count
        return result
    }

    /// A use row checked against the decided activities: the use and a warning, or why it is refused.
    private static func validateUse(
        _ row: ActivityUseSource.Row, activities: [String: Activity], agreements: AgreementState
    ) -> Result<(ActivityUse, String?), Diagnostic> {
        func refuse(_ message: String) -> Result<(ActivityUse, String?), Diagnostic> { .failure(Diagnostic(file: "", line: 0, message)) }
        if let shape = row.shapeProblem { return refuse(shape) }
        guard let activity = activities[row.activity] else {
            return refuse(row.activity.isEmpty ? "no activity given" : "unknown activity '\(row.activity)' (load it with `naravard agreements load`)")
        }
        let period: Period
        do { period = try Period(parsing: row.period) } catch { return refuse(error.description) }
        guard period.kind == .quarter else { return refuse("use is reported per quarter, like \(period.year)Q3, not '\(row.period)'") }
        if NumberText.isMissingMarker(row.spent) {
            return refuse("the amount spent is missing: leave the row out until it is known")
        }
        let spent: Double
        do { spent = try NumberText(parsing: row.spent).value } catch { return refuse("spent: \(error.reason)") }
        guard spent >= 0 else { return refuse("spent cannot be negative: load the corrected figure for the quarter instead") }
        guard spent < Money.limit else { return refuse("spent: '\(row.spent)' is too large: amounts must be below \(Money.format(Int64(Money.limit))) kr") }
        let year = agreements.agreement(activity.agreement)?.year
        let warning = year.flatMap { $0 == period.year ? nil : "\(activity.id) \(period): outside the agreement's year \($0)" }
        return .success((ActivityUse(activity: activity.id, period: period, spent: spent, note: row.note), warning))
    }

    /// Warnings for the activities of an import whose money spent (every quarter, after the import) exceeds
    /// the amount decided.
    private static func overspent(_ db: Database, staged: [(activity: String, at: Diagnostic)], activities: [String: Activity]) throws -> [Diagnostic] {
        let spent = Dictionary(try agreementState(db).use.map { ($0.activity, $0.spent) }, uniquingKeysWith: +)
        var lastLine: [String: Diagnostic] = [:]
        for item in staged where (lastLine[item.activity]?.line ?? 0) < item.at.line {
            lastLine[item.activity] = item.at
        }
        return lastLine.sorted { $0.key < $1.key }.compactMap { id, at in
            guard let activity = activities[id], let total = spent[id], total > Double(activity.amount.kronor) else { return nil }
            var warning = at
            warning.severity = .warning
            warning.message = "\(id): \(Money.format(total)) kr spent in all, "
                + "\(Money.format(total - Double(activity.amount.kronor))) kr more than the \(activity.amount.text) decided"
            return warning
        }
    }
}
