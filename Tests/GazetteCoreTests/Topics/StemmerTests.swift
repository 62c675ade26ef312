import XCTest
@testable import GazetteCore

final class StemmerTests: XCTestCase {
    func testSnowballEnglishStemsKnownWords() {
        let stemmer = Stemmer()
        XCTAssertEqual(stemmer.stem("generalization"), "general")
        XCTAssertEqual(stemmer.stem("generalizes"), "general")
        XCTAssertEqual(stemmer.stem("compositional"), "composit")
        XCTAssertEqual(stemmer.stem("running"), "run")
        XCTAssertEqual(stemmer.stem("models"), "model")
        XCTAssertEqual(stemmer.stem("semantics"), "semant")
    }

    func testCachedStemIsTheSameAsTheFirst() {
        let stemmer = Stemmer()
        let first = stemmer.stem("evaluation")
        XCTAssertEqual(stemmer.stem("evaluation"), first)
        XCTAssertEqual(first, "evalu")
    }
}
