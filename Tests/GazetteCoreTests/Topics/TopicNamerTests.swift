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
        XCTAssertEqual(writtenPhrase("in-context learn", in: ["In-Context Learning works.", "In-Context Learning fails."], stemmer: stemmer),
                       "in-context learning", "title case is not kept")
        XCTAssertEqual(writtenPhrase("reason task", in: ["A reasoning task.", "Another reasoning task.", "Two reasoning tasks."],
                                     stemmer: stemmer), "reasoning tasks", "the plural, where the papers use it")
    }
}

final class CoveringNameTests: XCTestCase {
    func term(_ key: String, _ label: String, weight: Double, coverage: Double) -> TopicTerm {
        TopicTerm(key: key, label: label, weight: weight, coverage: coverage)
    }

    func testTwoTermsThatTogetherCoverMostPapersNameTheTopic() {
        // Ten papers: "grokking" in 0-3, "memorization" in 4-7, "lottery tickets" in 0-1. Neither word
        // reaches half the papers alone; together they cover eight of ten.
        let terms = [term("lotteri ticket", "lottery tickets", weight: 1, coverage: 0.2), term("grokk", "grokking", weight: 0.9, coverage: 0.4),
                     term("memor", "memorization", weight: 0.8, coverage: 0.4)]
        let using = ["lotteri ticket": [0, 1], "grokk": [0, 1, 2, 3], "memor": [4, 5, 6, 7]]
        XCTAssertEqual(topicName(from: terms, papersUsing: using, paperCount: 10), "Grokking and memorization")
        // Without knowing which papers use what, the most distinctive phrase names it.
        XCTAssertEqual(topicName(from: terms), "Lottery tickets")
        // A phrase that half the papers use comes first.
        XCTAssertEqual(topicName(from: [term("lotteri ticket", "lottery tickets", weight: 1, coverage: 0.5)] + terms.dropFirst(),
                                 papersUsing: using, paperCount: 10), "Lottery tickets")
        // Words half the papers use name it even without the pair.
        XCTAssertEqual(topicName(from: [terms[0], term("grokk", "grokking", weight: 0.9, coverage: 0.5),
                                        term("memor", "memorization", weight: 0.8, coverage: 0.3)]), "Grokking and memorization")
    }

    func testAPairMustCoverHalfThePapers() {
        let terms = [term("grokk", "grokking", weight: 1, coverage: 0.2), term("memor", "memorization", weight: 0.9, coverage: 0.2)]
        XCTAssertEqual(topicName(from: terms, papersUsing: ["grokk": [0, 1], "memor": [2, 3]], paperCount: 10), "Grokking")
    }
}
