import XCTest
@testable import GazetteCore

final class CorpusAnalyzerTests: XCTestCase {
    func testFrequentTwoWordPhrasesBecomeTermsWithReadableLabels() {
        let documents = (0..<4).map { i in
            (title: "Paper \(i)", body: "Compositional generalization of parsers. Topic\(i) words here and apples.")
        } + (0..<4).map { _ in (title: "Other", body: "bananas and cherries") }
        let corpus = analyzeCorpus(documents)
        let phrase = corpus.terms.first { $0.key == "composit general" }
        XCTAssertNotNil(phrase)
        XCTAssertEqual(phrase?.label, "compositional generalization")
        XCTAssertEqual(phrase?.isPhrase, true)
        XCTAssertEqual(phrase?.documentFrequency, 4)
    }

    func testDropsTermsInOnePaperOrInMoreThanHalf() {
        let documents = [
            (title: "", body: "alpha common rare"), (title: "", body: "alpha common"),
            (title: "", body: "beta common"), (title: "", body: "beta gamma"),
        ]
        let keys = Set(analyzeCorpus(documents).terms.map(\.key))
        XCTAssertTrue(keys.contains("alpha"))
        XCTAssertTrue(keys.contains("beta"))
        XCTAssertFalse(keys.contains("rare"), "in one paper only")
        XCTAssertFalse(keys.contains("common"), "in three of four papers")
    }

    func testTitleWordsWeighMoreThanAbstractWords() {
        let documents = [(title: "alpha", body: "beta"), (title: "gamma", body: "alpha beta"), (title: "delta", body: "gamma delta"), (title: "x", body: "y")]
        let corpus = analyzeCorpus(documents)
        let row = Dictionary(uniqueKeysWithValues: corpus.documents[0].map { (corpus.terms[$0.term].key, $0.count) })
        XCTAssertEqual(row["alpha"], 2)
        XCTAssertEqual(row["beta"], 1)
    }

    func testLabelsKeepAcronymsAndLowercaseOrdinaryWords() {
        XCTAssertEqual(preferredForm(["LLMs": 5, "llms": 1]), "LLMs")
        XCTAssertEqual(preferredForm(["Semantic": 3, "semantic": 3]), "semantic")
        XCTAssertEqual(preferredForm(["Large Language": 4, "large language": 1]), "large language")
    }

    func testAPhrasesFirstWordIsSingularWhenTheTextUsesBothForms() {
        XCTAssertEqual(modifierForm("instructions", ["instructions": 9, "instruction": 4]), "instruction")
        XCTAssertEqual(modifierForm("models", ["models": 9]), "models", "no singular in the text")
        XCTAssertEqual(modifierForm("class", ["class": 3, "clas": 1]), "class", "a double s is not a plural")
    }

    func testCountsDoNotDependOnHowTheDocumentsAreChunked() {
        // Enough documents for several parallel chunks; reversing the input moves every chunk boundary.
        var random = SeededRandom(seed: 3)
        let words = ["neural", "network", "graph", "parsing", "semantic", "Semantics", "models", "model", "data", "in-context",
                     "vision", "speech", "robot", "policy", "reward", "agent", "memory", "retrieval", "protein", "molecule",
                     "audio", "music", "kernel", "tensor"]
        let documents = (0..<3000).map { i -> (title: String, body: String) in
            let body = (0..<12).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
            return (title: "Paper \(i % 7) on \(words[i % words.count])", body: body + ". word\(i % 500) here")
        }
        let forward = analyzeCorpus(documents)
        let backward = analyzeCorpus(documents.reversed())
        XCTAssertEqual(forward.terms, backward.terms)
        XCTAssertGreaterThan(forward.terms.filter(\.isPhrase).count, 0)
        for (a, b) in zip(forward.documents, backward.documents.reversed()) {
            XCTAssertEqual(a.map(\.term), b.map(\.term))
            XCTAssertEqual(a.map(\.count), b.map(\.count))
        }
        // Each row holds the document's own weighted counts: the title word twice, the abstract once.
        let firstRow = Dictionary(uniqueKeysWithValues: forward.documents[0].map { (forward.terms[$0.term].key, $0.count) })
        let expectedNeural = 2 + Double(documents[0].body.split(separator: " ").filter { $0 == "neural" }.count)
        XCTAssertEqual(firstRow["neural"], expectedNeural)
    }

    func testAccentedDocumentsAreFoldedLikeTheTokenizerDoes() {
        let documents = [(title: "Naïve models", body: "Représentations naïves"), (title: "Naive models", body: "representations"),
                         (title: "Other", body: "unrelated words"), (title: "More", body: "unrelated words")]
        let keys = Set(analyzeCorpus(documents).terms.map(\.key))
        XCTAssertTrue(keys.contains("naiv"))
        XCTAssertTrue(keys.contains("represent"))
    }
}
