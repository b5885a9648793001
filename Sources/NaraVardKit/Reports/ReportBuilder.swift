import Foundation

/// What to build: which report, from which definition, for which period and import.
public struct ReportRequest: Sendable {
    public var kind: ReportKind
    public var definition: ReportDefinition
    /// The report period; `nil` means the latest quarter with data. Yearly indicators show their latest year
    /// ended by then.
    public var period: Period?
    /// Build on the store as it was right after this import; `nil` means as it is now.
    public var asOf: Int64?
    /// Shown in the report and pinned as the workbook's creation date.
    public var generatedAt: Date

    public init(kind: ReportKind, definition: ReportDefinition, period: Period? = nil, asOf: Int64? = nil, generatedAt: Date = Date()) {
        self.kind = kind; self.definition = definition; self.period = period; self.asOf = asOf
        self.generatedAt = generatedAt
    }
}

/// One indicator's part of a report: its period, the values shown (after suppression) and its trends.
struct IndicatorData {
    let indicator: Indicator
    /// The latest period of the indicator's frequency, by the report period, with data.
    let period: Period
    /// The periods tables and charts show, oldest first, ending with ``period``.
    let periods: [Period]
    /// Values shown, by key, after small-number suppression.
    let values: [ObservationKey: AreaValue]
    /// Total-gender trends by area, over every period up to the report period.
    let trends: [String: SeriesTrend]
    /// The values of ``period`` compared with the benchmark (comparisons.md), by key; suppressed values are
    /// not compared.
    let comparisons: [ObservationKey: Comparison]
    /// Whether the indicator has any value up to the report period.
    let hasValue: Bool
    /// The indicator has no value for the report period and shows an older one (design.md, "Report periods"): a
    /// quarterly or monthly indicator whose latest value is before the period's last quarter or month, a yearly
    /// one whose latest year is older than the report year minus one; also one without any value.
    let stale: Bool
    /// Its latest value is for the report period itself (its last quarter, month or year).
    let current: Bool
    /// Its frequency fits the report period: a period of its frequency lies within the report period (a quarterly
    /// indicator fits a quarter or a year, a yearly one only a year).
    let fits: Bool
    /// The total-gender values of the compared areas over every period up to the report period, by area: what
    /// the trends and comparisons were drawn from (before suppression), to see what a revision changed.
    let history: [String: [Period: Double]]

    var unit: IndicatorUnit { indicator.unit }

    func key(_ area: String, _ period: Period, _ gender: Gender = .total) -> ObservationKey {
        ObservationKey(indicator: indicator.id, area: area, period: period, gender: gender)
    }

    /// The same period a year earlier.
    func yearBefore(_ period: Period) -> Period {
        Period(kind: period.kind, index: period.index - Period.perYear(period.kind))
    }
}

/// Reads what a report shows from the store, one indicator at a time, and lays it out in sheets
/// (`ReportBuilder+Committee.swift`, `ReportBuilder+Polsam.swift`, `ReportBuilder+Sheets.swift`).
struct ReportBuilder {
    let store: MetricsStore
    let request: ReportRequest
    let catalog: Catalog
    /// The imports the report is built on, oldest first.
    let imports: [ImportRecord]
    let asOf: Int64?
    let period: Period
    /// The compared areas: länsdelar, the county, groups.
    let totals: [Area]
    /// Every area shown, each total followed by its municipalities (largest first).
    let areas: [(area: Area, indented: Bool)]
    /// The direction shifts that have indicators in the report.
    let shifts: [Shift]
    let previous: (record: ReportRecord, values: [ObservationKey: ReportValue])?
    let data: [IndicatorData]
    /// The committee report's agreements: those of the latest year up to the report period (nil: none).
    let agreements: AgreementFollowUp?
    /// The committee report before this one (design.md: the latest logged report of the same kind for an earlier
    /// period, on data no newer than this one's), rebuilt from the store as of its import; nil when there is none.
    let earlier: (record: ReportRecord, data: [IndicatorData])?
    /// The committee report's stored values revised since the previous report, from `changes`
    /// (`ReportBuilder+Revisions.swift`); empty for Polsam.
    let revisedRecords: [RecordChange]
    /// The committee report's model areas (the geography's groups) and the county, each indicator's values,
    /// trends and comparisons for them (`ReportBuilder+ModelAreas.swift`); empty for Polsam.
    let modelAreas: [Area]
    let modelData: [IndicatorData]

