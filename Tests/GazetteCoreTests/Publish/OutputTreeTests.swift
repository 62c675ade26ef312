import Foundation
import XCTest
@testable import GazetteCore

final class OutputTreeTests: XCTestCase {
    func testPathsThatWouldLeaveTheOutputAreRefused() {
        var tree = OutputTree()
        for path in ["../x.html", "/etc/passwd", "a/../../b", "a//b", "./a", "a\\b", "", "a/\0"] {
            XCTAssertThrowsError(try tree.add(path, text: "x"), path) { error in
                XCTAssertEqual(error as? PublishError, .unsafePath(path))
            }
        }
        XCTAssertNoThrow(try tree.add("papers/a-b/index.html", text: "ok"))
    }

    func testWritingReplacesThePreviousTreeAsAWhole() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let output = dir.appendingPathComponent("public").path
        var first = OutputTree()
        try first.add("old.html", text: "old")
        try first.add("keep/index.html", text: "1")
        try first.write(to: output)
        var second = OutputTree()
        try second.add("keep/index.html", text: "2")
        try second.write(to: output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/old.html"))
        XCTAssertEqual(try String(contentsOfFile: output + "/keep/index.html", encoding: .utf8), "2")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["public"], "no staging trees left")
    }

    func testLeftoversOfAKilledBuildAreRemovedByTheNextBuild() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let output = dir.appendingPathComponent("public").path
        let stray = dir.appendingPathComponent(".public.tmp-123-456")
        try FileManager.default.createDirectory(at: stray, withIntermediateDirectories: true)
        var tree = OutputTree()
        try tree.add("index.html", text: "x")
        try tree.write(to: output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stray.path))
    }

    func testAnUnwritableParentFailsWithoutTouchingTheOldSite() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let output = dir.appendingPathComponent("public").path
        var tree = OutputTree()
        try tree.add("index.html", text: "old")
        try tree.write(to: output)
        // A file where the staging tree's directory should go makes the write fail midway.
        var bad = OutputTree()
        try bad.add("a/index.html", text: "new")
        try bad.add("a/index.html/child", text: "cannot exist under a file")
        XCTAssertThrowsError(try bad.write(to: output))
        XCTAssertEqual(try String(contentsOfFile: output + "/index.html", encoding: .utf8), "old")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["public"])
    }

    func inode(_ path: String) -> UInt64 {
        var info = stat()
        XCTAssertEqual(stat(path, &info), 0, path)
        return UInt64(info.st_ino)
    }

    func testAnUnchangedRebuildRewritesNothing() throws {
        let output = try Fixtures.temporaryDirectory(self).appendingPathComponent("public").path
        var tree = OutputTree()
        try tree.add("index.html", text: "home")
        try tree.add("papers/a/index.html", text: "a")
        XCTAssertEqual(try tree.write(to: output), WriteStatistics(written: 2, unchanged: 0))
        let before = (inode(output + "/index.html"), inode(output + "/papers/a/index.html"), inode(output))
        XCTAssertEqual(try tree.write(to: output), WriteStatistics(written: 0, unchanged: 2))
        XCTAssertEqual(before.0, inode(output + "/index.html"))
        XCTAssertEqual(before.1, inode(output + "/papers/a/index.html"))
        XCTAssertEqual(before.2, inode(output), "the tree itself was not swapped")
    }

    func testAChangedRebuildKeepsTheUnchangedFilesAsTheyWere() throws {
        let output = try Fixtures.temporaryDirectory(self).appendingPathComponent("public").path
        var tree = OutputTree()
        try tree.add("index.html", text: "home")
        try tree.add("papers/a/index.html", text: "a")
        try tree.write(to: output)
        let unchangedInode = inode(output + "/papers/a/index.html")
        try tree.add("index.html", text: "home, updated")
        XCTAssertEqual(try tree.write(to: output), WriteStatistics(written: 1, unchanged: 1))
        XCTAssertEqual(inode(output + "/papers/a/index.html"), unchangedInode, "kept, not rewritten")
        XCTAssertEqual(try String(contentsOfFile: output + "/index.html", encoding: .utf8), "home, updated")
    }

    func testASecondBuildBesideARunningOneWaitsAndLeavesItsStagingAlone() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let output = dir.appendingPathComponent("public").path
        var first: StagedTree? = try StagedTree(output: output)
        try first!.put("index.html", Array("first".utf8))
        let staging = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".public.tmp-") }
        XCTAssertEqual(staging.count, 1)
        let started = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            // Holds the output briefly, then lets go.
            _ = try? StagedTree(output: output)
            started.signal()
        }
        // While the first build runs, the second must not start (and so must not clean its staging up).
        XCTAssertEqual(started.wait(timeout: .now() + 0.5), .timedOut)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(staging[0]).path))
        try first!.commit()
        first = nil
        XCTAssertEqual(started.wait(timeout: .now() + 10), .success, "the second build starts once the first is done")
        XCTAssertEqual(try String(contentsOfFile: output + "/index.html", encoding: .utf8), "first")
    }
}

