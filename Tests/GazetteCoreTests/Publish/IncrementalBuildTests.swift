import Foundation
import XCTest
@testable import GazetteCore

/// Builds with a build cache, as the command line runs them: after each kind of edit, the
/// incremental build (which renders only the pages whose values changed and patches the previous
/// output) must give exactly the bytes a full build of the same content and topic map gives.
/// Each test works on a copy of `Tests/Fixtures/Site/content`.
final class IncrementalBuildTests: XCTestCase {
    var root: URL!
    var content: String { root.appendingPathComponent("content").path }
    var cache: String { root.appendingPathComponent(".gazette-cache").path }

    override func setUpWithError() throws {
        root = try Fixtures.temporaryDirectory(self)
        try FileManager.default.copyItem(atPath: Fixtures.path("Site/content"), toPath: content)
    }

    func options(content: String? = nil, output: String = "public", cache: String? = nil, templates: String = Fixtures.templates) -> BuildOptions {
        var options = BuildOptions(contentDirectory: content ?? self.content, outputDirectory: root.appendingPathComponent(output).path,
                                   templatesDirectory: templates)
        options.keepsTopicMap = true
        options.cacheDirectory = cache ?? self.cache
        return options
    }

    /// Every file under the output directory `name`, relative path → bytes.
    func snapshot(_ name: String = "public") -> [String: Data] { Fixtures.snapshot(root.appendingPathComponent(name).path) }

