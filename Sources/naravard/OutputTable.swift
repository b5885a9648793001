import ArgumentParser
import Dispatch
import Foundation
import NaraVardKit

/// How a reading command prints: an aligned table for people, CSV or JSON for scripts.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

/// One printed cell; nil prints as empty (table, CSV) or `null` (JSON).
enum Cell {
    case text(String?)
    case number(Double?)
    case integer(Int64?)
    case flag(Bool?)

    var plainText: String {
        switch self {
        case .text(let text): text ?? ""
        case .number(let number): number.map(formatNumber) ?? ""
        case .integer(let integer): integer.map(String.init) ?? ""
        case .flag(let flag): flag.map { $0 ? "true" : "false" } ?? ""
        }
    }

    var json: String {
        switch self {
        case .text(let text): text.map(jsonString) ?? "null"
        case .number(let number): number.map(formatNumber) ?? "null"
        case .integer(let integer): integer.map(String.init) ?? "null"
        case .flag(let flag): flag.map { $0 ? "true" : "false" } ?? "null"
        }
    }

    /// For people: numbers with at most two decimals (CSV and JSON keep every digit), control characters and
    /// bidirectional overrides from the input escaped (`\u{1B}`).
    var tableText: String {
        if case .number(let number?) = self { return formatNumber((number * 100).rounded() / 100) }
        return plainText.escapingControlCharacters
    }

    var isNumeric: Bool {
        switch self { case .number, .integer: true; default: false }
    }
}

/// Shortest text that reads back as the same number (`74.1`, `12`).
func formatNumber(_ number: Double) -> String {
    number.plain
}

func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case let c where c.isUnsafeOnTerminal: out += String(format: "\\u%04x", c.value)
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

/// Rows with named columns, printed in any ``OutputFormat``.
struct OutputTable {
    var columns: [String]
    var rows: [[Cell]]
    /// Optional decoration of a table cell (colours, arrows); CSV and JSON never see it.
    var decorate: ((_ row: Int, _ column: Int, _ text: String) -> String)?
    /// The CSV dialect for `--format csv` (nil: RFC 4180 with LF line ends, as on standard output).
    var csvDialect: CSVDialect?

    init(columns: [String], rows: [[Cell]], decorate: ((Int, Int, String) -> String)? = nil) {
        self.columns = columns
        self.rows = rows
        self.decorate = decorate
    }