/// Unchanged-file detection compares whole contents, not only sizes.
final class SameContentsTests: XCTestCase {
    func testOnlyTheSameBytesCountAsUnchanged() throws {
        let directory = try Fixtures.temporaryDirectory(self)
        let file = directory.appendingPathComponent("page.html").path
        try Data("<p>one</p>".utf8).write(to: URL(fileURLWithPath: file))
        XCTAssertTrue(sameContents(file, Array("<p>one</p>".utf8)))
        XCTAssertFalse(sameContents(file, Array("<p>two</p>".utf8)))
        XCTAssertFalse(sameContents(file, Array("<p>one</p>\n".utf8)))
        XCTAssertFalse(sameContents(file, Array("<p>one</p".utf8)))
        XCTAssertFalse(sameContents(directory.appendingPathComponent("missing").path, []))
        let empty = directory.appendingPathComponent("empty").path
        try Data().write(to: URL(fileURLWithPath: empty))
        XCTAssertTrue(sameContents(empty, []))
        XCTAssertFalse(sameContents(empty, [0]))
    }
}

/// Listing and removing output trees with plain directory walks.
final class TreeWalkTests: XCTestCase {
    func makeTree(_ test: XCTestCase) throws -> (root: URL, outside: URL) {
        let base = try Fixtures.temporaryDirectory(test)
        let root = base.appendingPathComponent("site"), outside = base.appendingPathComponent("elsewhere")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("papers/a"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try fm.createDirectory(at: outside, withIntermediateDirectories: true)
        for file in ["index.html", "papers/a/index.html", "papers/b.html"] {
            try Data(file.utf8).write(to: root.appendingPathComponent(file))
        }
        try Data("keep".utf8).write(to: outside.appendingPathComponent("keep.txt"))
        try fm.createSymbolicLink(at: root.appendingPathComponent("link"), withDestinationURL: outside)
        return (root, outside)
    }

    func testExistingFilesListsRegularFilesOnly() throws {
        let (root, _) = try makeTree(self)
        XCTAssertEqual(existingFiles(under: root.path), ["index.html", "papers/a/index.html", "papers/b.html"])
        XCTAssertEqual(existingFiles(under: root.path + "/missing"), [])
    }

    func testRemoveTreeRemovesEverythingButDoesNotFollowLinks() throws {
        let (root, outside) = try makeTree(self)
        removeTree(root.path)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: outside.appendingPathComponent("keep.txt").path))
        removeTree(root.path)  // already gone: quiet
        let file = outside.appendingPathComponent("keep.txt").path
        removeTree(file)
        XCTAssertFalse(FileManager.default.fileExists(atPath: file))
    }

    /// Enough short names to fill readdir's buffer many times over: the last entry of each fill is
    /// shorter than a whole `dirent`, and its name must be read only up to its end (AddressSanitizer,
    /// in `make test-sanitize`, reported reading past the buffer when the name was copied whole).
    func testAWalkReadsEveryNameOfADirectoryThatFillsReaddirsBufferManyTimes() throws {
        let root = try Fixtures.temporaryDirectory(self)
        let names = (0..<3000).map { "f\($0 % 7 == 0 ? "é" : "")\($0)" }
        for name in names { XCTAssertTrue(FileManager.default.createFile(atPath: root.path + "/" + name, contents: nil), name) }
        XCTAssertEqual(existingFiles(under: root.path), Set(names))
        removeTree(root.path)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.path))
    }
}
