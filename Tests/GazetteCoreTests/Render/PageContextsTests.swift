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
}
