import Foundation

/// Reads observations from an `.xlsx` workbook into ``RawRecord``s, in one of two layouts:
///
/// - the **long** layout: the same columns and rules as the long CSV (design.md), on the first sheet or the sheet
///   `--sheet` names; the first row with content is the header, empty rows are ignored;
/// - the **wide** workbook that `naravard export --format xlsx --layout wide` writes, recognised by its value
///   sheets (`Värden 1`, `Värden 2`, …, columns `Område`, `Kod`, `Period`, `Kön` and one per indicator headed by
///   its id): every value sheet is read, and each number cell is a value; a blank cell is no record.
///
/// Numbers are read as written in the file (`1.5E-3` becomes `0.0015`, never rounded), text as written (a decimal
/// comma is fine). Positions are `FILE:SHEET!CELL`.
enum XLSXSource {
    /// What the first bytes of an input file say it is.
    enum Signature: Equatable {
        case zip, ole2
        /// Another binary format, by name.
        case binary(String)
        case other
    }

    /// Magic numbers of binary files that are sometimes given by mistake.
    private static let binaries: [(magic: [UInt8], name: String)] = [
        (Array("SQLite format 3".utf8), "an SQLite database"), (Array("%PDF".utf8), "a PDF document"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"), ([0xFF, 0xD8, 0xFF], "a JPEG image"), ([0x1F, 0x8B], "a gzip archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "a program (ELF)"),
    ]

