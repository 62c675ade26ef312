import Foundation
import XCTest
@testable import GazetteCore

/// End to end: builds the fixture site under `Tests/Fixtures/Site` and inspects what a reader gets.
final class SiteBuildTests: XCTestCase {
    let content = Fixtures.path("Site/content")

    func build(to output: String, templates: String = Fixtures.templates, content: String? = nil) throws -> BuildReport {
        try buildSite(BuildOptions(contentDirectory: content ?? self.content, outputDirectory: output, templatesDirectory: templates))
    }

    /// Every file under `root`, relative path → bytes.
    func files(under root: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)!
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { result[path] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + path)) }
        }
        return result
    }

    func testBuildsEveryKindOfPage() throws {
        let output = try Fixtures.temporaryDirectory(self).appendingPathComponent("public").path
        let report = try build(to: output)
        XCTAssertEqual(report.entries, 12)
        XCTAssertEqual(report.papers, 11, "the paper listed in both dumps is one paper")
        XCTAssertEqual(report.topics, 2)
        let site = try files(under: output)
        for path in ["index.html", "404.html", "topics/index.html", "papers/index.html", "dumps/index.html", "about/index.html",
                     "assets/style.css", "papers.json", "topics.json", "dumps/2023-aug-07/index.html", "dumps/2024-jan-19/index.html"] {
            XCTAssertNotNil(site[path], path)
        }
        let papers = try JSONSerialization.jsonObject(with: site["papers.json"]!) as! [[String: Any]]
        XCTAssertEqual(papers.count, 11)
        for paper in papers {
            XCTAssertNotNil(site["papers/\(paper["id"] as! String)/index.html"])
            let topics = paper["topics"] as! [[String: Any]]
            XCTAssertEqual(topics.first?["primary"] as? Bool, true, "primary topic first")
        }
        let topics = try JSONSerialization.jsonObject(with: site["topics.json"]!) as! [[String: Any]]
        for topic in topics {
            XCTAssertNotNil(site["topics/\(topic["slug"] as! String)/index.html"])
            XCTAssertLessThanOrEqual((topic["terms"] as! [Any]).count, 10)
        }
    }

    func testThePaperSeenInTwoDumpsKeepsBothSourcesAndTheRichestMetadata() throws {
        let output = try Fixtures.temporaryDirectory(self).appendingPathComponent("public").path
        _ = try build(to: output)
        let papers = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/papers.json"))) as! [[String: Any]]
        let merged = try XCTUnwrap(papers.first { ($0["sources"] as! [Any]).count == 2 })
        XCTAssertEqual(merged["upvotes"] as? Int, 12)
        XCTAssertEqual(merged["authors"] as? Int, 4)
        XCTAssertEqual(merged["published"] as? String, "2023-03-01")
        let page = try String(contentsOfFile: output + "/papers/\(merged["id"] as! String)/index.html", encoding: .utf8)
        XCTAssertTrue(page.contains("dumps/2023-aug-07/index.html"))
        XCTAssertTrue(page.contains("dumps/2024-jan-19/index.html"))
    }

    func testEveryInternalLinkResolvesToAFile() throws {
        let output = try Fixtures.temporaryDirectory(self).appendingPathComponent("public").path
        _ = try build(to: output)
        let site = try files(under: output)
        let pattern = try NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        var checked = 0
        for (path, data) in site where path.hasSuffix(".html") && path != "404.html" {
            let html = String(decoding: data, as: UTF8.self)
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let link = String(html[Range(match.range(at: 1), in: html)!]).replacingOccurrences(of: "&amp;", with: "&")
                if link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("#") { continue }
                XCTAssertFalse(link.hasPrefix("/"), "\(path): \(link) is not relative")
                let target = URL(fileURLWithPath: output + "/" + path).deletingLastPathComponent().appendingPathComponent(link).standardizedFileURL.path
                XCTAssertTrue(FileManager.default.fileExists(atPath: target), "\(path) links to missing \(link)")
                XCTAssertTrue(target.hasPrefix(URL(fileURLWithPath: output).standardizedFileURL.path), "\(path): \(link) leaves the site")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 100)
    }

    func testMarkupInADumpNeverReachesAPageAsMarkup() throws {
        let output = try Fixtures.temporaryDirectory(self).appendingPathComponent("public").path
        _ = try build(to: output)
        let site = try files(under: output)
        var sawEscapedScript = false
        // The theme's own scripts, external files with no inline body, are the only script elements allowed.
        let themeScript = try NSRegularExpression(pattern: #"<script src="(\.\./)*assets/(search|sort)\.js" defer></script>"#)
        for (path, data) in site where path.hasSuffix(".html") {
            let page = String(decoding: data, as: UTF8.self)
            let html = themeScript.stringByReplacingMatches(in: page, range: NSRange(page.startIndex..., in: page), withTemplate: "")
            // A paper page loads the search only; lists also load sort.js.
            let parts = path.split(separator: "/")
            let paperPage = parts.count == 3 && parts[0] == "papers" && parts[1] != "upvotes"
            XCTAssertEqual(themeScript.numberOfMatches(in: page, range: NSRange(page.startIndex..., in: page)), paperPage ? 1 : 2, path)
            XCTAssertFalse(html.contains("<script"), "\(path) carries a script element")
            XCTAssertFalse(html.contains("<img"), "\(path) carries an injected image")
            XCTAssertFalse(html.contains("href=\"javascript:"), "\(path) carries a javascript: link")
            if html.contains("&lt;script&gt;") { sawEscapedScript = true }
        }
        XCTAssertTrue(sawEscapedScript, "the markup is shown as text")
        let json = String(decoding: site["papers.json"]!, as: UTF8.self)
        XCTAssertFalse(json.contains("<script"))
        XCTAssertTrue(json.contains("\\u003cscript\\u003e"))
    }

    func testTwoBuildsAreByteIdentical() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        _ = try build(to: dir.appendingPathComponent("a").path)
        _ = try build(to: dir.appendingPathComponent("b").path)
        let a = try files(under: dir.appendingPathComponent("a").path)
        let b = try files(under: dir.appendingPathComponent("b").path)
        XCTAssertEqual(Set(a.keys), Set(b.keys))
        for (path, bytes) in a { XCTAssertEqual(bytes, b[path], path) }
    }

    func testAFailedBuildLeavesThePreviousSiteUntouched() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let output = dir.appendingPathComponent("public").path
        _ = try build(to: output)
        let before = try files(under: output)

        // A broken theme.
        let theme = dir.appendingPathComponent("theme")
        try FileManager.default.copyItem(atPath: Fixtures.templates, toPath: theme.path)
        try "{{#papers}} never closed".write(to: theme.appendingPathComponent("papers.mustache"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try build(to: output, templates: theme.path)) { error in
            XCTAssertTrue("\(error)".contains("papers.mustache"), "\(error)")
        }
        // A content directory holding a file that is not a dump.
        let content = dir.appendingPathComponent("content")
        try FileManager.default.copyItem(atPath: self.content, toPath: content.path)
        try "<!DOCTYPE html><html><body>saved page</body></html>\n".write(
            to: content.appendingPathComponent("dumps/zz-page.txt"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try build(to: output, content: content.path)) { error in
            XCTAssertTrue("\(error)".contains("zz-page.txt:1"), "\(error)")
        }
        XCTAssertEqual(try files(under: output), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["content", "public", "theme"])
    }

    func testPagesAreRenderedFromMarkdownWithoutRawHTML() throws {
        let output = try Fixtures.temporaryDirectory(self).appendingPathComponent("public").path
        _ = try build(to: output)
        let about = try String(contentsOfFile: output + "/about/index.html", encoding: .utf8)
        XCTAssertTrue(about.contains("<strong>bold</strong>"))
        XCTAssertTrue(about.contains("<table>"))
        XCTAssertFalse(about.contains("alert(1)</script>"))
        let home = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        XCTAssertTrue(home.contains("href=\"about/index.html\""), "menu pages are in the navigation")
    }

    func testTheDefaultContentBuildsAllPapers() throws {
        let output = try Fixtures.temporaryDirectory(self).appendingPathComponent("public").path
        let report = try build(to: output, content: Fixtures.defaultContent)
        XCTAssertEqual(report.entries, 507)
        XCTAssertEqual(report.papers, 479)
        XCTAssertTrue(report.diagnostics.filter { $0.severity == .error }.isEmpty)
        let papers = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/papers.json"))) as! [[String: Any]]
        XCTAssertEqual(papers.count, 479)
        let topics = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/topics.json"))) as! [[String: Any]]
        let names = topics.map { $0["name"] as! String }
        for seed in ["Compositionality", "Meaning and representations", "Evaluation and benchmarks", "Reasoning", "Interpretability"] {
            XCTAssertTrue(names.contains(seed), "\(seed) in \(names)")
        }
        for topic in topics {
            let size = topic["primary_size"] as! Int
            XCTAssertGreaterThanOrEqual(size, 5, "\(topic["name"]!)")
            XCTAssertLessThanOrEqual(Double(size), 0.20 * 479, "\(topic["name"]!)")
        }
        for paper in papers { XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/papers/\(paper["id"] as! String)/index.html")) }
        // Issue pages say when the listing was captured, and nothing for the two dumps without a date line.
        let issues = try FileManager.default.contentsOfDirectory(atPath: output + "/dumps").filter { !$0.hasSuffix(".html") }
        let leads = try issues.map { try String(contentsOfFile: output + "/dumps/\($0)/index.html", encoding: .utf8) }
            .compactMap { $0.components(separatedBy: "<p class=\"lead\">").dropFirst().first?.components(separatedBy: "</p>").first }
        XCTAssertEqual(leads.count, 5)
        XCTAssertEqual(leads.filter { $0.contains("in the order the listing showed them on ") }.count, 3, "\(leads)")
        XCTAssertEqual(leads.filter { $0.contains("in the order the listing showed them. ") }.count, 2, "\(leads)")
        XCTAssertFalse(leads.contains { $0.contains("nil") }, "\(leads)")
    }

    func testFeedsCanBeTurnedOff() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let content = dir.appendingPathComponent("content")
        try FileManager.default.copyItem(atPath: self.content, toPath: content.path)
        let siteYml = content.appendingPathComponent("site.yml")
        try (try String(contentsOf: siteYml, encoding: .utf8) + "feeds: false\n").write(to: siteYml, atomically: true, encoding: .utf8)
        let output = dir.appendingPathComponent("public").path
        _ = try build(to: output, content: content.path)
        let site = try files(under: output)
        XCTAssertNil(site["feed.xml"])
        XCTAssertFalse(site.keys.contains { $0.hasSuffix("feed.xml") })
        let home = String(decoding: site["index.html"]!, as: UTF8.self)
        XCTAssertFalse(home.contains("application/atom+xml"))
        let withFeeds = try Fixtures.temporaryDirectory(self).appendingPathComponent("public").path
        _ = try build(to: withFeeds)
        XCTAssertTrue(try String(contentsOfFile: withFeeds + "/index.html", encoding: .utf8).contains("application/atom+xml"))
    }
}
