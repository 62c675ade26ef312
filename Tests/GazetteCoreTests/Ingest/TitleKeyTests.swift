import XCTest
@testable import GazetteCore

final class TitleKeyTests: XCTestCase {
    func testKeyIsLowercaseWordsSeparatedBySingleSpaces() {
        XCTAssertEqual(normalizedTitleKey("ExeDec: Execution Decomposition"), "exedec execution decomposition")
    }

    func testCaseIsFolded() {
        XCTAssertEqual(normalizedTitleKey("LARGE Language MODELS"), normalizedTitleKey("large language models"))
    }

    func testAccentsAreFolded() {
        XCTAssertEqual(normalizedTitleKey("Généralisation naïve à Zürich"), "generalisation naive a zurich")
        XCTAssertEqual(normalizedTitleKey("École Polytechnique"), normalizedTitleKey("ecole polytechnique"))
    }

    func testPunctuationAndSpacingAreIgnored() {
        XCTAssertEqual(normalizedTitleKey("ExeDec: Execution–Decomposition,  for (Neural) Synthesis!"),
                       normalizedTitleKey("exedec execution decomposition for neural synthesis"))
    }

    func testDifferentWordsGiveDifferentKeys() {
        XCTAssertNotEqual(normalizedTitleKey("Compositional Generalization in Parsing"),
                          normalizedTitleKey("Compositional Generalization in Captioning"))
    }

    func testTitlesDifferingOnlyInGreekLettersGetDifferentKeys() {
        XCTAssertNotEqual(normalizedTitleKey("α-Divergence Variational Inference for Language Models"),
                          normalizedTitleKey("β-Divergence Variational Inference for Language Models"))
    }

    func testNonLatinTitleDoesNotGetAnEmptyKey() {
        XCTAssertNotEqual(normalizedTitleKey("大型语言模型的组合泛化"), "")
        XCTAssertNotEqual(normalizedTitleKey("大型语言模型的组合泛化"), normalizedTitleKey("Композиционное обобщение"))
    }

    func testDigitsAreKept() {
        XCTAssertEqual(normalizedTitleKey("GPT-4 vs. GPT-3.5"), "gpt 4 vs gpt 3 5")
    }
}
