import XCTest
@testable import GazetteCore

final class TopicNamerTests: XCTestCase {
    func term(_ key: String, _ label: String, coverage: Double = 0.5) -> TopicTerm {
        TopicTerm(key: key, label: label, weight: 1, coverage: coverage)
    }

    func testALeadingPhraseIsTheName() {
        XCTAssertEqual(topicName(from: [term("composit general", "compositional generalization"), term("split", "splits")]),
                       "Compositional generalization")
    }

    func testAPhraseExtendingTheLeadingWordIsPreferred() {
        XCTAssertEqual(topicName(from: [term("diffus", "diffusion"), term("imag", "image"), term("diffus model", "diffusion models")]),
                       "Diffusion models")
    }

    func testTwoWordsWhenTheSecondIsSharedByManyPapers() {
        XCTAssertEqual(topicName(from: [term("grokk", "grokking"), term("circuit", "circuits", coverage: 0.6)]), "Grokking and circuits")
        XCTAssertEqual(topicName(from: [term("grokk", "grokking"), term("perfect", "perfect", coverage: 0.1)]), "Grokking")
        XCTAssertEqual(topicName(from: [term("llms", "LLMs"), term("llm", "LLM", coverage: 0.9)]), "LLMs", "one stem family")
    }

    func testDistinctiveTermsFavourWordsTheClusterUsesAndOthersDoNot() {
        let documents = [
            (title: "", body: "galaxy telescope shared"), (title: "", body: "galaxy telescope shared"),
            (title: "", body: "galaxy orbit shared"), (title: "", body: "recipe oven shared"),
            (title: "", body: "recipe oven"), (title: "", body: "recipe garlic"),
        ]
        let corpus = analyzeCorpus(documents)
        let terms = distinctiveTerms(corpus: corpus, labels: [0, 0, 0, 1, 1, 1], clusterCount: 2)
        XCTAssertEqual(terms[0].first?.label, "galaxy")
        XCTAssertEqual(terms[1].first?.label, "recipe")
        XCTAssertFalse(terms[1].contains { $0.label == "galaxy" })
    }
}
