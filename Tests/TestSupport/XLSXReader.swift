import Foundation
import ZIPFoundation

/// Reads back an `.xlsx` file in tests: sheets, cells, merges, panes, tables, conditional formats, comments,
/// charts, document properties and print setup. Independent of libxlsxwriter (ZIPFoundation + XMLParser), so
/// a test asserts what Excel will actually find in the package.
///
/// ```swift
/// let reader = try XLSXReader(path: output)
/// #expect(reader.sheetNames == ["Sammanfattning", "Data"])
/// let data = try reader.sheet(named: "Data")
/// #expect(data["B3"] == .number(12.5))
/// #expect(data.tables.first?.columns == ["Indikator", "Värde"])
/// ```
public struct XLSXReader {
    /// The file read.
    public let url: URL
    /// Sheet names in workbook order.
    public let sheetNames: [String]
    /// Workbook-level defined names (including `_xlnm.Print_Titles`).
    public let definedNames: [DefinedName]
    /// The zero-based index of the sheet shown when the workbook opens.
    public let activeSheetIndex: Int
    /// Every part name in the package, sorted.
    public var partNames: [String] { parts.keys.sorted() }

    private let parts: [String: Data]
    private let sheetParts: [String]
    private let sharedStrings: [String]
    private let styles: Styles

    /// Opens and indexes `url`.
    public init(url: URL) throws {
        self.url = url
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw XLSXReaderError.cannotOpen(url.path, "\(error)")
        }
        var parts: [String: Data] = [:]
        for entry in archive where entry.type == .file {
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            } catch {
                throw XLSXReaderError.cannotOpen(url.path, "entry \(entry.path): \(error)")
            }
            parts[entry.path] = data
        }
        self.parts = parts

        let workbookPart = try Self.officeDocumentPart(parts)
        let workbook = try Self.parse(parts, workbookPart)
        let relationships = try Self.relationships(parts, of: workbookPart)
        var names: [String] = []
        var sheetParts: [String] = []
        for sheet in workbook.child("sheets")?.children("sheet") ?? [] {
            guard let name = sheet.attribute("name"), let id = sheet.attribute("r:id"),
                  let target = relationships[id]?.target
            else { throw XLSXReaderError.missingPart("sheet entry in \(workbookPart)") }
            names.append(name)
            sheetParts.append(target)
        }
        self.sheetNames = names
        self.sheetParts = sheetParts
        self.definedNames = (workbook.child("definedNames")?.children("definedName") ?? []).map {
            DefinedName(
                name: $0.attribute("name") ?? "", localSheetIndex: $0.attribute("localSheetId").flatMap(Int.init),
                value: $0.text)
        }
        self.activeSheetIndex = workbook.path("bookViews", "workbookView")?.attribute("activeTab").flatMap(Int.init) ?? 0

        if let target = relationships.values.first(where: { $0.type.hasSuffix("/sharedStrings") })?.target {
            let root = try Self.parse(parts, target)
            sharedStrings = root.children("si").map(Self.stringItemText)
        } else {
            sharedStrings = []
        }
        if let target = relationships.values.first(where: { $0.type.hasSuffix("/styles") })?.target {
            styles = Styles(try Self.parse(parts, target))
        } else {
            styles = Styles(nil)
        }
    }

    /// Opens and indexes the file at `path`.
    public init(path: String) throws {
        try self.init(url: URL(fileURLWithPath: path))
    }

    // MARK: - Raw access

    /// The bytes of one part, e.g. `xl/workbook.xml`.
    public func part(_ name: String) throws -> Data {
        guard let data = parts[name] else { throw XLSXReaderError.missingPart(name) }
        return data
    }

    /// One part parsed as XML.
    public func xml(_ name: String) throws -> XMLTreeNode {
        try Self.parse(parts, name)
    }

    /// The number of cell formats (`cellXfs`) in `styles.xml`.
    public var cellFormatCount: Int { styles.cellFormats.count }

    // MARK: - Sheets

    /// Everything in the sheet named `name`.
    public func sheet(named name: String) throws -> SheetContents {
        guard let index = sheetNames.firstIndex(of: name) else { throw XLSXReaderError.noSuchSheet(name) }
        return try sheet(at: index)
    }

    /// Everything in the sheet at `index` (zero-based).
    public func sheet(at index: Int) throws -> SheetContents {
        guard sheetNames.indices.contains(index) else { throw XLSXReaderError.noSuchSheet("#\(index)") }
        return try SheetContents(
            reader: self, name: sheetNames[index], index: index, partName: sheetParts[index])
    }

    /// The cells of sheet `name`, keyed by reference (`"B3"`).
    public func cells(ofSheet name: String) throws -> [String: CellValue] {
        try sheet(named: name).cells
    }

    // MARK: - Document properties

    /// Core, app and custom document properties.
    public func documentProperties() throws -> DocumentInfo {
        var info = DocumentInfo()
        if let core = parts["docProps/core.xml"] {
            let root = try XMLTreeNode.parse(core, name: "docProps/core.xml")
            func value(_ name: String) -> String? { root.child(name)?.text }
            info.title = value("title")
            info.subject = value("subject")
            info.author = value("creator")
            info.keywords = value("keywords")
            info.comments = value("description")
            info.category = value("category")
            info.status = value("contentStatus")
            info.lastModifiedBy = value("lastModifiedBy")
            info.created = value("created")
        }
        if let app = parts["docProps/app.xml"] {
            let root = try XMLTreeNode.parse(app, name: "docProps/app.xml")
            info.company = root.child("Company")?.text
            info.manager = root.child("Manager")?.text
            info.application = root.child("Application")?.text
        }
        if let custom = parts["docProps/custom.xml"] {
            let root = try XMLTreeNode.parse(custom, name: "docProps/custom.xml")
            for property in root.children("property") {
                guard let name = property.attribute("name") else { continue }
                info.custom[name] = property.children.first?.text ?? ""
            }
        }
        return info
    }

    // MARK: - Internals used by SheetContents

    func string(at index: Int) -> String? {
        sharedStrings.indices.contains(index) ? sharedStrings[index] : nil
    }

    func style(at index: Int) -> CellStyle? {
        styles.style(at: index)
    }

    func differentialStyle(at index: Int) -> CellStyle? {
        styles.differential(at: index)
    }

    func xmlIfPresent(_ name: String) throws -> XMLTreeNode? {
        guard parts[name] != nil else { return nil }
        return try xml(name)
    }

    func relationships(of part: String) throws -> [String: Relationship] {
        try Self.relationships(parts, of: part)
    }

    static func parse(_ parts: [String: Data], _ name: String) throws -> XMLTreeNode {
        guard let data = parts[name] else { throw XLSXReaderError.missingPart(name) }
        return try XMLTreeNode.parse(data, name: name)
    }

    struct Relationship {
        let type: String
        let target: String
    }

    /// The relationships of `part`, with targets resolved to part names.
    static func relationships(_ parts: [String: Data], of part: String) throws -> [String: Relationship] {
        let directory = part.split(separator: "/").dropLast().joined(separator: "/")
        let file = part.split(separator: "/").last.map(String.init) ?? part
        let relsName = (directory.isEmpty ? "" : directory + "/") + "_rels/" + file + ".rels"
        guard let data = parts[relsName] else { return [:] }
        let root = try XMLTreeNode.parse(data, name: relsName)
        var result: [String: Relationship] = [:]
        for rel in root.children("Relationship") {
            guard let id = rel.attribute("Id"), let target = rel.attribute("Target") else { continue }
            if rel.attribute("TargetMode") == "External" { continue }
            result[id] = Relationship(type: rel.attribute("Type") ?? "", target: resolve(target, from: directory))
        }
        return result
    }

    static func resolve(_ target: String, from directory: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var components = directory.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = components.popLast() } else if piece != "." { components.append(String(piece)) }
        }
        return components.joined(separator: "/")
    }

    private static func officeDocumentPart(_ parts: [String: Data]) throws -> String {
        let rels = try relationships(parts, of: "")
        if let main = rels.values.first(where: { $0.type.hasSuffix("/officeDocument") }) { return main.target }
        guard parts["xl/workbook.xml"] != nil else { throw XLSXReaderError.missingPart("xl/workbook.xml") }
        return "xl/workbook.xml"
    }

    /// The text of a shared or inline string item: plain `<t>`, or the runs `<r><t>` (phonetic runs skipped).
    static func stringItemText(_ item: XMLTreeNode) -> String {
        if let t = item.child("t") { return t.text }
        return item.children("r").compactMap { $0.child("t")?.text }.joined()
    }
}

