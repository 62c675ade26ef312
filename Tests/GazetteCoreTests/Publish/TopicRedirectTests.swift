import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import GazetteCore

/// What a retired topic keeps at its old URLs: a redirect page and a feed that says where it went.
final class TopicRedirectTests: XCTestCase {
    let successor = Topic(id: 0, name: "Reasoning & <logic>", slug: "reasoning", terms: [], seedName: nil, primaryCount: 3, size: 3, mapID: 2)
    let hostile = RetiredTopic(name: "Evil <script>alert(\"x\")</script> & co", slug: "evil", successor: 0,
                               retiredOn: PaperDate(year: 2024, month: 1, day: 19))

    func files(_ retired: RetiredTopic, successor: Topic?, baseURL: String? = nil, feeds: Bool = true) -> [String: String] {
        var config = SiteConfig()
        config.title = "Digest"
        config.baseURL = baseURL
        config.feeds = feeds
        let files = retiredTopicFiles(retired, successor: successor, config: config)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    func testTheRedirectPageRefreshesToTheSuccessorWithAPlainLinkAndNoScript() throws {
        let page = try XCTUnwrap(files(hostile, successor: successor)["topics/evil/index.html"])
        let tags = htmlStartTags(page)
        let refresh = try XCTUnwrap(tags.first { $0.name == "meta" && $0.value("http-equiv") == "refresh" }, page)
        XCTAssertEqual(refresh.value("content"), "0; url=../../topics/reasoning/index.html")
        XCTAssertTrue(tags.contains { $0.name == "meta" && $0.value("name") == "robots" && $0.value("content") == "noindex" }, page)
        XCTAssertEqual(tags.filter { $0.name == "a" }.map { $0.value("href") }, ["../../topics/reasoning/index.html"])
        XCTAssertFalse(tags.contains { $0.name == "script" }, page)
        XCTAssertFalse(page.lowercased().contains("<script"), page)
        XCTAssertFalse(tags.contains { $0.attributes.contains { $0.name.hasPrefix("on") } })
        // The names are text, escaped.
        XCTAssertTrue(page.contains("<h1>Evil &lt;script&gt;alert("), page)
        XCTAssertFalse(page.contains("alert(\"x\")"), page)
        XCTAssertTrue(page.contains("&amp; co"), page)
        XCTAssertTrue(page.contains("Go to Reasoning &amp; &lt;logic&gt;</a>"), page)
        XCTAssertFalse(page.contains("<logic>"), page)
        XCTAssertFalse(tags.contains { $0.name == "link" && $0.value("rel") == "canonical" }, "no address without a base URL")
    }

    func testTwoRetiredTopicsFeedsHaveTheirOwnEntryIdsAndAnUndatedOneTakesTheNewestDate() throws {
        var other = hostile
        other.slug = "other"
        other.retiredOn = nil
        let newest = PaperDate(year: 2025, month: 8, day: 7)
        func feed(_ retired: RetiredTopic) throws -> String {
            let file = try XCTUnwrap(retiredTopicFiles(retired, successor: successor, config: SiteConfig(), newest: newest).first { $0.path.hasSuffix("feed.xml") })
            return String(decoding: file.bytes, as: UTF8.self)
        }
        func entryID(_ xml: String) -> String? {
            xml.components(separatedBy: "<entry>").last?.components(separatedBy: "<id>").dropFirst().first?.components(separatedBy: "</id>").first
        }
        let first = try feed(hostile), second = try feed(other)
        XCTAssertNotEqual(entryID(first), entryID(second))
        XCTAssertEqual(entryID(second), "urn:gazette:topics:other:feed.xml#moved")
        XCTAssertTrue(second.contains("<updated>2025-08-07T00:00:00Z</updated>"), second)
        XCTAssertTrue(first.contains("<updated>2024-01-19T00:00:00Z</updated>"), "its own date wins: \(first)")
    }

    func testTheLaterPagesOfARetiredTopicsListRedirectToo() throws {
        var config = SiteConfig()
        config.paginate = 20
        var retired = hostile
        retired.paperCount = 45
        let pages = retiredTopicFiles(retired, successor: successor, config: config).map(\.path).filter { $0.hasSuffix(".html") }
        XCTAssertEqual(pages, ["topics/evil/index.html", "topics/evil/page/2/index.html", "topics/evil/page/3/index.html"])
        let third = String(decoding: try XCTUnwrap(retiredTopicFiles(retired, successor: successor, config: config).first { $0.path == pages[2] }).bytes, as: UTF8.self)
        let refresh = try XCTUnwrap(htmlStartTags(third).first { $0.name == "meta" && $0.value("http-equiv") == "refresh" })
        XCTAssertEqual(refresh.value("content"), "0; url=../../../../topics/reasoning/index.html")
        // Without a recorded count (an older map) only the first page is known.
        retired.paperCount = nil
        XCTAssertEqual(retiredTopicFiles(retired, successor: successor, config: config).map(\.path).filter { $0.hasSuffix(".html") }, ["topics/evil/index.html"])
    }

    func parse(_ xml: String) throws -> XMLElement {
        try XCTUnwrap(XMLDocument(data: Data(xml.utf8)).rootElement())
    }

    /// The `href` of each `<link>` in `xml` whose parent is `parent`, read by `XMLParser`, with its `rel`.
    func links(_ xml: String, in parent: String) throws -> [(rel: String?, href: String?)] {
        final class Reader: NSObject, XMLParserDelegate {
            var stack: [String] = []
            var links: [(parent: String, rel: String?, href: String?)] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == "link" { links.append((stack.last ?? "", attributes["rel"], attributes["href"])) }
                stack.append(name)
            }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { stack.removeLast() }
        }
        let reader = Reader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        return reader.links.filter { $0.parent == parent }.map { ($0.rel, $0.href) }
    }

