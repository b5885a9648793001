import GRDB

/// Whether one indicator's value for one area and period (gender T) has arrived.
package struct DeliveryStatus: Sendable, Equatable {
    /// The delivery vocabulary of `naravard status` and `check --period`.
    package enum State: String, Sendable, CaseIterable {
        /// A value (or counts) is stored.
        case received
        /// A record is stored that says the value is missing.
        case reportedMissing = "reported_missing"
        /// The source withheld the value (`<5`, `x`, `*`).
        case suppressedAtSource = "suppressed_at_source"
        /// No record at all.
        case notDelivered = "not_delivered"
        /// Not due: the indicator's frequency does not fit the period, or it is published for the county only.
        case notExpected = "not_expected"

        /// Whether someone has to be chased for it.
        package var isUndelivered: Bool { self == .notDelivered || self == .reportedMissing }
    }

    package var indicator: String
    package var area: String
    package var period: Period
    package var state: State
}

/// The rows a period is expected to have: for each indicator, the areas that deliver it.
package struct ExpectedRows: Sendable {
    package struct Entry: Sendable {
        package var indicator: Indicator
        /// The areas that report this indicator for the period (municipalities, or the county alone).
        package var areas: [Area]
        /// Areas listed for the period that do not deliver this indicator (`not_expected`).
        package var notExpected: [Area]
    }

    package var period: Period
    package var entries: [Entry]
}

extension MetricsStore {
    /// The latest period (in ``Period``'s order) for which any of `indicators` (empty: every indicator in the
    /// catalogue) has a current record for gender T, as of an import; nil for an empty store.
    package func latestPeriod(indicators: [String] = [], asOf: Int64? = nil) throws -> Period? {
        try dbWriter.read { db in
            try Self.requireImport(db, asOf)
            let codes = try StoredCodes(db)
            let indicatorCodes = (indicators.isEmpty ? codes.sortedIndicatorIDs : indicators).compactMap { codes.indicatorCode[$0] }
            let areaCodes = Array(codes.areaCode.values)
            let periods = try Int64.fetchAll(db, sql: "SELECT code FROM stored_period").map(Period.init(storedCode:))
            let reader = try RevisionReader(db, asOf: asOf)
            for period in periods.sorted(by: >) {
                for indicator in indicatorCodes {
                    for area in areaCodes {
                        if try reader.current(indicator: indicator, area: area, period: period) != nil { return period }
                    }
                }
            }
            return nil
        }
    }

    /// The areas each indicator is due from in `period`: the municipalities of the geography valid then, or the
    /// county alone for an indicator the catalogue publishes for the county only (`levels`). An indicator whose
    /// frequency does not fit the period is due from no one.
    package func expectedRows(period: Period, indicators: [String] = [], asOf: Int64? = nil) throws -> ExpectedRows {
        let catalog = try catalog(asOf: asOf)
        let geography = catalog.geography
        let listed = geography.areas(validOn: geography.boundary(for: period))
        let municipalities = listed.filter { $0.kind == .municipality }
        let county = listed.first { $0.kind == .county }
        let chosen = catalog.indicators.filter { indicators.isEmpty ? !$0.retired : indicators.contains($0.id) }
        let entries = chosen.map { indicator -> ExpectedRows.Entry in
            if indicator.frequency.periodKind != period.kind {
                return ExpectedRows.Entry(indicator: indicator, areas: [], notExpected: municipalities)
            }
            if let county, !indicator.levels.contains(.municipality) {
                return ExpectedRows.Entry(indicator: indicator, areas: [county], notExpected: municipalities)
            }
            return ExpectedRows.Entry(indicator: indicator, areas: municipalities, notExpected: [])
        }
        return ExpectedRows(period: period, entries: entries)
    }

    /// Delivery status per indicator and area (gender T) for a period, as of an import: ``expectedRows`` with the
    /// state of each, then the areas the indicator is not expected from. Indicators in catalogue order, areas by id.
    package func deliveryStatus(period: Period, indicators: [String] = [], asOf: Int64? = nil) throws -> [DeliveryStatus] {
        let expected = try expectedRows(period: period, indicators: indicators, asOf: asOf)
        return try dbWriter.read { db in
            let codes = try StoredCodes(db)
            let reader = try RevisionReader(db, asOf: asOf)
            var rows: [DeliveryStatus] = []
            for entry in expected.entries {
                let id = entry.indicator.id
                for area in entry.areas {
                    var state = DeliveryStatus.State.notDelivered
                    if let indicatorCode = codes.indicatorCode[id], let areaCode = codes.areaCode[area.id],
                       let record = try reader.current(indicator: indicatorCode, area: areaCode, period: period) {
                        state = DeliveryStatus.State(record.status)
                    }
                    rows.append(DeliveryStatus(indicator: id, area: area.id, period: period, state: state))
                }
                rows += entry.notExpected.map { DeliveryStatus(indicator: id, area: $0.id, period: period, state: .notExpected) }
            }
            return rows
        }
    }
}

extension DeliveryStatus.State {
    /// The state of a stored record.
    init(_ status: Int64) {
        switch Observation.Status(storedCode: status) {
        case .reported: self = .received
        case .missing: self = .reportedMissing
        case .suppressedAtSource: self = .suppressedAtSource
        case .withdrawn: self = .notDelivered
        }
    }
}

extension RevisionReader {
    /// The current record (not withdrawn) of one key for gender T, if any.
    func current(indicator: Int64, area: Int64, period: Period) throws -> Record? {
        guard let key = StoredKey(indicator: indicator, area: area, period: period, gender: .total) else { return nil }
        var found: Record?
        try forEachCurrent(in: key.rawValue...key.rawValue) { _, record in found = record }
        return found
    }
}