    /// - Parameter comparingEarlier: rebuild the previous committee report to list the conclusions that changed
    ///   since (off for that rebuild itself).
    init(store: MetricsStore, request: ReportRequest, comparingEarlier: Bool = true) throws {
        self.store = store
        self.request = request
        let definition = request.definition
        let allImports = try store.imports()
        if let asOf = request.asOf, !allImports.contains(where: { $0.id == asOf }) {
            throw StoreQueryError(description: "there is no import \(asOf) (see `naravard imports`)")
        }
        imports = allImports.filter { record in request.asOf.map { record.id <= $0 } ?? true }
        let asOf = request.asOf ?? imports.last?.id
        self.asOf = asOf
        // The catalogue as of the same import as the data, so a report can be made again exactly.
        let catalog = try store.catalog(asOf: asOf)
        self.catalog = catalog
        let problems = definition.problems(in: catalog)
        guard problems.isEmpty else { throw Diagnostics(problems) }
        guard let period = try request.period ?? store.latestReportedPeriod(.quarter, asOf: asOf) ?? store.latestReportedPeriod(.year, asOf: asOf) else {
            throw StoreQueryError(description: "the store has no values to report (see `naravard ingest`)")
        }
        self.period = period

        let geography = catalog.geography
        totals = definition.areas.isEmpty
            ? geography.areas.filter { $0.kind == .lansdel }.sorted { $0.name < $1.name } + geography.areas.filter { $0.kind == .county }
            : definition.areas.compactMap { geography[$0] }
        var areas: [(area: Area, indented: Bool)] = []
        for total in totals {
            areas.append((total, false))
            let members = geography.members(of: total).compactMap { geography[$0] }
                .filter { member in total.kind != .county || !areas.contains { $0.area.id == member.id } }
                .sorted { ($0.population ?? 0, $1.id) > ($1.population ?? 0, $0.id) }
            areas += members.map { ($0, true) }
        }
        self.areas = areas

        let indicators = definition.indicators.isEmpty
            ? catalog.indicators.filter { !$0.retired }
            : definition.indicators.compactMap { catalog.indicator($0) }.enumerated()
                .sorted { ($0.element.shift, $0.offset) < ($1.element.shift, $1.offset) }.map(\.element)
        shifts = catalog.shifts.filter { shift in indicators.contains { $0.shift == shift.id } }
        if period.kind == .month, !indicators.contains(where: { $0.frequency.periodKind == .month }) {
            let latest = try store.latestReportedPeriod(.quarter, asOf: asOf).map { " (the latest quarter with data is \($0))" } ?? ""
            throw StoreQueryError(description: "the report has no monthly indicators: \(period) cannot be reported; "
                                  + "give a quarter or a year\(latest)")
        }
        previous = try asOf.flatMap { try store.previousReport(request.kind, before: $0) }

        let aggregator = Aggregator(geography: geography, indicators: indicators)
        let shown = Set(areas.map(\.area.id))
        let totals = self.totals
        let benchmark = definition.benchmark
        // The shown areas, the benchmark and the members their totals are made of: nothing else is read.
        let needed = Array(shown.union(totals.flatMap { geography.members(of: $0) }).union([benchmark].compactMap { $0 })).sorted()
        let compared = shown.union([benchmark].compactMap { $0 })
        // The committee report's model areas (the geography's groups) and the county, with their members.
        let groups = request.kind == .committee ? geography.areas.filter { $0.kind == .group } : []
        let county = geography.areas.filter { $0.kind == .county }
        let modelAreas = groups.isEmpty ? [] : groups + county
        let modelShown = Set(modelAreas.map(\.id))
        let modelNeeded = modelShown.union(modelAreas.flatMap { geography.members(of: $0) })
        let neededSet = Set(needed)
        // Each indicator's records are read once, for the report's areas and the model areas alike.
        let read = Array(neededSet.union(modelNeeded)).sorted()
        let gathered = try indicators.concurrentMap { indicator in
            var query = ObservationQuery(asOf: asOf)
            query.indicators = [indicator.id]
            query.period = period
            query.areas = read
            let observations = try store.observations(query)
            let values = aggregator.values(observations.filter { neededSet.contains($0.area) }, aggregating: totals)
                .filter { compared.contains($0.area) }
            let data = Self.gather(indicator, values: values, period: period, historyYears: definition.historyYears,
                                   totals: totals, geography: geography, benchmark: benchmark, shown: shown)
            guard !modelAreas.isEmpty else { return (data: data, model: IndicatorData?.none) }
            let modelObservations = observations.filter { modelNeeded.contains($0.area) }
            let modelValues = Self.oneMemberAreas(aggregator.values(modelObservations, aggregating: modelAreas), modelObservations, groups, geography)
                .filter { modelShown.contains($0.area) }
            return (data: data, model: Self.gather(indicator, values: modelValues, period: period, historyYears: definition.historyYears,
                                                   totals: modelAreas, geography: geography, benchmark: benchmark ?? county.first?.id,
                                                   shown: modelShown))
        }
        let data = gathered.map(\.data)
        guard data.contains(where: { !$0.values.isEmpty }) else {
            throw StoreQueryError(description: "there are no values up to \(period) to report")
        }
        if request.period != nil, !data.contains(where: { $0.fits && $0.current }) {
            let latest = try store.latestReportedPeriod(period.kind, asOf: asOf) ?? store.latestReportedPeriod(.quarter, asOf: asOf)
                ?? store.latestReportedPeriod(.year, asOf: asOf)
            throw StoreQueryError(description: "no indicator has a value for \(period)"
                                  + (latest.map { "; the latest period with data is \($0)" } ?? ""))
        }
        self.data = data
        revisedRecords = comparingEarlier
            ? try Self.revisedRecords(store, kind: request.kind, previous: previous?.record, asOf: asOf, data: data, shown: shown)
            : []
        agreements = request.kind == .committee ? try Self.agreements(store, asOf: asOf, period: period, data: data, totals: totals) : nil
        earlier = try Self.earlier(store, request: request, period: period, asOf: asOf, when: comparingEarlier && request.kind == .committee)
        self.modelAreas = modelAreas
        modelData = gathered.compactMap(\.model)
    }

