import Foundation
@testable import GazetteCore
import XCTest

final class XMLTreeTests: XCTestCase {
    private let url = URL(string: "http://127.0.0.1:9/api/query")!

    func testRoundTripsNamesAttributesAndEscapedText() throws {
        let xml = #"<feed a="1 &amp; 2"><arxiv:comment>x &lt; y &amp; z</arxiv:comment><empty/><![CDATA[<raw>]]></feed>"#
        let tree = try XMLTree(parsing: Data(xml.utf8), url: url)
        XCTAssertEqual(tree.name, "feed")
        XCTAssertEqual(tree.attributes["a"], "1 & 2")
        XCTAssertEqual(tree.elements("arxiv:comment").first?.text, "x < y & z")
        XCTAssertEqual(tree.text, "<raw>")
        let again = try XMLTree(parsing: Data(tree.serialized.utf8), url: url)
        XCTAssertEqual(again, tree)
        XCTAssertTrue(tree.serialized.contains("<empty/>"), tree.serialized)
    }

    func testTextSplitByTheParserStaysOnePiece() throws {
        let tree = try XMLTree(parsing: Data("<t>a &amp; b</t>".utf8), url: url)
        XCTAssertEqual(tree.children, [.text("a & b")])
    }

    func testBrokenXMLNamesTheURLAndLine() {
        XCTAssertThrowsError(try XMLTree(parsing: Data("<feed>\n<entry>\n</feed>".utf8), url: url)) { error in
            guard case let .malformedXML(failed, line, _)? = error as? FetchError else { return XCTFail("\(error)") }
            XCTAssertEqual(failed, url.absoluteString)
            XCTAssertEqual(line, 3)
        }
        XCTAssertThrowsError(try XMLTree(parsing: Data(), url: url)) { error in
            guard case let .malformedXML(_, _, reason)? = error as? FetchError else { return XCTFail("\(error)") }
            XCTAssertEqual(reason, "the body is empty")
        }
    }
}
