import Foundation

/// Streams the records of a delimited text file as Swedish and English spreadsheets save them:
/// `;`, `,` or tab (detected from the header), quoted fields with `""` escapes and line breaks,
/// UTF-8 with or without BOM, Windows-1252, or UTF-16 with its byte order mark (Excel's "Unicode text").
/// A quote left open (also one that opens a field at the end of a line, which would read the next line into
/// that field), or text after a closing quote, stops the file: the rest of it cannot be read right.
/// Memory stays flat whatever the file size.
///
/// ```swift
/// var reader = try CSVReader(url: url, displayPath: "data.csv")
/// while let record = try reader.next() { print(record.line, record.fields) }
/// ```
struct CSVReader {
    /// One record and the line of the file it starts on.
    struct Record {
        var fields: [String]
        var line: Int
    }

    /// A record longer than this is not a spreadsheet row: the file is refused rather than read into memory.
    static let maxRecordBytes = 1 << 24

    /// The message for a record longer than ``maxRecordBytes``.
    static let tooLongMessage = "a record longer than \(maxRecordBytes >> 20) MiB starts here: is this a CSV file, or is a quote left open?"

    let url: URL
    /// The file as messages name it.
    let path: String
    private(set) var delimiter: UInt8 = UInt8(ascii: ";")
    /// Bytes read so far (for progress reporting).
    private(set) var bytesRead = 0
    /// SHA-256 of the whole file, available once ``next()`` has returned nil.
    let hasher = StreamingSHA256()

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var line = 1
    /// The current record: its fields' bytes one after another, and where each field ends.
    private var fieldBytes: [UInt8] = []
    private var fieldEnds: [Int] = []
    private static let chunkSize = 1 << 20
    /// Set for a UTF-16 file, which is turned into UTF-8 as it is read.
    private var utf16: UTF16Text?

    /// Opens a file; reading throws ``InputStopped`` (with `path` in its message) where the rest of the
    /// file cannot be read right: a quote left open, text after a closing quote, a record too long to be a row.
    init(url: URL, displayPath: String) throws {
        self.url = url
        path = displayPath
        handle = try FileHandle(forReadingFrom: url)
        if let bigEndian = UTF16Text.byteOrder(of: try handle.read(upToCount: 2) ?? Data()) { utf16 = UTF16Text(bigEndian: bigEndian) }
        try handle.seek(toOffset: 0)
        _ = try refill()
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        delimiter = Self.detectDelimiter(buffer[position...])
    }

    /// The next record, or nil at the end of the file. Blank lines are skipped.
    mutating func next() throws -> Record? {
        guard let startLine = try advance() else { return nil }
        return Record(fields: (0..<fieldEnds.count).map(field), line: startLine)
    }

    /// Reads the next record (blank lines skipped) for ``field(_:)`` and ``fieldCount``; returns the line it
    /// starts on, or nil at the end of the file.
    mutating func advance() throws -> Int? {
        while true {
            guard let startLine = try readRecord() else {
                try? handle.close()
                return nil
            }
            if fieldEnds.count == 1, fieldEnds[0] == 0 { continue }
            return startLine
        }
    }

    /// Fields of the current record.
    var fieldCount: Int { fieldEnds.count }

    /// A field of the current record as text.
    func field(_ index: Int) -> String {
        let start = index == 0 ? 0 : fieldEnds[index - 1]
        return Self.decode(fieldBytes[start..<fieldEnds[index]])
    }

    // MARK: - Bytes to records

    /// Appends the next chunk of the file to the buffer (at least `count` bytes of it, when there are), dropping
    /// what has been read; false at the end.
    private mutating func refill(count: Int = chunkSize) throws -> Bool {
        guard !atEnd else { return false }
        let data = try handle.read(upToCount: count) ?? Data()
        buffer.removeFirst(position)
        position = 0
        if data.isEmpty {
            atEnd = true
            // A UTF-16 file may end in half a character, held back until now.
            if let rest = utf16?.utf8([UInt8](), final: true), !rest.isEmpty { buffer += rest; return true }
            return false
        }
        hasher.update(data)
        bytesRead += data.count
        if utf16 != nil {
            buffer += utf16!.utf8(data, final: false)
        } else {
            buffer.append(contentsOf: data)
        }
        return true
    }

