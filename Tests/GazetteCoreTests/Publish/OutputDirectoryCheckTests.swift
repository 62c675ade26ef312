import Foundation
import XCTest
@testable import GazetteCore

final class OutputDirectoryCheckTests: XCTestCase {
    func options(output: String, content: String = "/srv/site/content", templates: String = "/srv/site/templates") -> BuildOptions {
        BuildOptions(contentDirectory: content, outputDirectory: output, templatesDirectory: templates)
    }

    func assertRefused(_ output: String, because reason: String, content: String = "/srv/site/content",
                       file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try options(output: output, content: content).validateOutputDirectory(home: "/home/reader"),
                             file: file, line: line) { error in
            guard case let .refused(_, why)? = error as? OutputDirectoryError else { return XCTFail("\(error)", file: file, line: line) }
            XCTAssertTrue(why.contains(reason), why, file: file, line: line)
            XCTAssertTrue("\(error)".contains("--output"), "the message says what to do", file: file, line: line)
        }
    }

    func testTheRootTheHomeAndTheContentOrItsParentsAreRefused() {
        assertRefused("/", because: "root")
        assertRefused("/srv/..", because: "root")
        assertRefused("/home/reader", because: "home")
        assertRefused("/home/reader/", because: "home")
        assertRefused("/srv/site/content", because: "is the content")
        assertRefused("/srv/site/content/../content", because: "is the content")
        assertRefused("/srv/site", because: "holds the content")
        assertRefused("/srv", because: "holds the content")
        assertRefused("/srv/site/templates", because: "is the templates")
        assertRefused("", because: "empty")
    }

    func testRelativePathsAreResolvedAgainstTheWorkingDirectory() {
        let here = FileManager.default.currentDirectoryPath
        XCTAssertThrowsError(try options(output: ".", content: "content", templates: "templates").validateOutputDirectory(home: "/nonexistent"))
        XCTAssertThrowsError(try options(output: "content", content: here + "/content").validateOutputDirectory(home: "/nonexistent"))
        XCTAssertNoThrow(try options(output: "public", content: "content", templates: "templates").validateOutputDirectory(home: "/nonexistent"))
    }

    func testASymbolicLinkToTheContentIsRefused() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let content = dir.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        let link = dir.appendingPathComponent("public")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: content)
        XCTAssertThrowsError(try options(output: link.path, content: content.path).validateOutputDirectory(home: "/nonexistent"))
    }

    func testOrdinaryOutputDirectoriesAreAccepted() {
        for output in ["/srv/site/public", "/srv/site/content-public", "/tmp/out/public", "/home/reader/public"] {
            XCTAssertNoThrow(try options(output: output).validateOutputDirectory(home: "/home/reader"), output)
        }
    }

    func testTheBuildItselfRefusesBeforeWritingAnything() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let content = dir.appendingPathComponent("content")
        try FileManager.default.copyItem(atPath: Fixtures.path("Site/content"), toPath: content.path)
        XCTAssertThrowsError(try buildSite(BuildOptions(contentDirectory: content.path, outputDirectory: dir.path, templatesDirectory: Fixtures.templates)))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["content"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: content.appendingPathComponent("site.yml").path))
    }
}