    static func signature(of url: URL) -> Signature {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return .other }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 16)) ?? Data())
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .ole2 }
        if let binary = binaries.first(where: { head.starts(with: $0.magic) }) { return .binary(binary.name) }
        return .other
    }

    /// The one-line refusal of a binary file naravard does not read, or nil for a file to read as text.
    static func unsupported(_ url: URL, signature: Signature) -> String? {
        switch signature {
        case .ole2:
            return "Excel 97–2003 .xls is not supported: save as .xlsx or CSV"
        case .zip where url.pathExtension.lowercased() == "ods" || isOpenDocument(url):
            return "OpenDocument spreadsheets (.ods) are not supported: save as .xlsx or CSV"
        case .binary(let name):
            return "\(name), not a data file: naravard reads CSV, Kolada JSON and .xlsx"
        case .zip, .other:
            return nil
        }
    }

    private static func isOpenDocument(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        // An OpenDocument package starts with its uncompressed `mimetype` entry.
        let head = (try? handle.read(upToCount: 128)) ?? Data()
        return String(decoding: head, as: UTF8.self).contains("application/vnd.oasis.opendocument")
    }

    /// The value sheets of a wide export.
    static func isWideValueSheet(_ name: String) -> Bool {
        name.hasPrefix("Värden ") && Int(name.dropFirst("Värden ".count)) != nil
    }

    /// Reads every record of the workbook; returns the header problems and the number of rows read.
    static func read(
        _ url: URL, path: String, sheet: String?, warn: ([Diagnostic]) -> Void, record: (RawRecord) throws -> Void
    ) throws -> (problems: [Diagnostic], rows: Int) {
        let workbook = try XLSXSheetReader(url: url, path: path)
        let wideSheets = workbook.sheetNames.filter(isWideValueSheet)
        if sheet == nil, !wideSheets.isEmpty {
            var rows = 0
            for name in wideSheets {
                let problems = try readWide(workbook, sheet: name, path: path) { rows += 1; try record($0) }
                if !problems.isEmpty { return (problems, rows) }
            }
            return ([], rows)
        }
        guard let name = sheet ?? workbook.sheetNames.first else {
            return ([Diagnostic(file: path, line: 1, "the workbook has no sheet")], 0)
        }
        return try readLong(workbook, sheet: name, path: path, warn: warn, record: record)
    }

    private static func readLong(
        _ workbook: XLSXSheetReader, sheet: String, path: String, warn: ([Diagnostic]) -> Void, record: (RawRecord) throws -> Void
    ) throws -> (problems: [Diagnostic], rows: Int) {
        var columns: [LongCSVSource.Column: Int]?
        var problems: [Diagnostic] = []
        var rows = 0
        try workbook.readRows(ofSheet: sheet) { row, cells in
            guard let columns else {
                let names = (0...(cells.keys.max() ?? 0)).map { cells[$0].map(text) ?? "" }
                let header = CSVHeader<LongCSVSource.Column>(fields: names, line: row, path: path)
                warn(header.warnings.map { located($0, sheet: sheet, column: 0) })
                if let lacking = LongCSVSource.lacking(header) {
                    problems.append(Diagnostic(file: path, line: row, sheetCell: "\(sheet)!A\(row)", lacking))
                    throw StopReading()
                }
                columns = header.columns
                return
            }
            rows += 1
            func field(_ column: LongCSVSource.Column) -> String? {
                columns[column].flatMap { cells[$0] }.map(text)
            }
            try record(RawRecord(
                file: path, line: row, indicator: field(.indicator) ?? "", area: field(.area) ?? "",
                period: field(.period) ?? "", gender: field(.gender), value: field(.value),
                numerator: field(.numerator), denominator: field(.denominator), status: field(.status),
                note: field(.note), fields: (0...(cells.keys.max() ?? 0)).map { cells[$0].map(text) ?? "" },
                sheetCell: "\(sheet)!A\(row)"))
        }
        if columns == nil, problems.isEmpty {
            problems.append(Diagnostic(file: path, line: 1, sheetCell: "\(sheet)!A1", "the sheet is empty: expected a header row"))
        }
        return (problems, rows)
    }

    /// One value sheet of a wide export: a record per number cell.
    private static func readWide(
        _ workbook: XLSXSheetReader, sheet: String, path: String, record: (RawRecord) throws -> Void
    ) throws -> [Diagnostic] {
        let labels = WideWorkbookWriter.labelColumns.map(\.header)
        var indicators: [Int: String]?
        var problems: [Diagnostic] = []
        try workbook.readRows(ofSheet: sheet) { row, cells in
            guard let indicators else {
                let found = (0..<labels.count).map { cells[$0].map(text) ?? "" }
                guard found == labels else {
                    problems.append(Diagnostic(
                        file: path, line: row, sheetCell: "\(sheet)!A\(row)",
                        "a value sheet of a wide export starts with the columns \(labels.joined(separator: ", ")) (found \(found.joined(separator: ", ")))"))
                    throw StopReading()
                }
                var ids: [Int: String] = [:]
                for (column, cell) in cells where column >= labels.count {
                    ids[column] = text(cell).split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
                }
                indicators = ids
                return
            }
            let area = cells[1].map(text) ?? "", period = cells[2].map(text) ?? "", gender = cells[3].map(text)
            for (column, cell) in cells.sorted(by: { $0.key < $1.key }) where column >= labels.count {
                let value = text(cell)
                try record(RawRecord(
                    file: path, line: row, indicator: indicators[column] ?? "", area: area, period: period, gender: gender,
                    value: value, numerator: nil, denominator: nil, status: nil, note: nil,
                    fields: [indicators[column] ?? "", area, period, gender ?? "", value],
                    sheetCell: "\(sheet)!\(XLSXSheetReader.columnName(column))\(row)"))
            }
        }
        return problems
    }

    /// Stops reading a sheet once its header is refused.
    private struct StopReading: Error {}

    /// A cell as the long CSV would have it: numbers as plain decimals, booleans as `TRUE`/`FALSE`.
    static func text(_ cell: XLSXSheetReader.Cell) -> String {
        switch cell {
        case .number(let written): plainDecimal(written)
        case .text(let text): text
        case .boolean(let value): value ? "TRUE" : "FALSE"
        case .error(let code): code
        }
    }

    /// A number as the XML writes it (`33.4`, `-1.5E-3`, `2E+21`) as a plain decimal with the same digits.
    static func plainDecimal(_ written: String) -> String {
        let parts = written.uppercased().split(separator: "E", maxSplits: 1)
        guard parts.count == 2, let exponent = Int(parts[1]) else { return written }
        var mantissa = String(parts[0])
        let negative = mantissa.hasPrefix("-")
        if negative || mantissa.hasPrefix("+") { mantissa.removeFirst() }
        let pieces = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = String(pieces[0]), fraction = pieces.count > 1 ? String(pieces[1]) : ""
        guard (integer + fraction).allSatisfy(\.isASCII), (integer + fraction).allSatisfy(\.isNumber) else { return written }
        var digits = integer + fraction
        var point = integer.count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: 1 - point) + digits
            point = 1
        } else if point > digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        var whole = String(digits.prefix(point)).drop { $0 == "0" }
        if whole.isEmpty { whole = "0" }
        let decimals = String(digits.dropFirst(point))
        return (negative ? "-" : "") + whole + (decimals.isEmpty ? "" : "." + decimals)
    }

    private static func located(_ diagnostic: Diagnostic, sheet: String, column: Int) -> Diagnostic {
        var located = diagnostic
        located.sheetCell = "\(sheet)!\(XLSXSheetReader.columnName(column))\(diagnostic.line)"
        return located
    }
}
