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
        XCTAssertEqual(topicName(from: [term("grokk", "grokking"), term("grokked", "grokked", coverage: 0.9)]), "Grokking",
                       "one stem family")
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

    func testNPMIOfTermsThatAlwaysNeverOrSometimesOccurTogether() {
        let documents = [(title: "", body: "alpha beta"), (title: "", body: "alpha beta"), (title: "", body: "gamma delta"),
                         (title: "", body: "gamma alpha"), (title: "", body: "delta epsilon"), (title: "", body: "epsilon beta")]
        let corpus = analyzeCorpus(documents)
        let id = { corpus.termIndex[$0]! }
        let postings = DocumentPostings(corpus, terms: [id("alpha"), id("beta"), id("delta"), id("gamma")])
        XCTAssertEqual(postings.npmi(id("alpha"), id("delta")), -1, "never together")
        // alpha in 3 of 6 papers, beta in 3, both in 2: log(2/6 / (1/4)) / -log(2/6).
        XCTAssertEqual(postings.npmi(id("alpha"), id("beta")), log((2.0 / 6) / 0.25) / -log(2.0 / 6), accuracy: 1e-12)
        XCTAssertEqual(postings.npmi(id("alpha"), id("beta")), postings.npmi(id("beta"), id("alpha")))
        XCTAssertEqual(postings.npmi(id("alpha"), id("epsilon")), -1, "a term without postings")
    }

    func testDistinctiveTermsDoNotDependOnTheThreadCount() {
        let papers = PlantedCorpus.papers(perTheme: 40)
        let corpus = analyzeCorpus(papers.map { (title: $0.title, body: $0.abstract ?? "") })
        let labels = papers.indices.map { PlantedCorpus.theme(of: $0) }
        let ranked = distinctivenessRanking(corpus: corpus, labels: labels, clusterCount: 3, limit: 30)
        // The one-cluster-at-a-time reference: count each cluster's terms on its own.
        for c in 0..<3 {
            let alone = distinctivenessRanking(corpus: corpus, labels: labels.map { $0 == c ? 0 : -1 }, clusterCount: 1, limit: 30)[0]
            XCTAssertEqual(ranked[c].map(\.key), alone.map(\.key))
        }
        XCTAssertEqual(distinctiveTerms(corpus: corpus, labels: labels, clusterCount: 3),
                       distinctiveTerms(corpus: corpus, labels: labels, clusterCount: 3))
    }
}

final class WrittenPhraseTests: XCTestCase {
    func testAPhraseIsShownAsThePapersWriteIt() {
        let stemmer = Stemmer()
        // The stem "general" is written "generalization" most often, but in this phrase always "general".
        let texts = ["Towards artificial general intelligence.", "Is general intelligence near? Generalization of models.",
                     "Generalization, generalization and general intelligence."]
        XCTAssertEqual(writtenPhrase("general intellig", in: texts, stemmer: stemmer), "general intelligence")
        XCTAssertNil(writtenPhrase("general intellig", in: ["General. Intelligence."], stemmer: stemmer), "a full stop breaks the phrase")
        XCTAssertEqual(writtenPhrase("llm agent", in: ["LLM agents act.", "LLM agents plan."], stemmer: stemmer), "LLM agents")
    }
}
