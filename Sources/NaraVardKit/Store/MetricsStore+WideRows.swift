/// One cell of the wide layout: a stored value, or why a stored record has none. No record at all is `nil`.
package enum WideCell: Hashable, Sendable {
    case value(Double)
    /// Reported as missing (`..`, `NA`, empty): not a zero.
    case missing
    /// The counts exist but the denominator is 0: the value is undefined.
    case undefined
    /// Withheld by the source (`<5`, `x`, `*`).
    case suppressedAtSource

    /// A stored record's cell (`status` as stored).
    init(value: Double?, status: Int64) {
        if let value {
            self = .value(value)
        } else {
            self = switch Observation.Status(storedCode: status) {
            case .missing: .missing
            case .suppressedAtSource: .suppressedAtSource
            case .reported, .withdrawn: .undefined
            }
        }
    }
}

/// One row of the wide layout: an area, period and gender with one cell per indicator of the group.
package struct WideRow {
    package var area: String
    package var period: Period
    package var gender: Gender
    /// One cell per requested indicator, in the order asked for; `nil` where that indicator has no record.
    package var cells: ArraySlice<WideCell?>
}

/// Everything the whole-store workbook reads from the store, kept in this one place so that the storage
/// behind it can change without touching the workbook writer.
package protocol WideRowSource {
    /// The indicators with stored values, in id order.
    func wideIndicators() throws -> [String]

    /// Calls `body` once for every area, period and gender that has a record (not withdrawn) as of `asOf` for
    /// any of `indicators`, in area id, period, gender (T, K, M) order.
    func wideRows(_ indicators: [String], asOf: Int64?, _ body: (WideRow) throws -> Void) throws

    /// The gender-T value of every county (area of kind `county`) in each period for `indicator`: the value
    /// reported for the county, else the ratio-of-sums aggregate of its municipalities (`nil` when that has no
    /// value: members without data, a denominator of 0, a rate without counts).
    func countyValues(_ indicator: String, asOf: Int64?, catalog: Catalog) throws -> [String: [(Period, Double?)]]
}

extension MetricsStore: WideRowSource {
    package func wideIndicators() throws -> [String] { try storedIndicators() }

    /// Reads one area at a time, in area id order: for each indicator of the group the key range of that
    /// area, into a small table of that area's periods and genders. Memory: one area's cells.
    package func wideRows(_ indicators: [String], asOf: Int64?, _ body: (WideRow) throws -> Void) throws {
        struct RowKey: Hashable {
            var period: Period
            var gender: Gender
        }
        try dbWriter.read { db in
            try Self.requireImport(db, asOf)
            let codes = try StoredCodes(db)
            let reader = try RevisionReader(db, asOf: asOf)
            let columns = indicators.map { codes.indicatorCode[$0] }
            var rowOf: [RowKey: Int] = [:]
            var keys: [RowKey] = []
            var cells: [WideCell?] = []
            for (area, code) in codes.areaCode.sorted(by: { $0.key < $1.key }) {
                rowOf.removeAll(keepingCapacity: true)
                keys.removeAll(keepingCapacity: true)
                cells.removeAll(keepingCapacity: true)
                for (column, indicator) in columns.enumerated() {
                    guard let indicator else { continue }
                    try reader.forEachCurrent(in: StoredKey.range(indicator: indicator, area: code)) { key, record in
                        let rowKey = RowKey(period: key.period, gender: key.gender)
                        let row = rowOf[rowKey] ?? {
                            rowOf[rowKey] = keys.count
                            keys.append(rowKey)
                            cells.append(contentsOf: repeatElement(nil, count: columns.count))
                            return keys.count - 1
                        }()
                        cells[row * columns.count + column] = WideCell(value: record.value, status: record.status)
                    }
                }
                let order = keys.indices.sorted { (keys[$0].period, keys[$0].gender) < (keys[$1].period, keys[$1].gender) }
                for row in order {
                    try body(WideRow(area: area, period: keys[row].period, gender: keys[row].gender,
                                     cells: cells[(row * columns.count)..<((row + 1) * columns.count)]))
                }
            }
        }
    }

    /// Reads the indicator's gender-T records and aggregates with ``Aggregator`` (which keeps a county's own
    /// reported value and computes the others).
    package func countyValues(_ indicator: String, asOf: Int64?, catalog: Catalog) throws -> [String: [(Period, Double?)]] {
        var query = ObservationQuery(asOf: asOf)
        query.indicators = [indicator]
        query.gender = .total
        let counties = catalog.geography.areas.filter { $0.kind == .county }
        let aggregator = Aggregator(geography: catalog.geography, indicators: catalog.indicators)
        var series: [String: [(Period, Double?)]] = [:]
        let countyIDs = Set(counties.map(\.id))
        for value in aggregator.values(try observations(query), aggregating: counties) where countyIDs.contains(value.area) {
            series[value.area, default: []].append((value.period, value.value))
        }
        return series.mapValues { $0.sorted { $0.0 < $1.0 } }
    }
}
