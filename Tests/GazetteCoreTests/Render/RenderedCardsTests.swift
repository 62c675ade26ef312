import XCTest
@testable import GazetteCore

/// A card rendered once and placed with a page's root and score must be exactly the card the
/// template would give if rendered for that page.
final class RenderedCardsTests: XCTestCase {
    func model() throws -> SiteModel { try siteModel(Fixtures.path("Site/content")) }

    func testAPlacedCardEqualsTheCardRenderedForThatPage() throws {
        let model = try model()
        let templates = try TemplateSet(directory: Fixtures.templates)
        let contexts = try PageContexts(model: model, markdown: MarkdownRenderer(), shapes: TemplateShapes(templates: templates))
        XCTAssertGreaterThan(model.papers.count, 3)
        for index in model.papers.indices {
            for root in ["", "../", "../../../"] {
                for (score, variant) in [(nil, .plain), (0.4271, .scored), (nil, .summarized)] as [(Double?, RenderedCards.Variant)] {
                    // The same values, with the real root and score in place of the marks; only the
                    // summarized card shows the summary.
                    var context = PageContexts.cardContext(index, model: model, title: cleanLatex(model.papers[index].title, markdown: false),
                                                           summary: variant == .summarized ? PageContexts.summary(of: model.papers[index]) : "",
                                                           score: score.map(contexts.formatScore))
                    if variant != .summarized { context["summary"] = false }
                    context["root"] = root
                    context["href"] = root + PageContexts.paperPath(model.papers[index])
                    if var topic = context["topic"] as? [String: Any] {
                        topic["href"] = (topic["href"] as! String).replacingOccurrences(of: RenderedCards.rootMark, with: root)
                        context["topic"] = topic
                    }
                    // A topic's own list does not link each paper back to the topic.
                    if variant == .summarized { context["topic"] = false }
                    let expected = try templates.render("paper-card", context)
                    XCTAssertEqual(contexts.cards.html(index, root: root, score: score.map(contexts.formatScore), variant: variant), expected)
                    if variant == .plain {
                        XCTAssertEqual(contexts.cards.html(index, root: root, variant: .item), try templates.render("paper-item", context))
                    }
                }
            }
        }
    }

    func testOnlyTheSummarizedCardRepeatsTheSummary() throws {
        let model = try model()
        let contexts = try PageContexts(model: model, markdown: MarkdownRenderer(), shapes: TemplateShapes(templates: try TemplateSet(directory: Fixtures.templates)))
        let index = try XCTUnwrap(model.papers.indices.first { !PageContexts.summary(of: model.papers[$0]).isEmpty })
        let summary = escapeHTML(PageContexts.summary(of: model.papers[index]))
        XCTAssertFalse(contexts.cards.html(index, root: "").contains(#"class="summary""#))
        XCTAssertFalse(contexts.cards.html(index, root: "", score: "0.5", variant: .scored).contains(#"class="summary""#))
        let summarized = contexts.cards.html(index, root: "", variant: .summarized)
        XCTAssertTrue(summarized.contains(#"<p class="summary">\#(summary)</p>"#))
        // A topic's own list is closest first: its order says what the score would.
        XCTAssertFalse(summarized.contains(#"class="score""#) || summarized.contains(RenderedCards.scoreMark))
    }

    func testCardsCarryNoMarksAndShowTheScoreOnlyWhenGiven() throws {
        let model = try model()
        let contexts = try PageContexts(model: model, markdown: MarkdownRenderer(), shapes: TemplateShapes(templates: try TemplateSet(directory: Fixtures.templates)))
        let plain = contexts.cards.html(0, root: "../../")
        let scored = contexts.cards.html(0, root: "../../", score: "0.43")
        for html in [plain, scored] {
            XCTAssertFalse(html.contains(RenderedCards.rootMark) || html.contains(RenderedCards.scoreMark))
            XCTAssertTrue(html.contains(#"href="../../papers/\#(model.papers[0].slug)/index.html""#))
        }
        XCTAssertFalse(plain.contains("0.43"))
        XCTAssertTrue(scored.contains(#"<span class="score" title="similarity">0.43</span>"#))
    }

    /// The compact entry of archive months and issues: the title linked and the date, nothing of the card.
    func testTheItemIsTheTitleLinkAndTheDate() throws {
        let model = try model()
        let contexts = try PageContexts(model: model, markdown: MarkdownRenderer(), shapes: TemplateShapes(templates: try TemplateSet(directory: Fixtures.templates)))
        let index = try XCTUnwrap(model.papers.indices.first { model.papers[$0].published != nil })
        let paper = model.papers[index]
        let item = contexts.cards.html(index, root: "../../", variant: .item)
        XCTAssertEqual(item, "<li><a href=\"../../papers/\(paper.slug)/index.html\">\(escapeHTML(cleanLatex(paper.title, markdown: false)))</a> \(paper.published!.display)</li>\n")
    }

    /// A theme written before `paper-item` existed gets the plain card where the item would go.
    func testAThemeWithoutTheItemTemplatePlacesThePlainCard() throws {
        let theme = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Fixtures.templates, toPath: theme)
        defer { try? FileManager.default.removeItem(atPath: theme) }
        try FileManager.default.removeItem(atPath: theme + "/paper-item.mustache")
        let contexts = try PageContexts(model: try model(), markdown: MarkdownRenderer(), shapes: TemplateShapes(templates: try TemplateSet(directory: theme)))
        XCTAssertEqual(contexts.cards.html(0, root: "../", variant: .item), contexts.cards.html(0, root: "../"))
    }

    func testScoresHaveTwoDecimalsAsPrintfGivesThem() throws {
        let contexts = try PageContexts(model: try model(), markdown: MarkdownRenderer(), shapes: TemplateShapes(templates: try TemplateSet(directory: Fixtures.templates)))
        for value in [0, 0.004, 0.1, 0.4271, 0.999, 0.996, 1, 12.3456, 123.0, -0.25, 0.0731] {
            XCTAssertEqual(contexts.formatScore(value), String(format: "%.2f", value), "\(value)")
        }
        // Halfway cases may round either way, but stay within half a hundredth.
        for value in [0.005, 0.125, 0.375] {
            XCTAssertEqual(Double(contexts.formatScore(value))!, value, accuracy: 0.00501)
        }
    }
}
