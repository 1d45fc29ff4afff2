import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element: styles and locales are small trees read once, then interpreted.
/// Foundation's SAX `XMLParser` builds it (it ships with every toolchain; a DOM library
/// would add a dependency for the ten lines below).
final class CSLNode: @unchecked Sendable {
    let name: String
    let attributes: [String: String]
    var children: [CSLNode] = []
    var text = ""
    let line: Int
    /// The rendering element this is, decided once (a switch over names per render was slow).
    enum Kind { case text, group, choose, names, date, number, label, other }
    let kind: Kind
    let format: NodeFormat
    let conditions: NodeConditions?

    init(name: String, attributes: [String: String], line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
        format = NodeFormat(attributes)
        switch name {
        case "text": kind = .text
        case "group": kind = .group
        case "choose": kind = .choose
        case "names": kind = .names
        case "date": kind = .date
        case "number": kind = .number
        case "label": kind = .label
        default: kind = .other
        }
        conditions = name == "if" || name == "else-if" ? NodeConditions(attributes) : nil
    }

    subscript(_ attribute: String) -> String? { attributes[attribute] }

    func child(_ name: String) -> CSLNode? { children.first { $0.name == name } }
    func children(_ name: String) -> [CSLNode] { children.filter { $0.name == name } }

    /// XMLParser's error codes (libxml2's) that styles run into, in words.
    static let xmlErrors: [Int: String] = [
        4: "the file is empty or is not XML", 5: "the file ends before its elements are closed",
        38: "an attribute value is not quoted", 41: "an attribute is missing its value",
        73: "an element's start tag is not closed with '>'", 76: "an end tag does not match its start tag",
        68: "a name was expected", 9: "an invalid character",
    ]

    /// Parses `data`; the error names the line of the fault.
    static func parse(_ data: Data, source: String) throws -> CSLNode {
        if let bad = UTF8Check.firstInvalidPlace(in: data) {
            throw CSLError("\(source):\(bad.line):\(bad.column): error: the file is not UTF-8 (a CSL style is UTF-8 XML)")
        }
        let delegate = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        // parse() can return true after an error (a document that ends too early): check both.
        guard parser.parse(), parser.parserError == nil, let root = delegate.root else {
            let line = parser.lineNumber, col = parser.columnNumber
            let code = (parser.parserError as NSError?)?.code ?? 4
            throw CSLError("\(source):\(line):\(col): error: \(Self.xmlErrors[code] ?? "not well-formed XML (libxml2 error \(code))")")
        }
        return root
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [CSLNode] = []
    var root: CSLNode?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let node = CSLNode(name: elementName, attributes: attributes, line: parser.lineNumber)
        stack.last?.children.append(node)
        if root == nil { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }
}

/// A style or locale that cannot be used, with where and why.
public struct CSLError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
