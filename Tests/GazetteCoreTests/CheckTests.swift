import Foundation
import XCTest
@testable import GazetteCore

/// `gazette check`: every problem, with file and line, and nothing written.
final class CheckTests: XCTestCase {
    /// A copy of the fixture site's content in a temporary folder, to break on purpose.
    private func copyOfFixtureSite() throws -> URL {
        let root = try Fixtures.temporaryDirectory(self)
        try FileManager.default.copyItem(atPath: Fixtures.path("Site/content"), toPath: root.appendingPathComponent("content").path)
        return root
    }

    private func options(_ root: URL) -> BuildOptions {
        BuildOptions(contentDirectory: root.appendingPathComponent("content").path,
                     outputDirectory: root.appendingPathComponent("public").path, templatesDirectory: Fixtures.templates)
    }

    func testCleanSitePassesWithTheBuildsCountsAndWritesNothing() throws {
        let root = try copyOfFixtureSite()
        let report = checkSite(options(root))
        XCTAssertEqual(report.errors, [])
        XCTAssertTrue(report.passed)
        XCTAssertEqual(report.build?.papers, 11)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))
    }

    func testReportsEveryBrokenFileNotJustTheFirst() throws {
        let root = try copyOfFixtureSite()
        let content = root.appendingPathComponent("content")
        try FileManager.default.copyItem(atPath: Fixtures.path("Dumps/html-page.txt"), toPath: content.appendingPathComponent("dumps/a-html.txt").path)
        try FileManager.default.copyItem(atPath: Fixtures.path("Dumps/binary.txt"), toPath: content.appendingPathComponent("dumps/b-binary.txt").path)
        try Data("title: T\ntopcis:\n  count: 2\n".utf8).write(to: content.appendingPathComponent("site.yml"))
        let report = checkSite(options(root))
        XCTAssertFalse(report.passed)
        XCTAssertEqual(report.errors.count, 3, report.errors.joined(separator: "\n"))
        XCTAssertTrue(report.errors[0].contains("site.yml:2: unknown key `topcis`; did you mean `topics`?"), report.errors[0])
        XCTAssertTrue(report.errors[1].contains("a-html.txt:"), report.errors[1])
        XCTAssertTrue(report.errors[2].contains("b-binary.txt"), report.errors[2])
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))
    }

    func testGivesTheSameWarningsAsBuild() throws {
        let root = try copyOfFixtureSite()
        try FileManager.default.copyItem(atPath: Fixtures.path("Dumps/invalid-utf8.txt"),
                                         toPath: root.appendingPathComponent("content/dumps/c-utf8.txt").path)
        let report = checkSite(options(root))
        XCTAssertTrue(report.passed, report.errors.joined(separator: "\n") + report.warnings.map(\.description).joined(separator: "\n"))
        XCTAssertFalse(report.warnings.isEmpty)
        let built = try buildSite(options(root))
        XCTAssertEqual(report.warnings, built.diagnostics)
    }

    func testAPaperWithoutAbstractFailsTheCheckButNotTheBuild() throws {
        let root = try copyOfFixtureSite()
        try FileManager.default.copyItem(atPath: Fixtures.path("Dumps/title-without-abstract.txt"),
                                         toPath: root.appendingPathComponent("content/dumps/c-title.txt").path)
        let report = checkSite(options(root))
        XCTAssertEqual(report.errors, [])
        XCTAssertFalse(report.passed)
        XCTAssertEqual(report.warnings.filter(\.failsCheck).map(\.line), [17])
        XCTAssertNoThrow(try buildSite(options(root)))
    }

    func testABlockThatIsNotAPaperFailsTheCheck() throws {
        let root = try copyOfFixtureSite()
        try FileManager.default.copyItem(atPath: Fixtures.path("Dumps/navigation-block.txt"),
                                         toPath: root.appendingPathComponent("content/dumps/c-navigation.txt").path)
        let report = checkSite(options(root))
        XCTAssertFalse(report.passed)
        let junk = report.warnings.filter(\.failsCheck)
        XCTAssertEqual(junk.map(\.line), [3], junk.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(junk.allSatisfy { $0.message.contains("does not look like a paper") })
    }

    func testAFileWithNoCrediblePaperIsAnError() throws {
        let root = try copyOfFixtureSite()
        try FileManager.default.copyItem(atPath: Fixtures.path("Dumps/chrome-links-only.txt"),
                                         toPath: root.appendingPathComponent("content/dumps/c-chrome.txt").path)
        let report = checkSite(options(root))
        XCTAssertEqual(report.errors.count, 1)
        XCTAssertTrue(report.errors.first?.contains("c-chrome.txt:") == true, report.errors.joined())
        XCTAssertTrue(report.errors.first?.contains("page chrome") == true, report.errors.joined())
    }

    func testANamedHostThatTheSiteFitsPasses() throws {
        let root = try copyOfFixtureSite()
        let site = root.appendingPathComponent("content/site.yml")
        let yaml = try String(contentsOf: site, encoding: .utf8)
        try Data((yaml + "\nhost: cloudflare-pages\nexports: false\n").utf8).write(to: site)
        let report = checkSite(options(root))
        XCTAssertEqual(report.errors, [])
        XCTAssertEqual(report.build?.hostLimitProblems, [])
    }

    func testANamedHostsLimitsAreErrorsAndOtherWarningsStay() {
        let problems = hostLimitProblems(OutputSize(files: 30_000, bytes: 200_000_000, papers: 29_000), host: .cloudflarePages, config: SiteConfig())
        XCTAssertEqual(problems.count, 1)
        let other = Diagnostic(.warning, file: "content/dumps/a.txt", line: 3, "a title without an abstract")
        var build = BuildReport(papers: 29_000, entries: 29_000, topics: 10, pages: 29_100, files: 30_000, unchangedFiles: 0, bytes: 200_000_000,
                                diagnostics: [other] + hostLimitDiagnostics(problems, contentDirectory: "content"), timings: [])
        build.hostLimitProblems = problems
        let named = checkFindings(build, host: .cloudflarePages, contentDirectory: "content")
        XCTAssertEqual(named.warnings, [other])
        XCTAssertEqual(named.errors.count, 1)
        XCTAssertTrue(named.errors[0].hasPrefix("content/site.yml: host limit: the site has 30000 files, over the 20000 that Cloudflare Pages (free plan) accepts"),
                      named.errors[0])
        XCTAssertTrue(named.errors[0].hasSuffix("(`host: cloudflare-pages` in site.yml)"), named.errors[0])
        // Without a host the build's warnings stay warnings.
        let unnamed = checkFindings(build, host: nil, contentDirectory: "content")
        XCTAssertEqual(unnamed.warnings, build.diagnostics)
        XCTAssertEqual(unnamed.errors, [])
    }

    func testExportsFalseLeavesOutTheJSONAndItsLinks() throws {
        let root = try copyOfFixtureSite()
        let site = root.appendingPathComponent("content/site.yml")
        let yaml = try String(contentsOf: site, encoding: .utf8)
        try Data((yaml + "\nexports: false\n").utf8).write(to: site)
        _ = try buildSite(options(root))
        let output = root.appendingPathComponent("public")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("papers.json").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("topics.json").path))
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertFalse(home.contains("papers.json"))
    }

    func testTemplateErrorsAreReported() throws {
        let root = try copyOfFixtureSite()
        let theme = root.appendingPathComponent("templates")
        try FileManager.default.copyItem(atPath: Fixtures.templates, toPath: theme.path)
        try Data("<h1>{{#broken}}\n".utf8).write(to: theme.appendingPathComponent("404.mustache"))
        var options = options(root)
        options.templatesDirectory = theme.path
        let report = checkSite(options)
        XCTAssertEqual(report.errors.count, 1)
        XCTAssertTrue(report.errors[0].contains("404.mustache"), report.errors[0])
    }

    func testMissingContentFolderIsAnError() {
        let report = checkSite(BuildOptions(contentDirectory: "/nonexistent/content", outputDirectory: "/nonexistent/public", templatesDirectory: Fixtures.templates))
        XCTAssertEqual(report.errors, ["ingest: /nonexistent/content: cannot read the dump: no content directory here"])
    }
}
