import Foundation

/// How a CSV file is written.
public struct CSVDialect: Sendable {
    public var delimiter: Character
    public var decimalComma: Bool
    public var byteOrderMark: Bool
    public var lineEnding: String

    /// What Swedish Excel opens correctly: `;`, decimal comma, UTF-8 with BOM, CRLF.
    public static let swedishExcel = CSVDialect(delimiter: ";", decimalComma: true, byteOrderMark: true, lineEnding: "\r\n")
    /// RFC 4180: `,`, decimal point, CRLF, no BOM.
    public static let rfc4180 = CSVDialect(delimiter: ",", decimalComma: false, byteOrderMark: false, lineEnding: "\r\n")
}

/// One cell of a CSV row: text is neutralised against formula injection, numbers stay numbers.
package enum CSVField: Sendable, ExpressibleByStringLiteral {
    case text(String?)
    case number(Double?)

    package init(stringLiteral value: String) { self = .text(value) }
}

/// Writes a CSV file row by row to the target's staging file, moved into place by ``finish()``, so a failed
/// run leaves nothing half-written.
package final class CSVWriter {
    package let target: OutputTarget
    private let dialect: CSVDialect
    private let handle: FileHandle
    private var pending = Data()
    private var finished = false

    package init(target: OutputTarget, dialect: CSVDialect) throws {
        self.target = target
        self.dialect = dialect
        guard FileManager.default.createFile(atPath: target.stagingPath, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: target.path])
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: target.stagingPath))
        if dialect.byteOrderMark { pending.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
    }

    deinit {
        try? handle.close()
        if !finished { target.discardStaging() }
    }

    package func write(_ fields: [CSVField]) throws {
        var line = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { line.append(dialect.delimiter) }
            switch field {
            case .text(let text): line += CSVText.quoted(CSVText.neutralize(text ?? ""), delimiter: dialect.delimiter)
            case .number(let number): line += number.map(format) ?? ""
            }
        }
        line += dialect.lineEnding
        pending.append(contentsOf: line.utf8)
        if pending.count > 1 << 20 { try flush() }
    }

    /// Writes the rest and moves the file into place.
    package func finish() throws {
        try flush()
        try handle.close()
        try target.commitStagedFile()
        finished = true
    }

    private func flush() throws {
        try handle.write(contentsOf: pending)
        pending.removeAll(keepingCapacity: true)
    }

    /// Shortest text that reads back as the same double, with the dialect's decimal mark.
    private func format(_ number: Double) -> String {
        let text = number.plain
        return dialect.decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}
