import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import GazetteCore

/// The reader-side files and pages of a full build of the fixture site: feeds, sitemap, archive, neighbours.
final class ReaderFilesTests: XCTestCase {
    func build(baseURL: String?) throws -> String {
        let root = try Fixtures.temporaryDirectory(self)
        let content = root.appendingPathComponent("content").path
        try FileManager.default.copyItem(atPath: Fixtures.path("Site/content"), toPath: content)
        if let baseURL {
            let yml = content + "/site.yml"
            try (String(contentsOfFile: yml, encoding: .utf8) + "base_url: \(baseURL)\n").write(toFile: yml, atomically: true, encoding: .utf8)
        }
        let output = root.appendingPathComponent("public").path
        _ = try buildSite(BuildOptions(contentDirectory: content, outputDirectory: output, templatesDirectory: Fixtures.templates))
        return output
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    func testEachTopicFeedListsItsNewestMembersPrimaryOrNot() throws {
        let content = try loadContent(Fixtures.defaultContent)
        var papers = mergePapers(content.dumps)
        assignSlugs(&papers)
        let model = SiteModel(config: content.config, dumps: content.dumps, papers: papers,
                              topics: inferTopics(papers, options: content.config.topics), pages: content.pages)
        let files = try readerFiles(model)
        let newest = model.newestFirst()
        let entryLink = try NSRegularExpression(pattern: #"<entry>\s*<title>[^<]*</title>\s*<id>urn:gazette:papers:([^<]+)</id>"#)
        var fullFeeds = 0
        for topic in model.topics.topics {
            let expected = newest.filter { model.topics.memberships[$0].contains { $0.topic == topic.id } }
                .prefix(AtomFeed.limit).map { model.papers[$0].slug }
            let xml = String(decoding: try XCTUnwrap(files.first { $0.path == topicFeedPath(topic) }).bytes, as: UTF8.self)
            let slugs = entryLink.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)).map { String(xml[Range($0.range(at: 1), in: xml)!]) }
            XCTAssertEqual(slugs, Array(expected), topic.name)
            if expected.count == AtomFeed.limit { fullFeeds += 1 }
        }
        XCTAssertGreaterThan(fullFeeds, 0, "some topic has more papers than a feed holds")
    }

