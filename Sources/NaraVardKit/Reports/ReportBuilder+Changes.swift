import Foundation

// MARK: - Förändrade slutsatser sedan förra rapporten (the committee's Sammanfattning)

extension ReportBuilder {
    /// One conclusion that changed since the previous report: a trend class or a verdict against the benchmark.
    struct ConclusionChange {
        let indicator: Indicator
        let area: Area
        /// `Trend` or `Jämfört med länet`.
        let what: String
        let before: String
        let now: String
        /// New data, a revised value, a catalogue change (named), or several.
        let cause: String
    }

    /// Every trend class and verdict of the compared areas that differs from the previous report's, in report order.
    func changedConclusions() -> [ConclusionChange] {
        guard let earlier = earlier?.data else { return [] }
        var changes: [ConclusionChange] = []
        for now in data {
            guard let before = earlier.first(where: { $0.indicator.id == now.indicator.id }) else { continue }
            for area in totals where now.indicator.isPublished(for: area.kind) {
                let trends = [before, now].map { ReportText.trend($0.trends[area.id]?.result.classification, better: $0.indicator.better) }
                let verdicts = [before, now].map { data in
                    data.comparisons[data.key(area.id, data.period)].map { verdictText($0) ?? ReportText.verdict(.notCompared) }
                        ?? ReportText.verdict(.notCompared)
                }
                let found = [("Trend", trends), ("Jämfört med \(benchmarkName)", verdicts)].filter { $0.1[0] != $0.1[1] }
                guard !found.isEmpty else { continue }
                let cause = Self.cause(before, now, area: area.id)
                changes += found.map {
                    ConclusionChange(indicator: now.indicator, area: area, what: $0.0, before: $0.1[0], now: $0.1[1], cause: cause)
                }
            }
        }
        return changes
    }

    /// Why an area's conclusions changed: the catalogue's definition of the indicator (what changed), values
    /// revised since (the first of them, before → now), new periods of data.
    static func cause(_ before: IndicatorData, _ now: IndicatorData, area: String) -> String {
        var causes: [String] = []
        let old = before.indicator, new = now.indicator
        let fields: [(String, Bool)] = [
            ("önskad riktning", old.better != new.better), ("enhet", old.unit != new.unit), ("frekvens", old.frequency != new.frequency),
            ("prickningsgräns", old.minN != new.minN), ("säsongsvariation", old.seasonal != new.seasonal),
            ("redovisningsnivåer", old.levels != new.levels), ("mål", old.target != new.target || old.targets != new.targets),
        ]
        let changed = fields.filter(\.1).map(\.0)
        if !changed.isEmpty || old != new {
            causes.append("katalogändring" + (changed.isEmpty ? "" : " (\(changed.joined(separator: ", ")))"))
        }
        let earlier = before.history[area] ?? [:], later = now.history[area] ?? [:]
        let revised = earlier.keys.sorted().filter { period in later[period].map { abs($0 - earlier[period]!) > 1e-9 } ?? true }
        if let first = revised.first {
            let decimals = new.unit.reportDecimals
            let after = later[first].map { ReportText.number($0, decimals: decimals) } ?? "inget värde"
            causes.append("reviderat värde (\(ReportText.period(first)): \(ReportText.number(earlier[first]!, decimals: decimals)) → \(after)"
                          + (revised.count > 1 ? " och \(revised.count - 1) till" : "") + ")")
        }
        // New periods in the area, or else new data of the indicator elsewhere (a municipality's value that leaves
        // the area's own incomplete).
        var added = later.keys.filter { period in earlier.keys.max().map { period > $0 } ?? true }.sorted()
        if added.isEmpty, now.hasValue, !before.hasValue || now.period > before.period { added = [now.period] }
        if let first = added.first, let last = added.last {
            causes.append("nya data (" + (first == last ? ReportText.period(first)
                : "\(ReportText.period(first))–\(ReportText.period(last))") + ")")
        }
        return causes.isEmpty ? "inga ändrade värden (ändrad indelning i områden)" : causes.joined(separator: "; ")
    }

    /// Förändrade slutsatser sedan förra rapporten: one row per changed conclusion, or a line saying there is
    /// no previous report or no change.
    func changedConclusionsTable() -> ReportTable {
        let changes = changedConclusions()
        var rows = changes.enumerated().map { index, change in
            ReportRow([.text(change.indicator.name), .text(change.area.name), .text(change.what), .text(change.before),
                       .text(change.now), .text(change.cause)],
                      startsGroup: index > 0 && changes[index - 1].indicator.id != change.indicator.id)
        }
        let caption: String
        if let earlier {
            caption = "Förändrade slutsatser sedan förra rapporten (rapport \(earlier.record.id), \(ReportText.periodTitle(earlier.record.period)), "
                + "data till och med import \(earlier.record.asOf.map(String.init) ?? "–"))"
            if earlier.data.isEmpty {
                rows = [ReportRow([.text("Förra rapporten kan inte byggas om med den här rapportdefinitionen och katalogen som den var då.")])]
            } else if rows.isEmpty {
                rows = [ReportRow([.text("Inga slutsatser har ändrats sedan förra rapporten.")])]
            }
        } else {
            caption = "Förändrade slutsatser sedan förra rapporten"
            rows = [ReportRow([.text("Ingen tidigare rapport av samma slag för en tidigare period finns i rapportloggen.")])]
        }
        let labels = ReportText.trendLabels + ReportText.verdictLabels
        return ReportTable(
            name: "forandrade-slutsatser", caption: caption,
            columns: [ReportColumn("Indikator", width: 46, wrap: true), ReportColumn("Område", width: 22, wrap: true),
                      ReportColumn("Slutsats", width: 22, wrap: true), ReportColumn("Förra rapporten", width: 24, wrap: true),
                      ReportColumn("Nu", width: 24, wrap: true), ReportColumn("Orsak", width: 40, wrap: true)],
            rows: rows,
            colors: changes.isEmpty ? [] : [ConditionalColor(rows: 0..<rows.count, columns: 3...4, rule: .labels(labels))])
    }
}
