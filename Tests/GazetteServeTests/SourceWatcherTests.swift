import Foundation
@testable import GazetteServe
import XCTest

final class SourceWatcherTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dumps"), withIntermediateDirectories: true)
        try Data("a".utf8).write(to: folder.appendingPathComponent("dumps/00001.txt"))
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: folder)
    }

    private func snapshot() -> SourceSnapshot { SourceSnapshot(folders: [folder.path, folder.appendingPathComponent("missing").path]) }

    func testAnAddedChangedOrRemovedFileChangesTheSnapshot() throws {
        let file = folder.appendingPathComponent("dumps/00001.txt")
        let before = snapshot()
        XCTAssertEqual(before, snapshot())
        try Data("ab".utf8).write(to: file)
        XCTAssertNotEqual(before, snapshot(), "a longer file")
        let longer = snapshot()
        // Same size, later time.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 5)], ofItemAtPath: file.path)
        XCTAssertNotEqual(longer, snapshot(), "a touched file")
        let touched = snapshot()
        try Data("c".utf8).write(to: folder.appendingPathComponent("dumps/00002.txt"))
        XCTAssertNotEqual(touched, snapshot(), "a new file")
        let grown = snapshot()
        try FileManager.default.removeItem(at: file)
        XCTAssertNotEqual(grown, snapshot(), "a removed file")
    }

    func testHiddenFilesDirectoriesAndLinksAreNoSources() throws {
        let before = snapshot()
        try Data("x".utf8).write(to: folder.appendingPathComponent("dumps/.00001.txt.swp"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("pages"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("dumps/link.txt").path, withDestinationPath: "00001.txt")
        XCTAssertEqual(before, snapshot())
    }

    func testARefreshedFileCountsAsSeen() throws {
        var seen = snapshot()
        let map = folder.appendingPathComponent("topics.map")
        try Data("map".utf8).write(to: map)
        XCTAssertNotEqual(seen, snapshot())
        seen.refresh(map.path)
        XCTAssertEqual(seen, snapshot())
        try FileManager.default.removeItem(at: map)
        seen.refresh(map.path)
        XCTAssertEqual(seen, snapshot())
    }
}
