import XCTest
@testable import GazetteCore

final class HardLineBreaksTests: XCTestCase {
    func testTitleLinesAreJoinedWithOneSpace() {
        XCTAssertEqual(joinedTitle("DSPy: Compiling Declarative Language Model Calls into Self-Improving\n  Pipelines"),
                       "DSPy: Compiling Declarative Language Model Calls into Self-Improving Pipelines")
        XCTAssertEqual(joinedTitle("  A\r\nTitle\twith  gaps \n"), "A Title with gaps")
        XCTAssertEqual(joinedTitle("Why Language Models\nHallucinate"), "Why Language Models Hallucinate")
    }

    func testAbstractLinesRunOnAndIndentedOrBlankLinesStartParagraphs() {
        let raw = "  First line\nwraps here.\n  Second paragraph\nwraps too.\n\nThird paragraph."
        XCTAssertEqual(joinedAbstract(raw), "First line wraps here.\n\nSecond paragraph wraps too.\n\nThird paragraph.")
    }

    func testControlCharactersAreDropped() {
        XCTAssertEqual(joinedTitle("Bidi\u{202E} Title\u{0}"), "Bidi Title")
        XCTAssertEqual(joinedAbstract("An\u{7} abstract."), "An abstract.")
        XCTAssertEqual(joinedAbstract("Windows\r\nline ends.\r\n  New paragraph."), "Windows line ends.\n\nNew paragraph.")
    }

    func testNonASCIITextJoinsTheSameWay() {
        XCTAssertEqual(joinedTitle("Généralisation\n  compositionnelle\u{202E} des modèles"), "Généralisation compositionnelle des modèles")
        XCTAssertEqual(joinedAbstract("Première ligne\nsuite.\n  Deuxième paragraphe."), "Première ligne suite.\n\nDeuxième paragraphe.")
    }
}
