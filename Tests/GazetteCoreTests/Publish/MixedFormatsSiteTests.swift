import Foundation
import XCTest
@testable import GazetteCore

/// End to end: a text dump, Daily Papers JSON and an arXiv Atom feed holding the same papers build
/// into one digest whose pages show what the richer formats know.
final class MixedFormatsSiteTests: XCTestCase {
    private var site: [String: String] = [:]

    override func setUpWithError() throws {
        let model = try siteModel(Fixtures.path("MixedFormats/content"))
        let (tree, _) = try renderSite(model, templates: try TemplateSet(directory: Fixtures.templates))
        site = tree.files.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    private func papersJSON() throws -> [String: [String: Any]] {
        let papers = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(site["papers.json"]!.utf8)) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: papers.map { ($0["id"] as! String, $0) })
    }

    func testTheSamePaperFromEveryFormatIsOnePaperWithEverySource() throws {
        let papers = try papersJSON()
        XCTAssertEqual(papers.keys.sorted(), ["dspy-compiling-declarative-language-model-calls-into-self-improving-pipelines",
                                              "sparse-retrieval-known-only-by-its-summary",
                                              "structural-generalization-is-hard-for-sequence-to-sequence-models",
                                              "why-language-models-hallucinate"])
        let why = try XCTUnwrap(papers["why-language-models-hallucinate"])
        XCTAssertEqual((why["sources"] as? [[String: Any]])?.compactMap { $0["dump"] as? String }, ["a-listing", "b-2025-09-08"])
        let dspy = try XCTUnwrap(papers["dspy-compiling-declarative-language-model-calls-into-self-improving-pipelines"])
        XCTAssertEqual((dspy["sources"] as? [[String: Any]])?.compactMap { $0["dump"] as? String }, ["b-2025-09-08", "c-cs-cl"])
    }

    func testPapersJSONCarriesTheIDNamesAndDates() throws {
        let why = try XCTUnwrap(try papersJSON()["why-language-models-hallucinate"])
        XCTAssertEqual(why["arxiv_id"] as? String, "2509.04664")
        XCTAssertEqual(why["author_names"] as? [String], ["Adam Tauman Kalai", "<b>Eve</b> & Co"])
        XCTAssertEqual(why["published"] as? String, "2025-09-04")
        XCTAssertEqual(why["submitted_on_daily"] as? String, "2025-09-08")
        XCTAssertEqual(why["upvotes"] as? Int, 31, "the text dump's count is the larger")
        let dspy = try XCTUnwrap(try papersJSON()["dspy-compiling-declarative-language-model-calls-into-self-improving-pipelines"])
        XCTAssertEqual(dspy["updated"] as? String, "2023-10-06")
        XCTAssertNil(dspy["abstract_is_ai_summary"], "the feed's abstract replaces the AI summary")
    }

    func testPaperPageShowsEscapedAuthorNamesAndLinksArxivDirectly() throws {
        let page = try XCTUnwrap(site["papers/why-language-models-hallucinate/index.html"])
        XCTAssertTrue(page.contains("Adam Tauman Kalai, &lt;b&gt;Eve&lt;/b&gt; &amp; Co"), page)
        XCTAssertFalse(page.contains("<b>Eve</b>"))
        XCTAssertFalse(page.contains("Hidden Helper"))
        XCTAssertTrue(page.contains(#"href="https://arxiv.org/abs/2509.04664""#))
        XCTAssertTrue(page.contains(#"href="https://arxiv.org/pdf/2509.04664""#))
        XCTAssertFalse(page.contains("huggingface.co/papers?q="))
    }

    /// The site feed and the data exports are linked from the home page and the lists, not from
    /// every paper page (a quarter of a kilobyte on each of a large digest's pages).
    func testPaperPagesLinkNeitherTheSiteFeedNorTheExports() throws {
        let page = try XCTUnwrap(site["papers/why-language-models-hallucinate/index.html"])
        XCTAssertFalse(page.contains("application/atom+xml"))
        XCTAssertFalse(page.contains("papers.json"))
        for list in ["index.html", "papers/index.html", "archive/index.html"] {
            let html = try XCTUnwrap(site[list], list)
            XCTAssertTrue(html.contains(#"<link rel="alternate" type="application/atom+xml""#), list)
            XCTAssertTrue(html.contains("papers.json</a>"), list)
        }
    }

    /// Without an id, one look-up: Hugging Face's paper search (the listing's own site, whose page
    /// of the paper links its arXiv abstract and PDF).
    func testAPaperWithoutAnIDKeepsTheHuggingFaceSearch() throws {
        let page = try XCTUnwrap(site["papers/structural-generalization-is-hard-for-sequence-to-sequence-models/index.html"])
        XCTAssertTrue(page.contains(#"<li><a href="https://huggingface.co/papers?q=Structural+Generalization+Is+Hard+for+Sequence-to-Sequence+Models">Search Hugging Face papers</a> for this title</li>"#), page)
        XCTAssertFalse(page.contains("arxiv.org/"))
    }

    func testEachFileIsAnIssueListingItsPapersEvenUnderAnotherTitle() throws {
        for issue in ["a-listing", "b-2025-09-08", "c-cs-cl"] { XCTAssertNotNil(site["dumps/\(issue)/index.html"], issue) }
        // The feed's entry has another title than the paper kept; its arXiv id finds the paper.
        let feed = try XCTUnwrap(site["dumps/c-cs-cl/index.html"])
        XCTAssertTrue(feed.contains("papers/dspy-compiling-declarative-language-model-calls-into-self-improving-pipelines/"), feed)
    }

    func testAnAbstractThatIsOnlyAnAISummaryIsMarked() throws {
        let page = try XCTUnwrap(site["papers/sparse-retrieval-known-only-by-its-summary/index.html"])
        XCTAssertTrue(page.contains("this is Hugging Face's AI-generated summary"), page)
        XCTAssertTrue(page.contains("A sparse retriever matches dense ones on long queries."))
        XCTAssertEqual(try papersJSON()["sparse-retrieval-known-only-by-its-summary"]?["abstract_is_ai_summary"] as? Bool, true)
        let real = try XCTUnwrap(site["papers/why-language-models-hallucinate/index.html"])
        XCTAssertFalse(real.contains("AI-generated summary"))
    }

    func testABuildWritesTheIssueOfTheFeedWithThePaperItNamedUnderAnotherTitle() throws {
        let output = try Fixtures.temporaryDirectory(self).appendingPathComponent("public")
        let report = try buildSite(BuildOptions(contentDirectory: Fixtures.path("MixedFormats/content"), outputDirectory: output.path,
                                                templatesDirectory: Fixtures.templates))
        XCTAssertEqual(report.papers, 4)
        XCTAssertEqual(report.entries, 6)
        let feed = try String(contentsOf: output.appendingPathComponent("dumps/c-cs-cl/index.html"), encoding: .utf8)
        XCTAssertTrue(feed.contains("papers/dspy-compiling-declarative-language-model-calls-into-self-improving-pipelines/"), feed)
    }

    func testPagesWithTheNewValuesRenderAlikeWithAndWithoutTheTemplateShortcuts() throws {
        let model = try siteModel(Fixtures.path("MixedFormats/content"))
        let templates = try TemplateSet(directory: Fixtures.templates)
        let (fast, _) = try renderSite(model, templates: templates)
        let (plain, _) = try renderSite(model, templates: templates, layoutShells: false, templateShapes: false)
        assertSameFiles(plain, fast, "mixed formats")
    }
}
