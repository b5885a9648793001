import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A minimal XML element tree for reading the parts of an `.xlsx` package in tests.
public final class XMLTreeNode {
    /// The qualified name as written, e.g. `c:lineChart`.
    public let name: String
    public let attributes: [String: String]
    public private(set) var children: [XMLTreeNode] = []
    /// Character data directly inside this element.
    public fileprivate(set) var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The name without its namespace prefix: `lineChart` for `c:lineChart`.
    public var localName: String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    /// An attribute by local name (`r:id` matches `id` only when asked for `r:id` or when unique).
    public func attribute(_ key: String) -> String? {
        if let value = attributes[key] { return value }
        return attributes.first { entry in
            entry.key.split(separator: ":").last.map(String.init) == key
        }?.value
    }

    /// The first child with this local name.
    public func child(_ localName: String) -> XMLTreeNode? {
        children.first { $0.localName == localName }
    }

    /// All children with this local name.
    public func children(_ localName: String) -> [XMLTreeNode] {
        children.filter { $0.localName == localName }
    }

    /// Follows a path of local names through first children.
    public func path(_ names: String...) -> XMLTreeNode? {
        var node: XMLTreeNode? = self
        for name in names { node = node?.child(name) }
        return node
    }

    /// Every descendant (depth first) with this local name.
    public func descendants(_ localName: String) -> [XMLTreeNode] {
        var result: [XMLTreeNode] = []
        var stack = Array(children.reversed())
        while let node = stack.popLast() {
            if node.localName == localName { result.append(node) }
            stack.append(contentsOf: node.children.reversed())
        }
        return result
    }

    /// Concatenated text of this element and its descendants.
    public var allText: String {
        text + children.map(\.allText).joined()
    }

    fileprivate func append(_ child: XMLTreeNode) { children.append(child) }

    /// Parses XML data into its root element.
    public static func parse(_ data: Data, name: String = "XML") throws -> XMLTreeNode {
        let builder = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        parser.shouldProcessNamespaces = false
        guard parser.parse(), let root = builder.root else {
            throw XLSXReaderError.malformedXML(name, parser.parserError.map { "\($0)" } ?? "no root element")
        }
        return root
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: XMLTreeNode?
    var stack: [XMLTreeNode] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        let node = XMLTreeNode(name: elementName, attributes: attributeDict)
        if let parent = stack.last { parent.append(node) } else { root = node }
        stack.append(node)
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
    }
}
