import Foundation
import XCTest
@testable import GazetteCore

/// The stage-by-stage reports `buildSite` hands to its caller, and command-line overrides.
final class BuildProgressTests: XCTestCase {
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var events: [BuildProgress] = []
        func add(_ event: BuildProgress) { lock.lock(); events.append(event); lock.unlock() }
        var all: [BuildProgress] { lock.lock(); defer { lock.unlock() }; return events }
    }

    func testEachStageIsReportedWithItsCounts() throws {
        let recorder = Recorder()
        let output = try Fixtures.temporaryDirectory(self).appendingPathComponent("public").path
        var options = BuildOptions(contentDirectory: Fixtures.path("Site/content"), outputDirectory: output, templatesDirectory: Fixtures.templates)
        options.progress = { recorder.add($0) }
        let report = try buildSite(options)
        let events = recorder.all
        XCTAssertEqual(events.map(\.stage), ["templates", "parse", "merge", "topics", "related", "render", "write"])
        XCTAssertEqual(events[1].detail, "2 dumps, 12 entries, 1 pages")
        XCTAssertEqual(events[2].detail, "11 papers")
        XCTAssertEqual(events[3].detail, "2 topics")
        XCTAssertTrue(events[4].detail.hasSuffix(" links"), events[4].detail)
        XCTAssertGreaterThan(Int(events[4].detail.split(separator: " ")[0]) ?? 0, report.papers, "several related papers each")
        XCTAssertEqual(events[5].detail, "\(report.pages) pages (\(report.pages) rendered), \(report.files) files, \(report.bytes / 1024) KiB")
        XCTAssertEqual(report.renderedPages, report.pages, "without a build cache every page is rendered")
        XCTAssertTrue(events[6].detail.hasSuffix("→ \(output)"))
    }

    func testTheTimingsCoverTheStepsBetweenTheStagesToo() throws {
        let root = try Fixtures.temporaryDirectory(self)
        var options = BuildOptions(contentDirectory: Fixtures.path("Site/content"), outputDirectory: root.appendingPathComponent("public").path,
                                   templatesDirectory: Fixtures.templates)
        options.cacheDirectory = root.appendingPathComponent("cache").path
        let report = try buildSite(options)
        // Slugs, reading the build cache and recording it again have no progress line, but take time.
        XCTAssertEqual(report.timings.map(\.stage), ["templates", "parse", "merge", "slugs", "topics", "related", "cache", "render", "write", "record"])
        XCTAssertTrue(report.timings.allSatisfy { $0.seconds >= 0 })
    }

    func testOverridesWinOverSiteYml() throws {
        let output = try Fixtures.temporaryDirectory(self).appendingPathComponent("public").path
        var options = BuildOptions(contentDirectory: Fixtures.path("Site/content"), outputDirectory: output, templatesDirectory: Fixtures.templates)
        options.overrides = ConfigOverrides(title: "Overridden", baseURL: "https://example.org/sub", topicCount: 3)
        let report = try buildSite(options)
        XCTAssertEqual(report.topics, 3)
        let home = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        XCTAssertTrue(home.contains("Overridden"))
        XCTAssertTrue(home.contains("https://example.org/sub/"))
    }

    func testOverridesLeaveUnsetValuesAlone() {
        var config = SiteConfig()
        config.title = "Kept"
        config.feeds = false
        XCTAssertEqual(ConfigOverrides().applied(to: config), config)
        XCTAssertNil(ConfigOverrides(baseURL: "").applied(to: config).baseURL)
        XCTAssertTrue(ConfigOverrides(feeds: true).applied(to: config).feeds)
    }
}
