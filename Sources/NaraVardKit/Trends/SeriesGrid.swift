/// One indicator's records laid out for the trend engine: a row per area and gender, a column per period
/// on one time axis. Stored records and aggregates go in as cells; ``series()`` gives what
/// ``Series/build(_:)`` gives for the same values, without grouping a value object per record.
struct SeriesGrid {
    /// What a series keeps of a record: a nil value is a gap (missing, or undefined). The status tells
    /// aggregation whether a member reported.
    struct Cell {
        var value: Double?
        var numerator: Double?
        var denominator: Double?
        var status: Observation.Status
    }

    struct RowKey: Hashable {
        var area: String
        var gender: Gender
    }

    let indicator: String
    let kind: Period.Kind
    /// The period index of column 0.
    let firstIndex: Int
    let columns: Int
    private(set) var rows: [RowKey] = []
    private var rowOf: [RowKey: Int] = [:]
    private var cells: [Cell?] = []

    /// A grid over the periods from `first` to `last` (of one kind).
    init(indicator: String, first: Period, last: Period) {
        self.indicator = indicator
        kind = first.kind
        firstIndex = first.index
        columns = last.index - first.index + 1
    }

    func period(_ column: Int) -> Period { Period(kind: kind, index: firstIndex + column) }

    func row(_ area: String, _ gender: Gender) -> Int? { rowOf[RowKey(area: area, gender: gender)] }

    func cell(_ row: Int, _ column: Int) -> Cell? { cells[row * columns + column] }

    /// Puts a cell in place, adding the row if it is new.
    mutating func set(_ cell: Cell, area: String, gender: Gender, period: Period) {
        // Records come area by area: the rows of the last area are remembered, by gender.
        if area != cachedArea {
            cachedArea = area
            cachedRows = [-1, -1, -1]
        }
        let slot = Int(gender.storedCode)
        if cachedRows[slot] < 0 {
            let key = RowKey(area: area, gender: gender)
            cachedRows[slot] = rowOf[key] ?? {
                rowOf[key] = rows.count
                rows.append(key)
                cells.append(contentsOf: repeatElement(nil, count: columns))
                return rows.count - 1
            }()
        }
        cells[cachedRows[slot] * columns + period.index - firstIndex] = cell
    }

    private var cachedArea = ""
    private var cachedRows = [-1, -1, -1]

    /// A series per row, from its first to its last period with a value (an empty one when it has none).
    func series() -> [Series] {
        rows.indices.map { row in
            let base = row * columns
            let valued = (0..<columns).filter { cells[base + $0]?.value != nil }
            let key = rows[row]
            guard let first = valued.first, let last = valued.last else {
                let start = (0..<columns).first { cells[base + $0] != nil } ?? 0
                return Series(indicator: indicator, area: key.area, gender: key.gender, start: period(start),
                              values: [], numerators: [], denominators: [])
            }
            var series = Series(
                indicator: indicator, area: key.area, gender: key.gender, start: period(first),
                values: [], numerators: [], denominators: [])
            series.values.reserveCapacity(last - first + 1)
            series.numerators.reserveCapacity(last - first + 1)
            series.denominators.reserveCapacity(last - first + 1)
            for column in first...last {
                let cell = cells[base + column].flatMap { $0.value == nil ? nil : $0 }
                series.values.append(cell?.value)
                series.numerators.append(cell?.numerator)
                series.denominators.append(cell?.denominator)
            }
            return series
        }
    }
}
