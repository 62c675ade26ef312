import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import GazetteCore

final class AtomFeedTests: XCTestCase {
    let entries = [
        AtomFeed.Entry(title: "Newer <b>&</b> better", path: "papers/newer/index.html", summary: "Sum", topic: "Agents", published: PaperDate(year: 2024, month: 3, day: 9)),
        AtomFeed.Entry(title: "Undated", path: "papers/undated/index.html", summary: "", topic: nil, published: nil),
    ]

    func parse(_ xml: String) throws -> XMLDocument {
        try XMLDocument(data: Data(xml.utf8))
    }

    func testAFeedIsWellFormedAtomWithRelativeLinksFromItsOwnPlace() throws {
        let feed = AtomFeed(title: "Agents · Digest", path: "topics/agents/feed.xml", pagePath: "topics/agents/index.html",
                            author: "Digest", baseURL: nil, entries: entries)
        let document = try parse(feed.xml())
        let root = try XCTUnwrap(document.rootElement())
        XCTAssertEqual(root.name, "feed")
        XCTAssertEqual(root.uri, "http://www.w3.org/2005/Atom")
        XCTAssertEqual(root.elements(forName: "updated").first?.stringValue, "2024-03-09T00:00:00Z")
        let first = try XCTUnwrap(root.elements(forName: "entry").first)
        XCTAssertEqual(first.elements(forName: "title").first?.stringValue, "Newer <b>&</b> better")
        XCTAssertTrue(feed.xml().contains(#"<link rel="alternate" type="text/html" href="../../papers/newer/index.html"/>"#))
        XCTAssertTrue(feed.xml().contains(#"<link rel="self" type="application/atom+xml" href="../../topics/agents/feed.xml"/>"#))
        XCTAssertEqual(first.elements(forName: "id").first?.stringValue, "urn:gazette:papers:newer")
        XCTAssertEqual(root.elements(forName: "entry").count, 2)
        XCTAssertNil(root.elements(forName: "entry")[1].elements(forName: "published").first)
    }

    func testWithABaseURLLinksAndIdsAreAbsoluteAddresses() throws {
        let feed = AtomFeed(title: "Digest", path: "feed.xml", pagePath: "index.html", author: "Digest",
                            baseURL: "https://example.org/d/", entries: entries)
        let xml = feed.xml()
        XCTAssertTrue(xml.contains(#"<link rel="self" type="application/atom+xml" href="https://example.org/d/feed.xml"/>"#))
        XCTAssertTrue(xml.contains("<id>https://example.org/d/papers/newer/</id>"))
        XCTAssertTrue(xml.contains(#"href="https://example.org/d/"/>"#))
    }

    func testXMLEscapeDropsForbiddenControlCharacters() {
        XCTAssertEqual(xmlEscape("a\u{1}b \"<&>\""), "ab &quot;&lt;&amp;&gt;&quot;")
    }
}
