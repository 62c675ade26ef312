import XCTest
@testable import GazetteCore

final class TokenizerTests: XCTestCase {
    let stemmer = Stemmer()

    func testDropsStopWordsBoilerplateNumbersAndSingleLetters() {
        let tokens = tokenize("We propose a novel approach to 3 x compositional tasks in 2024", stemmer: stemmer)
        XCTAssertEqual(tokens.map(\.stem), ["composit", "task"])
    }

    func testFoldsAccentsAndLowercasesStems() {
        let tokens = tokenize("Naïve Représentations", stemmer: stemmer)
        XCTAssertEqual(tokens.map(\.stem), ["naiv", "represent"])
        XCTAssertEqual(tokens.map(\.surface), ["Naive", "Representations"])
    }

    func testKeepsHyphenatedCompoundsWholeAndStemsTheirLastPart() {
        let tokens = tokenize("in-context learning with text-to-image models", stemmer: stemmer)
        XCTAssertEqual(tokens.map(\.stem), ["in-context", "learn", "text-to-imag", "model"])
    }

    func testPunctuationAndStopWordsBreakPhrases() {
        let tokens = tokenize("semantic parsing. neural networks of graphs", stemmer: stemmer)
        XCTAssertEqual(tokens.map(\.afterBreak), [true, false, true, false, true])
    }

    func testScannerTrimsOuterHyphensAndBreaksAtShortWordsAndPunctuation() {
        var words: [(String, Bool)] = []
        scanWords("-pre- well-known x models; (data) -- net") { words.append(($0, $1)) }
        XCTAssertEqual(words.map(\.0), ["pre", "well-known", "models", "data", "net"])
        XCTAssertEqual(words.map(\.1), [true, false, true, true, true])
    }

    func testScannerReadsNonASCIITextFolded() {
        var words: [String] = []
        scanWords("Über naïve café—résumé") { word, _ in words.append(word) }
        XCTAssertEqual(words, ["Uber", "naive", "cafe", "resume"])
    }
}