    func testSitemapAndRobotsOnlyWithABaseURL() throws {
        let without = try build(baseURL: nil)
        XCTAssertFalse(FileManager.default.fileExists(atPath: without + "/sitemap.xml"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: without + "/robots.txt"))
        let with = try build(baseURL: "https://example.org/digest")
        let sitemap = try read(with + "/sitemap.xml")
        XCTAssertTrue(sitemap.contains("<loc>https://example.org/digest/</loc>"))
        XCTAssertTrue(sitemap.contains("<loc>https://example.org/digest/archive/</loc>"))
        XCTAssertFalse(sitemap.contains("404.html"))
        XCTAssertNoThrow(try XMLDocument(data: Data(sitemap.utf8)))
        XCTAssertEqual(try read(with + "/robots.txt"), "User-agent: *\nAllow: /\nSitemap: https://example.org/digest/sitemap.xml\n")
        let home = try read(with + "/index.html")
        XCTAssertTrue(home.contains(#"<meta property="og:url" content="https://example.org/digest/">"#))
    }

    func testEveryPageHasMetadataFaviconFeedAndSearchBox() throws {
        let output = try build(baseURL: nil)
        let topics = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/topics.json"))) as! [[String: Any]]
        let slug = topics[0]["slug"] as! String
        for page in ["index.html", "archive/index.html", "topics/\(slug)/index.html", "about/index.html"] {
            let html = try read(output + "/" + page)
            for needle in [#"<meta property="og:title""#, #"<meta name="twitter:card" content="summary">"#, "assets/favicon.svg",
                           #"type="application/atom+xml""#, #"<form class="site-search" role="search""#, #"<label for="search-input">"#] {
                XCTAssertTrue(html.contains(needle), "\(page) lacks \(needle)")
            }
        }
        let topicPage = try read(output + "/topics/\(slug)/index.html")
        XCTAssertTrue(topicPage.contains(#"href="../../topics/\#(slug)/feed.xml""#))
        XCTAssertNoThrow(try XMLDocument(data: Data(contentsOf: URL(fileURLWithPath: output + "/topics/\(slug)/feed.xml"))))
        XCTAssertNoThrow(try XMLDocument(data: Data(contentsOf: URL(fileURLWithPath: output + "/feed.xml"))))
    }

    func testArchiveGroupsPapersByMonthNewestFirst() throws {
        let output = try build(baseURL: nil)
        let archive = try read(output + "/archive/index.html")
        let pattern = try NSRegularExpression(pattern: #"<a href="\.\./archive/(\d{4}-\d{2})/index\.html">"#)
        let months = pattern.matches(in: archive, range: NSRange(archive.startIndex..., in: archive)).map { String(archive[Range($0.range(at: 1), in: archive)!]) }
        XCTAssertGreaterThan(months.count, 1)
        XCTAssertEqual(months, months.sorted(by: >))
        // Every paper is on the page of its month, or on the undated page; on exactly one.
        let keys = months + (FileManager.default.fileExists(atPath: output + "/archive/undated/index.html") ? ["undated"] : [])
        let monthPages = try keys.map { try read(output + "/archive/\($0)/index.html") }
        let papers = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/papers.json"))) as! [[String: Any]]
        for paper in papers {
            let link = "papers/\(paper["id"] as! String)/index.html"
            // A small digest's archive lists every title under its month, once.
            XCTAssertEqual(archive.components(separatedBy: "../" + link).count, 2, link)
            let pages = monthPages.enumerated().filter { $0.element.contains(link) }.map { keys[$0.offset] }
            if let date = paper["published"] as? String {
                XCTAssertEqual(pages, [String(date.prefix(7))], link)
            } else {
                XCTAssertEqual(pages, ["undated"], link)
            }
        }
    }

    func testPaperPagesLinkTheirNewerAndOlderNeighboursInThePrimaryTopic() throws {
        let output = try build(baseURL: nil)
        let papers = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/papers.json"))) as! [[String: Any]]
        let topics = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/topics.json"))) as! [[String: Any]]
        let slug = topics[0]["slug"] as! String, topicID = topics[0]["id"] as! Int
        // The topic's main papers newest first, as its feed runs (ties by title).
        let members = papers.filter { (($0["topics"] as! [[String: Any]]).first?["id"] as? Int) == topicID }
        let order = members.sorted { a, b in
            let da = a["published"] as? String ?? "", db = b["published"] as? String ?? ""
            return da != db ? (da.isEmpty ? false : db.isEmpty ? true : da > db) : (a["title"] as! String) < (b["title"] as! String)
        }.map { $0["id"] as! String }
        XCTAssertGreaterThan(order.count, 2)
        let newest = try read(output + "/papers/\(order[0])/index.html")
        // Paper pages are siblings: links between them skip the way through the root.
        XCTAssertTrue(newest.contains(#"<a rel="next" href="../\#(order[1])/index.html"><span>Older</span>"#), newest)
        XCTAssertFalse(newest.contains(#"rel="prev""#))
        let second = try read(output + "/papers/\(order[1])/index.html")
        XCTAssertTrue(second.contains(#"<a rel="prev" href="../\#(order[0])/index.html"><span>Newer</span>"#))
        XCTAssertTrue(second.contains(#"<a rel="next" href="../\#(order[2])/index.html">"#))
        XCTAssertTrue(second.contains("More in <a href=\"../../topics/\(slug)/index.html\">"))
        // Nothing on a paper page moves when another paper joins its topic: no rank, no similarity.
        XCTAssertFalse(second.contains(" of \(order.count)"))
        XCTAssertFalse(second.contains(#"class="score""#))
    }

    /// The head says a page's description once, for search engines and Open Graph alike, and
    /// cut to what they show; a paper page, which sorts nothing, does not load sort.js.
    func testTheHeadHasOneShortDescriptionAndPaperPagesNoSortScript() throws {
        let output = try build(baseURL: nil)
        let papers = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/papers.json"))) as! [[String: Any]]
        for path in ["index.html", "papers/index.html", "papers/\(papers[0]["id"] as! String)/index.html"] {
            let tags = htmlStartTags(try read(output + "/" + path))
            let descriptions = tags.filter { $0.name == "meta" && ($0.value("name") == "description" || $0.value("property") == "og:description") }
            XCTAssertEqual(descriptions.count, 1, path)
            XCTAssertEqual(descriptions.first?.value("name"), "description", path)
            XCTAssertEqual(descriptions.first?.value("property"), "og:description", path)
            let text = (descriptions.first?.value("content") ?? "").replacingOccurrences(of: #"&[#a-z0-9]+;"#, with: "_", options: .regularExpression)
            XCTAssertLessThanOrEqual(text.count, 161, path)
            let sortScript = tags.contains { $0.name == "script" && ($0.value("src") ?? "").hasSuffix("assets/sort.js") }
            XCTAssertEqual(sortScript, path.split(separator: "/").count < 3, path)
        }
        let long = String(repeating: "word ", count: 80)
        let cut = PageContexts.metaDescription(long)
        XCTAssertTrue(cut.hasSuffix("word…") && cut.count <= 161, cut)
        XCTAssertEqual(PageContexts.metaDescription("A short line."), "A short line.")
    }

    func testAPaperPageListsItsRelatedPapersBrieflyAndListsRepeatNoSummary() throws {
        let output = try build(baseURL: nil)
        let papers = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/papers.json"))) as! [[String: Any]]
        let paper = try XCTUnwrap(papers.first { !($0["related"] as! [Int]).isEmpty })
        let page = try read(output + "/papers/\(paper["id"] as! String)/index.html")
        let related = try XCTUnwrap(papers[(paper["related"] as! [Int])[0]]["id"] as? String)
        XCTAssertTrue(page.contains(#"<ul class="related-list">"#), page)
        XCTAssertTrue(page.contains(#"<li><a href="../\#(related)/index.html">"#), page)
        // Every link from a paper page to a page of the site leads to a file that exists.
        let links = try NSRegularExpression(pattern: ##"href="([^"#:]+)""##)
        let pageDirectory = output + "/papers/\(paper["id"] as! String)"
        for match in links.matches(in: page, range: NSRange(page.startIndex..., in: page)) {
            let href = String(page[Range(match.range(at: 1), in: page)!])
            let target = URL(fileURLWithPath: pageDirectory + "/" + href).standardizedFileURL.path
            XCTAssertTrue(FileManager.default.fileExists(atPath: target), "\(href) from the paper page")
        }
        XCTAssertFalse(page.contains("paper-card"), "related papers are a short list, not cards")
        // Summaries are on the topic pages' own lists only.
        XCTAssertFalse(try read(output + "/papers/index.html").contains(#"class="summary""#))
        XCTAssertFalse(try read(output + "/archive/index.html").contains(#"class="summary""#))
        let topics = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/topics.json"))) as! [[String: Any]]
        XCTAssertTrue(try read(output + "/topics/\(topics[0]["slug"] as! String)/index.html").contains(#"<p class="summary">"#))
    }

    /// A build indexes the papers' words before their topics are known; the reader files must be
    /// byte for byte those made from the finished model, and text made from other papers (another
    /// order, another slug) must not be used.
    func testSearchTextMadeBeforeTopicsGivesTheSameFiles() throws {
        for directory in [Fixtures.defaultContent, Fixtures.path("Site/content")] {
            let model = try siteModel(directory)
            let expected = try readerFiles(model)
            XCTAssertTrue(expected.contains { $0.path.hasPrefix("search/t-") })
            assertSame(try readerFiles(model, text: SearchText(papers: model.papers)), expected, directory)
            var emptied = try SearchText(papers: model.papers)
            emptied.terms.files = []
            XCTAssertFalse(try readerFiles(model, text: emptied).contains { $0.path.hasPrefix("search/t-") }, "the text made beforehand is used")
            var other = model.papers
            other[0].slug += "-moved"
            assertSame(try readerFiles(model, text: SearchText(papers: other)), expected, "\(directory), another slug")
            other = model.papers
            other[0].published = PaperDate(year: 1999, month: 1, day: 1)
            assertSame(try readerFiles(model, text: SearchText(papers: other)), expected, "\(directory), another order")
        }
    }

    func assertSame(_ actual: [(path: String, bytes: [UInt8])], _ expected: [(path: String, bytes: [UInt8])], _ label: String,
                    file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.map(\.path), expected.map(\.path), label, file: file, line: line)
        for (a, e) in zip(actual, expected) where a.bytes != e.bytes { XCTFail("\(label): \(a.path) differs", file: file, line: line) }
    }
}