    /// Builds once (recording the cache), applies `edit`, then builds the edited content twice:
    /// incrementally into `public`, and fully from a copy made before that build (same topic map)
    /// into `full`. Returns the incremental build's report after checking the two sites are equal.
    @discardableResult
    func assertIncrementalEqualsFull(templates: String = Fixtures.templates, _ edit: () throws -> Void,
                                     file: StaticString = #filePath, line: UInt = #line) throws -> BuildReport {
        try buildSite(options(templates: templates))
        try edit()
        let copy = root.appendingPathComponent("content-copy").path
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: content, toPath: copy)
        let incremental = try buildSite(options(templates: templates))
        var full = options(content: copy, output: "full", cache: root.appendingPathComponent("other-cache").path, templates: templates)
        full.fullRebuild = true
        try buildSite(full)
        let a = snapshot(), b = snapshot("full")
        XCTAssertEqual(Set(a.keys), Set(b.keys), "the same files", file: file, line: line)
        let differing = a.keys.filter { a[$0] != b[$0] }.sorted()
        XCTAssertEqual(differing, [], "files whose bytes differ between the incremental and the full build", file: file, line: line)
        return incremental
    }

    func testANewDumpRendersOnlyWhatChangedAndGivesTheFullBuildsBytes() throws {
        let report = try assertIncrementalEqualsFull {
            try FileManager.default.copyItem(atPath: Fixtures.path("TopicMapGrowth/2025-feb-02.txt"), toPath: content + "/dumps/2025-feb-02.txt")
        }
        XCTAssertTrue(report.incremental)
        XCTAssertGreaterThan(report.renderedPages, 0)
        XCTAssertLessThan(report.renderedPages, report.pages, "pages untouched by the new dump are not rendered: \(report.summary)")
    }

    func testAnEditedAbstractGivesTheFullBuildsBytes() throws {
        let report = try assertIncrementalEqualsFull {
            let path = content + "/dumps/2023-aug-07.txt"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try text.replacingOccurrences(of: "Visual metaphors are powerful rhetorical devices", with: "Visual metaphors are *persuasive* devices")
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
        XCTAssertTrue(report.incremental)
    }

    func testAnEditedTitleChangesTheLinksToItAndGivesTheFullBuildsBytes() throws {
        try assertIncrementalEqualsFull {
            let path = content + "/dumps/2024-jan-19.txt"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try text.replacingOccurrences(of: "GeniL: A Multilingual Dataset on Generalizing Language", with: "GeniL: A Multilingual Dataset of Generalizations")
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    func testARemovedDumpRemovesItsPagesAndGivesTheFullBuildsBytes() throws {
        try buildSite(options())
        let before = snapshot()
        try assertIncrementalEqualsFull {
            try FileManager.default.removeItem(atPath: content + "/dumps/2024-jan-19.txt")
        }
        XCTAssertLessThan(snapshot().count, before.count, "the removed issue's pages are gone")
    }

    func testARenamedTopicGivesTheFullBuildsBytes() throws {
        try assertIncrementalEqualsFull {
            let path = topicMapPath(contentDirectory: content)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let nameLine = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("name ") })
            var edited = lines
            edited[nameLine] = "name Renamed <by> hand"
            try edited.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        XCTAssertTrue(snapshot().values.contains { String(decoding: $0, as: UTF8.self).contains("Renamed &lt;by&gt; hand") })
    }

    func testANewPageInTheMenuAndAnEditedSiteTitleGiveTheFullBuildsBytes() throws {
        try assertIncrementalEqualsFull {
            try "---\ntitle: Colophon\nmenu: 3\n---\nMade with Gazette.\n".write(toFile: content + "/pages/colophon.md", atomically: true, encoding: .utf8)
        }
        try assertIncrementalEqualsFull {
            let path = content + "/site.yml"
            try (try String(contentsOfFile: path, encoding: .utf8)).replacingOccurrences(of: "title: Fixture Digest", with: "title: Another title")
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    func testAnEditedTemplateRendersEveryPage() throws {
        let templates = root.appendingPathComponent("templates").path
        try FileManager.default.copyItem(atPath: Fixtures.templates, toPath: templates)
        let report = try assertIncrementalEqualsFull(templates: templates) {
            let path = templates + "/paper.mustache"
            try (try String(contentsOfFile: path, encoding: .utf8) + "<p>edited</p>\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        XCTAssertFalse(report.incremental, "a theme change reaches every page")
        XCTAssertEqual(report.renderedPages, report.pages)
    }

    func testNothingChangedRendersNothingAndWritesNothing() throws {
        try buildSite(options())
        let site = snapshot()
        let report = try buildSite(options())
        XCTAssertTrue(report.incremental)
        XCTAssertEqual(report.renderedPages, 0, report.summary)
        XCTAssertEqual(report.unchangedFiles, report.files, report.summary)
        XCTAssertEqual(snapshot(), site)
        var noCache = options()
        noCache.cacheDirectory = nil
        let full = try buildSite(noCache)
        XCTAssertEqual(full.files, report.files)
        XCTAssertEqual(full.bytes, report.bytes, "kept pages count with their size")
    }

    func testTheBuildCacheKeepsThePapersWordsAndANewDumpAddsOnlyItsOwn() throws {
        let first = try buildSite(options())
        let path = wordCachePath(cacheDirectory: cache)
        XCTAssertEqual(WordCache.load(path)?.count, first.papers)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        try FileManager.default.copyItem(atPath: Fixtures.path("TopicMapGrowth/2025-feb-02.txt"), toPath: content + "/dumps/2025-feb-02.txt")
        let second = try buildSite(options())
        XCTAssertGreaterThan(second.papers, first.papers)
        let after = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(after.prefix(before.count), before, "the earlier papers' words stay as they were; the new ones follow")
        XCTAssertGreaterThanOrEqual(WordCache.load(path)?.count ?? 0, second.papers)
        // A build with nothing new leaves the words alone; one without a cache keeps none.
        try buildSite(options())
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), after)
        var noCache = options(output: "other")
        noCache.cacheDirectory = nil
        try FileManager.default.removeItem(atPath: path)
        try buildSite(noCache)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    func testAFailedIncrementalBuildLeavesTheSiteAndItsCacheAsTheyWere() throws {
        try buildSite(options())
        let site = snapshot()
        let manifest = try Data(contentsOf: URL(fileURLWithPath: buildManifestPath(cacheDirectory: cache, output: root.appendingPathComponent("public").path)))
        let words = try Data(contentsOf: URL(fileURLWithPath: wordCachePath(cacheDirectory: cache)))
        try Data([0xFF, 0xFE, 0x00, 0x01]).write(to: URL(fileURLWithPath: content + "/dumps/2025-broken.txt"))
        XCTAssertThrowsError(try buildSite(options()))
        XCTAssertEqual(snapshot(), site)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: buildManifestPath(cacheDirectory: cache, output: root.appendingPathComponent("public").path))), manifest)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: wordCachePath(cacheDirectory: cache))), words)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".public.") }
        XCTAssertEqual(leftovers, [], "no staging tree left beside the output")
    }

    func testWithoutItsManifestOrItsOutputTheNextBuildIsAFullOne() throws {
        try buildSite(options())
        let manifest = buildManifestPath(cacheDirectory: cache, output: root.appendingPathComponent("public").path)
        try FileManager.default.removeItem(atPath: manifest)
        XCTAssertFalse(try buildSite(options()).incremental, "no manifest: a build killed while patching the site left none")
        XCTAssertTrue(try buildSite(options()).incremental)
        try FileManager.default.removeItem(at: root.appendingPathComponent("public"))
        let rebuilt = try buildSite(options())
        XCTAssertFalse(rebuilt.incremental, "the output was deleted")
        XCTAssertEqual(rebuilt.renderedPages, rebuilt.pages)
        var full = options()
        full.fullRebuild = true
        XCTAssertFalse(try buildSite(full).incremental)
    }

    func testTheSiteFingerprintFollowsTheCodeConfigurationAndThemeAndNotTheRun() throws {
        XCTAssertEqual(executableFingerprint(), executableFingerprint(), "the same binary, the same value")
        XCTAssertEqual(runningExecutableFingerprint, executableFingerprint(), "taken once per process, the same value")
        let templates = try TemplateSet(directory: Fixtures.templates)
        var config = SiteConfig()
        let base = siteFingerprint(templates: templates, config: config)
        XCTAssertEqual(base, siteFingerprint(templates: templates, config: config))
        config.title = "Another title"
        XCTAssertNotEqual(base, siteFingerprint(templates: templates, config: config))
        config = SiteConfig()
        config.paginate = 7
        XCTAssertNotEqual(base, siteFingerprint(templates: templates, config: config))
    }

    func testABuildBesideTheSameOutputWaitsForTheOneHoldingIt() throws {
        try buildSite(options())
        let held = HeldLock(try OutputLock(output: root.appendingPathComponent("public").path))
        let done = expectation(description: "the waiting build finished")
        let build = options()
        DispatchQueue.global().async {
            _ = try? buildSite(build)
            held.noteFinished()
            done.fulfill()
        }
        Thread.sleep(forTimeInterval: 1)
        held.release()
        wait(for: [done], timeout: 60)
        XCTAssertFalse(held.finishedWhileHeld, "the build read the cache and wrote only once the lock was released")
    }
}

/// An output lock held by a test, and whether a build finished while it was held.
private final class HeldLock: @unchecked Sendable {
    private let guardLock = NSLock()
    private var lock: OutputLock?
    private(set) var finishedWhileHeld = false

    init(_ lock: OutputLock) { self.lock = lock }

    func release() {
        guardLock.lock()
        lock = nil
        guardLock.unlock()
    }

    func noteFinished() {
        guardLock.lock()
        finishedWhileHeld = lock != nil
        guardLock.unlock()
    }
}
