import Foundation

/// Reads the long observation CSV of design.md into ``RawRecord``s, mapping Swedish or English
/// column names (case-insensitive).
struct LongCSVSource: RowSource {
    enum Column: String, CSVColumn {
        case indicator, area, period, gender, value, numerator, denominator, status, note

        /// The position in `allCases`.
        var position: Int {
            switch self {
            case .indicator: 0; case .area: 1; case .period: 2; case .gender: 3; case .value: 4
            case .numerator: 5; case .denominator: 6; case .status: 7; case .note: 8
            }
        }

        /// Header names that mean this column.
        var names: [String] {
            switch self {
            case .indicator: ["indicator", "indikator", "kpi", "indicator_id", "indikator_id"]
            case .area: ["area", "område", "omrade", "kommun", "kod", "area_id", "kommunkod", "municipality", "region"]
            case .period: ["period", "år", "year", "tid", "time"]
            case .gender: ["gender", "kön", "kon", "sex"]
            case .value: ["value", "värde", "varde"]
            case .numerator: ["numerator", "täljare", "taljare"]
            case .denominator: ["denominator", "nämnare", "namnare"]
            case .status: ["status"]
            case .note: ["note", "anmärkning", "kommentar", "notering", "comment"]
            }
        }
    }

    let path: String
    private var reader: CSVReader
    private var columns: [Column: Int] = [:]
    /// The same as ``columns``, indexed by the column's position in `Column.allCases` (-1: absent): no hashing per row.
    private var fieldIndexes: [Int] = []
    /// Problems with the header: if any, the file cannot be read.
    private(set) var headerProblems: [Diagnostic] = []
    /// Notes about the header that do not stop the import.
    private(set) var warnings: [Diagnostic] = []
    private var header: CSVHeader<Column>?
    /// The fields a row must have: a row may leave off only a trailing gender, status or note.
    private var requiredFields = 0

    init(url: URL, displayPath: String) throws {
        path = displayPath
        reader = try CSVReader(url: url, displayPath: displayPath)
        guard let header = try CSVHeader<Column>(&reader, path: path) else {
            headerProblems.append(Diagnostic(file: path, line: 1, "the file is empty: expected a header row"))
            return
        }
        self.header = header
        requiredFields = header.requiredFieldCount(optional: [.gender, .status, .note])
        columns = header.columns
        warnings = header.warnings
        fieldIndexes = Column.allCases.map { columns[$0] ?? -1 }
        if let lacking = Self.lacking(header) {
            headerProblems.append(Diagnostic(file: path, line: header.record.line, lacking))
        }
    }

    /// What a header lacks to be read as the long layout, or nil when it has every required column.
    static func lacking(_ header: CSVHeader<Column>) -> String? {
        var lacking = [Column.indicator, .area, .period].filter { header.columns[$0] == nil }.map(\.rawValue)
        if header.columns[.value] == nil, header.columns[.numerator] == nil { lacking.append("value or numerator") }
        guard !lacking.isEmpty else { return nil }
        let found = header.record.fields.map { "'\($0)'" }.joined(separator: ", ")
        return "the header lacks \(lacking.joined(separator: ", ")) (found \(found); columns: indicator|indikator, area|område|kommun|kod, period, value|värde, numerator|täljare, denominator|nämnare, gender|kön)"
    }

    var bytesRead: Int { reader.bytesRead }
    var sha256: String { reader.hasher.finalize() }

    /// The next row, or nil at the end.
    mutating func next() throws -> RawRecord? {
        guard let line = try reader.advance() else { return nil }
        let reader = reader
        let count = reader.fieldCount
        let shapeProblem = count < requiredFields || count > header?.record.fields.count ?? count
            ? header?.shapeProblem(fieldCount: count, required: requiredFields) : nil
        func field(_ column: Column) -> String? {
            let index = fieldIndexes[column.position]
            guard index >= 0, index < reader.fieldCount else { return nil }
            return CSVText.unneutralize(reader.field(index))
        }
        return RawRecord(
            file: path, line: line, indicator: field(.indicator) ?? "", area: field(.area) ?? "",
            period: field(.period) ?? "", gender: field(.gender), value: field(.value),
            numerator: field(.numerator), denominator: field(.denominator), status: field(.status),
            note: field(.note), fields: [], shapeProblem: shapeProblem)
    }

    /// All fields of the row ``next()`` returned last, as written (its `fields` stay empty: most rows
    /// never need them, only rejected ones).
    var currentFields: [String] { (0..<reader.fieldCount).map(reader.field) }
}
