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

    /// The escape works on bytes; it must give what escaping scalar by scalar gives, on text with
    /// every kind of character it treats and the neighbours of those it drops.
    func testXMLEscapeOnBytesMatchesEscapingScalarByScalar() {
        func byScalars(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
                default:
                    if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                    out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        let pieces = ["a", "é", "e\u{301}", "\r\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "&", "<", ">", "\"", "'", "\u{FFFD}",
                      "\u{FEFF}", "\u{FFFE}", "\u{FFFF}", "\u{EFFF}", "\u{10FFFF}", "😀", "漢", "\u{1}x"]
        var random = SeededRandom(seed: 17)
        XCTAssertEqual(xmlEscape("plain text, nothing to do"), "plain text, nothing to do")
        for piece in pieces { XCTAssertEqual(xmlEscape(piece), byScalars(piece), piece.debugDescription) }
        for _ in 0..<2000 {
            let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            XCTAssertEqual(xmlEscape(text), byScalars(text), text.debugDescription)
        }
    }
}

