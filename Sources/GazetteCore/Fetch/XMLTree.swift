import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML element as FoundationXML's `XMLParser` reports it, names kept with their prefixes
/// (`arxiv:primary_category`), so pages of a feed can be joined and written back out.
public struct XMLTree: Equatable, Sendable {
    /// A piece of an element's content, in document order.
    public enum Child: Equatable, Sendable {
        case element(XMLTree)
        case text(String)
    }

    public var name: String
    public var attributes: [String: String]
    public var children: [Child]

    public init(name: String, attributes: [String: String] = [:], children: [Child] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    /// Parses `data`; a document that is not well-formed throws `FetchError.malformedXML` naming `url`.
    public init(parsing data: Data, url: URL) throws {
        let builder = XMLTreeBuilder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        guard parser.parse(), let root = builder.root else {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "no root element"
            throw FetchError.malformedXML(url: url.absoluteString, line: parser.lineNumber, reason: data.isEmpty ? "the body is empty" : reason)
        }
        self = root
    }

    /// The child elements named `name`.
    public func elements(_ name: String) -> [XMLTree] {
        children.compactMap { if case let .element(element) = $0, element.name == name { return element } else { return nil } }
    }

    /// The text directly inside this element.
    public var text: String {
        children.map { if case let .text(text) = $0 { return text } else { return "" } }.joined()
    }

    /// The element as XML text, attributes in name order, special characters escaped.
    public var serialized: String {
        let attributeText = attributes.keys.sorted().map { " \($0)=\"\(escapeHTML(attributes[$0] ?? ""))\"" }.joined()
        if children.isEmpty { return "<\(name)\(attributeText)/>" }
        let inner = children.map { child -> String in
            switch child {
            case let .element(element): return element.serialized
            case let .text(text): return escapeHTML(text)
            }
        }.joined()
        return "<\(name)\(attributeText)>\(inner)</\(name)>"
    }
}

/// Collects `XMLParser`'s events into an `XMLTree`; a class because `XMLParser` wants an `NSObject` delegate.
private final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    private var open: [XMLTree] = []
    var root: XMLTree?

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        open.append(XMLTree(name: qualifiedName ?? elementName, attributes: attributes))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard let element = open.popLast() else { return }
        if open.isEmpty { root = element } else { open[open.count - 1].children.append(.element(element)) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        appendText(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        appendText(String(decoding: CDATABlock, as: UTF8.self))
    }

    private func appendText(_ string: String) {
        guard !open.isEmpty else { return }
        // The parser may split one text into several calls: keep it one piece.
        if case let .text(previous)? = open[open.count - 1].children.last {
            open[open.count - 1].children[open[open.count - 1].children.count - 1] = .text(previous + string)
        } else {
            open[open.count - 1].children.append(.text(string))
        }
    }
}
