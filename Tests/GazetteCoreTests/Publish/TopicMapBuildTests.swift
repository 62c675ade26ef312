import Foundation
import XCTest
@testable import GazetteCore

/// Builds that keep `content/topics.map`: what they record, what a second build writes, and what a
/// broken map does to the previous site. Each test works on a copy of `Tests/Fixtures/Site/content`.
final class TopicMapBuildTests: XCTestCase {
    var root: URL!
    var content: String { root.appendingPathComponent("content").path }
    var mapPath: String { topicMapPath(contentDirectory: content) }

    override func setUpWithError() throws {
        root = try Fixtures.temporaryDirectory(self)
        try FileManager.default.copyItem(atPath: Fixtures.path("Site/content"), toPath: content)
        XCTAssertFalse(FileManager.default.fileExists(atPath: mapPath), "the fixture has no map of its own")
    }

    func options(_ output: String = "public", keepsTopicMap: Bool = true) -> BuildOptions {
        var options = BuildOptions(contentDirectory: content, outputDirectory: root.appendingPathComponent(output).path,
                                   templatesDirectory: Fixtures.templates)
        options.keepsTopicMap = keepsTopicMap
        return options
    }

    /// Every file under the output directory `name`, relative path → bytes.
    func snapshot(_ name: String = "public") -> [String: Data] { Fixtures.snapshot(root.appendingPathComponent(name).path) }

    func mapText() throws -> String { try String(contentsOfFile: mapPath, encoding: .utf8) }

    func page(_ path: String, in output: String = "public") throws -> String {
        try String(contentsOf: root.appendingPathComponent(output).appendingPathComponent(path), encoding: .utf8)
    }

