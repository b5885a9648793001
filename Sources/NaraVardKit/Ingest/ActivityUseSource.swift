import Foundation

/// Reads the quarterly use of decided activities: a CSV with the columns `activity|aktivitet`, `period` and
/// `spent|förbrukat|utfall`, optionally `note|anmärkning`, in any dialect ``CSVReader`` reads.
struct ActivityUseSource: RowSource {
    /// One row as written.
    struct Row: SourceRow {
        var file: String
        var line: Int
        var activity: String
        var period: String
        var spent: String
        var note: String?
        /// Why the fields do not fit the header, if they do not.
        var shapeProblem: String?
        var sheetCell: String? { nil }
    }

    enum Column: String, CSVColumn {
        case activity, period, spent, note

        var names: [String] {
            switch self {
            case .activity: ["activity", "aktivitet", "activity_id", "aktivitet_id"]
            case .period: ["period", "kvartal", "quarter"]
            case .spent: ["spent", "förbrukat", "forbrukat", "utfall", "använt", "anvant"]
            case .note: ["note", "anmärkning", "kommentar", "comment"]
            }
        }
    }

    let path: String
    private var reader: CSVReader
    private var columns: [Column: Int] = [:]
    /// Problems with the header: if any, the file cannot be read.
    private(set) var headerProblems: [Diagnostic] = []
    /// Notes about the header that do not stop the import.
    private(set) var warnings: [Diagnostic] = []
    /// All fields of the row ``next()`` returned last.
    private(set) var currentFields: [String] = []
    private var header: CSVHeader<Column>?

    init(url: URL, displayPath: String) throws {
        path = displayPath
        reader = try CSVReader(url: url, displayPath: displayPath)
        guard let header = try CSVHeader<Column>(&reader, path: path) else {
            headerProblems.append(Diagnostic(file: path, line: 1, "the file is empty: expected a header row"))
            return
        }
        self.header = header
        columns = header.columns
        warnings = header.warnings
        let lacking = [Column.activity, .period, .spent].filter { columns[$0] == nil }.map(\.rawValue)
        if !lacking.isEmpty {
            headerProblems.append(Diagnostic(
                file: path, line: header.record.line,
                "the header lacks \(lacking.joined(separator: ", ")) (columns: activity|aktivitet, period, spent|förbrukat|utfall, note|anmärkning)"))
        }
    }

    var bytesRead: Int { reader.bytesRead }
    var sha256: String { reader.hasher.finalize() }

    /// The next row, or nil at the end.
    mutating func next() throws -> Row? {
        guard let record = try reader.next() else { return nil }
        currentFields = record.fields
        func field(_ column: Column) -> String? {
            guard let index = columns[column], index < record.fields.count else { return nil }
            return CSVText.unneutralize(record.fields[index]).trimmingWhitespace()
        }
        return Row(file: path, line: record.line, activity: field(.activity) ?? "", period: field(.period) ?? "", spent: field(.spent) ?? "",
                   note: field(.note).flatMap { $0.isEmpty ? nil : $0 },
                   shapeProblem: header?.shapeProblem(fieldCount: record.fields.count, required: header?.requiredFieldCount(optional: [.note]) ?? 0))
    }
}
