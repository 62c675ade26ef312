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
        let known: Set<String> = ["authors", "code_links", "id", "other_links", "published", "related", "sources", "title", "topics", "upvotes"]
        XCTAssertTrue(papers.allSatisfy { Set($0.keys).isSubset(of: known) })
        XCTAssertNotNil(papers[0]["title"] as? String)
        XCTAssertNotNil(papers[0]["topics"] as? [[String: Any]])
        XCTAssertEqual(String(decoding: try papersJSON(SiteModel(config: model.config, dumps: [], papers: [], topics: model.topics, pages: [])), as: UTF8.self), "[]\n")
    }

    /// Related papers are positions in the file, topics are ids of `topics.json` (primary first),
    /// and what another file holds or what is empty is left out.
    func testRelatedArePositionsAndTopicsAreIDs() throws {
        let model = try siteModel(Fixtures.path("Site/content"))
        let papers = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try papersJSON(model))) as? [[String: Any]])
        let topics = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try topicsJSON(model))) as? [[String: Any]])
        let topicIDs = Set(topics.compactMap { $0["id"] as? Int })
        var checked = 0
        for record in papers {
            let slug = try XCTUnwrap(record["id"] as? String)
            let index = try XCTUnwrap(model.papers.firstIndex { $0.slug == slug })
            let related = try XCTUnwrap(record["related"] as? [Int])
            XCTAssertEqual(related.map { papers[$0]["id"] as? String }, model.topics.related[index].map { model.papers[$0.paper].slug })
            checked += related.count
            let memberships = try XCTUnwrap(record["topics"] as? [[String: Any]])
            XCTAssertEqual(memberships.compactMap { $0["id"] as? Int }, model.topics.memberships[index].map { model.topics.topics[$0.topic].id })
            XCTAssertTrue(memberships.allSatisfy { topicIDs.contains($0["id"] as! Int) && $0["name"] == nil && $0["score"] is Double })
            XCTAssertEqual(memberships.first?["primary"] as? Bool, model.topics.memberships[index].first?.isPrimary == true ? true : nil)
            XCTAssertTrue(memberships.dropFirst().allSatisfy { $0["primary"] == nil })
            XCTAssertNil(record["url"])
            for key in ["code_links", "other_links"] { XCTAssertNotEqual((record[key] as? [Any])?.isEmpty, true, key) }
        }
        XCTAssertGreaterThan(checked, 0, "the fixture has related papers")
    }
}
