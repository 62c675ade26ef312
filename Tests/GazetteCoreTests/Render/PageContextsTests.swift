import XCTest
@testable import GazetteCore

final class PageContextsTests: XCTestCase {
    func testTheRootIsOneStepUpPerFolderOfThePath() {
        let paths = ["index.html", "404.html", "topics/index.html", "papers/some-slug/index.html", "papers/page/2/index.html",
                     "archive/2024-05/page/3/index.html", "", "/", "a//b/index.html", "/a/index.html", "a/b/"]
        for path in paths {
            XCTAssertEqual(PageContexts.root(for: path), String(repeating: "../", count: max(0, path.split(separator: "/").count - 1)), path)
        }
        XCTAssertEqual(PageContexts.root(for: "papers/some-slug/index.html"), "../../")
        XCTAssertEqual(PageContexts.root(for: "index.html"), "")
    }

    /// The main menu marks its entry as the page on a section's own page and as the section on the
    /// section's other pages (a paper, a topic, page 2 of a list), never as both.
    func testTheMenuMarksTheSectionsOwnPageAsThePageAndItsOtherPagesAsInIt() throws {
        let model = try siteModel(Fixtures.path("Site/content")) { $0.paginate = 2 }
        let site = try renderSite(model, templates: TemplateSet(directory: Fixtures.templates)).0
        /// The menu's marked entries of a page: title → aria-current value.
        func marked(_ path: String) throws -> [String: String] {
            let html = String(decoding: try XCTUnwrap(site.files[path], path), as: UTF8.self)
            let menu = try XCTUnwrap(html.range(of: #"<nav aria-label="Main">[\s\S]*?</nav>"#, options: .regularExpression), path)
            let entry = try NSRegularExpression(pattern: #"<a href="[^"]*" aria-current="([^"]*)">([^<]*)</a>"#)
            let text = String(html[menu])
            return Dictionary(uniqueKeysWithValues: entry.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
                (String(text[Range($0.range(at: 2), in: text)!]), String(text[Range($0.range(at: 1), in: text)!]))
            })
        }
        let paper = try XCTUnwrap(site.files.keys.sorted().first { $0.hasPrefix("papers/") && !$0.hasPrefix("papers/page") && $0 != "papers/index.html" })
        let topic = PageContexts.topicPath(model.topics.topics[0])
        let dump = try XCTUnwrap(site.files.keys.sorted().first { $0.hasPrefix("dumps/") && $0 != "dumps/index.html" && $0.hasSuffix(".html") })
        let month = try XCTUnwrap(site.files.keys.sorted().first { $0.hasPrefix("archive/") && $0 != "archive/index.html" && $0.hasSuffix(".html") })
        let topicPage2 = try XCTUnwrap(site.files.keys.sorted().first { $0.hasPrefix("topics/") && $0.hasSuffix("/page/2/index.html") })
        let about = try XCTUnwrap(model.pages.first)
        XCTAssertNotNil(about.menuOrder, "the fixture's page is in the menu")
        let expected: [(String, [String: String])] = [
            ("index.html", [:]),
            ("topics/index.html", ["Topics": "page"]),
            (topic, ["Topics": "true"]),
            (topicPage2, ["Topics": "true"]),
            ("papers/index.html", ["All papers": "page"]),
            (paper, ["All papers": "true"]),
            ("archive/index.html", ["Archive": "page"]),
            (month, ["Archive": "true"]),
            ("dumps/index.html", ["Issues": "page"]),
            (dump, ["Issues": "true"]),
            (PageContexts.pagePath(about), [about.title: "page"]),
        ]
        for (path, marks) in expected {
            XCTAssertEqual(try marked(path), marks, path)
        }
    }
}
