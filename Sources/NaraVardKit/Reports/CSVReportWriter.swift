import Foundation

/// Writes a ``Report`` as CSV: one file per table, named after it (`sammanfattning.csv`, `data.csv`, …), with the
/// table's header row. Numbers stay numbers (in the dialect's decimal mark); text is guarded against formula
/// injection; what stands in for a number (`prickad`, `saknas`) is written as in the workbook.
///
/// ```swift
/// let files = try CSVReportWriter.write(report, to: URL(fileURLWithPath: "uppfoljning-2025Q4"))
/// ```
package enum CSVReportWriter {
    /// Writes every table into `directory` (created if missing) and returns the files written.
    @discardableResult
    package static func write(_ report: Report, to directory: URL, dialect: CSVDialect = .swedishExcel) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var written: [URL] = []
        for table in report.sheets.flatMap(\.tables) {
            let file = try OutputTarget.file(directory.appending(path: "\(table.name).csv").path)
            let writer = try CSVWriter(target: file, dialect: dialect)
            try writer.write(table.columns.map { .text($0.header) })
            for row in table.rows {
                try writer.write(row.cells.map { cell in
                    switch cell.content {
                    case .empty: .text(nil)
                    case .text(let text): .text(text)
                    case .number(let value, _): .number(value)
                    case .placeholder(let placeholder): .text(placeholder.label)
                    }
                })
            }
            try writer.finish()
            written.append(URL(fileURLWithPath: file.destination))
        }
        return written
    }
}