    func testTheRetiredFeedIsValidAtomWhoseLastEntryPointsToTheSuccessor() throws {
        let xml = try XCTUnwrap(files(hostile, successor: successor)["topics/evil/feed.xml"])
        let feed = try parse(xml)
        XCTAssertEqual(feed.name, "feed")
        XCTAssertEqual(feed.uri, "http://www.w3.org/2005/Atom")
        XCTAssertEqual(feed.elements(forName: "title").first?.stringValue, "Evil <script>alert(\"x\")</script> & co · Digest")
        XCTAssertEqual(feed.elements(forName: "updated").first?.stringValue, "2024-01-19T00:00:00Z")
        let entries = feed.elements(forName: "entry")
        XCTAssertEqual(entries.count, 1)
        let entry = try XCTUnwrap(entries.last)
        XCTAssertEqual(entry.elements(forName: "title").first?.stringValue, "“Evil <script>alert(\"x\")</script> & co” is now part of “Reasoning & <logic>”")
        XCTAssertEqual(try links(xml, in: "entry").map(\.href), ["../../topics/reasoning/index.html"])
        XCTAssertTrue(entry.elements(forName: "summary").first?.stringValue?.contains("Subscribe to that topic's feed") == true)
        XCTAssertEqual(try links(xml, in: "feed").first { $0.rel == "self" }?.href, "../../topics/evil/feed.xml", "the feed stays at its old address")
    }

    func testWithABaseURLEveryLinkIsAbsolute() throws {
        let made = files(hostile, successor: successor, baseURL: "https://example.org/digest/")
        let page = try XCTUnwrap(made["topics/evil/index.html"])
        let tags = htmlStartTags(page)
        XCTAssertEqual(tags.first { $0.value("http-equiv") == "refresh" }?.value("content"), "0; url=https://example.org/digest/topics/reasoning/")
        XCTAssertEqual(tags.filter { $0.name == "a" }.map { $0.value("href") }, ["https://example.org/digest/topics/reasoning/"])
        XCTAssertEqual(tags.first { $0.name == "link" && $0.value("rel") == "canonical" }?.value("href"), "https://example.org/digest/topics/reasoning/")
        let xml = try XCTUnwrap(made["topics/evil/feed.xml"])
        XCTAssertEqual(try links(xml, in: "entry").map(\.href), ["https://example.org/digest/topics/reasoning/"])
        XCTAssertEqual(try links(xml, in: "feed").map(\.href), ["https://example.org/digest/topics/evil/feed.xml", "https://example.org/digest/topics/reasoning/"])
        let entry = try XCTUnwrap(parse(xml).elements(forName: "entry").first)
        XCTAssertEqual(entry.elements(forName: "id").first?.stringValue, "https://example.org/digest/topics/evil/feed.xml#moved", "an id of its own, not the page it links")
    }

    func testWithoutASuccessorTheRedirectGoesToTheTopicsIndex() throws {
        let gone = RetiredTopic(name: "Volcanoes", slug: "volcanoes", successor: nil, retiredOn: nil)
        let made = files(gone, successor: nil)
        let tags = htmlStartTags(try XCTUnwrap(made["topics/volcanoes/index.html"]))
        XCTAssertEqual(tags.first { $0.value("http-equiv") == "refresh" }?.value("content"), "0; url=../../topics/index.html")
        let xml = try XCTUnwrap(made["topics/volcanoes/feed.xml"])
        let entry = try XCTUnwrap(parse(xml).elements(forName: "entry").first)
        XCTAssertEqual(entry.elements(forName: "title").first?.stringValue, "“Volcanoes” is no longer published")
        XCTAssertEqual(try links(xml, in: "entry").map(\.href), ["../../topics/index.html"])
    }

    func testWithoutFeedsOnlyThePageIsKept() {
        XCTAssertEqual(Array(files(hostile, successor: successor, feeds: false).keys), ["topics/evil/index.html"])
    }

    func testTheSiteHasTheRedirectButItsSitemapListsOnlyLivePages() throws {
        var model = try siteModel(Fixtures.path("Site/content")) { $0.baseURL = "https://example.org/digest/" }
        let live = try XCTUnwrap(model.topics.topics.first)
        model.topics.retired = [RetiredTopic(name: "Old stars", slug: "old-stars", successor: 0, retiredOn: nil)]
        let (tree, _) = try renderSite(model, templates: TemplateSet(directory: Fixtures.templates))
        let redirect = String(decoding: try XCTUnwrap(tree.files["topics/old-stars/index.html"]), as: UTF8.self)
        XCTAssertTrue(redirect.contains("url=https://example.org/digest/topics/\(live.slug)/"), redirect)
        XCTAssertNotNil(tree.files["topics/old-stars/feed.xml"])
        let sitemap = String(decoding: try XCTUnwrap(tree.files["sitemap.xml"]), as: UTF8.self)
        XCTAssertTrue(sitemap.contains("<loc>https://example.org/digest/topics/\(live.slug)/</loc>"), sitemap)
        XCTAssertFalse(sitemap.contains("old-stars"), sitemap)
        let index = String(decoding: try XCTUnwrap(tree.files["topics/index.html"]), as: UTF8.self)
        XCTAssertFalse(index.contains("old-stars"), "the topics index lists live topics only")
    }
}
