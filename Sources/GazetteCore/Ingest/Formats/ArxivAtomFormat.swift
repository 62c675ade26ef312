import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// arXiv API results: an Atom `<feed>` of `<entry>` elements, read with `XMLParser`.
public struct ArxivAtomFormat: DumpFormat {
    public let name = "atom"

    public init() {}

    /// Sure when the file opens like XML and holds an Atom feed.
    public func confidence(_ bytes: [UInt8], fileExtension: String) -> Double {
        let start = leadingText(bytes)
        guard start.hasPrefix("<") else { return 0 }
        if start.contains("<feed"), start.contains("http://www.w3.org/2005/Atom") { return 0.95 }
        if start.contains("<feed") || start.contains("<entry") { return 0.7 }
        return ["atom", "xml"].contains(fileExtension) ? 0.2 : 0.01
    }

    /// One entry per `<entry>`, at the line it opens; malformed XML, XML without a feed and an
    /// error answer from arXiv are errors.
    public func parse(_ bytes: [UInt8], name: String, path: String) throws -> (Dump, [Diagnostic]) {
        let reader = ArxivAtomReader()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        // FoundationXML on Linux can report an error to the delegate and still return true.
        if !parser.parse() || reader.error != nil {
            let error = reader.error ?? (parser.parserError, parser.lineNumber)
            let reason = error.0.map { ($0 as NSError).localizedDescription } ?? "unknown problem"
            throw IngestError.notADump(file: path, line: max(1, error.1), reason: "not well-formed XML (\(reason)); save the arXiv API answer as it came")
        }
        guard reader.sawFeed else {
            throw IngestError.notADump(file: path, line: 1, reason: "XML without an Atom <feed>; expected arXiv API results")
        }
        var diagnostics: [Diagnostic] = []
        var entries: [DumpEntry] = []
        for entry in reader.entries {
            if entry.id.contains("/api/errors") {
                throw IngestError.notADump(file: path, line: entry.line, reason: "arXiv answered with an error: \(joinedTitle(entry.summary))")
            }
            let id = normalizedArxivID(entry.id)
            if id == nil {
                diagnostics.append(Diagnostic(.warning, file: path, line: entry.line,
                    "entry id \"\(entry.id.prefix(60))\" is not an arXiv id; the paper is matched by its title"))
            }
            let summary = joinedAbstract(entry.summary)
            let authors = entry.authors.map(joinedTitle).filter { !$0.isEmpty }
            var categories = entry.primaryCategory.map { [$0] } ?? []
            categories += entry.categories.filter { !categories.contains($0) }
            entries.append(DumpEntry(
                title: joinedTitle(entry.title), abstract: summary.isEmpty ? nil : summary,
                authorCount: authors.isEmpty ? nil : authors.count, published: PaperDate(timestamp: entry.published), line: entry.line,
                details: PaperDetails(arxivID: id, authors: authors, updated: PaperDate(timestamp: entry.updated), categories: categories)))
        }
        if entries.isEmpty {
            diagnostics.append(Diagnostic(.warning, file: path, line: 0, "empty dump: the feed holds no entries"))
        }
        return (Dump(name: name, path: path, captureDate: nil, entries: entries), diagnostics)
    }
}

/// Collects the entries of an arXiv Atom feed as `XMLParser` walks it.
final class ArxivAtomReader: NSObject, XMLParserDelegate {
    /// One `<entry>` as read, before its text is cleaned.
    struct Entry {
        var line: Int
        var id = "", title = "", summary = "", published = "", updated = ""
        var authors: [String] = []
        var primaryCategory: String?
        var categories: [String] = []
    }

    static let atom = "http://www.w3.org/2005/Atom"
    static let arxiv = "http://arxiv.org/schemas/atom"

    private(set) var entries: [Entry] = []
    private(set) var sawFeed = false
    private var current: Entry?
    private var text = ""
    private var inAuthor = false

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        text = ""
        switch (namespaceURI ?? Self.atom, element) {
        case (Self.atom, "feed"): sawFeed = true
        case (Self.atom, "entry"): current = Entry(line: parser.lineNumber)
        case (Self.atom, "author"): inAuthor = true
        case (Self.arxiv, "primary_category"): current?.primaryCategory = attributes["term"]
        case (Self.atom, "category"): if let term = attributes["term"] { current?.categories.append(term) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    /// The first well-formedness error and its line.
    private(set) var error: (Error?, Int)?

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if error == nil { error = (parseError, parser.lineNumber) }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) { text += String(decoding: block, as: UTF8.self) }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        guard (namespaceURI ?? Self.atom) == Self.atom, var entry = current else { return }
        switch element {
        case "entry":
            entries.append(entry)
            current = nil
            return
        case "author": inAuthor = false
        case "name" where inAuthor: entry.authors.append(text)
        case "id": entry.id = text.trimmingCharacters(in: .whitespacesAndNewlines)
        case "title": entry.title = text
        case "summary": entry.summary = text
        case "published": entry.published = text.trimmingCharacters(in: .whitespacesAndNewlines)
        case "updated": entry.updated = text.trimmingCharacters(in: .whitespacesAndNewlines)
        default: break
        }
        current = entry
        text = ""
    }
}
