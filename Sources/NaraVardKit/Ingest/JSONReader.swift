/// A strict JSON reader that remembers where everything is: every value carries its line and column,
/// numbers keep the text they were written as, and a key given twice in one object is an error
/// (Foundation's `JSONSerialization` keeps one of them silently and reports no positions).
///
/// ```swift
/// let root = try JSONReader.parse(Array(#"{"period": 2023}"#.utf8))
/// root.member("period")?.value   // .number("2023"), at line 1, column 12
/// ```
struct JSONReader {
    /// Where a value or a problem is: line and column (in characters) from 1.
    struct Position: Hashable, Sendable {
        var line: Int
        var column: Int
    }

    indirect enum Value {
        case object([(key: String, at: Position, value: Node)])
        case array([Node])
        case string(String)
        /// The number as written, such as `74.1` or `1e-5`.
        case number(String)
        case bool(Bool)
        case null

        /// How messages name the kind of value.
        var kind: String {
            switch self {
            case .object: "an object"
            case .array: "a list"
            case .string: "a string"
            case .number: "a number"
            case .bool: "a boolean"
            case .null: "null"
            }
        }
    }

    struct Node {
        var value: Value
        var at: Position

        /// The member of an object with this key (nil for a missing key or a value that is not an object).
        func member(_ key: String) -> Node? {
            guard case .object(let members) = value else { return nil }
            return members.first { $0.key == key }?.value
        }
    }

    struct SyntaxError: Error, CustomStringConvertible {
        var at: Position
        var message: String
        var description: String { message }
    }

    /// Nesting deeper than this is not a Kolada file, and would only use up the stack.
    static let maxDepth = 64

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    /// The index where the current line starts, to count columns.
    private var lineStart = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The one value a JSON text holds (a UTF-8 byte order mark before it is skipped).
    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> Node {
        var reader = JSONReader(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3; reader.lineStart = 3; reader.counted = 3 }
        let node = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.index == bytes.count else { throw reader.error("text after the end of the JSON value") }
        return node
    }

    // MARK: - Grammar

    /// Characters counted on the current line up to ``counted``: columns are counted once, however long the line.
    private var counted = 0
    private var columns = 0

    private var position: Position {
        mutating get {
            if counted < lineStart { counted = lineStart; columns = 0 }
            // Columns count characters: UTF-8 continuation bytes do not start one.
            columns += bytes[counted..<index].count(where: { $0 & 0xC0 != 0x80 })
            counted = index
            return Position(line: line, column: 1 + columns)
        }
    }

    private mutating func error(_ message: String, at: Position? = nil) -> SyntaxError {
        SyntaxError(at: at ?? position, message: message)
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A: index += 1; line += 1; lineStart = index
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws(SyntaxError) -> Node {
        skipSpace()
        guard depth < Self.maxDepth else { throw error("nested deeper than \(Self.maxDepth) levels") }
        let at = position
        guard index < bytes.count else { throw error("the file ends where a value should be") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return Node(value: try object(depth: depth), at: at)
        case UInt8(ascii: "["): return Node(value: try array(depth: depth), at: at)
        case UInt8(ascii: "\""): return Node(value: .string(try string()), at: at)
        case UInt8(ascii: "t"): try literal("true"); return Node(value: .bool(true), at: at)
        case UInt8(ascii: "f"): try literal("false"); return Node(value: .bool(false), at: at)
        case UInt8(ascii: "n"): try literal("null"); return Node(value: .null, at: at)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return Node(value: .number(try number()), at: at)
        default: throw error("expected a value, found \(shown(bytes[index]))")
        }
    }

    private mutating func object(depth: Int) throws(SyntaxError) -> Value {
        index += 1
        var members: [(key: String, at: Position, value: Node)] = []
        var seen: [String: Position] = [:]
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipSpace()
            let at = position
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error(index < bytes.count ? "expected a key in quotes, found \(shown(bytes[index]))" : "the file ends inside an object")
            }
            let key = try string()
            if let first = seen[key] {
                throw error("\"\(key)\" is given twice in this object (first at \(first.line):\(first.column))", at: at)
            }
            seen[key] = at
            skipSpace()
            try expect(UInt8(ascii: ":"), "':' after a key")
            members.append((key, at, try value(depth: depth + 1)))
            skipSpace()
            guard index < bytes.count else { throw error("the file ends inside an object") }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            try expect(UInt8(ascii: ","), "',' or '}'")
        }
    }

    private mutating func array(depth: Int) throws(SyntaxError) -> Value {
        index += 1
        var items: [Node] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
        while true {
            items.append(try value(depth: depth + 1))
            skipSpace()
            guard index < bytes.count else { throw error("the file ends inside a list") }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            try expect(UInt8(ascii: ","), "',' or ']'")
        }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(SyntaxError) {
        guard index < bytes.count else { throw error("the file ends where \(what) should be") }
        guard bytes[index] == byte else { throw error("expected \(what), found \(shown(bytes[index]))") }
        index += 1
    }

    private mutating func literal(_ word: String) throws(SyntaxError) {
        let expected = Array(word.utf8)
        guard bytes[index...].starts(with: expected) else { throw error("expected a value, found \(shown(bytes[index]))") }
        index += expected.count
    }

    private mutating func number() throws(SyntaxError) -> String {
        let start = index
        func digits() -> Int {
            let first = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - first
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let leadingZero = index < bytes.count && bytes[index] == UInt8(ascii: "0")
        let integerDigits = digits()
        guard integerDigits > 0, !(leadingZero && integerDigits > 1) else { throw error("not a JSON number") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw error("not a JSON number: digits must follow the '.'") }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw error("not a JSON number: digits must follow the exponent") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func string() throws(SyntaxError) -> String {
        let at = position
        index += 1
        var out: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: out, as: UTF8.self) else { throw error("a string that is not UTF-8 text", at: at) }
                return text
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var units = [try hexUnit()]
                    if UTF16.isLeadSurrogate(units[0]), bytes[index...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) {
                        index += 2
                        units.append(try hexUnit())
                    }
                    out += Array(String(decoding: units, as: UTF16.self).utf8)
                default:
                    throw error("an unknown escape '\\\(shown(escape))' in a string")
                }
            case 0x00..<0x20:
                throw error("a control character in a string (write it as \\u00\(String(byte, radix: 16)))")
            default:
                out.append(byte)
            }
        }
        throw error("the string that starts here is never closed", at: at)
    }

    private mutating func hexUnit() throws(SyntaxError) -> UInt16 {
        guard index + 4 <= bytes.count, let unit = UInt16(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16) else {
            throw error("\\u must be followed by four hexadecimal digits")
        }
        index += 4
        return unit
    }

    private func shown(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }
}
