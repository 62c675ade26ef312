import ArgumentParser
import Foundation
@testable import gazette
import XCTest

/// `gazette topics`: the analysis the quality harness reads, with and without the seeds of site.yml.
final class TopicsCommandTests: XCTestCase {
    /// The repository's default content: its site.yml has seed topics.
    private let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("content").path

    private func topicNames(_ arguments: [String]) throws -> [String] {
        let json = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-topics-\(UUID().uuidString).json")
        addTeardownBlock { try? FileManager.default.removeItem(at: json) }
        try TopicsCommand.parse([content, "--json", json.path] + arguments).run()
        let analysis = try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as! [String: Any]
        return (analysis["topics"] as! [[String: Any]]).map { $0["name"] as! String }
    }

    func testTopicsAndNoSeedsOverrideSiteYml() throws {
        let seeded = try topicNames(["--topics", "13"])
        XCTAssertEqual(seeded.count, 13)
        XCTAssertTrue(seeded.contains("Compositionality"), "\(seeded)")
        let plain = try topicNames(["--topics", "6", "--no-seeds"])
        XCTAssertEqual(plain.count, 6)
        let seedNames: Set = ["Compositionality", "Reasoning", "Generalization and transfer", "Meaning and representations",
                              "Interpretability", "Evaluation and benchmarks", "Alignment and safety", "Vision and multimodal",
                              "Training and data", "Architectures", "Multilingual and translation", "Figurative language"]
        XCTAssertTrue(seedNames.isDisjoint(with: plain), "\(plain)")
    }
}