    /// Parses one record into ``fieldBytes`` and ``fieldEnds``. A record cut by the end of the buffer is
    /// parsed again from its start once more of the file is in: as much again as the record has so far, so that a
    /// long record is parsed a few times, not once per chunk.
    private mutating func readRecord() throws -> Int? {
        while true {
            if position == buffer.count, !(try refill()) { return nil }
            if let end = try parseRecord() {
                let startLine = line
                line += end.lines
                position = end.next
                return startLine
            }
            guard buffer.count - position <= Self.maxRecordBytes else {
                let quote = openQuote.map { " (the quote at line \($0.line), column \($0.column) is never closed)" } ?? ""
                throw InputStopped(diagnostic: Diagnostic(file: path, line: line, Self.tooLongMessage + quote))
            }
            if !(try refill(count: max(Self.chunkSize, buffer.count - position))) {
                // The last record of a file without a final line break.
                let end = try parseRecord(atEndOfFile: true)!
                let startLine = line
                line += end.lines
                position = end.next
                return startLine
            }
        }
    }

    /// Where the quote of a record cut by the end of the buffer opened, if it is still open.
    private var openQuote: (line: Int, column: Int)?

    /// Line and column (in characters) of a byte of the buffer, given where its line starts.
    private func place(_ index: Int, lineStart: Int, lines: Int) -> (line: Int, column: Int) {
        (line + lines, Self.decode(buffer[lineStart..<index]).count + 1)
    }

