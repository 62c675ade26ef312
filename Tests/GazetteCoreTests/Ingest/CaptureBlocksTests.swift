import XCTest
@testable import GazetteCore

final class CaptureBlocksTests: XCTestCase {
    func testBlocksSplitAtBlankLinesHeadingsAndListItemsWithTheirLines() {
        let text = """
            # Daily Papers

            First line
            second line
            * [Models](/models)
            - 4 authors

            Title Here
            ==========
            ### Small heading
            """
        let blocks = captureDocument(text, path: "x.md").blocks
        XCTAssertEqual(blocks.map(\.text), ["Daily Papers", "First line second line", "Models", "4 authors", "Title Here", "Small heading"])
        XCTAssertEqual(blocks.map(\.line), [1, 3, 5, 6, 8, 10])
        XCTAssertEqual(blocks.map(\.headingLevel), [1, nil, nil, nil, 1, 3])
        XCTAssertEqual(blocks.map(\.isListItem), [false, false, true, true, false, false])
    }

    func testALinkWrappedOverLinesWithHardBreaksIsOneBlock() {
        let text = "[Academic citations are widely used\\\\\nknowledge flows.](https://huggingface.co/papers/2502.20581)"
        let blocks = captureDocument(text, path: "x.md").blocks
        XCTAssertEqual(blocks.count, 1)
        XCTAssertEqual(blocks.first?.links.first?.text, "Academic citations are widely used knowledge flows.")
    }

    func testFrontMatterIsReadAndSkipped() {
        let text = "---\nurl: https://huggingface.co/papers/2310.03714\ntitle: \"Paper page\"\n---\n\nBody"
        let document = captureDocument(text, path: "x.md")
        XCTAssertEqual(document.frontMatter["url"], "https://huggingface.co/papers/2310.03714")
        XCTAssertEqual(document.frontMatter["title"], "Paper page")
        XCTAssertEqual(document.blocks.map(\.text), ["Body"])
        XCTAssertEqual(document.blocks.first?.line, 6)
    }

    func testAReaderServiceHeaderIsReadAsFrontMatter() {
        let text = "Title: Paper page\n\nURL Source: https://huggingface.co/papers/2310.03714\n\nMarkdown Content:\nBody"
        let document = captureDocument(text, path: "x.md")
        XCTAssertEqual(document.frontMatter["url source"], "https://huggingface.co/papers/2310.03714")
        XCTAssertEqual(document.blocks.map(\.text), ["Body"])
    }

    func testAFirstRuleWithoutItsCloseIsNotFrontMatter() {
        let document = captureDocument("---\nkey: value\nText", path: "x.md")
        XCTAssertEqual(document.frontMatter, [:])
        XCTAssertEqual(document.blocks.map(\.text), ["key: value Text"])
    }

    func testReferenceDefinitionsAreNotText() {
        let document = captureDocument("[Title][1]\n\n   [1]: https://huggingface.co/papers/2606.00683", path: "x.md")
        XCTAssertEqual(document.blocks.map(\.text), ["Title"])
        XCTAssertEqual(document.blocks.first?.links.first?.url, "https://huggingface.co/papers/2606.00683")
    }

    func testControlCharactersAreDroppedWithTheirLine() {
        let document = captureDocument("ok\nbad\u{0}line\r\nfine", path: "x.md")
        XCTAssertEqual(document.blocks.map(\.text), ["ok badline fine"])
        XCTAssertEqual(document.diagnostics.map(\.line), [2])
    }

    func testLynxMarkersStartBlocksAndLinkTheirLine() {
        let text = "   Oct 2\n   [1]101\n[2]A Title That\n   Wraps\n\nReferences\n\n   1. https://huggingface.co/login?next=%2Fpapers%2F2606.00683\n   2. https://huggingface.co/papers/2606.00683\n"
        let blocks = captureDocument(text, path: "x.txt").blocks
        XCTAssertEqual(blocks.map(\.text), ["Oct 2", "101", "A Title That Wraps"])
        XCTAssertEqual(blocks[1].links.first?.url, "https://huggingface.co/login?next=%2Fpapers%2F2606.00683")
        XCTAssertEqual(blocks[2].links.first, CaptureLink(text: "A Title That", url: "https://huggingface.co/papers/2606.00683"))
    }

    func testPandocHeadingAttributesAndDivFencesAreDropped() {
        let blocks = captureDocument("::: {.card}\n### Title {#title .x}\n:::", path: "x.md").blocks
        XCTAssertEqual(blocks.map(\.text), ["Title"])
        XCTAssertEqual(blocks.map(\.headingLevel), [3])
    }
}
