@testable import GazetteServe
import XCTest

final class LiveReloadTests: XCTestCase {
    func testScriptGoesBeforeTheLastBodyEnd() {
        let html = Array("<html><body><p>a</body> text </BODY></html>".utf8)
        XCTAssertEqual(String(decoding: LiveReload.inject(into: html), as: UTF8.self),
                       "<html><body><p>a</body> text \(LiveReload.scriptTag)</BODY></html>")
    }

    func testScriptIsAppendedWhenThereIsNoBodyEnd() {
        XCTAssertEqual(String(decoding: LiveReload.inject(into: Array("<p>x".utf8)), as: UTF8.self), "<p>x" + LiveReload.scriptTag)
    }

    func testStatusCarriesTheErrorWhenThereIsOne() {
        XCTAssertEqual(String(decoding: LiveReload.status(version: 4, error: "a.txt:3: bad"), as: UTF8.self), #"{"error":"a.txt:3: bad","version":4}"#)
        XCTAssertEqual(String(decoding: LiveReload.status(version: 4, error: nil), as: UTF8.self), #"{"version":4}"#)
    }

    func testContentTypes() {
        XCTAssertEqual(contentType(forFile: "a/index.html"), "text/html; charset=utf-8")
        XCTAssertEqual(contentType(forFile: "feed.xml"), "application/xml; charset=utf-8")
        XCTAssertEqual(contentType(forFile: "logo.SVG"), "image/svg+xml")
        XCTAssertEqual(contentType(forFile: "README"), "application/octet-stream")
    }

    func testDirectoryWithoutSlashRedirects() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("papers"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("<p>list".utf8).write(to: root.appendingPathComponent("papers/index.html"))
        XCTAssertEqual(siteResponse(path: "/papers", root: root.path).location, "/papers/")
        XCTAssertEqual(siteResponse(path: "/papers/", root: root.path).body, Array("<p>list".utf8))
        XCTAssertEqual(siteResponse(path: "/papers/?q=1", root: root.path).status, 200)
        XCTAssertEqual(siteResponse(path: "/../etc/passwd", root: root.path).status, 404)
    }
}