    /// The record at ``position``: nil when the buffer ends before it does (unless at the end of the file).
    private mutating func parseRecord(atEndOfFile: Bool = false) throws(InputStopped) -> (next: Int, lines: Int)? {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), delimiter = delimiter
        // Parse into local arrays (moved out and back, so no copy) while the buffer is borrowed.
        var fieldBytes: [UInt8] = [], fieldEnds: [Int] = []
        swap(&fieldBytes, &self.fieldBytes)
        swap(&fieldEnds, &self.fieldEnds)
        defer {
            swap(&fieldBytes, &self.fieldBytes)
            swap(&fieldEnds, &self.fieldEnds)
        }
        fieldBytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        var lines = 0
        let start = position
        // Where the current line starts, where the open quote is (and its line), and a problem found.
        var lineStart = start, quoteAt = start, quoteLines = 0, quoteLineStart = start
        // A problem: the quote at `index` is never closed, or opens a field at the end of its line and is closed
        // on a later one, or text follows a closing quote at `index`.
        enum Problem { case neverClosed, openAtEndOfLine, textAfterQuote }
        var problem: (index: Int, lineStart: Int, lines: Int, kind: Problem)?
        var stillOpen = false
        let end = buffer.withUnsafeBufferPointer { bytes -> (Int, Int)? in
            var index = start
            var inQuotes = false
            var fieldStart = true
            // Whether the open quote is the last character of its line: closed on a later line, it would have
            // read that line into its field.
            var opensAtEndOfLine = false
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if inQuotes {
                    if byte == quote {
                        if index < bytes.count {
                            if bytes[index] == quote {
                                fieldBytes.append(quote)
                                index += 1
                            } else {
                                inQuotes = false
                                if opensAtEndOfLine {
                                    problem = (quoteAt, quoteLineStart, quoteLines, .openAtEndOfLine)
                                    return nil
                                }
                                if bytes[index] != delimiter, bytes[index] != lf, bytes[index] != cr {
                                    problem = (index, lineStart, lines, .textAfterQuote)
                                    return nil
                                }
                            }
                        } else if !atEndOfFile {
                            stillOpen = true
                            return nil  // is the quote doubled? The next chunk tells.
                        } else if opensAtEndOfLine {
                            problem = (quoteAt, quoteLineStart, quoteLines, .openAtEndOfLine)
                            return nil
                        } else {
                            inQuotes = false
                        }
                    } else {
                        if index - 2 == quoteAt, byte == lf || byte == cr { opensAtEndOfLine = true }
                        if byte == lf { lines += 1; lineStart = index }
                        fieldBytes.append(byte)
                    }
                    continue
                }
                switch byte {
                case quote where fieldStart:
                    inQuotes = true
                    opensAtEndOfLine = false
                    fieldStart = false
                    (quoteAt, quoteLines, quoteLineStart) = (index - 1, lines, lineStart)
                case delimiter:
                    fieldEnds.append(fieldBytes.count)
                    fieldStart = true
                case lf:
                    fieldEnds.append(fieldBytes.count)
                    return (index, lines + 1)
                case cr:
                    if index < bytes.count {
                        if bytes[index] == lf { index += 1 }
                    } else if !atEndOfFile {
                        return nil  // a CR LF cut between chunks
                    }
                    fieldEnds.append(fieldBytes.count)
                    return (index, lines + 1)
                default:
                    fieldBytes.append(byte)
                    fieldStart = false
                }
            }
            if inQuotes {
                if atEndOfFile { problem = (quoteAt, quoteLineStart, quoteLines, .neverClosed) }
                stillOpen = true
                return nil
            }
            guard atEndOfFile else { return nil }
            fieldEnds.append(fieldBytes.count)
            return (index, lines)
        }
        if let problem {
            let (line, column) = place(problem.index, lineStart: problem.lineStart, lines: problem.lines)
            let quote = place(quoteAt, lineStart: quoteLineStart, lines: quoteLines)
            let message = switch problem.kind {
            case .neverClosed: "this quote is never closed: the rest of the file would be one field"
            case .openAtEndOfLine: "this quote is left open at the end of the line: the next line would be read into its field"
            case .textAfterQuote: "text after the closing quote of the field quoted from line \(quote.line), column \(quote.column): "
                + "is a quote left open there, or a quote inside the field not doubled (\"\")?"
            }
            throw InputStopped(diagnostic: Diagnostic(file: path, line: line, column: column, message))
        }
        openQuote = stillOpen ? place(quoteAt, lineStart: quoteLineStart, lines: quoteLines) : nil
        return end
    }

    /// The delimiter that occurs most often outside quotes in the first line (`;` wins ties).
    static func detectDelimiter(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0, UInt8(ascii: ","): 0]
        var inQuotes = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if inQuotes { continue }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            if counts[byte] != nil { counts[byte]! += 1 }
        }
        return [UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: ",")].max { counts[$0]! < counts[$1]! }!
    }

    // MARK: - Text encodings

    /// UTF-8 where the bytes are valid UTF-8, else Windows-1252 (what Swedish Excel saves).
    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) || String(validating: bytes, as: UTF8.self) != nil {
            return String(decoding: bytes, as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if (0x80...0x9F).contains(byte), let mapped = windows1252[byte] {
                scalars.append(mapped)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    /// The characters Windows-1252 puts where Latin-1 has C1 controls.
    static let windows1252: [UInt8: Unicode.Scalar] = [
        0x80: "\u{20AC}", 0x82: "\u{201A}", 0x83: "\u{0192}", 0x84: "\u{201E}", 0x85: "\u{2026}",
        0x86: "\u{2020}", 0x87: "\u{2021}", 0x88: "\u{02C6}", 0x89: "\u{2030}", 0x8A: "\u{0160}",
        0x8B: "\u{2039}", 0x8C: "\u{0152}", 0x8E: "\u{017D}", 0x91: "\u{2018}", 0x92: "\u{2019}",
        0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}", 0x96: "\u{2013}", 0x97: "\u{2014}",
        0x98: "\u{02DC}", 0x99: "\u{2122}", 0x9A: "\u{0161}", 0x9B: "\u{203A}", 0x9C: "\u{0153}",
        0x9E: "\u{017E}", 0x9F: "\u{0178}",
    ]
}
