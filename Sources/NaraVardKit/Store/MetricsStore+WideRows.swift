/// One cell of the wide layout: a stored value, or why a stored record has none. No record at all is `nil`.
public enum WideCell: Hashable, Sendable {
    case value(Double)
    /// Reported as missing (`..`, `NA`, empty): not a zero.
    case missing
    /// The counts exist but the denominator is 0: the value is undefined.
    case undefined

    init(_ observation: Observation) {
        if let value = observation.value {
            self = .value(value)
        } else {
            self = observation.status == .missing ? .missing : .undefined
        }
    }
}

/// One row of the wide layout: an area, period and gender with one cell per indicator of the group.
public struct WideRow {
    public var area: String
    public var period: Period
    public var gender: Gender
    /// One cell per requested indicator, in the order asked for; `nil` where that indicator has no record.
    public var cells: ArraySlice<WideCell?>
}

/// Everything the whole-store workbook reads from the store, kept in this one place so that the storage
/// behind it can change without touching the workbook writer.
public protocol WideRowSource {
    /// The indicators with stored values, in id order.
    func wideIndicators() throws -> [String]

    /// Calls `body` once for every area, period and gender that has a record (not withdrawn) as of `asOf` for
    /// any of `indicators`, in area id, period, gender (T, K, M) order.
    func wideRows(_ indicators: [String], asOf: Int64?, _ body: (WideRow) throws -> Void) throws

    /// The gender-T value of every county (area of kind `county`) in each period for `indicator`: the value
    /// reported for the county, else the ratio-of-sums aggregate of its municipalities (`nil` when that has no
    /// value: members without data, a denominator of 0, a rate without counts).
    func countyValues(_ indicator: String, asOf: Int64?, catalog: StoredCatalog) throws -> [String: [(Period, Double?)]]
}

extension MetricsStore: WideRowSource {
    public func wideIndicators() throws -> [String] { try storedIndicators() }

    /// Reads the indicators through ``observations(_:)``, two at a time (one per core; only those two are held
    /// as `Observation`s), into a table of cells with a row per key and a column per indicator, then hands out
    /// the rows sorted. Memory: 8 bytes per cell of the group.
    public func wideRows(_ indicators: [String], asOf: Int64?, _ body: (WideRow) throws -> Void) throws {
        var table = WideTable(columns: indicators.count)
        for start in stride(from: 0, to: indicators.count, by: 2) {
            let pair = Array(indicators[start..<min(start + 2, indicators.count)])
            let records = try pair.concurrentMap { indicator in
                var query = ObservationQuery(asOf: asOf)
                query.indicators = [indicator]
                return try observations(query)
            }
            for (offset, column) in records.enumerated() { table.add(column, column: start + offset) }
        }
        try table.forEachRow(body)
    }

    /// Reads the indicator's gender-T records and aggregates with ``Aggregator`` (which keeps a county's own
    /// reported value and computes the others).
    public func countyValues(_ indicator: String, asOf: Int64?, catalog: StoredCatalog) throws -> [String: [(Period, Double?)]] {
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

/// The cells of a group of indicators, a row per area, period and gender, filled one indicator at a time.
private struct WideTable {
    let columns: Int
    private var keys: [Key] = []
    private var rowOf: [Key: Int] = [:]
    /// Row-major; a value's bit pattern, or one of the NaN patterns below (stored values are finite).
    private var cells: [UInt64] = []
    private var areas: [String] = []
    private var areaIndex: [String: Int32] = [:]

    private static let absent: UInt64 = 0x7FF8_0000_0000_0A00
    private static let missing: UInt64 = 0x7FF8_0000_0000_0A01
    private static let undefined: UInt64 = 0x7FF8_0000_0000_0A02

    /// An area (by position in `areas`), period and gender.
    private struct Key: Hashable {
        var area: Int32
        var period: Period
        var gender: Gender
    }

    init(columns: Int) { self.columns = columns }

    /// Puts one indicator's records (in area order) into `column`.
    mutating func add(_ records: [Observation], column: Int) {
        if cells.isEmpty { cells.reserveCapacity(records.count * columns) }
        var lastArea = "", lastIndex: Int32 = -1
        var guess = 0
        for record in records {
            if record.area != lastArea {
                lastArea = record.area
                if let known = areaIndex[lastArea] {
                    lastIndex = known
                } else {
                    lastIndex = Int32(areas.count)
                    areaIndex[lastArea] = lastIndex
                    areas.append(lastArea)
                }
            }
            let key = Key(area: lastIndex, period: record.period, gender: record.gender)
            // The indicators of a group mostly share their keys in the same order: try the next row first.
            let row: Int
            if guess < keys.count, keys[guess] == key {
                row = guess
            } else if let known = rowOf[key] {
                row = known
            } else {
                row = keys.count
                keys.append(key)
                rowOf[key] = row
                cells.append(contentsOf: repeatElement(Self.absent, count: columns))
            }
            cells[row * columns + column] = switch WideCell(record) {
            case .value(let value): value.bitPattern
            case .missing: Self.missing
            case .undefined: Self.undefined
            }
            guess = row + 1
        }
    }

    /// Calls `body` for every row in area id, period, gender order.
    func forEachRow(_ body: (WideRow) throws -> Void) rethrows {
        let order = keys.indices.sorted { lhs, rhs in
            let a = keys[lhs], b = keys[rhs]
            if a.area != b.area { return areas[Int(a.area)] < areas[Int(b.area)] }
            return (a.period, a.gender) < (b.period, b.gender)
        }
        var buffer = [WideCell?](repeating: nil, count: columns)
        for row in order {
            for column in 0..<columns {
                buffer[column] = switch cells[row * columns + column] {
                case Self.absent: nil
                case Self.missing: .missing
                case Self.undefined: .undefined
                case let bits: .value(Double(bitPattern: bits))
                }
            }
            let key = keys[row]
            try body(WideRow(area: areas[Int(key.area)], period: key.period, gender: key.gender, cells: buffer[...]))
        }
    }
}
