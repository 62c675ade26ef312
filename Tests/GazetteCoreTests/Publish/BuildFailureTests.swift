import Foundation
import XCTest
@testable import GazetteCore

/// Builds broken midway, and what they leave: the previous site intact, and no staging or retired
/// trees once the next build succeeds.
final class BuildFailureTests: XCTestCase {
    let content = Fixtures.path("Site/content")

    func build(content: String? = nil, to output: String) throws {
        _ = try buildSite(BuildOptions(contentDirectory: content ?? self.content, outputDirectory: output, templatesDirectory: Fixtures.templates))
    }

    /// Every file under `root`, relative path → bytes.
    func snapshot(_ root: String) -> [String: Data] { Fixtures.snapshot(root) }

    func strays(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".public.") }
    }

    func testAnUnreadableDumpStopsTheBuildNamingTheFileAndLeavesThePreviousSite() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let output = dir.appendingPathComponent("public").path
        try build(to: output)
        let before = snapshot(output)
        let broken = dir.appendingPathComponent("content")
        try FileManager.default.copyItem(atPath: content, toPath: broken.path)
        // A directory where a dump should be cannot be read as one, whoever runs the test (even root).
        try FileManager.default.createDirectory(at: broken.appendingPathComponent("dumps/zz-unreadable.txt"), withIntermediateDirectories: true)
        XCTAssertThrowsError(try build(content: broken.path, to: output)) { error in
            XCTAssertTrue("\(error)".contains("zz-unreadable.txt"), "\(error)")
        }
        XCTAssertEqual(snapshot(output), before)
        XCTAssertEqual(try strays(in: dir), [])
    }

    func testAnOutputThatCannotBeCreatedFailsWithAClearError() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let blocker = dir.appendingPathComponent("site")
        try "a file, not a directory".write(to: blocker, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try build(to: blocker.appendingPathComponent("public").path)) { error in
            XCTAssertTrue("\(error)".contains("the previous site is unchanged"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOf: blocker, encoding: .utf8), "a file, not a directory")
    }

    /// The gazette executable SwiftPM built next to this test bundle.
    func gazetteExecutable() throws -> String {
        let path = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gazette").path
        return try XCTUnwrap(FileManager.default.isExecutableFile(atPath: path) ? path : nil, "no gazette executable at \(path)")
    }

    func testABuildKilledWhileWritingLeavesACompleteSiteAndTheNextBuildCleansUp() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let output = dir.appendingPathComponent("public").path
        try build(to: output)
        let before = snapshot(output)
        let gazette = try gazetteExecutable()
        // What the killed builds would have written had they finished.
        let complete = dir.appendingPathComponent("complete").path
        try build(content: Fixtures.defaultContent, to: complete)
        let after = snapshot(complete)
        try FileManager.default.removeItem(atPath: complete)
        var killedWhileWriting = 0
        for _ in 0..<10 where killedWhileWriting < 2 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: gazette)
            // --no-topic-map: a build that finishes must not record a map in the repository's content/.
            process.arguments = ["build", "--quiet", "--no-topic-map", "--content", Fixtures.defaultContent, "--output", output, "--templates", Fixtures.templates]
            try process.run()
            // Kill it the moment its staging tree appears: it is writing then.
            while process.isRunning {
                if try !strays(in: dir).isEmpty {
                    kill(process.processIdentifier, SIGKILL)
                    killedWhileWriting += 1
                    break
                }
                usleep(200)
            }
            process.waitUntilExit()
            // Whenever it died, `public/` is a whole site, the previous one or the new one; never a mix.
            let now = snapshot(output)
            XCTAssertTrue(now == before || now == after, "a partial site: \(now.count) files")
            try build(to: output)
        }
        XCTAssertGreaterThan(killedWhileWriting, 0, "never caught the build while it was writing")
        try build(to: output)
        XCTAssertEqual(snapshot(output), before)
        XCTAssertEqual(try strays(in: dir), [], "the next build removes what a killed build left")
    }
}