    /// The previous report of the kind (design.md, "Report periods"), rebuilt as it was made.
    private static func earlier(
        _ store: MetricsStore, request: ReportRequest, period: Period, asOf: Int64?, when wanted: Bool
    ) throws -> (record: ReportRecord, data: [IndicatorData])? {
        guard wanted, let asOf,
              let record = try store.reportLog().last(where: {
                  $0.kind == request.kind && $0.state == "done" && ($0.asOf ?? .max) <= asOf
                      // An earlier period: one that ends before this one ends (a year before its fourth quarter, too).
                      && $0.period.lastIndexes.month < period.lastIndexes.month
              }),
              let earlierAsOf = record.asOf
        else { return nil }
        var earlier = request
        earlier.period = record.period
        earlier.asOf = earlierAsOf
        // A definition the earlier catalogue cannot satisfy, or a period since withdrawn: nothing to compare with,
        // which the table says (rather than refusing this report).
        do {
            return (record, try ReportBuilder(store: store, request: earlier, comparingEarlier: false).data)
        } catch is Diagnostics {
            return (record, [])
        } catch is StoreQueryError {
            return (record, [])
        }
    }

    /// A group of one municipality shows that municipality's own values, also those given without counts
    /// (which a sum of several could not use).
    private static func oneMemberAreas(_ values: [AreaValue], _ observations: [Observation], _ groups: [Area], _ geography: Geography) -> [AreaValue] {
        var values = values
        for group in groups {
            let members = geography.members(of: group)
            guard members.count == 1, let member = members.first else { continue }
            values.removeAll { $0.area == group.id }
            values += observations.filter { $0.area == member }.map { observation in
                var copy = AreaValue(observation)
                copy.area = group.id
                return copy
            }
        }
        return values
    }

    /// The follow-up of the latest agreement year up to the report period, with the county trends already analysed.
    private static func agreements(
        _ store: MetricsStore, asOf: Int64?, period: Period, data: [IndicatorData], totals: [Area]
    ) throws -> AgreementFollowUp? {
        let state = try store.agreementState(asOf: asOf)
        guard let year = state.agreements.map(\.year).filter({ $0 <= period.year }).max() else { return nil }
        let county = totals.first { $0.kind == .county }?.id ?? ""
        var trends: [String: TrendClass] = [:], better: [String: Better] = [:]
        for data in data {
            better[data.indicator.id] = data.indicator.better
            trends[data.indicator.id] = data.trends[county]?.result.classification
        }
        return .build(state, year: year, period: period, indicators: better, trends: trends)
    }

