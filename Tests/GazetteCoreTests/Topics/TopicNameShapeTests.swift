import XCTest
@testable import GazetteCore

final class TopicNameShapeTests: XCTestCase {
    func testNamesAResearcherWouldShelveAreAccepted() {
        for name in ["Mathematical reasoning", "Preference alignment", "Vision-language models", "Text-to-image diffusion",
                     "Compositional generalization", "Grokking", "Catastrophic forgetting", "In-context learning", "Word embeddings",
                     "Information retrieval", "Machine translation", "Art generation", "Retrieval-augmented generation"] {
            XCTAssertNil(nameShapeProblem(name), name)
        }
    }

    func testLoneGenericWordsAreRejected() {
        for name in ["User", "Data", "Models", "Probability", "Documentation", "Graph", "Forgetting", "Semantic", "Reasoning",
                     "Evaluation", "Natural-language", "Language models", "Neural networks"] {
            XCTAssertNotNil(nameShapeProblem(name), name)
        }
    }

    func testVerbsAndAdjectivesAreRejected() {
        for name in ["Depends", "Reveal", "Mitigate", "Optimize", "Analyze", "Composition and implicit", "Integrating and challenging", "Modular", "Multilingual", "Biased", "Interpretable", "Continuous"] {
            XCTAssertNotNil(nameShapeProblem(name), name)
        }
    }

    func testNumbersModelNamesAcronymsAndStopWordsAreRejected() {
        for name in ["2023", "GPT-4", "LLaMA", "ChatGPT", "MLLMs", "o1", "GPT-4V evaluation", "The", "Of reasoning", "", "Models don", "Qa pairs"] {
            XCTAssertNotNil(nameShapeProblem(name), name)
        }
    }

    func testTheNamerSkipsTermsOfTheWrongShape() {
        func term(_ key: String, _ label: String, weight: Double, coverage: Double) -> TopicTerm {
            TopicTerm(key: key, label: label, weight: weight, coverage: coverage)
        }
        // The most distinctive terms are a model name, a generic word and a verb; the phrase below them names the topic.
        let terms = [term("gpt-4", "GPT-4", weight: 1, coverage: 0.6), term("user", "user", weight: 0.9, coverage: 0.5),
                     term("depend", "depends", weight: 0.8, coverage: 0.5),
                     term("sycophant behavior", "sycophantic behavior", weight: 0.5, coverage: 0.3)]
        XCTAssertEqual(topicName(from: terms), "Sycophantic behavior")
        // With no usable term at all, the name says so instead of showing a bad one.
        XCTAssertEqual(topicName(from: Array(terms.prefix(3))), "Miscellaneous papers")
    }
}
