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
    /// Reads quarterly use CSV files (`activity`, `period`, `spent`) and stores them in one transaction, through
    /// the pipeline of ``ingest(_:options:progress:)``, with its atomicity, summary, revisions, messages and
    /// options: any rejected row refuses the whole import (unless ``IngestOptions/skipInvalid``, which imports the
    /// valid rows and writes the rejected ones to ``IngestOptions/rejects``); a changed figure adds a revision, an
    /// identical one counts as unchanged; reading stops at ``IngestOptions/rejectionLimit``.
    package func ingestAgreementUse(_ urls: [URL], options: IngestOptions = IngestOptions()) throws -> IngestResult {
        try IngestPipeline<UseImport>.run(urls, into: dbWriter, options: options, progress: nil) { db, importID in
            let state = try Self.agreementState(db)
            return UseImport(state: state, writer: ActivityUseWriter(db: db, importID: importID, stored: state.use))
        }
    }
}

/// Writes one import's money used into `activity_use`, and tells how each figure compares with the store
/// before the import, as ``ObservationWriter`` does for values. Use files are small: the figures are held
/// until ``finish(activities:files:)`` writes the new and changed ones.
final class ActivityUseWriter {
    private(set) var summary = IngestSummary()
    /// Keys given twice in this import with different amounts: the row that showed it.
    private(set) var conflicts: [String: RowPlace] = [:]
    private let db: Database
    private let importID: Int64
    /// The amount stored for each key before the import.
    private let stored: [String: Double]
    private var staged: [String: (record: CheckedUse, outcome: WriteOutcome)] = [:]

    init(db: Database, importID: Int64, stored: [ActivityUse]) {
        self.db = db
        self.importID = importID
        self.stored = Dictionary(stored.map { ("\($0.activity) \($0.period)", $0.spent) }, uniquingKeysWith: { $1 })
    }

    func write(_ record: CheckedUse) {
        if conflicts[record.key] != nil {
            summary.rejected += 1
            return
        }
        if let earlier = staged[record.key] {
            guard earlier.record.use.spent != record.use.spent else { return }
            staged[record.key] = nil
            summary.count(earlier.outcome, by: -1)
            summary.rejected += 1
            conflicts[record.key] = record.place
            return
        }
        let outcome = WriteOutcome(stored[record.key].map { $0 == record.use.spent })
        staged[record.key] = (record, outcome)
        summary.count(outcome, by: 1)
    }

    /// Writes the new and changed figures; returns warnings for the activities of the import whose money spent
    /// (every quarter, after the import) exceeds the amount decided, each at the activity's last row.
    func finish(activities: [String: Activity], files: [String]) throws -> [Diagnostic] {
        for (_, item) in staged.sorted(by: { $0.key < $1.key }) where item.outcome != .unchanged {
            let use = item.record.use
            try db.execute(sql: "INSERT INTO activity_use (activity_id, period, import_id, spent, note) VALUES (?, ?, ?, ?, ?)",
                           arguments: [use.activity, use.period.description, importID, use.spent, use.note])
        }
        let spent = Dictionary(try MetricsStore.agreementState(db).use.map { ($0.activity, $0.spent) }, uniquingKeysWith: +)
        var lastRow: [String: RowPlace] = [:]
        for (record, _) in staged.values where (lastRow[record.use.activity]?.line ?? 0) < record.place.line {
            lastRow[record.use.activity] = record.place
        }
        return lastRow.sorted { $0.key < $1.key }.compactMap { id, place in
            guard let activity = activities[id], let total = spent[id], total > Double(activity.amount.kronor) else { return nil }
            return Diagnostic(file: files[place.file], line: place.line,
                              "\(id): \(Money.format(total)) kr spent in all, "
                                + "\(Money.format(total - Double(activity.amount.kronor))) kr more than the \(activity.amount.text) decided",
                              severity: .warning)
        }
    }
}
