import Foundation
import XCTest
@testable import GazetteCore

/// The in-place update of an incremental build: nothing reaches the output before `commit`, and
/// `commit` leaves exactly the files the build made.
final class PatchedTreeTests: XCTestCase {
    func testNothingChangesBeforeCommitAndCommitLeavesExactlyTheNewSite() throws {
        let root = try Fixtures.temporaryDirectory(self)
        let output = root.appendingPathComponent("public").path
        try OutputTree().adding([("index.html", "old home"), ("papers/a/index.html", "a"), ("papers/gone/index.html", "gone"),
                                 ("feed.xml", "same feed")]).write(to: output)
        let tree = try PatchedTree(output: output, previous: ["index.html", "papers/a/index.html", "papers/gone/index.html", "feed.xml"])
        try tree.put("index.html", Array("new home".utf8))
        try tree.put("papers/new/index.html", Array("new paper".utf8))
        try tree.put("feed.xml", Array("same feed".utf8))
        try tree.keep("papers/a/index.html")
        XCTAssertThrowsError(try tree.keep("papers/a/index.html"), "one file, one page")
        XCTAssertThrowsError(try tree.put("../outside", [0x78]))
        XCTAssertEqual(try String(contentsOfFile: output + "/index.html", encoding: .utf8), "old home", "nothing is written before commit")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/papers/new"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), ["public"], "nothing is made beside the output")

        let statistics = try tree.commit()
        XCTAssertEqual(statistics, WriteStatistics(written: 2, unchanged: 2))
        XCTAssertEqual(try String(contentsOfFile: output + "/index.html", encoding: .utf8), "new home")
        XCTAssertEqual(try String(contentsOfFile: output + "/papers/new/index.html", encoding: .utf8), "new paper")
        XCTAssertEqual(try String(contentsOfFile: output + "/papers/a/index.html", encoding: .utf8), "a")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/papers/gone"), "a file no longer made goes, and its emptied directory")
        let left = FileManager.default.enumerator(atPath: output)!.allObjects.compactMap { $0 as? String }.sorted()
        XCTAssertEqual(left, ["feed.xml", "index.html", "papers", "papers/a", "papers/a/index.html", "papers/new", "papers/new/index.html"])
    }

    func testAFileLinkedElsewhereIsReplacedNotOverwrittenSoTheOtherLinkKeepsItsBytes() throws {
        let root = try Fixtures.temporaryDirectory(self)
        let output = root.appendingPathComponent("public").path
        try OutputTree().adding([("index.html", "old home, longer than the new one"), ("feed.xml", "old feed")]).write(to: output)
        let backup = root.appendingPathComponent("backup.html").path
        XCTAssertEqual(link(output + "/index.html", backup), 0)
        let tree = try PatchedTree(output: output, previous: ["index.html", "feed.xml"])
        try tree.put("index.html", Array("new home".utf8))
        try tree.put("feed.xml", Array("new".utf8))
        try tree.commit()
        XCTAssertEqual(try String(contentsOfFile: output + "/index.html", encoding: .utf8), "new home")
        XCTAssertEqual(try String(contentsOfFile: backup, encoding: .utf8), "old home, longer than the new one", "a hard link elsewhere keeps the old bytes")
        XCTAssertEqual(try String(contentsOfFile: output + "/feed.xml", encoding: .utf8), "new", "overwritten in place and cut to length")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output).sorted(), ["feed.xml", "index.html"], "no hidden file left")
    }

    func testAnAbandonedTreeLeavesTheOutputAsItWas() throws {
        let root = try Fixtures.temporaryDirectory(self)
        let output = root.appendingPathComponent("public").path
        try OutputTree().adding([("index.html", "old home")]).write(to: output)
        let tree = try PatchedTree(output: output, previous: ["index.html"])
        try tree.put("index.html", Array("new home".utf8))
        try tree.put("more/index.html", Array("more".utf8))
        tree.abandon()
        XCTAssertEqual(FileManager.default.enumerator(atPath: output)!.allObjects.compactMap { $0 as? String }, ["index.html"])
        XCTAssertEqual(try String(contentsOfFile: output + "/index.html", encoding: .utf8), "old home")
    }
}

private extension OutputTree {
    func adding(_ files: [(String, String)]) throws -> OutputTree {
        var tree = self
        for (path, text) in files { try tree.add(path, text: text) }
        return tree
    }
}
