import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads the cells of an `.xlsx` workbook's sheets row by row, streaming: a sheet's XML is unpacked to a
/// temporary file and parsed with SAX events, so a sheet of a million rows is read in flat memory. Only the
/// shared strings are held (Excel writes each distinct text once).
///
/// ```swift
/// let workbook = try XLSXSheetReader(url: URL(fileURLWithPath: "pv01.xlsx"), path: "pv01.xlsx")
/// try workbook.readRows(ofSheet: workbook.sheetNames[0]) { row, cells in print(row, cells) }
/// ```
struct XLSXSheetReader {
    /// A cell's content as written in the file.
    enum Cell: Equatable {
        /// A number cell, in the file's own text (`33.4`, `1.5E-3`).
        case number(String)
        case text(String)
        case boolean(Bool)
        /// An error value such as `#N/A`.
        case error(String)
    }

    /// Why a file could not be read as a workbook: one line, without a position inside it.
    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    let path: String
    /// Sheet names in workbook order.
    let sheetNames: [String]
    private let archive: Archive
    private let sheetParts: [String]
    private let sharedStrings: [String]

    init(url: URL, path: String) throws {
        self.path = path
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw Unreadable(description: "not a readable .xlsx workbook (the zip container cannot be opened)")
        }
        let workbookPart = "xl/workbook.xml"
        let relationships = try Self.relationships(in: archive, of: workbookPart, path: path)
        let sheets = try Self.parse(archive, workbookPart, path: path, elements: ["sheet"]).filter { $0.name == "sheet" }
        var names: [String] = []
        var parts: [String] = []
        for sheet in sheets {
            guard let name = sheet.attributes["name"], let id = sheet.attributes["r:id"], let target = relationships[id]?.target else {
                throw Unreadable(description: "a sheet of the workbook has no part")
            }
            names.append(name)
            parts.append(target)
        }
        sheetNames = names
        sheetParts = parts
        if let target = relationships.values.first(where: { $0.type.hasSuffix("/sharedStrings") })?.target {
            sharedStrings = try Self.sharedStrings(in: archive, part: target, path: path)
        } else {
            sharedStrings = []
        }
    }

    /// Calls `row` for each row that has a cell with content, in order: its number (from 1) and its cells by
    /// column index (from 0).
    func readRows(ofSheet name: String, _ row: (Int, [Int: Cell]) throws -> Void) throws {
        guard let index = sheetNames.firstIndex(of: name) else {
            throw Unreadable(description: "no sheet '\(name)' (the sheets are \(sheetNames.map { "'\($0)'" }.joined(separator: ", ")))")
        }
        guard let entry = archive[sheetParts[index]] else {
            throw Unreadable(description: "the part of sheet '\(name)' is missing")
        }
        let scratch = FileManager.default.temporaryDirectory.appending(path: "naravard-sheet-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: scratch) }
        guard FileManager.default.createFile(atPath: scratch.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: scratch.path])
        }
        let handle = try FileHandle(forWritingTo: scratch)
        do {
            _ = try archive.extract(entry) { try handle.write(contentsOf: $0) }
            try handle.close()
        } catch {
            try? handle.close()
            throw Unreadable(description: "sheet '\(name)' cannot be unpacked (\(error))")
        }
        guard let parser = XMLParser(contentsOf: scratch) else {
            throw Unreadable(description: "sheet '\(name)' cannot be read")
        }
        let (parsed, failure) = withoutActuallyEscaping(row) { row in
            let delegate = SheetDelegate(sharedStrings: sharedStrings, row: row)
            parser.delegate = delegate
            defer { parser.delegate = nil }
            return (parser.parse(), delegate.error)
        }
        if let failure { throw failure }
        guard parsed else {
            throw Unreadable(description: "sheet '\(name)': its XML is damaged at line \(parser.lineNumber) (\(parser.parserError.map { "\($0)" } ?? "parse error"))")
        }
    }

    /// The column index of a cell reference's letters (`A1` → 0, `AB7` → 27), and its row.
    static func position(_ reference: String) -> (column: Int, row: Int)? {
        var column = 0
        var digits = Substring(reference)
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            column = column * 26 + Int(scalar.value - 64)
            digits = digits.dropFirst()
        }
        guard column > 0, let row = Int(digits), row > 0 else { return nil }
        return (column - 1, row)
    }

    /// The letters of a column index (0 → `A`, 27 → `AB`).
    static func columnName(_ index: Int) -> String {
        var name = ""
        var rest = index + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            rest = (rest - 1) / 26
        }
        return name
    }

    // MARK: - Package parts

    private struct Element {
        var name: String
        var attributes: [String: String]
    }

    private struct Relationship {
        var type: String
        var target: String
    }

    private static func data(_ archive: Archive, _ part: String, path: String) throws -> Data {
        guard let entry = archive[part] else { throw Unreadable(description: "not an .xlsx workbook (no \(part))") }
        var data = Data()
        do {
            _ = try archive.extract(entry) { data.append($0) }
        } catch {
            throw Unreadable(description: "\(part) cannot be unpacked (\(error))")
        }
        return data
    }

    /// The elements named in `elements`, with their attributes, in document order.
    private static func parse(_ archive: Archive, _ part: String, path: String, elements: Set<String>) throws -> [Element] {
        let parser = XMLParser(data: try data(archive, part, path: path))
        let collector = ElementCollector(names: elements)
        parser.delegate = collector
        guard parser.parse() else { throw Unreadable(description: "\(part) is damaged") }
        return collector.elements.map { Element(name: $0.name, attributes: $0.attributes) }
    }

    /// The relationships of a part, targets resolved to part names.
    private static func relationships(in archive: Archive, of part: String, path: String) throws -> [String: Relationship] {
        let folder = part.split(separator: "/").dropLast().joined(separator: "/")
        let file = part.split(separator: "/").last.map(String.init) ?? part
        let relations = try parse(archive, folder + "/_rels/" + file + ".rels", path: path, elements: ["Relationship"])
        var result: [String: Relationship] = [:]
        for relation in relations {
            guard let id = relation.attributes["Id"], let target = relation.attributes["Target"] else { continue }
            let resolved = target.hasPrefix("/") ? String(target.dropFirst()) : folder + "/" + target
            result[id] = Relationship(type: relation.attributes["Type"] ?? "", target: resolved)
        }
        return result
    }

    private static func sharedStrings(in archive: Archive, part: String, path: String) throws -> [String] {
        let parser = XMLParser(data: try data(archive, part, path: path))
        let collector = SharedStringCollector()
        parser.delegate = collector
        guard parser.parse() else { throw Unreadable(description: "\(part) is damaged") }
        return collector.strings
    }
}

