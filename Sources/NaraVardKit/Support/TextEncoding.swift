/// Byte order marks other than UTF-8's, and UTF-16 text turned into UTF-8 as it streams in.
///
/// ```swift
/// if let bigEndian = UTF16Text.byteOrder(of: bytes) {
///     var transcoder = UTF16Text(bigEndian: bigEndian)
///     let utf8 = transcoder.utf8(bytes, final: true)   // the mark becomes UTF-8's EF BB BF
/// }
/// ```
struct UTF16Text {
    let bigEndian: Bool
    /// Bytes held back from the last chunk: an odd byte, or the first half of a surrogate pair.
    private var carry: [UInt8] = []

    init(bigEndian: Bool) { self.bigEndian = bigEndian }

    /// True for a big-endian mark (`FE FF`), false for a little-endian one (`FF FE`), nil without either.
    static func byteOrder(of bytes: some Collection<UInt8>) -> Bool? {
        var iterator = bytes.makeIterator()
        switch (iterator.next(), iterator.next()) {
        case (0xFE, 0xFF): return true
        case (0xFF, 0xFE): return false
        default: return nil
        }
    }

    /// How messages name the encoding.
    static func name(bigEndian: Bool) -> String { bigEndian ? "UTF-16 (big-endian)" : "UTF-16 (little-endian)" }

    /// Why bytes that are not UTF-8 cannot be read where only UTF-8 is: naming UTF-16 when its mark is there.
    static func notUTF8(_ bytes: some Collection<UInt8>) -> String {
        byteOrder(of: bytes).map { "\(name(bigEndian: $0)) text: save it as UTF-8" } ?? "not UTF-8 text"
    }

    /// The next chunk as UTF-8; with `final`, whatever is held back is decoded too (as U+FFFD when broken).
    mutating func utf8(_ chunk: some Collection<UInt8>, final: Bool) -> [UInt8] {
        var bytes = carry + chunk
        carry = []
        if bytes.count % 2 == 1, !final { carry = [bytes.removeLast()] }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index + 1 < bytes.count {
            let (high, low) = bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            units.append(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        if !final, let last = units.last, UTF16.isLeadSurrogate(last) {
            units.removeLast()
            carry = Array(bytes[(index - 2)..<index]) + carry
        }
        var out = Array(String(decoding: units, as: UTF16.self).utf8)
        if final, bytes.count % 2 == 1 { out += Array("\u{FFFD}".utf8) }
        return out
    }
}

extension String {
    /// The text with control characters and bidirectional overrides written as `\u{1B}`, so that input
    /// quoted in a message or a table cannot move the cursor, ring the bell or reorder the line on a terminal.
    package var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: \.isUnsafeOnTerminal) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            if scalar.isUnsafeOnTerminal {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension Unicode.Scalar {
    /// C0 and C1 controls, DEL, and the marks that reorder or isolate text (U+061C, U+200E–U+200F,
    /// U+202A–U+202E, U+2066–U+2069).
    package var isUnsafeOnTerminal: Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E...0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
