import XCTest
@testable import GazetteCore

final class CaptureInlineTests: XCTestCase {
    private func read(_ text: String, references: [String: String] = [:]) -> InlineText {
        readInline(text, references: references)
    }

    func testInlineLinkGivesItsTextAndURLAndDropsTheTitle() {
        let inline = read(#"by[AK](https://huggingface.co/akhaliq "AK") and the community"#)
        XCTAssertEqual(inline.text, "by AK and the community")
        XCTAssertEqual(inline.links, [CaptureLink(text: "AK", url: "https://huggingface.co/akhaliq")])
    }

    func testImagesAreDroppedEvenInsideLinks() {
        let inline = read("[![occ-ai](https://cdn/x.png)OCC](https://huggingface.co/occ-ai)")
        XCTAssertEqual(inline.text, "OCC")
        XCTAssertEqual(inline.links, [CaptureLink(text: "OCC", url: "https://huggingface.co/occ-ai")])
    }

    func testReferenceLinksResolveThroughTheirDefinitions() {
        let inline = read("[Title][4] and [AK][] and [Docs]", references: ["4": "/papers/2606.00683", "ak": "/akhaliq", "docs": "/docs"])
        XCTAssertEqual(inline.links.map(\.url), ["/papers/2606.00683", "/akhaliq", "/docs"])
        XCTAssertEqual(inline.text, "Title and AK and Docs")
    }

    func testAClosingBracketWhoseOpenerIsGoneLinksTheTextBeforeIt() {
        let inline = read("2 authors](https://huggingface.co/papers/2410.05434)")
        XCTAssertEqual(inline.links, [CaptureLink(text: "2 authors", url: "https://huggingface.co/papers/2410.05434")])
    }

    func testUnclosedAndLiteralBracketsStayText() {
        XCTAssertEqual(read("[-] 19").text, "[-] 19")
        XCTAssertEqual(read("[Upvote").text, "[Upvote")
        XCTAssertEqual(read("[x](no closing paren").links, [])
    }

    func testTagsEmphasisEscapesAndAutolinks() {
        XCTAssertEqual(read(#"<a id="source-section-3"></a>**Bold** and `code`"#).text, "Bold and code")
        XCTAssertEqual(read(#"Engage\  with \*stars\* and snake_case"#).text, "Engage with *stars* and snake_case")
        let auto = read("see <https://arxiv.org/abs/2310.03714>")
        XCTAssertEqual(auto.links, [CaptureLink(text: "https://arxiv.org/abs/2310.03714", url: "https://arxiv.org/abs/2310.03714")])
        XCTAssertEqual(read("a < b and c > d").text, "a < b and c > d")
    }

    func testPandocSpansAndAttributesAreNotText() {
        let inline = read("[· [5 authors](/papers/2410.05434)]{.authors} [12](/login?next=x){.upvote}")
        XCTAssertEqual(inline.text, "· 5 authors 12")
        XCTAssertEqual(inline.links.map(\.text), ["5 authors", "12"])
    }

    func testHTMLEntitiesAreTheirCharacters() {
        XCTAssertEqual(read("Q&amp;A for &quot;LLMs&quot; &#39;24 &#x27;x&#x27; AT&T &bogus; &#0;").text, "Q&A for \"LLMs\" '24 'x' AT&T &bogus; &#0;")
    }

    func testNestingDeeperThanAnyPageIsPlainText() {
        let deep = String(repeating: "[", count: 40) + "x](u)"
        let inline = read(deep)
        XCTAssertEqual(inline.links.count, 1)
        // Brackets past the cap are text: the link's text holds them, and they read as unclosed placeholders.
        XCTAssertEqual(inline.links.first.map { CaptureVocabulary.withoutPlaceholders($0.text) }, "x")
    }
}