/// Collects named elements and their attributes.
private final class ElementCollector: NSObject, XMLParserDelegate {
    let names: Set<String>
    var elements: [(name: String, attributes: [String: String])] = []

    init(names: Set<String>) { self.names = names }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if names.contains(name) { elements.append((name, attributes)) }
    }
}

/// The text of each `<si>` of the shared strings: its `<t>`, or its runs' `<t>` joined (phonetic runs left out).
private final class SharedStringCollector: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

/// SAX events of a worksheet turned into rows of cells.
private final class SheetDelegate: NSObject, XMLParserDelegate {
    let sharedStrings: [String]
    let handle: (Int, [Int: XLSXSheetReader.Cell]) throws -> Void
    var error: (any Error)?

    private var rowNumber = 0
    private var cells: [Int: XLSXSheetReader.Cell] = [:]
    private var cellColumn = 0
    private var cellType = "n"
    private var text = ""
    private var collecting = false
    private var value: String?
    private var inlineText: String?

    init(sharedStrings: [String], row: @escaping (Int, [Int: XLSXSheetReader.Cell]) throws -> Void) {
        self.sharedStrings = sharedStrings
        handle = row
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            cells.removeAll(keepingCapacity: true)
            cellColumn = -1
        case "c":
            cellColumn = attributes["r"].flatMap { XLSXSheetReader.position($0)?.column } ?? cellColumn + 1
            cellType = attributes["t"] ?? "n"
            value = nil
            inlineText = nil
        case "v", "t":
            text = ""
            collecting = true
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v":
            value = text
            collecting = false
        case "t":
            inlineText = (inlineText ?? "") + text
            collecting = false
        case "c":
            if let cell = cell() { cells[cellColumn] = cell }
        case "row":
            guard !cells.isEmpty else { return }
            do {
                try handle(rowNumber, cells)
            } catch {
                self.error = error
                parser.abortParsing()
            }
        default:
            break
        }
    }

    private func cell() -> XLSXSheetReader.Cell? {
        switch cellType {
        case "s":
            guard let index = value.flatMap(Int.init), sharedStrings.indices.contains(index) else { return nil }
            return sharedStrings[index].isEmpty ? nil : .text(sharedStrings[index])
        case "inlineStr":
            return inlineText.flatMap { $0.isEmpty ? nil : .text($0) }
        case "str":
            return value.flatMap { $0.isEmpty ? nil : .text($0) }
        case "b":
            return value.map { .boolean($0 == "1") }
        case "e":
            return value.map { .error($0) }
        default:
            return value.flatMap { $0.isEmpty ? nil : .number($0) }
        }
    }
}
