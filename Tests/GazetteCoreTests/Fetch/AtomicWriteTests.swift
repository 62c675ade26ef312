import Foundation
@testable import GazetteCore
import XCTest

final class AtomicWriteTests: XCTestCase {
    func testWritesAndReplacesWholeFilesLeavingNothingElse() throws {
        let folder = try Fixtures.temporaryDirectory(self).appendingPathComponent("dumps")
        let path = folder.appendingPathComponent("2025-08-07.json").path
        try writeAtomically(Data("[1]".utf8), to: path)
        try writeAtomically(Data("[1, 2]".utf8), to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "[1, 2]")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["2025-08-07.json"])
    }

    func testAFailedRenameLeavesNoTemporaryFileAndTheTargetAsItWas() throws {
        let folder = try Fixtures.temporaryDirectory(self)
        // A non-empty directory where the file should go: the rename fails after the data is written.
        let target = folder.appendingPathComponent("2025-08-07.json")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: target.appendingPathComponent("inside"))
        XCTAssertThrowsError(try writeAtomically(Data("[1]".utf8), to: target.path)) { error in
            guard case let .writeFailed(path, _)? = error as? FetchError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, target.path)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["2025-08-07.json"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: target.path), ["inside"])
    }
}