    func print(_ format: OutputFormat) throws {
        guard format == .table else {
            let printer = RowPrinter(columns: columns, format: format, csvDialect: csvDialect)
            printer.write(rows)
            printer.finish()
            return
        }
        let texts = rows.map { $0.map(\.tableText) }
        let columns = columns.map(\.escapingControlCharacters)
        let widths = columns.indices.map { column in
            max(columns[column].count, texts.map { $0[column].count }.max() ?? 0)
        }
        func pad(_ text: String, _ column: Int, right: Bool) -> String {
            let padding = String(repeating: " ", count: max(0, widths[column] - text.count))
            return right ? padding + text : text + padding
        }
        let trailingSpace = #"\s+$"#
        var output = columns.indices.map { pad(columns[$0], $0, right: false) }.joined(separator: "  ")
            .replacingOccurrences(of: trailingSpace, with: "", options: .regularExpression) + "\n"
        for (rowIndex, row) in rows.enumerated() {
            let line = row.indices.map { column in
                let padded = pad(texts[rowIndex][column], column, right: row[column].isNumeric)
                return decorate?(rowIndex, column, padded) ?? padded
            }
            output += line.joined(separator: "  ").replacingOccurrences(of: trailingSpace, with: "", options: .regularExpression) + "\n"
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}

/// Prints rows as they come, so memory stays flat however many there are: CSV and JSON stream to
/// standard output, a table waits for every row to align the columns.
final class RowPrinter {
    let columns: [String]
    let format: OutputFormat
    /// The CSV dialect (nil: `,`, `.` and LF).
    let csvDialect: CSVDialect?
    private var tableRows: [[Cell]] = []
    private var pending = ""
    private var written = 0

    init(columns: [String], format: OutputFormat, csvDialect: CSVDialect? = nil) {
        self.columns = columns
        self.format = format
        self.csvDialect = csvDialect
        switch format {
        case .csv:
            let delimiter = csvDialect?.delimiter ?? ","
            pending = (csvDialect?.byteOrderMark == true ? "\u{FEFF}" : "")
                + columns.map { CSVText.quoted($0, delimiter: delimiter) }.joined(separator: String(delimiter))
                + (csvDialect?.lineEnding ?? "\n")
        case .json: pending = "["
        case .table: break
        }
    }

    /// Adds rows; CSV and JSON lines are formatted on every core, a chunk of rows each, and printed in order.
    func write(_ rows: [[Cell]]) {
        guard format != .table else {
            tableRows += rows
            return
        }
        let chunk = 2048
        let starts = Array(stride(from: 0, to: rows.count, by: chunk))
        var texts = [String](repeating: "", count: starts.count)
        let rows = rows
        let format = format, columns = columns, written = written, dialect = csvDialect
        texts.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: starts.count) { index in
                var text = ""
                for position in starts[index]..<min(starts[index] + chunk, rows.count) {
                    text += Self.line(rows[position], format: format, columns: columns, dialect: dialect,
                                      first: written + position == 0)
                }
                slots[index] = text
            }
        }
        for text in texts {
            pending += text
            if pending.utf8.count > 1 << 20 { flush() }
        }
        self.written += rows.count
    }

    /// One row as a CSV line, or as a JSON object after the separator from the row before.
    private static func line(_ row: [Cell], format: OutputFormat, columns: [String], dialect: CSVDialect?, first: Bool) -> String {
        switch format {
        case .csv:
            return row.map { csvField($0, dialect) }.joined(separator: String(dialect?.delimiter ?? ",")) + (dialect?.lineEnding ?? "\n")
        case .json:
            let fields = zip(columns, row).map { "\(jsonString($0)): \($1.json)" }.joined(separator: ", ")
            return (first ? "\n  {" : ",\n  {") + fields + "}"
        case .table:
            return ""
        }
    }

    func finish() {
        switch format {
        case .table: try? OutputTable(columns: columns, rows: tableRows).print(.table)
        case .json: pending += written == 0 ? "]\n" : "\n]\n"
        case .csv: break
        }
        flush()
    }

    private func flush() {
        FileHandle.standardOutput.write(Data(pending.utf8))
        pending = ""
    }

    /// Text is neutralised against formula injection; numbers stay numbers.
    private static func csvField(_ cell: Cell, _ dialect: CSVDialect?) -> String {
        guard cell.isNumeric else { return CSVText.quoted(CSVText.neutralize(cell.plainText), delimiter: dialect?.delimiter ?? ",") }
        return dialect?.decimalComma == true ? cell.plainText.replacingOccurrences(of: ".", with: ",") : cell.plainText
    }
}

/// Prints one JSON object with these fields, in this order, on standard output.
func printObject(_ fields: KeyValuePairs<String, Cell>) {
    print("{" + fields.map { "\(jsonString($0.key)): \($0.value.json)" }.joined(separator: ", ") + "}")
}

/// Prints one Encodable value as JSON on standard output.
func printJSON(_ value: some Encodable) throws {
    FileHandle.standardOutput.write(try JSONEncoder().encode(value) + Data("\n".utf8))
}

/// `--format table|csv|json`, shared by every reading command.
struct FormatOption: ParsableArguments {
    @Option(help: "table (aligned, for people), csv (RFC 4180: , and .) or json (an array of objects).")
    var format: OutputFormat = .table
}

/// `--json`, shared by every command that prints a summary of what it did.
struct SummaryOption: ParsableArguments {
    @Flag(help: "Print the summary as one JSON object on standard output.") var json = false
}
