import ArgumentParser
import Foundation
@testable import gazette
import GazetteCore
import XCTest

/// `gazette topics`: the analysis the quality harness reads, with and without the seeds of site.yml.
final class TopicsCommandTests: XCTestCase {
    /// The repository's default content: its site.yml has seed topics.
    private let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("content").path

    private func topicNames(_ arguments: [String]) throws -> [String] {
        let json = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-topics-\(UUID().uuidString).json")
        addTeardownBlock { try? FileManager.default.removeItem(at: json) }
        try TopicsCommand.parse([content, "--json", json.path] + arguments).run()
        let analysis = try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as! [String: Any]
        return (analysis["topics"] as! [[String: Any]]).map { $0["name"] as! String }
    }

    func testTopicsAndNoSeedsOverrideSiteYml() throws {
        let seeded = try topicNames(["--topics", "13"])
        XCTAssertEqual(seeded.count, 13)
        XCTAssertTrue(seeded.contains("Compositionality"), "\(seeded)")
        let plain = try topicNames(["--topics", "6", "--no-seeds"])
        XCTAssertEqual(plain.count, 6)
        let seedNames: Set = ["Compositionality", "Reasoning", "Generalization and transfer", "Meaning and representations",
                              "Interpretability", "Evaluation and benchmarks", "Alignment and safety", "Vision and multimodal",
                              "Training and data", "Architectures", "Multilingual and translation", "Figurative language"]
        XCTAssertTrue(seedNames.isDisjoint(with: plain), "\(plain)")
    }

    // MARK: The topic map: --refit and --dry-run

    /// A copy of `Tests/Fixtures/Site/content` in a fresh temporary folder.
    private func fixtureCopy() throws -> String {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/Site/content").path
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-refit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        let copy = root.appendingPathComponent("content").path
        try FileManager.default.copyItem(atPath: fixture, toPath: copy)
        return copy
    }

    /// Runs the gazette executable SwiftPM built beside this test bundle: exit status and standard output.
    private func gazette(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gazette").path
        guard FileManager.default.isExecutableFile(atPath: executable) else { throw XCTSkip("no gazette executable at \(executable)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile(), err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    func testDryRunWithoutRefitIsAValidationError() throws {
        XCTAssertThrowsError(try TopicsCommand.parse([content, "--dry-run"])) { error in
            XCTAssertTrue(TopicsCommand.message(for: error).contains("--dry-run goes with --refit"), TopicsCommand.message(for: error))
        }
        XCTAssertNoThrow(try TopicsCommand.parse([content, "--refit", "--dry-run"]))
        let copy = try fixtureCopy()
        let run = try gazette(["topics", copy, "--dry-run"])
        XCTAssertEqual(run.status, 64, "a usage error")
        XCTAssertTrue(run.errors.contains("--dry-run goes with --refit"), run.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: topicMapPath(contentDirectory: copy)))
    }

    /// A content copy with a map from `--refit`, then one paper filed by hand under the other topic:
    /// the map's path, the paper and the topic names it moves from and to.
    private func mapWithOneMisfiledPaper(_ copy: String) throws -> (path: String, paper: String, from: String, to: String) {
        let first = try gazette(["topics", copy, "--refit"])
        XCTAssertEqual(first.status, 0, first.errors)
        XCTAssertTrue(first.output.contains("no topic map yet"), first.output)
        let path = topicMapPath(contentDirectory: copy)
        var map = try XCTUnwrap(TopicMapFile.load(path))
        XCTAssertEqual(map.liveTopics.count, 2)
        let paper = try XCTUnwrap(map.papers.keys.sorted().first)
        let home = try XCTUnwrap(map.papers[paper]?.topic)
        let other = try XCTUnwrap(map.liveTopics.first { $0.id != home })
        map.papers[paper]?.topic = other.id
        try TopicMapFile.write(map, to: path)
        return (path, paper, other.name, try XCTUnwrap(map.topic(home)?.name))
    }

    func testRefitDryRunPrintsWhatWouldChangeAndLeavesTheMap() throws {
        let copy = try fixtureCopy()
        let misfiled = try mapWithOneMisfiledPaper(copy)
        let before = try Data(contentsOf: URL(fileURLWithPath: misfiled.path))
        let run = try gazette(["topics", copy, "--refit", "--dry-run"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("1 of 11 mapped papers move to another topic; 0 papers placed for the first time"), run.output)
        XCTAssertTrue(run.output.contains("  \(misfiled.paper): \(misfiled.from) → \(misfiled.to)"), run.output)
        XCTAssertTrue(run.output.contains("dry run: \(misfiled.path) left as it is"), run.output)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: misfiled.path)), before)
    }

    func testRefitWritesTheNewMap() throws {
        let copy = try fixtureCopy()
        let misfiled = try mapWithOneMisfiledPaper(copy)
        let misfiledMap = try XCTUnwrap(TopicMapFile.load(misfiled.path))
        let run = try gazette(["topics", copy, "--refit"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("  \(misfiled.paper): \(misfiled.from) → \(misfiled.to)"), run.output)
        XCTAssertTrue(run.output.contains("wrote \(misfiled.path)"), run.output)
        let refitted = try XCTUnwrap(TopicMapFile.load(misfiled.path))
        XCTAssertEqual(refitted.topic(refitted.papers[misfiled.paper]!.topic)?.name, misfiled.to)
        XCTAssertEqual(refitted.liveTopics.map(\.slug), misfiledMap.liveTopics.map(\.slug), "the topics keep their URLs")
        // Refitting again changes nothing more.
        let again = try gazette(["topics", copy, "--refit", "--dry-run"])
        XCTAssertTrue(again.output.contains("0 of 11 mapped papers move"), again.output)
    }

    func testBuildSaysWhichTopicsRetiredAndThatTheMapRecordsIt() throws {
        let copy = try fixtureCopy()
        let misfiled = try mapWithOneMisfiledPaper(copy)
        // A topic no paper is in any more: it retires, with no topic to send readers on to.
        var map = try XCTUnwrap(TopicMapFile.load(misfiled.path))
        map.topics.append(TopicMap.Entry(id: 40, slug: "lonely", name: "Lonely"))
        try TopicMapFile.write(map, to: misfiled.path)
        let output = NSTemporaryDirectory() + "gazette-retire-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates").path
        let run = try gazette(["build", "--content", copy, "--output", output, "--templates", templates])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.errors.contains("gazette: topic retired: Lonely (topics/lonely/) → no successor"), run.errors + run.output)
        XCTAssertTrue(run.errors.contains("\(misfiled.path) records these; commit it with your dumps"), run.errors)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/topics/lonely/index.html"), "the old address redirects")
    }

    func testTopicsWithoutRefitShowsTheTopicsOfTheMap() throws {
        let copy = try fixtureCopy()
        _ = try gazette(["topics", copy, "--refit"])
        let path = topicMapPath(contentDirectory: copy)
        var map = try XCTUnwrap(TopicMapFile.load(path))
        map.topics[0].name = "Hand-picked name"
        try TopicMapFile.write(map, to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let run = try gazette(["topics", copy])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("Hand-picked name — "), run.output)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before, "only --refit writes the map")
    }
}