/// A defined name from `workbook.xml`.
public struct DefinedName: Hashable, Sendable {
    public let name: String
    /// The sheet a local name belongs to (zero-based), `nil` for a global name.
    public let localSheetIndex: Int?
    public let value: String

    public init(name: String, localSheetIndex: Int?, value: String) {
        self.name = name
        self.localSheetIndex = localSheetIndex
        self.value = value
    }
}

/// Document properties from `docProps/`.
public struct DocumentInfo: Hashable, Sendable {
    public var title: String?
    public var subject: String?
    public var author: String?
    public var keywords: String?
    public var comments: String?
    public var category: String?
    public var status: String?
    public var lastModifiedBy: String?
    /// W3CDTF text, e.g. `2025-01-01T00:00:00Z`.
    public var created: String?
    public var company: String?
    public var manager: String?
    public var application: String?
    /// Custom properties as text.
    public var custom: [String: String] = [:]
}

/// Reading failures.
public enum XLSXReaderError: Error, CustomStringConvertible {
    case cannotOpen(String, String)
    case missingPart(String)
    case malformedXML(String, String)
    case noSuchSheet(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let why): "cannot open \(path) as a zip package: \(why)"
        case .missingPart(let name): "the package has no part \(name)"
        case .malformedXML(let name, let why): "\(name) is not well-formed XML: \(why)"
        case .noSuchSheet(let name): "the workbook has no sheet \(name)"
        }
    }
}
