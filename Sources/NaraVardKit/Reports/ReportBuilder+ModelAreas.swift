// MARK: - The rural model areas (Modellområde Östra Norrbotten, Modellområde Jokkmokk)

extension ReportBuilder {
    /// Modellområden: every indicator's latest value, change, trend and comparison with the county for the
    /// geography's groups, the county beneath them; `nil` when the geography has no groups.
    func modelAreaSheet() -> ReportSheet? {
        guard !modelAreas.isEmpty else { return nil }
        let geography = catalog.geography
        var rows: [ReportRow] = []
        var colors: [ConditionalColor] = []
        // A one-member area shows its municipality's values; a larger one what is published for länsdelar.
        func shows(_ area: Area, _ indicator: Indicator) -> Bool {
            guard area.kind == .group else { return indicator.isPublished(for: area.kind) }
            return indicator.isPublished(for: geography.members(of: area).count == 1 ? .municipality : .group)
        }
        for data in modelData where modelAreas.contains(where: { $0.kind == .group && shows($0, data.indicator) }) {
            let start = rows.count
            for area in modelAreas where shows(area, data.indicator) {
                rows.append(ReportRow(
                    [.text(data.indicator.name), .text(data.indicator.unit.label), .text(ReportText.period(data.period)),
                     .text(area.name), valueCell(data, area.id, data.period), changeCell(data, area.id), trendCell(data, area.id)]
                        + comparisonCells(data, area.id),
                    emphasis: area.kind == .county, startsGroup: rows.count == start))
            }
            colors.append(ConditionalColor(rows: start..<rows.count, columns: 5...5, rule: .sign(data.indicator.better)))
        }
        colors += [
            ConditionalColor(rows: 0..<rows.count, columns: 6...6, rule: .labels(ReportText.trendLabels)),
            ConditionalColor(rows: 0..<rows.count, columns: 9...9, rule: .labels(ReportText.verdictLabels)),
        ]
        let columns = [
            ReportColumn("Indikator", width: 46), ReportColumn("Enhet", width: 12), ReportColumn("Period", width: 9),
            ReportColumn("Område", width: 30), ReportColumn("Värde", width: 12), ReportColumn("Förändring 1 år", width: 11, wrap: true),
            ReportColumn("Trend", width: 24),
        ] + comparisonColumns
        var notes = modelAreas.filter { $0.kind == .group }.compactMap { group -> String? in
            let members = geography.members(of: group)
            if let lansdel = geography.areas.first(where: { $0.kind == .lansdel && geography.members(of: $0) == members }) {
                return "\(group.name) har samma kommuner som länsdelen \(lansdel.name): värdena är desamma som länsdelens på "
                    + "flikarna per riktningsförändring."
            }
            if members.count == 1, let member = members.first.flatMap({ geography[$0] }) {
                return "\(group.name) är en kommun, \(member.name): värdena är kommunens egna, också de som rapporteras utan "
                    + "täljare och nämnare."
            }
            return nil
        }
        notes.append(Self.changeAndTrend)
        return ReportSheet(
            name: "Modellområden", title: "Modellområden för nära vård i glesbygd",
            subtitle: "Senaste värde, förändring mot samma period ett år tidigare, trend och jämförelse med \(benchmarkName) "
                + "(bättre eller sämre bara utöver slumpen) för modellområdena, med länet under. Rapportperiod "
                + "\(ReportText.periodTitle(period)).",
            tables: [ReportTable(name: "modellomraden", columns: columns, rows: rows, colors: colors, freezeHeader: true, filter: true)],
            notes: notes)
    }
}
