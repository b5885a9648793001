import Foundation

// MARK: - Reviderade värden sedan förra rapporten (the committee's Om rapporten)

extension ReportBuilder {
    /// The stored records the report shows (its indicators, areas and periods) that changed between the previous
    /// report's import and this one's, as ``MetricsStore/changes(since:until:indicators:)`` lists them: revisions
    /// of a key that had a record then, not keys new since. Empty without a previous report or for Polsam.
    static func revisedRecords(
        _ store: MetricsStore, kind: ReportKind, previous: ReportRecord?, asOf: Int64?, data: [IndicatorData], shown: Set<String>
    ) throws -> [RecordChange] {
        guard kind == .committee, let since = previous?.asOf, let asOf, since < asOf else { return [] }
        let periods = Dictionary(data.map { ($0.indicator.id, Set($0.periods)) }, uniquingKeysWith: { first, _ in first })
        return try store.changes(since: since, until: asOf, indicators: data.map(\.indicator.id)).filter { change in
            change.old != nil && shown.contains(change.area) && periods[change.indicator]?.contains(change.period) == true
        }
    }

    /// One side of a revised record as the list shows it: the value (from its counts when only they are stored),
    /// `prickat` for a count below the indicator's limit or a value its report showed suppressed (`shownSuppressed`:
    /// a second member hidden to protect the first), or what stands in place of a missing value.
    func revisedCell(_ state: RecordChange.State?, _ data: IndicatorData, shownSuppressed: Bool) -> ReportCell {
        guard let state else { return .placeholder(Self.placeholder(.missing)) }
        let count = state.numerator ?? (data.unit == .count ? state.value : nil)
        if shownSuppressed { return .placeholder(Self.placeholder(.suppressed)) }
        if let minN = data.indicator.minN, minN > 1, let count, count >= 1, count < Double(minN) {
            return .placeholder(Self.placeholder(.suppressed))
        }
        let value = state.value ?? state.numerator.flatMap { numerator in
            state.denominator.flatMap { $0 == 0 ? nil : data.unit.factor * numerator / $0 }
        }
        return value.map { .number($0, .value(data.unit)) }
            ?? .placeholder(Self.placeholder(AreaValue.Status(rawValue: state.status) ?? .missing))
    }

    /// Reviderade värden sedan förra rapporten: each stored value of ``revisedRecords`` before and now, with the
    /// import that revised it, or a line saying there is no previous report or no revision.
    func revisedValuesTable() -> ReportTable {
        let geography = catalog.geography
        var rows: [ReportRow] = revisedRecords.compactMap { change in
            guard let data = data.first(where: { $0.indicator.id == change.indicator }) else { return nil }
            let key = ObservationKey(indicator: change.indicator, area: change.area, period: change.period, gender: change.gender)
            return ReportRow([
                .text(change.indicator), .text(data.indicator.name), .text(geography[change.area]?.name ?? change.area),
                .text(change.period.description), .text(change.gender.rawValue),
                revisedCell(change.old, data, shownSuppressed: previous?.values[key]?.status == .suppressed),
                revisedCell(change.new, data, shownSuppressed: data.values[key]?.status == .suppressed),
                .number(change.importID.map(Double.init), .integer),
            ])
        }
        let caption: String
        if let record = previous?.record {
            caption = "Reviderade värden sedan förra rapporten (rapport \(record.id), data till och med import "
                + "\(record.asOf.map(String.init) ?? "–"); lagrade värden som visas i rapporten)"
            if rows.isEmpty { rows = [ReportRow([.text("Inga lagrade värden har reviderats sedan förra rapporten.")])] }
        } else {
            caption = "Reviderade värden sedan förra rapporten"
            rows = [ReportRow([.text("Ingen tidigare rapport av samma slag på äldre data finns i rapportloggen.")])]
        }
        return ReportTable(
            name: "reviderade-varden", caption: caption,
            columns: [ReportColumn("Indikator-id", width: 24), ReportColumn("Indikator", width: 66, wrap: true),
                      ReportColumn("Område", width: 40, wrap: true), ReportColumn("Period", width: 8),
                      ReportColumn("Kön", width: 12), ReportColumn("Tidigare", width: 22), ReportColumn("Nu", width: 36),
                      ReportColumn("Import", width: 8)],
            rows: rows)
    }
}
