import Foundation

/// One page of arXiv's API answer: an Atom `<feed>` whose `<entry>` elements are the papers.
public struct ArxivPage: Equatable, Sendable {
    public var feed: XMLTree
    public var entries: [XMLTree]
    /// `opensearch:totalResults`: how many papers match the query in all, when the feed says.
    public var totalResults: Int?

    /// Checks `data`, the answer from `url`: a well-formed feed whose entries have an `id` and a `title`.
    /// arXiv reports a bad query as a feed with one entry whose id is an `api/errors` URL: that throws.
    public init(_ data: Data, url: URL) throws {
        feed = try XMLTree(parsing: data, url: url)
        guard feed.name == "feed" else {
            throw FetchError.unexpectedShape(url: url.absoluteString, reason: "the root element is <\(feed.name)>, not an Atom <feed>")
        }
        entries = feed.elements("entry")
        for (index, entry) in entries.enumerated() {
            guard entry.elements("id").first != nil, entry.elements("title").first != nil else {
                throw FetchError.unexpectedShape(url: url.absoluteString, reason: "entry \(index) has no <id> and <title>")
            }
            if let message = Self.errorMessage(of: entry) { throw FetchError.apiError(url: url.absoluteString, message: message) }
        }
        totalResults = feed.elements("opensearch:totalResults").first.flatMap { Int($0.text.trimmingCharacters(in: .whitespaces)) }
    }

    /// The message of arXiv's error feed, when `data` is one (arXiv sends it with HTTP 400 too).
    public static func errorMessage(in data: Data) -> String? {
        guard let feed = try? XMLTree(parsing: data, url: ArxivSource.defaultURL) else { return nil }
        return feed.elements("entry").lazy.compactMap(errorMessage(of:)).first
    }

    /// The summary of an entry whose id is an `api/errors` URL.
    private static func errorMessage(of entry: XMLTree) -> String? {
        guard let id = entry.elements("id").first?.text, id.contains("arxiv.org/api/errors") else { return nil }
        return (entry.elements("summary").first?.text ?? id).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// One feed holding the entries of all `pages`: the first page's feed with its entries replaced
    /// by everyone's and `opensearch:itemsPerPage` set to their number.
    public static func joined(_ pages: [ArxivPage]) -> Data {
        guard var feed = pages.first?.feed else { return Data() }
        let entries = pages.flatMap(\.entries)
        feed.children = feed.children.compactMap { child in
            guard case let .element(element) = child else { return child }
            if element.name == "entry" { return nil }
            if element.name == "opensearch:itemsPerPage" {
                return .element(XMLTree(name: element.name, attributes: element.attributes, children: [.text(String(entries.count))]))
            }
            return child
        }
        feed.children += entries.flatMap { [.text("  "), .element($0), .text("\n")] }
        // The namespaces arXiv's entries use, in case the parser did not report the root's declarations.
        let namespaces = ["xmlns": "http://www.w3.org/2005/Atom", "xmlns:arxiv": "http://arxiv.org/schemas/atom",
                          "xmlns:opensearch": "http://a9.com/-/spec/opensearch/1.1/"]
        feed.attributes.merge(namespaces) { own, _ in own }
        return Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\(feed.serialized)\n".utf8)
    }
}
