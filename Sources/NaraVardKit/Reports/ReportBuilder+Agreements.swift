// MARK: - The national agreements' money in the committee follow-up

extension ReportBuilder {
    /// Överenskommelser: per insatsområde allocated, decided, spent and the linked indicators' trends, a
    /// column chart per agreement, the agreements as wholes and the decided activities.
    func agreementSheet(_ followUp: AgreementFollowUp) -> ReportSheet {
        let money = NumberStyle.integer
        var rows: [ReportRow] = []
        var charts: [ReportChart] = []
        for agreement in followUp.lines.filter({ $0.area == nil }).map(\.agreement) {
            let start = rows.count
            for line in followUp.lines where line.agreement.id == agreement.id {
                guard let area = line.area else { continue }
                rows.append(ReportRow(
                    [.text(agreement.name), .text(area.name), .text(area.shift.flatMap(catalog.shift).map(sheetName)),
                     .number(Double(line.allocated), money), .number(line.jointAllocated.map(Double.init), money),
                     .number(Double(line.decided), money)] + usageCells(line) + [.text(ReportText.linkedTrends(line.trends)), .text(linkReasons(area))],
                    startsGroup: rows.count == start))
            }
            guard rows.count > start else { continue }
            charts.append(ReportChart(kind: .bar, title: "\(agreement.name) \(agreement.year)", yAxisTitle: "miljoner kronor (mkr)",
                                      yAxisNumberFormat: "#,##0.0,,", startsAtZero: true, table: 0, rows: start..<rows.count, categoryColumn: 1,
                                      valueColumns: [3, 5, 6]))
        }
        let areaColumns = [
            ReportColumn("Överenskommelse", width: 30, wrap: true), ReportColumn("Insatsområde", width: 34, wrap: true),
            ReportColumn("Riktningsförändring", width: 20, wrap: true), ReportColumn("Tilldelat (kr)", width: 14, wrap: true),
            ReportColumn("Gemensamt med kommunerna (kr)", width: 15, wrap: true), ReportColumn("Beslutat (kr)", width: 14, wrap: true),
            ReportColumn("Förbrukat (kr)", width: 14, wrap: true), ReportColumn("Kvar (kr)", width: 14, wrap: true),
            ReportColumn("Förbrukat (%)", width: 10, wrap: true), ReportColumn("Indikatorer: trend i länet", width: 44, wrap: true),
            ReportColumn("Varför indikatorerna", width: 60, wrap: true),
        ]
        let wholes = followUp.lines.filter { $0.area == nil }.map { line in
            ReportRow([.text(line.agreement.name), .number(Double(line.agreement.year), .year), .text(line.agreement.counterpart),
                       .number(Double(line.allocated), money), .number(line.agreement.municipalities.map { Double($0.kronor) }, money),
                       .number(Double(line.decided), money)] + usageCells(line) + [.text(line.agreement.source)])
        }
        let wholeColumns = [
            ReportColumn("Överenskommelse", width: 30, wrap: true), ReportColumn("År", width: 6), ReportColumn("Motpart", width: 20, wrap: true),
            ReportColumn("Tilldelat (kr)", width: 14, wrap: true), ReportColumn("Kommunernas medel (kr)", width: 15, wrap: true),
            ReportColumn("Beslutat (kr)", width: 14, wrap: true), ReportColumn("Förbrukat (kr)", width: 14, wrap: true),
            ReportColumn("Kvar (kr)", width: 14, wrap: true), ReportColumn("Förbrukat (%)", width: 10, wrap: true),
            ReportColumn("Källa", width: 44, wrap: true),
        ]
        let year = followUp.lines.first?.agreement.year
        let activities = followUp.activities.map { activity in
            let agreement = followUp.lines.first { $0.agreement.id == activity.agreement }?.agreement
            return ReportRow([.text(activity.name), .text(agreement?.name), .text(agreement?.area(activity.insatsomrade)?.name),
                       .text(activity.division), .text(activity.decided), .text(activity.decidedBy),
                       .number(Double(activity.amount.kronor), money), .number(followUp.spent(activity.id), money),
                       .text(activity.shifts.compactMap(catalog.shift).map(sheetName).joined(separator: ", "))])
        }
        let activityColumns = [
            ReportColumn("Aktivitet", width: 30, wrap: true), ReportColumn("Överenskommelse", width: 30, wrap: true),
            ReportColumn("Insatsområde", width: 34, wrap: true), ReportColumn("Ansvarig division", width: 20, wrap: true),
            ReportColumn("Beslutsdatum", width: 14), ReportColumn("Beslutsfattare", width: 15, wrap: true),
            ReportColumn("Beslutat (kr)", width: 14, wrap: true), ReportColumn("Förbrukat (kr)", width: 14, wrap: true),
            ReportColumn("Riktningsförändringar", width: 44, wrap: true),
        ]
        return ReportSheet(
            name: "Överenskommelser", title: "Nationella överenskommelser \(year.map(String.init) ?? "")",
            subtitle: "Tilldelat, beslutat och förbrukat per insatsområde, \(spentUntil(followUp)). "
                + "Trend för de indikatorer medlen ska påverka, länet totalt.",
            tables: [
                ReportTable(name: "overenskommelser", columns: areaColumns, rows: rows, freezeHeader: true),
                ReportTable(name: "overenskommelser-totalt", caption: "Per överenskommelse", columns: wholeColumns, rows: wholes),
                ReportTable(name: "beslutade-aktiviteter", caption: "Beslutade aktiviteter", columns: activityColumns, rows: activities),
            ],
            charts: charts, chartLayout: .grid(columns: 2),
            notes: [
                "Varför indikatorerna: varför medlen ska påverka varje länkad indikator, med stöd i underlaget "
                    + "(överenskommelsens fil under Agreements/).",
                "Tilldelat: regionens del (för gemensamma insatsområden anges även summan gemensamt med kommunerna). "
                    + "Kvar = tilldelat − förbrukat. Förbrukat (%) = förbrukat / tilldelat. \"\(ReportText.notFollowedUp)\": "
                    + "ingen förbrukning är inlagd för insatsområdets aktiviteter, så förbrukningen är okänd (inte noll).",
            ])
    }

