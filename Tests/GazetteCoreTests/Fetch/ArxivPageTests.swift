import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import GazetteCore
import XCTest

final class ArxivPageTests: XCTestCase {
    private let url = URL(string: "http://127.0.0.1:9/api/query?search_query=cat:cs.CL")!

    private func page(_ name: String) throws -> ArxivPage {
        try ArxivPage(Data(contentsOf: Fixtures.directory.appendingPathComponent("API/\(name)")), url: url)
    }

    func testReadsEntriesAndTheTotal() throws {
        let first = try page("arxiv-cat-cs-cl-page-0-of-2.atom")
        XCTAssertEqual(first.entries.count, 2)
        XCTAssertEqual(first.totalResults, 3)
        XCTAssertEqual(first.entries.first?.elements("id").first?.text, "http://arxiv.org/abs/2508.04001v1")
        XCTAssertEqual(try page("arxiv-no-match.atom").entries.count, 0)
    }

    func testArxivsErrorFeedIsAnError() {
        XCTAssertThrowsError(try page("arxiv-bad-query.atom")) { error in
            XCTAssertEqual(error as? FetchError, .apiError(url: url.absoluteString, message: "max_results must be non-negative"))
        }
    }

    func testADocumentThatIsNotAFeedIsRefused() {
        XCTAssertThrowsError(try ArxivPage(Data("<html><body>busy</body></html>".utf8), url: url)) { error in
            XCTAssertEqual(error as? FetchError, .unexpectedShape(url: url.absoluteString, reason: "the root element is <html>, not an Atom <feed>"))
        }
        XCTAssertThrowsError(try ArxivPage(Data("<feed><entry><title>T</title></entry></feed>".utf8), url: url)) { error in
            XCTAssertEqual(error as? FetchError, .unexpectedShape(url: url.absoluteString, reason: "entry 0 has no <id> and <title>"))
        }
    }

    func testPagesJoinIntoOneFeedWithEveryEntryAndTheNamespaces() throws {
        let joined = ArxivPage.joined([try page("arxiv-cat-cs-cl-page-0-of-2.atom"), try page("arxiv-cat-cs-cl-page-1-of-2.atom")])
        let feed = try ArxivPage(joined, url: url)
        XCTAssertEqual(feed.entries.map { $0.elements("id").first?.text }, ["http://arxiv.org/abs/2508.04001v1", "http://arxiv.org/abs/2508.04002v1",
                                                                           "http://arxiv.org/abs/2508.04003v1"])
        XCTAssertEqual(feed.feed.elements("opensearch:itemsPerPage").first?.text, "3")
        XCTAssertEqual(feed.totalResults, 3)
        XCTAssertEqual(feed.feed.attributes["xmlns"], "http://www.w3.org/2005/Atom")
        XCTAssertEqual(feed.feed.attributes["xmlns:arxiv"], "http://arxiv.org/schemas/atom")
        XCTAssertEqual(feed.entries[0].elements("summary").first?.text, "  We study things & report\nresults <briefly>.\n")
        XCTAssertEqual(feed.entries[0].elements("arxiv:primary_category").first?.attributes["term"], "cs.CL")

        // The joined file is namespace-correct XML, as a namespace-aware reader (the Atom parser) sees it.
        let parser = XMLParser(data: joined)
        parser.shouldProcessNamespaces = true
        XCTAssertTrue(parser.parse(), "\(String(describing: parser.parserError))")
    }
}
