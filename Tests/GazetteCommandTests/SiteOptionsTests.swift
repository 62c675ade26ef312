import ArgumentParser
import Foundation
@testable import gazette
import GazetteCore
import XCTest

/// How `build`, `check` and `serve` turn their flags and site.yml into build options.
final class SiteOptionsTests: XCTestCase {
    private func digest(siteYml: String?) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-options-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        if let siteYml { try Data(siteYml.utf8).write(to: root.appendingPathComponent("content/site.yml")) }
        return root
    }

    func testOutputDefaultsToPublicBesideTheContent() throws {
        let root = try digest(siteYml: nil)
        let options = try SiteOptions.parse(["--content", root.path + "/content"]).buildOptions()
        XCTAssertEqual(options.outputDirectory, root.path + "/public")
        XCTAssertEqual(options.templatesDirectory, "templates")
        XCTAssertEqual(options.overrides, ConfigOverrides())
    }

    func testSiteYmlOutputIsTakenBesideTheContent() throws {
        let root = try digest(siteYml: "output: dist\n")
        XCTAssertEqual(try SiteOptions.parse(["--content", root.path + "/content"]).buildOptions().outputDirectory, root.path + "/dist")
        XCTAssertEqual(try SiteOptions.parse(["--content", "content"]).buildOptions().outputDirectory, "public", "no site.yml in the current folder")
    }

    func testOutputFlagWinsAndIsTakenAsGiven() throws {
        let root = try digest(siteYml: "output: dist\n")
        XCTAssertEqual(try SiteOptions.parse(["--content", root.path + "/content", "--output", "out"]).buildOptions().outputDirectory, "out")
    }

    func testABrokenSiteYmlIsLeftToTheBuildToReport() throws {
        let root = try digest(siteYml: "titel: x\n")
        let options = try SiteOptions.parse(["--content", root.path + "/content"]).buildOptions()
        XCTAssertEqual(options.outputDirectory, root.path + "/public")
        XCTAssertThrowsError(try buildSite(options)) { error in
            XCTAssertTrue("\(error)".contains("site.yml:1: unknown key `titel`; did you mean `title`?"), "\(error)")
        }
    }

    func testOverrideFlags() throws {
        let options = try SiteOptions.parse(["--title", "T", "--base-url", "https://e.org/x", "--topics", "4", "--no-feeds"]).buildOptions()
        XCTAssertEqual(options.overrides, ConfigOverrides(title: "T", baseURL: "https://e.org/x", topicCount: 4, feeds: false))
    }

    func testTheCommandLineKeepsTheTopicMapUnlessToldNotTo() throws {
        XCTAssertFalse(BuildOptions().keepsTopicMap, "the library writes nothing into content unasked")
        XCTAssertTrue(try SiteOptions.parse([]).buildOptions().keepsTopicMap)
        XCTAssertFalse(try SiteOptions.parse(["--no-topic-map"]).buildOptions().keepsTopicMap)
    }

    func testBadOverridesAreRejectedWithAnExample() {
        XCTAssertThrowsError(try SiteOptions.parse(["--topics", "0"])) { error in
            XCTAssertTrue(SiteOptions.message(for: error).contains("--topics must be at least 1"), SiteOptions.message(for: error))
        }
        XCTAssertThrowsError(try SiteOptions.parse(["--base-url", "example.org"])) { error in
            XCTAssertTrue(SiteOptions.message(for: error).contains("example: --base-url https://"), SiteOptions.message(for: error))
        }
        XCTAssertThrowsError(try BuildCommand.parse(["--quiet", "--verbose"]))
    }

    func testEveryCommandsHelpGivesAnExampleForEveryOption() {
        for command in [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, TopicsCommand.self] as [ParsableCommand.Type] {
            let help = command.helpMessage(columns: 1000)
            XCTAssertTrue(help.contains("Example: gazette"), "\(command) help has an example")
            let options = help.split(separator: "\n").filter { $0.hasPrefix("  -") && !$0.contains("--help") }
            XCTAssertEqual(options.isEmpty, command == NewCommand.self, "\(command) lists its options")
            for line in options {
                XCTAssertTrue(line.contains("(example: "), "\(command): \(line)")
            }
        }
    }
}