    /// Each linked indicator's reason, one per line (`PV01: Underlag 001: …`); nil when no link gives one.
    func linkReasons(_ area: Insatsomrade) -> String? {
        let lines = area.indicators.compactMap { id in area.reason(for: id).map { "\(id): \($0)" } }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    /// Spent, remaining and percent used; where no spending is entered, "ingen uppföljning inlagd" (unknown, not 0 %).
    func usageCells(_ line: AgreementFollowUp.Line) -> [ReportCell] {
        line.followedUp
            ? [.number(line.spent, .integer), .number(line.remaining, .integer), .number(line.percentUsed, NumberStyle(decimals: 1))]
            : [ReportCell(.text(ReportText.notFollowedUp), tone: .muted), .empty, .empty]
    }

    /// "förbrukat till och med 2022 kvartal 4": the last quarter with spending entered, not the report period.
    func spentUntil(_ followUp: AgreementFollowUp) -> String {
        followUp.lastSpent.map { "förbrukat till och med \(ReportText.periodTitle($0)) (senaste inlagda förbrukning)" }
            ?? "ingen förbrukning inlagd"
    }

    /// The insatsområden's money per primary direction shift, for the summary sheet.
    func shiftMoneyTable(_ followUp: AgreementFollowUp) -> ReportTable {
        let money = NumberStyle.integer
        let year = followUp.lines.first?.agreement.year
        return ReportTable(
            name: "sammanfattning-medel",
            caption: "Medel från nationella överenskommelser \(year.map(String.init) ?? "") per riktningsförändring "
                + "(insatsområdets huvudsakliga), \(spentUntil(followUp))",
            columns: [ReportColumn("Riktningsförändring", width: 46)]
                + ["Tilldelat (kr)", "Beslutat (kr)", "Förbrukat (kr)", "Förbrukat (%)"].map { ReportColumn($0, width: 19, centered: true) },
            rows: followUp.byShift.map { line in
                ReportRow([.text(line.shift.flatMap(catalog.shift).map { "\($0.id) \($0.name)" } ?? "Ingen riktningsförändring angiven"),
                           .number(Double(line.allocated), money), .number(Double(line.decided), money), .number(line.spent, money),
                           .number(line.allocated > 0 ? 100 * line.spent / Double(line.allocated) : nil, NumberStyle(decimals: 1))])
            })
    }
}
