import Foundation
import XCTest
@testable import GazetteCore

/// `papers.json`: compact, every paper's metadata, and not the abstracts its page already holds.
final class JSONExportTests: XCTestCase {
    func testPapersJSONIsCompactAndLeavesTheAbstractsToThePages() throws {
        let model = try siteModel(Fixtures.path("Site/content"))
        let bytes = try papersJSON(model)
        XCTAssertEqual(bytes.filter { $0 == 0x0A }.count, 1, "one line, ended by a newline")
        let papers = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]])
        XCTAssertEqual(papers.count, model.papers.count)
        XCTAssertTrue(papers.allSatisfy { $0["abstract"] == nil })
        let known: Set<String> = ["authors", "code_links", "id", "other_links", "published", "related", "sources", "title", "topics", "upvotes", "url"]
        XCTAssertTrue(papers.allSatisfy { Set($0.keys).isSubset(of: known) })
        XCTAssertNotNil(papers[0]["title"] as? String)
        XCTAssertNotNil(papers[0]["topics"] as? [[String: Any]])
        XCTAssertEqual(String(decoding: try papersJSON(SiteModel(config: model.config, dumps: [], papers: [], topics: model.topics, pages: [])), as: UTF8.self), "[]\n")
    }
}
