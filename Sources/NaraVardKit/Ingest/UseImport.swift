import Foundation

/// A checked row of money used, on its way to the database.
struct CheckedUse {
    var use: ActivityUse
    /// `A22-01 2022Q3`: the key, as messages name it.
    var key: String
    var place: RowPlace
}

/// Money used per activity and quarter as ``IngestPipeline`` imports it: use CSV files (``ActivityUseSource``),
/// each row checked against the decided activities and written by ``ActivityUseWriter``.
final class UseImport: IngestKind {
    static let figure = "amount"
    private let state: AgreementState
    private let activities: [String: Activity]
    private let writer: ActivityUseWriter

    init(state: AgreementState, writer: ActivityUseWriter) {
        self.state = state
        activities = Dictionary(state.activities.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        self.writer = writer
    }

    func read(_ url: URL, path: String, reader: RowReader<ActivityUseSource.Row>) throws -> ImportedFile {
        var source = try ActivityUseSource(url: url, displayPath: path)
        return try reader.readAll(&source, url: url, path: path)
    }

    /// A use row checked against the decided activities, with a warning for a quarter outside the agreement's year.
    func check(_ row: ActivityUseSource.Row, at place: RowPlace) -> RowCheck<CheckedUse> {
        if let shape = row.shapeProblem { return .rejected([shape]) }
        guard let activity = activities[row.activity] else {
            return .rejected([row.activity.isEmpty ? "no activity given" : "unknown activity '\(row.activity)' (load it with `naravard agreements load`)"])
        }
        let period: Period
        do { period = try Period(parsing: row.period) } catch { return .rejected([error.description]) }
        guard period.kind == .quarter else { return .rejected(["use is reported per quarter, like \(period.year)Q3, not '\(row.period)'"]) }
        if NumberText.isMissingMarker(row.spent) {
            return .rejected(["the amount spent is missing: leave the row out until it is known"])
        }
        let spent: Double
        do { spent = try NumberText(parsing: row.spent).value } catch { return .rejected(["spent: \(error.reason)"]) }
        guard spent >= 0 else { return .rejected(["spent cannot be negative: load the corrected figure for the quarter instead"]) }
        guard spent < Money.limit else {
            return .rejected(["spent: '\(row.spent)' is too large: amounts must be below \(Money.format(Int64(Money.limit))) kr"])
        }
        let year = state.agreement(activity.agreement)?.year
        let warning = year.flatMap { $0 == period.year ? nil : "\(activity.id) \(period): outside the agreement's year \($0)" }
        let use = ActivityUse(activity: activity.id, period: period, spent: spent, note: row.note)
        return .accepted(CheckedUse(use: use, key: "\(use.activity) \(use.period)", place: place), warning: warning)
    }

    func key(of record: CheckedUse) -> String { record.key }
    func name(of record: CheckedUse) -> String { record.key }
    func write(_ record: CheckedUse) throws { writer.write(record) }
    var conflicts: [String: RowPlace] { writer.conflicts }
    var summary: IngestSummary { writer.summary }

    /// Writes the new and changed figures, and warns of activities whose money spent now exceeds the amount decided.
    func finish(_ pipeline: IngestPipeline<UseImport>) throws {
        pipeline.warn(try writer.finish(activities: activities, files: pipeline.files))
    }
}
