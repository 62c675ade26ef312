import Foundation
import XCTest
@testable import GazetteCore

/// The fixture site built with three papers per page: every long list is split, each paper is on
/// exactly one page of each list, and the browser's sort controls appear only on unsplit lists.
final class PaginatedSiteTests: XCTestCase {
    func build(paginate: Int) throws -> (output: String, papers: [[String: Any]]) {
        let root = try Fixtures.temporaryDirectory(self)
        let content = root.appendingPathComponent("content").path
        try FileManager.default.copyItem(atPath: Fixtures.path("Site/content"), toPath: content)
        let yml = content + "/site.yml"
        try (String(contentsOfFile: yml, encoding: .utf8) + "paginate: \(paginate)\n").write(toFile: yml, atomically: true, encoding: .utf8)
        let output = root.appendingPathComponent("public").path
        _ = try buildSite(BuildOptions(contentDirectory: content, outputDirectory: output, templatesDirectory: Fixtures.templates))
        let papers = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/papers.json"))) as! [[String: Any]]
        return (output, papers)
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// The pages of the list at `directory`: its index, then `page/2/`, ... as long as they exist.
    func listPages(_ output: String, _ directory: String) throws -> [String] {
        var pages = [try read(output + "/" + directory + "index.html")]
        while FileManager.default.fileExists(atPath: output + "/\(directory)page/\(pages.count + 1)/index.html") {
            pages.append(try read(output + "/\(directory)page/\(pages.count + 1)/index.html"))
        }
        return pages
    }

    /// Paper ids in the order their cards (or compact items, on archive months and issues) appear on `pages`.
    func cardIDs(_ pages: [String]) throws -> [String] {
        let card = try NSRegularExpression(pattern: #"<h3><a href="(?:\.\./)*papers/([^/]+)/index\.html">"#)
        let item = try NSRegularExpression(pattern: #"<li><a href="(?:\.\./)*papers/([^/]+)/index\.html">"#)
        return pages.flatMap { whole in
            // Items are the list under `paper-items`; elsewhere a `<li>` link may be the menu or the orders.
            let items = whole.range(of: #"<ul class="paper-items">"#).map { whole[$0.lowerBound...] }
            let page = String(items.map { $0[..<($0.range(of: "</ul>")?.upperBound ?? $0.endIndex)] } ?? whole[...])
            let pattern = items == nil ? card : item
            return pattern.matches(in: page, range: NSRange(page.startIndex..., in: page)).map { String(page[Range($0.range(at: 1), in: page)!]) }
        }
    }

    /// A list of all papers longer than a page is one page in each order: the newest (the archive
    /// continues them month by month) and the most upvoted; no numbered pages repeat the archive.
    func testALongListOfAllPapersIsOnePageNewestFirstAndOneOfTheMostUpvoted() throws {
        let (output, papers) = try build(paginate: 3)
        let newest = try listPages(output, "papers/")
        let upvoted = try listPages(output, "papers/upvotes/")
        XCTAssertEqual(newest.count, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/papers/page/2/index.html"))
        let dates = Dictionary(uniqueKeysWithValues: papers.map { ($0["id"] as! String, $0["published"] as? String ?? "") })
        let listed = try cardIDs(newest)
        XCTAssertEqual(listed.count, 3)
        XCTAssertEqual(listed.map { dates[$0]! }, Array(dates.values.sorted(by: >).prefix(3)))
        XCTAssertTrue(newest[0].contains("\(papers.count) papers, the 3 newest first. Browse all of them by month in the <a href=\"../archive/index.html\">archive</a>"), newest[0])
        // The most upvoted: one page of them, in order.
        XCTAssertEqual(upvoted.count, 1)
        let upvotes = Dictionary(uniqueKeysWithValues: papers.map { ($0["id"] as! String, $0["upvotes"] as? Int ?? 0) })
        let order = try cardIDs(upvoted).map { upvotes[$0]! }
        XCTAssertEqual(order, Array(upvotes.values.sorted(by: >).prefix(3)))
        for page in newest + upvoted {
            XCTAssertFalse(page.contains("data-sort-lists") || page.contains(#"<nav class="pagination""#))
        }
        XCTAssertTrue(upvoted[0].contains("\(papers.count) papers, the 3 most upvoted first."), upvoted[0])
        XCTAssertTrue(upvoted[0].contains(#"<a href="../../papers/index.html">Newest first</a>"#))
        XCTAssertTrue(newest[0].contains(#"<a href="../papers/upvotes/index.html">Most upvoted first</a>"#))
        // Every paper is still in the archive, newest month first.
        let archive = try read(output + "/archive/index.html")
        let months = try NSRegularExpression(pattern: #"href="(?:\.\./)*archive/([0-9]{4}-[0-9]{2}|undated)/index\.html""#)
        let keys = months.matches(in: archive, range: NSRange(archive.startIndex..., in: archive)).map { String(archive[Range($0.range(at: 1), in: archive)!]) }
        var archived: [String] = []
        for key in keys { archived += try cardIDs(listPages(output, "archive/\(key)/")) }
        XCTAssertEqual(archived.count, papers.count)
        XCTAssertEqual(Set(archived), Set(papers.map { $0["id"] as! String }))
        XCTAssertEqual(Array(archived.prefix(3)), listed)
    }

    func testAListThatFitsOnOnePageKeepsTheBrowsersSortAndFilter() throws {
        let (output, _) = try build(paginate: 500)
        let all = try read(output + "/papers/index.html")
        XCTAssertTrue(all.contains(#"data-sort-lists="paper-list""#))
        XCTAssertTrue(all.contains(#"data-filter-lists="paper-list""#))
        XCTAssertFalse(all.contains(#"class="pagination""#))
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/papers/page/2/index.html"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/papers/upvotes/index.html"))
    }

    func testTopicsMonthsAndIssuesAreSplitAndListEachPaperOnce() throws {
        let (output, papers) = try build(paginate: 3)
        let topics = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/topics.json"))) as! [[String: Any]]
        var primaryListed: [String] = []
        for topic in topics {
            let pages = try listPages(output, "topics/\(topic["slug"] as! String)/")
            // Only the main-topic list is split; "also related" is on the first page only.
            let main = try pages.map { page -> String in String(page[..<(page.range(of: #"id="secondary-heading""#)?.lowerBound ?? page.endIndex)]) }
            primaryListed += try cardIDs(main)
            XCTAssertTrue(pages.dropFirst().allSatisfy { !$0.contains(#"id="secondary-heading""#) })
            XCTAssertTrue(pages.allSatisfy { $0.contains(#"/feed.xml">Atom feed</a>"#) })
        }
        XCTAssertEqual(primaryListed.sorted(), papers.map { $0["id"] as! String }.sorted())

        let archive = try read(output + "/archive/index.html")
        // A digest larger than a page lists months only, not every title.
        XCTAssertNil(archive.range(of: #"papers/[a-z0-9-]+/index\.html"#, options: .regularExpression))
        let month = try NSRegularExpression(pattern: #"href="\.\./archive/([0-9a-z-]+)/index\.html""#)
        let keys = month.matches(in: archive, range: NSRange(archive.startIndex..., in: archive)).map { String(archive[Range($0.range(at: 1), in: archive)!]) }
        let archived = try keys.flatMap { try cardIDs(try listPages(output, "archive/\($0)/")) }
        XCTAssertEqual(archived.sorted(), papers.map { $0["id"] as! String }.sorted())

        let issues = try FileManager.default.contentsOfDirectory(atPath: output + "/dumps").filter { !$0.hasSuffix(".html") }
        XCTAssertFalse(issues.isEmpty)
        for issue in issues {
            let pages = try listPages(output, "dumps/\(issue)/")
            let listed = try cardIDs(pages)
            XCTAssertEqual(pages.count, (listed.count + 2) / 3)
            XCTAssertEqual(Set(listed).count, listed.count)
        }
    }
}
