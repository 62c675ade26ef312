import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GazetteCore
@testable import GazetteServe
import XCTest

/// Starts `gazette serve`'s server on a free port over a copy of the fixture site and talks HTTP to it.
final class DevServerTests: XCTestCase {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private var site: URL!
    private var server: DevServer!
    private var base: URL!

    override func setUp() async throws {
        let fm = FileManager.default
        site = fm.temporaryDirectory.appendingPathComponent("gazette-serve-\(UUID().uuidString)")
        try fm.createDirectory(at: site, withIntermediateDirectories: true)
        try fm.copyItem(at: Self.repository.appendingPathComponent("Tests/Fixtures/Site/content"), to: site.appendingPathComponent("content"))
        try fm.copyItem(at: Self.repository.appendingPathComponent("templates"), to: site.appendingPathComponent("templates"))
        let build = BuildOptions(contentDirectory: site.appendingPathComponent("content").path,
                                 outputDirectory: site.appendingPathComponent("public").path,
                                 templatesDirectory: site.appendingPathComponent("templates").path)
        server = DevServer(options: ServeOptions(build: build, port: 0, pollInterval: 0.1), log: { _ in })
    }

    private func start() async throws {
        base = try await server.start()
    }

    override func tearDown() async throws {
        await server?.stop()
        try? FileManager.default.removeItem(at: site)
    }

