import XCTest
@testable import GazetteCore

final class MarkdownRendererTests: XCTestCase {
    private let renderer = MarkdownRenderer()

    /// The abstract of the single paper in `Tests/Fixtures/Dumps/<file>`.
    private func fixtureAbstract(_ file: String) throws -> String {
        let (dump, _) = try DumpParser().parse(try Fixtures.bytes("Dumps/" + file), name: file, path: Fixtures.path("Dumps/" + file))
        XCTAssertEqual(dump.entries.count, 1)
        return try XCTUnwrap(dump.entries.first?.abstract)
    }

    /// Every tag (`<…>`) in `html`, as written.
    private func tags(in html: String) -> [String] {
        var tags: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            tags.append(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        return tags
    }

    // MARK: GFM

    func testTableRenders() {
        let html = renderer.html("| Model | Accuracy |\n|---|---|\n| GPT-J | 71 |\n")
        XCTAssertTrue(html.contains("<table>"), html)
        XCTAssertTrue(html.contains("<th>Model</th>"), html)
        XCTAssertTrue(html.contains("<td>GPT-J</td>"), html)
        XCTAssertTrue(html.contains("<td>71</td>"), html)
    }

    func testStrikethroughRenders() {
        XCTAssertEqual(renderer.html("an ~~old~~ claim"), "<p>an <del>old</del> claim</p>\n")
    }

    func testBareURLIsAutolinked() {
        let html = renderer.html("Code is at https://github.com/example/exedec today.")
        XCTAssertTrue(html.contains("<a href=\"https://github.com/example/exedec\">https://github.com/example/exedec</a>"), html)
    }

    func testSmartPunctuation() {
        let html = renderer.html("It's \"quoted\" -- and done...")
        XCTAssertEqual(html, "<p>It\u{2019}s \u{201C}quoted\u{201D} \u{2013} and done\u{2026}</p>\n")
    }

    // MARK: Safety

    func testRawScriptInPageMarkdownIsOmitted() {
        let html = renderer.html("Hello\n\n<script>alert(1)</script>\n\nInline <script>alert(2)</script> too.\n")
        XCTAssertFalse(html.lowercased().contains("<script"), html)
        XCTAssertFalse(html.contains("alert(1)"), html)
        XCTAssertTrue(html.contains("Hello"), html)
    }

    func testJavascriptLinkInPageMarkdownHasNoJavascriptHref() {
        for markdown in ["[click](javascript:alert(1))", "[click](JavaScript:alert(1))", "<javascript:alert(1)>"] {
            let html = renderer.html(markdown)
            XCTAssertFalse(html.lowercased().contains("href=\"javascript:"), html)
            XCTAssertTrue(html.contains("<a href=\"\">"), html)
        }
    }

    func testAbstractWithScriptAndImageTagsProducesNoSuchMarkup() throws {
        let html = renderer.abstractHTML(try fixtureAbstract("script-in-abstract.txt"))
        for tag in tags(in: html) {
            let lower = tag.lowercased()
            XCTAssertFalse(lower.hasPrefix("<script"), "markup \(tag) in \(html)")
            XCTAssertFalse(lower.hasPrefix("<img"), "markup \(tag) in \(html)")
            XCTAssertFalse(lower.contains("onerror"), "markup \(tag) in \(html)")
        }
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html)
    }

    func testAbstractWithJavascriptLinkHasNoJavascriptHref() throws {
        let html = renderer.abstractHTML(try fixtureAbstract("script-in-abstract.txt"))
        XCTAssertFalse(html.lowercased().contains("href=\"javascript:"), html)
        XCTAssertTrue(html.contains("We release the attack suite"), html)
    }

    // MARK: LaTeX in abstracts

    func testAbstractLatexResidueIsCleaned() throws {
        let html = renderer.abstractHTML(try fixtureAbstract("latex-residue.txt"))
        XCTAssertTrue(html.contains("by 12% over"), html)
        XCTAssertFalse(html.contains("\\"), html)
        XCTAssertTrue(html.contains("We study <em>how</em> much"), html)
        XCTAssertTrue(html.contains("Our system, rex, retrieves"), html)
        XCTAssertTrue(html.contains("an R2 of 0.91"), html)
        XCTAssertFalse(html.contains("textsc") || html.contains("textsuperscript") || html.contains("textit"), html)
    }

    // Real abstract from content/dumps/002: LaTeX quotes ``…'' are residue, not Markdown code spans.
    func testLatexQuotesInAbstractDoNotBecomeCodeSpans() {
        let abstract = "A common first step in aligning language models is to learn a reward model from preference data. "
            + "Any monotone transformation of the reward model preserves preference ranking; is there a choice that is "
            + "``better'' than others? We find that the probability that the output is ``good'' in all measured "
            + "properties is a natural choice for the transformation."
        let html = renderer.abstractHTML(abstract)
        XCTAssertFalse(html.contains("<code>"), html)
        XCTAssertTrue(html.contains("better"), html)
    }

    // Real abstract from content/dumps/000: `~` marks a range (or a LaTeX non-breaking space), not strikethrough.
    func testTildesInAbstractAreNotStruckThrough() {
        let abstract = "The experimental results on literature translation demonstrate the effectiveness of the DRT-o1. "
            + "Using Qwen2.5-7B and Qwen2.5-14B as the backbones, the improvement brought by DRT-o1 achieves "
            + "7.33~8.26 BLEU and 1.66~3.36 CometScore."
        let html = renderer.abstractHTML(abstract)
        XCTAssertFalse(html.contains("<del>"), html)
        XCTAssertTrue(html.contains("8.26 BLEU and 1.66"), html)
    }

    func testParallelRenderingGivesTheSameHTMLEveryTime() {
        let renderer = MarkdownRenderer()
        let abstract = "WiC is released in https://pilehvar.github.io/wic/. See www.example.org and *this* ~~old~~ text."
        let expected = renderer.abstractHTML(abstract)
        XCTAssertTrue(expected.contains("<a href=\"https://pilehvar.github.io/wic/\">"))
        let outputs = (try? concurrentMap(Array(0..<4000)) { _ in renderer.abstractHTML(abstract) }) ?? []
        XCTAssertEqual(outputs.count, 4000)
        XCTAssertEqual(outputs.filter { $0 != expected }.count, 0, "cmark-gfm parsers raced")
    }
}

extension MarkdownRendererTests {
    func testAbstractImagesBecomeLinksSoNothingIsFetched() {
        let html = MarkdownRenderer().abstractHTML("See ![the figure](https://example.org/fig.png) and ![x](javascript:alert(1)).")
        XCTAssertFalse(html.contains("<img"), html)
        XCTAssertTrue(html.contains("<a href=\"https://example.org/fig.png\">the figure</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"\">x</a>"), "a javascript: link loses its target: \(html)")
    }
}
