import XCTest
@testable import GazetteCore

final class LinkExtractorTests: XCTestCase {
    func testGitHubRepositoryIsCode() {
        let links = extractLinks(from: "We have shared our code in https://github.com/FengleiFan/ReLinear")
        XCTAssertEqual(links.code, ["https://github.com/FengleiFan/ReLinear"])
        XCTAssertEqual(links.other, [])
    }

    func testProjectPageIsOther() {
        let links = extractLinks(from: "Samples are on our project page https://metaphors.github.io/visual and in the appendix")
        XCTAssertEqual(links.code, [])
        XCTAssertEqual(links.other, ["https://metaphors.github.io/visual"])
    }

    func testGitHubUserPageWithoutRepositoryIsOther() {
        let links = extractLinks(from: "See https://github.com/FengleiFan for more")
        XCTAssertEqual(links.code, [])
        XCTAssertEqual(links.other, ["https://github.com/FengleiFan"])
    }

    func testTrailingPeriodIsTrimmed() {
        XCTAssertEqual(extractLinks(from: "Code: https://github.com/a/b.").code, ["https://github.com/a/b"])
    }

    func testTrailingCommaIsTrimmed() {
        XCTAssertEqual(extractLinks(from: "at https://example.org/data, and more").other, ["https://example.org/data"])
    }

    func testTrailingClosingParenthesisIsTrimmed() {
        XCTAssertEqual(extractLinks(from: "(code: https://github.com/a/b).").code, ["https://github.com/a/b"])
    }

    func testParenthesisOpenedInsideURLIsKept() {
        XCTAssertEqual(extractLinks(from: "see https://en.wikipedia.org/wiki/Idiom_(language).").other,
                       ["https://en.wikipedia.org/wiki/Idiom_(language)"])
    }

    func testURLInsideParenthesesKeepsOnlyItsOwnClosingParenthesis() {
        XCTAssertEqual(extractLinks(from: "idioms (see https://en.wikipedia.org/wiki/Idiom_(language)).").other,
                       ["https://en.wikipedia.org/wiki/Idiom_(language)"])
    }

    func testCurlyBraceEndsURL() {
        let text = "The results provided by our open-source benchmark suite (https://github.com/BlueVelvetSackOfGoldPotatoes/child-play{ChildPlay GitHub Repository}) caution against claims"
        let links = extractLinks(from: text)
        XCTAssertEqual(links.code, ["https://github.com/BlueVelvetSackOfGoldPotatoes/child-play"])
        XCTAssertEqual(links.other, [])
    }

    func testBareWWWGitHubLinkGetsHTTPS() {
        XCTAssertEqual(extractLinks(from: "Code at www.github.com/x/y now").code, ["https://www.github.com/x/y"])
    }

    func testBareGitHubLinkGetsHTTPS() {
        XCTAssertEqual(extractLinks(from: "Code at github.com/x/y now").code, ["https://github.com/x/y"])
    }

    func testDuplicateLinkIsListedOnce() {
        let links = extractLinks(from: "Code at https://github.com/a/b. Again: https://github.com/a/b, and https://example.org/p and https://example.org/p.")
        XCTAssertEqual(links.code, ["https://github.com/a/b"])
        XCTAssertEqual(links.other, ["https://example.org/p"])
    }

    func testLinksKeepOrderOfAppearance() {
        let links = extractLinks(from: "https://github.com/z/last then https://b.example.org then https://github.com/a/first then https://a.example.org")
        XCTAssertEqual(links.code, ["https://github.com/z/last", "https://github.com/a/first"])
        XCTAssertEqual(links.other, ["https://b.example.org", "https://a.example.org"])
    }

    func testWordsContainingURLPrefixesAreNotLinks() {
        let links = extractLinks(from: "A swww.example claim and nothttps://example.org here")
        XCTAssertEqual(links, ExtractedLinks())
    }
}