    func testTheFirstBuildRecordsTheMapAndASecondWritesNothing() throws {
        let first = try buildSite(options())
        XCTAssertTrue(first.topicMapWritten)
        XCTAssertNil(first.topicChanges, "no map to continue yet")
        let map = try XCTUnwrap(TopicMapFile.load(mapPath))
        XCTAssertEqual(map.papers.count, first.papers)
        XCTAssertEqual(map.liveTopics.count, first.topics)
        for topic in map.liveTopics { XCTAssertNotNil(snapshot()["topics/\(topic.slug)/index.html"], topic.slug) }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: mapPath))
        let site = snapshot()

        let second = try buildSite(options())
        XCTAssertEqual(second.unchangedFiles, second.files, "nothing to write: \(second.summary)")
        XCTAssertFalse(second.topicMapWritten)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: mapPath)), bytes)
        XCTAssertEqual(snapshot(), site)
        let changes = try XCTUnwrap(second.topicChanges)
        XCTAssertEqual(changes.kept, first.papers)
        XCTAssertTrue(changes.isEmpty, changes.report())
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: content).sorted(), ["dumps", "pages", "site.yml", "topics.map"])
    }

    func testTheSameContentAndMapGiveAByteIdenticalSite() throws {
        _ = try buildSite(options("first"))
        _ = try buildSite(options("second"))
        XCTAssertEqual(snapshot("second"), snapshot("first"))
    }

    func testAddingADumpKeepsEveryEarlierTopicURLAndPapersKeepTheirTopics() throws {
        let first = try buildSite(options())
        let before = try XCTUnwrap(TopicMapFile.load(mapPath))
        try FileManager.default.copyItem(atPath: Fixtures.path("TopicMapGrowth/2025-feb-02.txt"),
                                         toPath: content + "/dumps/2025-feb-02.txt")
        let second = try buildSite(options())
        XCTAssertEqual(second.papers, first.papers + 7)
        XCTAssertTrue(second.topicMapWritten)
        let after = try XCTUnwrap(TopicMapFile.load(mapPath))
        let site = snapshot()
        for topic in before.liveTopics {
            XCTAssertNotNil(site["topics/\(topic.slug)/index.html"], topic.slug)
            XCTAssertNotNil(site["topics/\(topic.slug)/feed.xml"], topic.slug)
            XCTAssertEqual(after.topic(topic.id)?.slug, topic.slug)
        }
        // An earlier paper changes topic only when its topic split, into the new half.
        let changes = try XCTUnwrap(second.topicChanges)
        let moved = Set(changes.moved.map(\.paper))
        let bornNames = Set(changes.born.map(\.name))
        for (slug, placement) in before.papers {
            guard let now = after.papers[slug]?.topic else { XCTFail(slug); continue }
            if moved.contains(slug) {
                XCTAssertNil(before.topic(now), "\(slug) moved into a new topic")
                XCTAssertTrue(bornNames.contains(after.topic(now)?.name ?? ""), slug)
            } else {
                XCTAssertEqual(now, placement.topic, slug)
            }
        }
        XCTAssertTrue(moved.isEmpty || changes.born.contains { $0.reason.hasPrefix("split from") }, changes.report())
        XCTAssertEqual(changes.placed, 7)
        XCTAssertEqual(changes.kept + changes.moved.count, first.papers)
        XCTAssertEqual(after.papers.count, second.papers)
    }

    /// The default content grown by its last dump (15 papers, 3%): the map records the new papers
    /// as `new` (their words do not count in related papers' term weights yet), and a build from
    /// that map with nothing added keeps the marks and the site.
    func testAnIssueRecordsItsPapersAsNewInTheMap() throws {
        let grown = root.appendingPathComponent("grown").path
        try FileManager.default.copyItem(atPath: Fixtures.defaultContent, toPath: grown)
        try? FileManager.default.removeItem(atPath: grown + "/topics.map")
        let last = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: grown + "/dumps").sorted().last)
        try FileManager.default.moveItem(atPath: grown + "/dumps/" + last, toPath: root.appendingPathComponent(last).path)
        var options = BuildOptions(contentDirectory: grown, outputDirectory: root.appendingPathComponent("grown-public").path,
                                   templatesDirectory: Fixtures.templates)
        options.keepsTopicMap = true
        _ = try buildSite(options)
        let before = try XCTUnwrap(TopicMapFile.load(grown + "/topics.map"))
        XCTAssertTrue(before.papers.values.allSatisfy(\.inWeights))
        try FileManager.default.moveItem(atPath: root.appendingPathComponent(last).path, toPath: grown + "/dumps/" + last)
        _ = try buildSite(options)
        let mapBytes = try Data(contentsOf: URL(fileURLWithPath: grown + "/topics.map"))
        let after = try XCTUnwrap(TopicMapFile.load(grown + "/topics.map"))
        let added = Set(after.papers.keys).subtracting(before.papers.keys)
        XCTAssertEqual(added.count, 15)
        XCTAssertEqual(Set(after.papers.filter { !$0.value.inWeights }.keys), added)
        XCTAssertEqual(String(decoding: mapBytes, as: UTF8.self).components(separatedBy: " new\n").count - 1, 15)
        let site = Fixtures.snapshot(root.appendingPathComponent("grown-public").path)
        let again = try buildSite(options)
        XCTAssertFalse(again.topicMapWritten)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: grown + "/topics.map")), mapBytes)
        XCTAssertEqual(Fixtures.snapshot(root.appendingPathComponent("grown-public").path), site)
    }

    func testACountEditedInSiteYmlWaitsForARefitAndSaysSo() throws {
        let first = try buildSite(options())
        XCTAssertEqual(first.topics, 2)
        XCTAssertFalse(try buildSite(options()).diagnostics.contains { $0.message.contains("topics.count") }, "the count and the map agree")
        let site = content + "/site.yml"
        let yaml = try String(contentsOfFile: site, encoding: .utf8)
        XCTAssertTrue(yaml.contains("count: 2"))
        try yaml.replacingOccurrences(of: "count: 2", with: "count: 3").write(toFile: site, atomically: true, encoding: .utf8)
        let next = try buildSite(options())
        XCTAssertEqual(next.topics, 2, "the map keeps its topics")
        let warning = try XCTUnwrap(next.diagnostics.first { $0.message.contains("topics.count is 3") })
        XCTAssertTrue(warning.message.contains("keeps its 2 topics; `gazette topics --refit` re-clusters to 3"), warning.message)
        XCTAssertTrue(warning.file.hasSuffix("site.yml"))
    }

    func testAnEditedNameRenamesTheTopicAndKeepsItsURL() throws {
        _ = try buildSite(options())
        let map = try XCTUnwrap(TopicMapFile.load(mapPath))
        let topic = try XCTUnwrap(map.liveTopics.first)
        let edited = try mapText().replacingOccurrences(of: "topic \(topic.id) \(topic.slug)\nname \(topic.name)\n",
                                                        with: "topic \(topic.id) \(topic.slug)\nname Hand-picked name\n")
        XCTAssertNotEqual(edited, try mapText())
        try edited.write(toFile: mapPath, atomically: true, encoding: .utf8)
        _ = try buildSite(options())
        XCTAssertTrue(try page("topics/\(topic.slug)/index.html").contains("Hand-picked name"))
        XCTAssertFalse(try page("topics/\(topic.slug)/index.html").contains(escapeHTML(topic.name)))
        XCTAssertEqual(try mapText(), edited, "the edit is kept")
    }

    func testARetiredTopicInTheMapGetsARedirectAndStaysOutOfTheSitemap() throws {
        var withBase = options()
        withBase.overrides.baseURL = "https://example.org/digest/"
        _ = try buildSite(withBase)
        let live = try XCTUnwrap(TopicMapFile.load(mapPath)?.liveTopics.first)
        try (mapText() + "\ntopic 99 old-topic\nname Old topic\nretired-into \(live.id) 2024-01-19\n").write(toFile: mapPath, atomically: true, encoding: .utf8)
        _ = try buildSite(withBase)
        let redirect = try page("topics/old-topic/index.html")
        XCTAssertTrue(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=https://example.org/digest/topics/\(live.slug)/\">"), redirect)
        XCTAssertTrue(try page("topics/old-topic/feed.xml").contains("https://example.org/digest/topics/\(live.slug)/"))
        let sitemap = try page("sitemap.xml")
        XCTAssertFalse(sitemap.contains("old-topic"), sitemap)
        XCTAssertTrue(sitemap.contains("https://example.org/digest/topics/\(live.slug)/"), sitemap)
        XCTAssertEqual(try TopicMapFile.load(mapPath)?.topic(99)?.isRetired, true, "the retired entry stays in the map")
    }

    /// Breaks the map's first `paper` line; returns that line's number.
    func breakMap() throws -> Int {
        var lines = try mapText().components(separatedBy: "\n")
        let index = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("paper ") })
        lines[index] += "-and-more"
        try lines.joined(separator: "\n").write(toFile: mapPath, atomically: true, encoding: .utf8)
        return index + 1
    }

    func testACorruptMapIsAnErrorNamingItsLineAndThePreviousSiteStays() throws {
        _ = try buildSite(options())
        let site = snapshot()
        XCTAssertFalse(site.isEmpty)
        let line = try breakMap()
        let broken = try mapText()
        // Content that would change the site, so that a build going ahead would show.
        try FileManager.default.copyItem(atPath: Fixtures.path("TopicMapGrowth/2025-feb-02.txt"), toPath: content + "/dumps/2025-feb-02.txt")
        XCTAssertThrowsError(try buildSite(options())) { error in
            XCTAssertTrue("\(error)".contains("\(self.mapPath):\(line): "), "\(error)")
        }
        XCTAssertEqual(snapshot(), site)
        XCTAssertEqual(try mapText(), broken, "the broken map is left for the maintainer to fix")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted(), ["content", "public"], "no staging tree is left")
    }

    /// The map is read while the content is parsed; a broken content file is still the error
    /// reported first, as when the map was read after it.
    func testABrokenConfigIsReportedBeforeABrokenMap() throws {
        _ = try buildSite(options())
        _ = try breakMap()
        let config = content + "/site.yml"
        try (String(contentsOfFile: config, encoding: .utf8) + "paginate: many\n").write(toFile: config, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try buildSite(options())) { error in
            XCTAssertTrue("\(error)".contains(config), "\(error)")
            XCTAssertFalse("\(error)".contains(self.mapPath), "\(error)")
        }
    }

    func testCheckReportsACorruptMapWithItsLine() throws {
        _ = try buildSite(options())
        XCTAssertTrue(checkSite(options()).passed)
        let line = try breakMap()
        let report = checkSite(options())
        XCTAssertFalse(report.passed)
        XCTAssertTrue(report.errors.contains { $0.contains("\(mapPath):\(line): ") }, "\(report.errors)")
        XCTAssertTrue(checkSite(options(keepsTopicMap: false)).passed, "without the map, check does not read it")
    }

    func testWithoutKeepsTopicMapTheMapIsNeitherReadNorWritten() throws {
        let unkept = try buildSite(options(keepsTopicMap: false))
        XCTAssertFalse(unkept.topicMapWritten)
        XCTAssertFalse(FileManager.default.fileExists(atPath: mapPath))
        // A map that renames a topic, then broken on top: neither is read.
        _ = try buildSite(options())
        let topic = try XCTUnwrap(TopicMapFile.load(mapPath)?.liveTopics.first)
        let renamed = try mapText().replacingOccurrences(of: "\nname \(topic.name)\n", with: "\nname Hand-picked name\n")
        try renamed.write(toFile: mapPath, atomically: true, encoding: .utf8)
        _ = try buildSite(options(keepsTopicMap: false))
        XCTAssertFalse(try page("topics/\(topic.slug)/index.html").contains("Hand-picked name"))
        XCTAssertEqual(try mapText(), renamed)
        _ = try breakMap()
        let broken = try mapText()
        XCTAssertNoThrow(try buildSite(options(keepsTopicMap: false)))
        XCTAssertEqual(try mapText(), broken)
    }
}
