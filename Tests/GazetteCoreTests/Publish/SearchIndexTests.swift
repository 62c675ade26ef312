import Foundation
import XCTest
@testable import GazetteCore

final class SearchIndexTests: XCTestCase {
    func document(_ title: String, _ abstract: String = "") -> SearchDocument {
        SearchDocument(title: title, abstract: abstract, path: "papers/\(title.lowercased().replacingOccurrences(of: " ", with: "-"))/index.html",
                       topic: "Topic", date: "Jan 2, 2024", dateISO: "2024-01-02")
    }

    func json(_ files: [(path: String, bytes: [UInt8])], _ path: String) throws -> Any {
        let file = try XCTUnwrap(files.first { $0.path == path }, path)
        return try JSONSerialization.jsonObject(with: Data(file.bytes))
    }

    func testWordsAreFoldedLowercasedAndWithoutStopWords() {
        XCTAssertEqual(SearchIndex.words("The Café of GPT-4 in 3D: a Study"), ["cafe", "gpt", "3d", "study"])
    }

    func testTitleAndAbstractPostingsAreSeparateAndATitleWordIsNotRepeatedInTheAbstractList() throws {
        let index = SearchIndex(documents: [document("Diffusion models", "We study diffusion."), document("Language agents", "Diffusion helps agents.")])
        let files = try index.files()
        let shard = try XCTUnwrap(json(files, "search/t-di.json") as? [String: [[Int]]])
        XCTAssertEqual(shard["diffusion"], [[0], [1]])
        let ag = try XCTUnwrap(json(files, "search/t-ag.json") as? [String: [[Int]]])
        XCTAssertEqual(ag["agents"], [[1], []])
        let manifest = try XCTUnwrap(json(files, "search/manifest.json") as? [String: Any])
        XCTAssertEqual(manifest["documents"] as? Int, 2)
        XCTAssertEqual((manifest["shards"] as? [String])?.contains("di"), true)
        let docs = try XCTUnwrap(json(files, "search/docs-0.json") as? [[String]])
        XCTAssertEqual(docs[1], ["Language agents", "papers/language-agents/index.html", "Topic", "Jan 2, 2024", "2024-01-02"])
    }

    func testPostingListsAreWrittenAsGaps() throws {
        let documents = (0..<6).map { document("Paper \($0)", [0, 2, 5].contains($0) ? "sparse attention" : "dense") }
        let shard = try XCTUnwrap(json(try SearchIndex(documents: documents).files(), "search/t-sp.json") as? [String: [[Int]]])
        XCTAssertEqual(shard["sparse"], [[], [0, 2, 3]])
        XCTAssertEqual(SearchIndex.gaps([3, 5, 9]), [3, 2, 4])
    }

    func testMetadataIsSplitByIdRange() throws {
        let documents = (0..<5).map { document("Paper number\($0)") }
        let files = try SearchIndex(documents: documents, docsPerShard: 2).files()
        XCTAssertEqual(files.filter { $0.path.hasPrefix("search/docs-") }.map(\.path), ["search/docs-0.json", "search/docs-1.json", "search/docs-2.json"])
        let last = try XCTUnwrap(json(files, "search/docs-2.json") as? [[String]])
        XCTAssertEqual(last.map { $0[0] }, ["Paper number4"])
    }

    func testALargeShardIsSplitByALongerPrefixAndEveryWordStaysFindable() throws {
        let sizes = ["th": 1, "theory": 5, "thermal": 5, "them": 5, "tiny": 1]
        let shards = SearchIndex.shardKeys(sizes, maxPostings: 15)
        XCTAssertEqual(shards.map(\.key), ["th", "the", "ti"])
        XCTAssertEqual(shards.first { $0.key == "the" }?.words, ["them", "theory", "thermal"])
        XCTAssertEqual(Set(shards.flatMap(\.words)), Set(sizes.keys))
        // Every word lives in a shard whose key it starts with.
        for shard in shards { XCTAssertTrue(shard.words.allSatisfy { $0.hasPrefix(shard.key) }) }
    }

    func testTheIndexIsTheSameWhateverTheHashSeed() throws {
        let documents = (0..<50).map { document("Title \($0) alpha\($0 % 7) beta\($0 % 3)", "gamma\($0 % 5) delta") }
        let a = try SearchIndex(documents: documents, maxPostings: 10).files()
        let b = try SearchIndex(documents: documents, maxPostings: 10).files()
        XCTAssertEqual(a.map(\.path), b.map(\.path))
        XCTAssertEqual(a.map(\.bytes), b.map(\.bytes))
        XCTAssertEqual(a.map(\.path), a.map(\.path).sorted())
    }

    func testTheDefaultContentsSearchStaysSmall() throws {
        let output = try Fixtures.temporaryDirectory(self).appendingPathComponent("public").path
        _ = try buildSite(BuildOptions(contentDirectory: Fixtures.defaultContent, outputDirectory: output, templatesDirectory: Fixtures.templates))
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/search/manifest.json"))) as! [String: Any]
        let shards = manifest["shards"] as! [String]
        XCTAssertGreaterThan(shards.count, 50)
        // Uncompressed, the largest term shard and the metadata stay far below the 150 KB gzipped budget.
        let largest = try shards.map { try Data(contentsOf: URL(fileURLWithPath: output + "/search/t-\($0).json")).count }.max()!
        let documents = manifest["documents"] as! Int, perShard = manifest["docs_per_shard"] as! Int
        let docs = try (0..<(documents + perShard - 1) / perShard).map {
            try Data(contentsOf: URL(fileURLWithPath: output + "/search/docs-\($0).json")).count
        }.reduce(0, +)
        XCTAssertLessThan(largest + docs, 150 * 1024)
    }
}
