import XCTest
@testable import GazetteCore

final class TopicAnalysisJSONTests: XCTestCase {
    func testTheAnalysisCarriesTextsAndSecondaryTopicsForTheQualityHarness() throws {
        let papers = PlantedCorpus.papers()
        var options = TopicOptions()
        options.maxTopicShare = 0.4
        let model = inferTopics(papers, options: options)
        let json = try JSONSerialization.jsonObject(with: Data(topicAnalysisJSON(papers: papers, model: model))) as! [String: Any]
        let exported = json["papers"] as! [[String: Any]]
        let first = exported.first { $0["id"] as? String == papers[0].slug }!
        XCTAssertEqual(first["title"] as? String, papers[0].title)
        XCTAssertEqual(first["abstract"] as? String, papers[0].abstract)
        let assignments = Dictionary(uniqueKeysWithValues: (json["assignments"] as! [[String: Any]]).map { ($0["id"] as! String, $0) })
        for (index, paper) in papers.enumerated() {
            let memberships = model.memberships[index]
            XCTAssertEqual(assignments[paper.slug]?["primary"] as? Int, memberships[0].topic)
            XCTAssertEqual(assignments[paper.slug]?["secondary"] as? [Int], memberships.dropFirst().map(\.topic))
        }
    }
}
