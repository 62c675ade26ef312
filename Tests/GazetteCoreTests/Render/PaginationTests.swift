import XCTest
@testable import GazetteCore

final class PaginationTests: XCTestCase {
    func testAListIsSplitIntoPagesWithTheFirstAtTheListsAddress() {
        let pages = listPages(Array(0..<7), perPage: 3, directory: "papers/")
        XCTAssertEqual(pages.map(\.path), ["papers/index.html", "papers/page/2/index.html", "papers/page/3/index.html"])
        XCTAssertEqual(pages.map { Array($0.items) }, [[0, 1, 2], [3, 4, 5], [6]])
        XCTAssertEqual(pages.map(\.firstPosition), [1, 4, 7])
        XCTAssertEqual(pages.map(\.pageCount), [3, 3, 3])
    }

    func testAShortOrEmptyListHasOnePageAndNoPager() {
        let empty = listPages([], perPage: 3, directory: "topics/x/")
        XCTAssertEqual(empty.map(\.path), ["topics/x/index.html"])
        XCTAssertTrue(empty[0].items.isEmpty)
        XCTAssertEqual(empty[0].pagerContext(root: "../../") as? Bool, false)
        XCTAssertEqual(listPages([1, 2, 3], perPage: 3, directory: "a/").count, 1)
    }

    func testThePagerShowsNeighboursEndsAndGapsWithRelativeLinks() throws {
        let pages = listPages(Array(0..<100), perPage: 10, directory: "papers/")
        let pager = try XCTUnwrap(pages[4].pagerContext(root: "../../../") as? [String: Any])
        let entries = try XCTUnwrap(pager["pages"] as? [[String: Any]])
        let labels = entries.map { ($0["gap"] as! Bool) ? "…" : "\($0["number"]!)" }
        XCTAssertEqual(labels, ["1", "…", "3", "4", "5", "6", "7", "…", "10"])
        XCTAssertEqual(entries.filter { $0["current"] as! Bool }.map { $0["number"] as! Int }, [5])
        XCTAssertEqual(pager["previous"] as? String, "../../../papers/page/4/index.html")
        XCTAssertEqual(pager["next"] as? String, "../../../papers/page/6/index.html")
        XCTAssertEqual(entries.first?["href"] as? String, "../../../papers/index.html")
        let first = try XCTUnwrap(pages[0].pagerContext(root: "../") as? [String: Any])
        XCTAssertEqual(first["previous"] as? Bool, false)
        let last = try XCTUnwrap(pages[9].pagerContext(root: "../") as? [String: Any])
        XCTAssertEqual(last["next"] as? Bool, false)
    }
}
