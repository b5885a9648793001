import Foundation

/// Streams the records of a delimited text file as Swedish and English spreadsheets save them:
/// `;`, `,` or tab (detected from the header), quoted fields with `""` escapes and line breaks,
/// UTF-8 with or without BOM, or Windows-1252. Memory stays flat whatever the file size.
///
/// ```swift
/// var reader = try CSVReader(url: url)
/// while let record = try reader.next() { print(record.line, record.fields) }
/// ```
struct CSVReader {
    /// One record and the line of the file it starts on.
    struct Record {
        var fields: [String]
        var line: Int
    }

    let url: URL
    private(set) var delimiter: UInt8 = UInt8(ascii: ";")
    /// Bytes read so far (for progress reporting).
    private(set) var bytesRead = 0
    /// SHA-256 of the whole file, available once ``next()`` has returned nil.
    private(set) var hasher = StreamingSHA256()

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var line = 1
    private var isFirstRecord = true
    private static let chunkSize = 1 << 20

    init(url: URL) throws {
        self.url = url
        handle = try FileHandle(forReadingFrom: url)
        try refill()
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        delimiter = Self.detectDelimiter(buffer[position...])
    }

    /// The next record, or nil at the end of the file. Blank lines are skipped.
    mutating func next() throws -> Record? {
        while true {
            guard let (fields, startLine) = try readRecord() else {
                try? handle.close()
                return nil
            }
            if fields.count == 1, fields[0].isEmpty { continue }
            isFirstRecord = false
            return Record(fields: fields.map(Self.decode), line: startLine)
        }
    }

    // MARK: - Bytes to records

    private mutating func refill() throws {
        guard !atEnd else { return }
        let data = try handle.read(upToCount: Self.chunkSize) ?? Data()
        if data.isEmpty { atEnd = true; return }
        hasher.update(data)
        bytesRead += data.count
        buffer.removeFirst(position)
        position = 0
        buffer.append(contentsOf: data)
    }

    private mutating func nextByte() throws -> UInt8? {
        if position == buffer.count { try refill() }
        guard position < buffer.count else { return nil }
        defer { position += 1 }
        return buffer[position]
    }

    private mutating func peekByte() throws -> UInt8? {
        if position == buffer.count { try refill() }
        return position < buffer.count ? buffer[position] : nil
    }

    private mutating func readRecord() throws -> ([[UInt8]], Int)? {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        guard try peekByte() != nil else { return nil }
        let startLine = line
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var inQuotes = false
        var fieldStart = true
        while let byte = try nextByte() {
            if inQuotes {
                if byte == quote {
                    if try peekByte() == quote { field.append(quote); position += 1 } else { inQuotes = false }
                } else {
                    if byte == lf { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case quote where fieldStart:
                inQuotes = true
                fieldStart = false
            case delimiter:
                fields.append(field)
                field.removeAll(keepingCapacity: true)
                fieldStart = true
            case lf:
                line += 1
                fields.append(field)
                return (fields, startLine)
            case cr:
                if try peekByte() == lf { continue }
                line += 1
                fields.append(field)
                return (fields, startLine)
            default:
                field.append(byte)
                fieldStart = false
            }
        }
        fields.append(field)
        return (fields, startLine)
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
    static func decode(_ bytes: [UInt8]) -> String {
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