    private func fetch(_ path: String) async throws -> (status: Int, type: String, body: String) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: path, relativeTo: base)!)
        let http = try XCTUnwrap(response as? HTTPURLResponse)
        return (http.statusCode, http.value(forHTTPHeaderField: "Content-Type") ?? "", String(decoding: data, as: UTF8.self))
    }

    /// Polls `path` until its body satisfies `condition`, for at most `seconds`.
    private func eventually(_ path: String, seconds: Double = 60, _ condition: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var body = ""
        while Date() < deadline {
            body = try await fetch(path).body
            if condition(body) { return body }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        XCTFail("\(path) did not change in \(seconds) s; last body: \(body.prefix(300))")
        return body
    }

    func testServesPagesWithTypesAndTheSite404() async throws {
        try await start()
        XCTAssertEqual(base.host, "127.0.0.1")
        let home = try await fetch("/")
        XCTAssertEqual(home.status, 200)
        XCTAssertEqual(home.type, "text/html; charset=utf-8")
        XCTAssertTrue(home.body.contains("Fixture Digest"))
        XCTAssertTrue(home.body.contains(LiveReload.scriptTag + "</body>"), "reload script injected before </body>")

        let css = try await fetch("/assets/style.css")
        XCTAssertEqual(css.status, 200)
        XCTAssertEqual(css.type, "text/css; charset=utf-8")
        XCTAssertFalse(css.body.contains("__gazette"))

        let json = try await fetch("/papers.json")
        XCTAssertEqual(json.type, "application/json; charset=utf-8")

        let missing = try await fetch("/no/such/page.html")
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing.type, "text/html; charset=utf-8")
        let notFoundPage = try String(contentsOf: site.appendingPathComponent("public/404.html"), encoding: .utf8)
        XCTAssertEqual(missing.body, String(decoding: LiveReload.inject(into: Array(notFoundPage.utf8)), as: UTF8.self))

        let escape = try await fetch("/%2E%2E/content/site.yml")
        XCTAssertEqual(escape.status, 404, "paths never leave the output directory")

        let script = try await fetch(LiveReload.scriptPath)
        XCTAssertEqual(script.type, "text/javascript; charset=utf-8")
        XCTAssertTrue(script.body.contains("location.reload()"))
    }

    func testBuiltFilesNeverCarryTheReloadScript() async throws {
        try await start()
        let index = try String(contentsOf: site.appendingPathComponent("public/index.html"), encoding: .utf8)
        XCTAssertTrue(index.contains("Fixture Digest"))
        XCTAssertFalse(index.contains("__gazette"))
    }

    func testEditRebuildsAndABrokenEditKeepsTheLastGoodBuild() async throws {
        try await start()
        let status = try await fetch(LiveReload.statusPath).body
        XCTAssertEqual(status, #"{"version":1}"#)

        let config = site.appendingPathComponent("content/site.yml")
        let yaml = try String(contentsOf: config, encoding: .utf8)
        try yaml.replacingOccurrences(of: "Fixture Digest", with: "Edited Digest").write(to: config, atomically: true, encoding: .utf8)
        _ = try await eventually(LiveReload.statusPath) { $0 == #"{"version":2}"# }
        let edited = try await fetch("/")
        XCTAssertTrue(edited.body.contains("Edited Digest"))
        XCTAssertFalse(edited.body.contains("Fixture Digest"))

        // A dump that is not a dump stops the build: the error is reported, the old pages stay.
        try Data("<!doctype html><html><body>oops</body></html>\n".utf8).write(to: site.appendingPathComponent("content/dumps/zz-broken.txt"))
        let broken = try await eventually(LiveReload.statusPath) { $0.contains("error") }
        XCTAssertTrue(broken.contains("zz-broken.txt"), broken)
        XCTAssertTrue(broken.contains(#""version":2"#), broken)
        let stillServed = try await fetch("/")
        XCTAssertEqual(stillServed.status, 200)
        XCTAssertTrue(stillServed.body.contains("Edited Digest"))

        try FileManager.default.removeItem(at: site.appendingPathComponent("content/dumps/zz-broken.txt"))
        _ = try await eventually(LiveReload.statusPath) { $0 == #"{"version":3}"# }
    }

    func testTheTopicMapTheBuildWritesIsNoEditToRebuildFor() async throws {
        var build = BuildOptions(contentDirectory: site.appendingPathComponent("content").path,
                                 outputDirectory: site.appendingPathComponent("public").path,
                                 templatesDirectory: site.appendingPathComponent("templates").path)
        build.keepsTopicMap = true
        server = DevServer(options: ServeOptions(build: build, port: 0, pollInterval: 0.1), log: { _ in })
        try await start()
        let map = site.appendingPathComponent("content/topics.map")
        XCTAssertTrue(FileManager.default.fileExists(atPath: map.path), "the first build records the map")
        // A new dump: the build places its paper and rewrites the map, once.
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Tests/Fixtures/TopicMapGrowth/2025-feb-02.txt"),
                                         to: site.appendingPathComponent("content/dumps/2025-feb-02.txt"))
        _ = try await eventually(LiveReload.statusPath) { $0 == #"{"version":2}"# }
        XCTAssertTrue(try String(contentsOf: map, encoding: .utf8).contains("paper "), "the map was rewritten")
        // Ten polls later there has been no second build for the map's own write.
        try await Task.sleep(nanoseconds: 1_000_000_000)
        let status = try await fetch(LiveReload.statusPath).body
        XCTAssertEqual(status, #"{"version":2}"#)
    }

    func testWithABuildCacheAnEditedDumpRebuildsOnlyWhatChanged() async throws {
        let lines = LogLines()
        var build = BuildOptions(contentDirectory: site.appendingPathComponent("content").path,
                                 outputDirectory: site.appendingPathComponent("public").path,
                                 templatesDirectory: site.appendingPathComponent("templates").path)
        build.cacheDirectory = site.appendingPathComponent(".gazette-cache").path
        server = DevServer(options: ServeOptions(build: build, port: 0, pollInterval: 0.1), log: { lines.add($0) })
        try await start()
        let dump = site.appendingPathComponent("content/dumps/2024-jan-19.txt")
        let text = try String(contentsOf: dump, encoding: .utf8)
        try (text + "\n\nA Freshly Added Paper About Servers\n\nServers rebuild sites. This abstract is long enough to be read as one, and it says so twice over for the parser.\n")
            .write(to: dump, atomically: true, encoding: .utf8)
        _ = try await eventually(LiveReload.statusPath) { $0 == #"{"version":2}"# }
        let built = lines.all.filter { $0.hasPrefix("gazette: built") }
        XCTAssertEqual(built.count, 2, "\(built)")
        XCTAssertTrue(built.last?.contains(" rendered, the others unchanged since the last build)") ?? false, "\(built)")
        XCTAssertTrue(try String(contentsOf: site.appendingPathComponent("public/papers/a-freshly-added-paper-about-servers/index.html"), encoding: .utf8)
            .contains("Servers rebuild sites."))
    }

    func testTemplateEditRebuilds() async throws {
        try await start()
        let template = site.appendingPathComponent("templates/404.mustache")
        try Data("<h1>Nothing here, edited</h1>\n".utf8).write(to: template)
        let missing = try await eventually("/nowhere") { $0.contains("Nothing here, edited") }
        XCTAssertTrue(missing.contains(LiveReload.scriptTag))
    }

    func testWhenNoBuildHasSucceededTheErrorIsThePage() async throws {
        try Data("<!doctype html><html><body>oops</body></html>\n".utf8).write(to: site.appendingPathComponent("content/dumps/zz-broken.txt"))
        try await start()
        let page = try await fetch("/")
        XCTAssertEqual(page.status, 500)
        XCTAssertTrue(page.body.contains("zz-broken.txt"), page.body)
        let lastError = await server.lastError
        let error = try XCTUnwrap(lastError)
        XCTAssertTrue(page.body.contains("<pre>" + escapeHTML(error) + "</pre>"), "the error is shown, escaped")
        XCTAssertTrue(page.body.contains(LiveReload.scriptTag), "the page reloads once the content is fixed")
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/dumps/zz-broken.txt"))
        let fixed = try await eventually("/") { $0.contains("Fixture Digest") }
        XCTAssertFalse(fixed.contains("zz-broken"))
    }
}

/// Log lines a server wrote, from whichever thread.
private final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}
