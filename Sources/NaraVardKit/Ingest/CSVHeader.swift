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

    /// Reads the header row; nil for an empty file.
    init?(_ reader: inout CSVReader, path: String) throws {
        guard let record = try reader.next() else { return nil }
        self.init(fields: record.fields, line: record.line, path: path)
    }

    /// The header in `fields`, found on `line` (a CSV row or a workbook row).
    init(fields: [String], line: Int, path: String) {
        record = CSVReader.Record(fields: fields, line: line)
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
}