    /// Picks an indicator's period and window, suppresses small numbers, analyses the trends and compares the
    /// latest values with the benchmark (`nil`: each area's county); keeps the values of the `shown` areas.
    private static func gather(
        _ indicator: Indicator, values: [AreaValue], period: Period, historyYears: Int, totals: [Area], geography: Geography,
        benchmark: String?, shown: Set<String>
    ) -> IndicatorData {
        let kind = indicator.frequency.periodKind
        let last = period.lastIndexes
        let limit = switch kind { case .year: last.year; case .quarter: last.quarter; case .month: last.month }
        let latestWithValue = values.filter { $0.period.kind == kind && $0.gender == .total && $0.value != nil && shown.contains($0.area) }
            .map(\.period).max()
        let latest = latestWithValue ?? Period(kind: kind, index: limit)
        let stale = switch kind {
        case .year: latestWithValue.map { $0.year < period.year - 1 } ?? true
        case .quarter, .month: latest.index < limit
        }
        let totalIDs = Set(totals.map(\.id))
        var history: [String: [Period: Double]] = [:]
        for value in values where value.gender == .total && value.period.kind == kind && totalIDs.contains(value.area) {
            if let number = value.value { history[value.area, default: [:]][value.period] = number }
        }
        let perYear = Period.perYear(kind)
        let count = max(historyYears * perYear, perYear + 1)
        let periods = (0..<count).map { Period(kind: kind, index: latest.index - count + 1 + $0) }
        let window = Set(periods)
        let visible = SmallNumbers.suppress(
            values.filter { window.contains($0.period) }, minN: indicator.minN, unit: indicator.unit,
            totals: totals, geography: geography)
        var trends: [String: SeriesTrend] = [:]
        for series in Series.build(values.filter { $0.gender == .total && $0.period.kind == kind }) {
            trends[series.area] = SeriesTrend.analyze(series, indicator: indicator)
        }
        let classes = Dictionary(trends.map { (Comparer.SeriesKey(area: $0.key, gender: .total), $0.value.result.classification) },
                                 uniquingKeysWith: { first, _ in first })
        let comparisons = Comparer(indicator: indicator, geography: geography, benchmark: benchmark)
            .compare(visible.filter { $0.period == latest }, trends: classes)
        return IndicatorData(
            indicator: indicator, period: latest, periods: periods,
            values: Dictionary(visible.filter { shown.contains($0.area) }.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first }),
            trends: trends,
            comparisons: Dictionary(comparisons.map { ($0.value.key, $0) }, uniquingKeysWith: { first, _ in first }),
            hasValue: latestWithValue != nil, stale: stale, current: latestWithValue?.index == limit,
            fits: Period.perYear(kind) >= Period.perYear(period.kind), history: history)
    }

    /// The report: the sheets of its kind and every value they show.
    func build() -> Report {
        let values = dataValues
        let sheets = switch request.kind {
        case .committee: committeeSheets(values)
        case .polsam: polsamSheets(values)
        }
        return Report(
            kind: request.kind, title: title, company: request.definition.company, period: period, asOf: asOf,
            generatedAt: request.generatedAt, sheets: sheets, values: values.map(\.value),
            revised: values.filter { revision($0.value.key, $0.data.values[$0.value.key], unit: $0.data.unit) != nil }.count)
    }

    var title: String { "\(request.definition.title) – \(ReportText.periodTitle(period))" }

    // MARK: - Cells

    /// A value, or what stands in its place, marked when it changed since the previous report.
    func valueCell(_ data: IndicatorData, _ area: String, _ period: Period, _ gender: Gender = .total) -> ReportCell {
        let key = data.key(area, period, gender)
        let shown = data.values[key]
        var cell = shown?.value.map { ReportCell.number($0, .value(data.unit)) } ?? .placeholder(Self.placeholder(shown?.status))
        cell.revision = revision(key, shown, unit: data.unit)
        return cell
    }

    /// A value as a number or nothing: for charts (which would draw text as zero) and the Data table.
    func numberCell(_ data: IndicatorData, _ area: String, _ period: Period, _ gender: Gender = .total) -> ReportCell {
        var cell = valueCell(data, area, period, gender)
        if case .placeholder = cell.content { cell.content = .empty }
        return cell
    }

    /// The change against the same period a year earlier; empty unless both values are shown.
    func changeCell(_ data: IndicatorData, _ area: String, gender: Gender = .total) -> ReportCell {
        guard let now = data.values[data.key(area, data.period, gender)]?.value,
              let before = data.values[data.key(area, data.yearBefore(data.period), gender)]?.value
        else { return .empty }
        return .number(now - before, .change(data.unit))
    }

    /// The period an indicator's values are for: `2025 K4`, or `senaste: 2025 K4` (muted, with a comment) when it
    /// has no value for the report period.
    func periodCell(_ data: IndicatorData) -> ReportCell {
        guard data.stale else { return .text(ReportText.period(data.period)) }
        guard data.hasValue else { return ReportCell(.text("inget värde"), tone: .muted) }
        return ReportCell(.text("senaste: \(ReportText.period(data.period))"), tone: .muted,
                          note: "Inget värde för \(ReportText.period(period)); det senaste är från \(ReportText.period(data.period)).")
    }

    /// `3 av 30 indikatorer saknar värde för 2026 K1: …`: the indicators whose frequency fits the report period and
    /// that show an older value (design.md, "Report periods"), and the yearly ones that are older than the year before.
    var missingValuesNote: String {
        let fitting = data.filter(\.fits)
        let missing = fitting.filter(\.stale)
        let shown = ReportText.period(period)
        var text = missing.isEmpty
            ? "Alla \(fitting.count) indikatorer som följs per \(ReportText.frequencyNoun(period.kind)) har värde för \(shown)."
            : "\(missing.count) av \(fitting.count) indikatorer saknar värde för \(shown) och visar sitt senaste (”senaste: …”): "
                + missing.map { "\($0.indicator.id) \($0.hasValue ? ReportText.period($0.period) : "inget värde")" }.joined(separator: ", ") + "."
        let oldYears = data.filter { !$0.fits && $0.stale }
        if !oldYears.isEmpty {
            text += " \(oldYears.count) årsindikatorer har inget värde för \(period.year - 1) eller senare: "
                + oldYears.map { "\($0.indicator.id) \($0.hasValue ? ReportText.period($0.period) : "inget värde")" }.joined(separator: ", ") + "."
        }
        return text
    }

    func trendCell(_ data: IndicatorData, _ area: String) -> ReportCell {
        .text(ReportText.trend(data.trends[area]?.result.classification, better: data.indicator.better))
    }

    // MARK: - Comparisons with the benchmark

    /// The benchmark as the reports name it: `länet` by default, else the area's name.
    var benchmarkName: String {
        request.definition.benchmark.map { catalog.geography[$0]?.name ?? $0 } ?? "länet"
    }

    /// The three columns a compared table ends with.
    var comparisonColumns: [ReportColumn] {
        [ReportColumn("Per 1 000 invånare", width: 11, wrap: true), ReportColumn("95 % konfidensintervall", width: 15, wrap: true),
         ReportColumn("Jämfört med \(benchmarkName)", width: 13, wrap: true)]
    }

    /// The cells of ``comparisonColumns``: a count per 1 000 invånare (coloured by its verdict), the 95 % interval
    /// of the compared value, and the verdict in words. Empty for a suppressed or missing value.
    func comparisonCells(_ data: IndicatorData, _ area: String, _ gender: Gender = .total) -> [ReportCell] {
        let comparison = data.comparisons[data.key(area, data.period, gender)]
        let interval = comparison?.compared.ci95.map { ReportText.interval($0, decimals: comparedDecimals(data)) }
        return [data.unit == .count ? comparedCell(data, area, gender) : .empty, .text(interval), .text(comparison.flatMap(verdictText))]
    }

    /// The value compared: the value itself, or per 1 000 invånare for a count; coloured only when better or
    /// worse than the benchmark, with its interval and verdict in a comment.
    func comparedCell(_ data: IndicatorData, _ area: String, _ gender: Gender = .total) -> ReportCell {
        guard data.unit == .count else { return decorated(valueCell(data, area, data.period, gender), data, area, gender) }
        guard let comparison = data.comparisons[data.key(area, data.period, gender)], let value = comparison.compared.value else {
            return .empty
        }
        return decorated(.number(value, NumberStyle(decimals: comparedDecimals(data))), data, area, gender)
    }

    private func decorated(_ cell: ReportCell, _ data: IndicatorData, _ area: String, _ gender: Gender) -> ReportCell {
        guard let comparison = data.comparisons[data.key(area, data.period, gender)], comparison.compared.value != nil else { return cell }
        var cell = cell
        cell.tone = switch comparison.verdict { case .better: .good; case .worse: .bad; default: nil }
        let decimals = comparedDecimals(data)
        var lines: [String] = []
        if let population = comparison.compared.population, let count = comparison.value.value {
            lines.append("Antal \(ReportText.number(count, decimals: 0)), folkmängd \(ReportText.number(Double(population), decimals: 0)).")
        }
        if let interval = comparison.compared.ci95 {
            lines.append("95 % konfidensintervall \(ReportText.interval(interval, decimals: decimals)).")
        }
        if let text = verdictText(comparison), comparison.reason != .isBenchmark {
            let benchmark = comparison.benchmarkValue.map { " (\(ReportText.number($0, decimals: decimals)))" } ?? ""
            lines.append(text.prefix(1).uppercased() + text.dropFirst() + " jämfört med \(benchmarkName)\(benchmark).")
        }
        cell.note = lines.isEmpty ? nil : lines.joined(separator: " ")
        return cell
    }

    /// The verdict in Swedish; `jämförelsevärde` for the benchmark itself, nil where there is no value.
    func verdictText(_ comparison: Comparison) -> String? {
        guard comparison.compared.value != nil else { return nil }
        return comparison.reason == .isBenchmark ? "jämförelsevärde" : ReportText.verdict(comparison.verdict)
    }

    /// Decimals of a compared value: a count per 1 000 invånare as a rate per 1 000.
    func comparedDecimals(_ data: IndicatorData) -> Int {
        data.unit == .count ? IndicatorUnit.per1000.reportDecimals : data.unit.reportDecimals
    }

    /// What stands in for a value without a number.
    static func placeholder(_ status: AreaValue.Status?) -> Placeholder {
        switch status {
        case .suppressed: .suppressed
        case .suppressedAtSource: .suppressedAtSource
        case .incomplete: .incomplete
        case .notAggregable: .notAggregable
        case .reported, .computed: .undefined
        case .missing, nil: .missing
        }
    }

    /// `Reviderat: tidigare 31,2` when the value shown differs from the one the previous report showed.
    func revision(_ key: ObservationKey, _ shown: AreaValue?, unit: IndicatorUnit) -> String? {
        guard let before = previous?.values[key] else { return nil }
        func text(_ value: Double?, _ status: AreaValue.Status?) -> String {
            value.map { ReportText.number($0, decimals: unit.reportDecimals) } ?? Self.placeholder(status).label
        }
        let earlier = text(before.value, before.status)
        return earlier == text(shown?.value, shown?.status) ? nil : "Reviderat: tidigare \(earlier)"
    }

    // MARK: - Shared pieces

    /// Every value shown, in report order (indicator, area, period, gender), with its indicator.
    var dataValues: [(value: ReportValue, data: IndicatorData)] {
        var seen = Set<String>()
        let areaIDs = areas.map(\.area.id).filter { seen.insert($0).inserted }
        // One array filled in place: nested flatMaps would copy every (value, data) pair once per level.
        var values: [(value: ReportValue, data: IndicatorData)] = []
        for data in data {
            for area in areaIDs {
                for period in data.periods {
                    for gender in Gender.allCases {
                        let key = data.key(area, period, gender)
                        if let shown = data.values[key] { values.append((ReportValue(key: key, value: shown.value, status: shown.status), data)) }
                    }
                }
            }
        }
        return values
    }

    func indicators(of shift: Shift) -> [IndicatorData] {
        data.filter { $0.indicator.shift == shift.id }
    }

    /// `1 Hälsofrämjande`: the tab name of a shift, made fit for Excel (``ExcelText/sheetName(_:)``).
    func sheetName(_ shift: Shift) -> String { ExcelText.sheetName("\(shift.id) \(shift.short)") }

    /// `Fast läkarkontakt (%)`.
    func chartTitle(_ indicator: Indicator) -> String { "\(indicator.name) (\(indicator.unit.label))" }
}

/// A file name from a sheet name: `1 Hälsofrämjande` → `1-halsoframjande`.
func fileStem(_ name: String) -> String {
    let folded = name.lowercased().folding(options: .diacriticInsensitive, locale: nil)
    var stem = ""
    for scalar in folded.unicodeScalars {
        if scalar.isASCII, scalar.properties.isAlphabetic || scalar.isASCIIDigit {
            stem.unicodeScalars.append(scalar)
        } else if !stem.isEmpty, !stem.hasSuffix("-") {
            stem += "-"
        }
    }
    return stem.hasSuffix("-") ? String(stem.dropLast()) : stem
}

extension AreaValue {
    /// The indicator, area, period and gender the value is for.
    var key: ObservationKey { ObservationKey(indicator: indicator, area: area, period: period, gender: gender) }
}
