/// A column of a CSV file with a header row, found by any of its names.
protocol CSVColumn: CaseIterable, Hashable, RawRepresentable where RawValue == String {
    /// Header names that mean this column (lower case).
    var names: [String] { get }
}

/// The header row of a CSV file and the column each of its fields gives.
struct CSVHeader<Column: CSVColumn> {
    let record: CSVReader.Record
    /// The field that gives each column found: the first with one of its names (any case, spaces trimmed).
    private(set) var columns: [Column: Int] = [:]
    /// Fields that give no column, or a column an earlier field already gives.
    private(set) var warnings: [Diagnostic] = []
    private let delimiter: UInt8

    /// Reads the header row; nil for an empty file.
    init?(_ reader: inout CSVReader, path: String) throws {
        guard let record = try reader.next() else { return nil }
        self.init(fields: record.fields, line: record.line, path: path, delimiter: reader.delimiter)
    }

    /// The header in `fields`, found on `line` (a CSV row, or a workbook row, which has no delimiter).
    init(fields: [String], line: Int, path: String, delimiter: UInt8 = 0) {
        record = CSVReader.Record(fields: fields, line: line)
        self.delimiter = delimiter
        for (index, rawName) in record.fields.enumerated() {
            let name = rawName.trimmingWhitespace().lowercased()
            guard let column = Column.allCases.first(where: { $0.names.contains(name) }) else {
                if !name.isEmpty {
                    warnings.append(Diagnostic(file: path, line: record.line, "column '\(rawName)' is not used", severity: .warning))
                }
                continue
            }
            if columns[column] != nil {
                warnings.append(Diagnostic(
                    file: path, line: record.line,
                    "column '\(rawName)' is ignored: an earlier column already gives the \(column.rawValue)", severity: .warning))
                continue
            }
            columns[column] = index
        }
    }

    /// The fields a row must reach: every column it gives except `optional` ones at the end.
    func requiredFieldCount(optional: Set<Column>) -> Int {
        (columns.filter { !optional.contains($0.key) }.map(\.value).max() ?? -1) + 1
    }

    /// Why a row with `fieldCount` fields does not fit this header, or nil when it does. More fields than the
    /// header never fit (a value split by an unquoted delimiter); fewer fit only when the fields left off the
    /// end are of `optional` columns or of columns that are not read, which then count as empty.
    func shapeProblem(fieldCount: Int, required: Int) -> String? {
        let expected = record.fields.count
        if fieldCount > expected {
            let hint = delimiter == UInt8(ascii: ",")
                ? "is a decimal comma left unquoted in this comma-separated file? Quote such values, or separate fields with ;"
                : "is a delimiter inside a field left unquoted?"
            return "the row has \(fieldCount) fields but the header has \(expected): \(hint)"
        }
        guard fieldCount < required else { return nil }
        let lacking = columns.filter { $0.value >= fieldCount && $0.value < required }.sorted { $0.value < $1.value }.map(\.key.rawValue)
        return "the row has \(fieldCount) fields but the header has \(expected): it lacks \(lacking.joined(separator: ", ")) "
            + "(write an empty field where a value is missing)"
    }
}
