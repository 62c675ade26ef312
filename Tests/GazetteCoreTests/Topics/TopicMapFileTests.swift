import Foundation
import XCTest
@testable import GazetteCore

/// `content/topics.map`: its text form, the errors a hand-broken file gives (each naming its line)
/// and the atomic write.
final class TopicMapFileTests: XCTestCase {
    func fixture(_ name: String) throws -> String {
        String(decoding: try Fixtures.bytes("TopicMaps/\(name)"), as: UTF8.self)
    }

    func testTheTextFormRoundTripsByteForByte() throws {
        let text = try fixture("round-trip.map")
        let map = try TopicMapFile.parse(text, path: "topics.map")
        XCTAssertEqual(TopicMapFile.text(map), text)
        XCTAssertEqual(map.topics.map(\.id), [1, 2, 4, 5])
        XCTAssertEqual(map.topic(1)?.name, "Astronomy & the \"sky\"")
        XCTAssertEqual(map.topic(1)?.seed, "Stars")
        XCTAssertEqual(map.topic(1)?.definition.map(\.key), ["galaxi", "telescop", "orbit planet"])
        XCTAssertEqual(map.topic(1)?.definition.map(\.weight), [0.4121, 0.201, 0.15])
        XCTAssertEqual(map.topic(4)?.isRetired, true)
        XCTAssertEqual(map.topic(4)?.successor, 1)
        XCTAssertEqual(map.topic(4)?.retiredOn, PaperDate(year: 2024, month: 1, day: 19))
        XCTAssertEqual(map.topic(4)?.retiredPapers, 12)
        XCTAssertEqual(map.topic(5)?.isRetired, true)
        XCTAssertNil(map.topic(5)?.successor)
        XCTAssertNil(map.topic(5)?.retiredOn)
        XCTAssertEqual(map.liveTopics.map(\.id), [1, 2])
        XCTAssertEqual(map.papers["garlic-sauce"], TopicMap.Placement(topic: 2, textHash: "0123456789abcdef"))
        // `new`: added since the related papers' term weights were taken.
        XCTAssertEqual(map.papers["telescope-survey"], TopicMap.Placement(topic: 1, textHash: "fedcba9876543210", inWeights: false))
        XCTAssertEqual(map.papers.count, 3)
        XCTAssertEqual(map.nextID, 6)
    }

    func testAMapRecordedFromInferredTopicsRoundTrips() throws {
        let papers = PlantedCorpus.papers()
        let model = inferTopics(papers, options: TopicInferenceTests.plantedOptions)
        let map = recordTopicMap(model, papers: papers, retired: [])
        let text = TopicMapFile.text(map)
        let parsed = try TopicMapFile.parse(text, path: "topics.map")
        XCTAssertEqual(TopicMapFile.text(parsed), text)
        XCTAssertEqual(parsed.papers, map.papers)
        XCTAssertEqual(parsed.topics.map(\.slug), model.topics.sorted { $0.mapID < $1.mapID }.map(\.slug))
        XCTAssertEqual(parsed.papers.count, papers.count)
        XCTAssertEqual(parsed.papers["paper-0"]?.textHash, placementHash(title: papers[0].title, abstract: papers[0].abstract))
    }

    /// Each hand-broken fixture, the line its error names and a part of the reason.
    let brokenFiles: [(file: String, line: Int, reason: String)] = [
        ("bad-header.map", 2, "expected `gazette-topic-map 1`"),
        ("unknown-record.map", 4, "unknown record `colour`"),
        ("duplicate-topic-id.map", 5, "topic 1 appears twice (also line 3)"),
        ("duplicate-slug.map", 4, "slug `astronomy` is already topic 1's"),
        ("not-a-slug.map", 4, "`Cooking_Things` is not a slug"),
        ("name-before-topic.map", 2, "`name` before any `topic` line"),
        ("missing-name.map", 4, "topic 2 has no `name` line"),
        ("bad-terms.map", 4, "got `telescop`"),
        ("bad-hash.map", 6, "`12345` is not a text hash (16 lowercase hexadecimal digits)"),
        // Hashes are written in lowercase; an uppercase one would never match and silently re-place the paper.
        ("uppercase-hash.map", 5, "`00000000000000FF` is not a text hash"),
        // The `topic 2 cooking` line was deleted: its name would silently rename astronomy.
        ("second-name.map", 4, "a second `name` for topic 1 (also line 3)"),
        ("paper-in-unknown-topic.map", 6, "paper `garlic-sauce` is in topic 7, which is not in the map"),
        ("paper-in-retired-topic.map", 9, "paper `nova-survey` is in topic 2, which is retired"),
        ("successor-cycle.map", 4, "topic 2's successors lead round in a circle"),
        ("bad-date.map", 6, "`2024-13-40` is not a date"),
        ("bad-paper-mark.map", 6, "`later` after the text hash: expected nothing or `new`"),
    ]

    func testEveryBrokenFileIsAnErrorNamingItsLine() throws {
        for broken in brokenFiles {
            let path = Fixtures.path("TopicMaps/\(broken.file)")
            XCTAssertThrowsError(try TopicMapFile.load(path), broken.file) { error in
                guard case let .invalid(file, line, reason)? = error as? TopicMapError else {
                    return XCTFail("\(broken.file): \(error)")
                }
                XCTAssertEqual(file, path, broken.file)
                XCTAssertEqual(line, broken.line, "\(broken.file): \(reason)")
                XCTAssertTrue(reason.contains(broken.reason), "\(broken.file): \(reason)")
                XCTAssertTrue("\(error)".contains("\(path):\(broken.line): "), "\(error)")
            }
        }
    }

    func testTextWithoutAHeaderIsNotAMap() {
        XCTAssertThrowsError(try TopicMapFile.parse("# only a comment\n\n", path: "m")) { error in
            XCTAssertEqual(error as? TopicMapError, .invalid(file: "m", line: 3, reason: "no `gazette-topic-map 1` line: not a topic map"))
        }
        XCTAssertThrowsError(try TopicMapFile.parse("", path: "m")) { error in
            guard case .invalid(_, 1, _)? = error as? TopicMapError else { return XCTFail("\(error)") }
        }
    }

    func testASuccessorOutsideTheMapIsAnError() {
        let text = "gazette-topic-map 1\ntopic 1 a\nname A\ntopic 2 b\nname B\nretired-into 9\n"
        XCTAssertThrowsError(try TopicMapFile.parse(text, path: "m")) { error in
            XCTAssertEqual(error as? TopicMapError, .invalid(file: "m", line: 4, reason: "topic 2 is retired into topic 9, which is not in the map"))
        }
    }

    func testATopicRetiredIntoOneThatRetiredWithoutSuccessorIsNoCycle() throws {
        // Topic 3 was merged into 2; 2 later lost all its papers and retired with no successor.
        let map = try XCTUnwrap(TopicMapFile.load(Fixtures.path("TopicMaps/retired-chain-without-successor.map")))
        XCTAssertEqual(map.retiredTopics.map(\.id), [2, 3])
        XCTAssertNil(map.liveSuccessor(of: 3))
        XCTAssertEqual(map.liveSuccessor(of: 1)?.id, 1)
    }

    func testCommentsBlankLinesAndCRLFAreAccepted() throws {
        let plain = try TopicMapFile.parse(fixture("comments-and-blank-lines.map"), path: "m")
        // A line of spaces and tabs is blank too.
        XCTAssertEqual(try TopicMapFile.parse(fixture("comments-and-blank-lines.map").replacingOccurrences(of: "\n\n", with: "\n \t \n"), path: "m"), plain)
        XCTAssertEqual(plain.topics, [TopicMap.Entry(id: 1, slug: "astronomy", name: "Astronomy")])
        XCTAssertEqual(plain.papers, ["comet-orbit": TopicMap.Placement(topic: 1, textHash: "00000000000000ff")])
        for file in ["crlf.map", "crlf-with-comment.map"] {
            XCTAssertTrue(try fixture(file).contains("\r\n"), file)
            XCTAssertEqual(try TopicMapFile.parse(fixture(file), path: "m"), plain, file)
        }
    }

    /// `paper` lines are read from their bytes unless the file has a "\r"; both ways agree, on
    /// good lines and on the errors of bad ones.
    func testPaperLinesReadFromBytesAgreeWithTheGeneralReader() throws {
        let good = "gazette-topic-map 1\ntopic 1 a\nname A\n\npaper x 1 0123456789abcdef\npaper  y   +1 00000000000000ff \n# note\npaper é 1 0000000000000001\n"
            + "paper z 1 0000000000000002 new\npaper w 1 0000000000000003  new \n"
        let map = try TopicMapFile.parse(good, path: "m")
        XCTAssertEqual(map.papers, ["x": .init(topic: 1, textHash: "0123456789abcdef"), "y": .init(topic: 1, textHash: "00000000000000ff"),
                                    "é": .init(topic: 1, textHash: "0000000000000001"), "z": .init(topic: 1, textHash: "0000000000000002", inWeights: false),
                                    "w": .init(topic: 1, textHash: "0000000000000003", inWeights: false)])
        XCTAssertEqual(try TopicMapFile.parse(good.replacingOccurrences(of: "\n", with: "\r\n"), path: "m"), map)
        let bad = ["paper x 1 0123456789ABCDEF", "paper x 1 0123456789abcde", "paper x one 0123456789abcdef", "paper x 1",
                   "paper x 2 0123456789abcdef", "paper x 1 0123456789abcdef\npaper x 1 0123456789abcdef", "paper x 1 0123456789abcdef\t",
                   "paper x 1 0123456789abcdef newer", "paper x 1 0123456789abcdef new new", "paper x 1 0123456789abcdef NEW"]
        for line in bad {
            let text = "gazette-topic-map 1\ntopic 1 a\nname A\n" + line + "\n"
            func failure(_ text: String) -> TopicMapError? {
                do { _ = try TopicMapFile.parse(text, path: "m"); return nil } catch { return error as? TopicMapError }
            }
            XCTAssertNotNil(failure(text), line)
            XCTAssertEqual(failure(text), failure(text.replacingOccurrences(of: "\n", with: "\r\n")), line)
        }
    }

    func testControlCharactersInALineAreAnError() {
        XCTAssertThrowsError(try TopicMapFile.parse("gazette-topic-map 1\ntopic 1 a\nname A\u{1B}[31m\n", path: "m")) { error in
            guard case .invalid(_, 3, let reason)? = error as? TopicMapError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("control characters"), reason)
        }
    }

    func testAMissingFileIsNoMap() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        XCTAssertNil(try TopicMapFile.load(dir.appendingPathComponent("topics.map").path))
    }

    func testWriteIsAtomicAndLeavesAnUnchangedFileAlone() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let path = dir.appendingPathComponent("topics.map").path
        let map = try TopicMapFile.parse(fixture("round-trip.map"), path: path)
        XCTAssertTrue(try TopicMapFile.write(map, to: path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["topics.map"], "no temporary file is left")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), try fixture("round-trip.map"))

        // The same map again: the file is not rewritten (its old modification date stays).
        let old = Date(timeIntervalSince1970: 946_684_800)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path)
        XCTAssertFalse(try TopicMapFile.write(map, to: path))
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date, old)

        var renamed = map
        renamed.topics[1].name = "Kitchen"
        XCTAssertTrue(try TopicMapFile.write(renamed, to: path))
        XCTAssertNotEqual(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date, old)
        XCTAssertEqual(try TopicMapFile.load(path)?.topic(2)?.name, "Kitchen")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["topics.map"])
    }

    func testAFailedWriteIsAnErrorAndLeavesNoFile() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let path = dir.appendingPathComponent("missing/topics.map").path
        XCTAssertThrowsError(try TopicMapFile.write(TopicMap(), to: path)) { error in
            guard case .writeFailed(path, _)? = error as? TopicMapError else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
    }

    func testPlacementHashDependsOnTitleAndAbstract() {
        let hash = placementHash(title: "A", abstract: "b")
        XCTAssertEqual(hash.count, 16)
        XCTAssertTrue(hash.allSatisfy { "0123456789abcdef".contains($0) }, hash)
        XCTAssertEqual(hash, placementHash(title: "A", abstract: "b"))
        XCTAssertNotEqual(hash, placementHash(title: "A", abstract: "c"))
        XCTAssertNotEqual(hash, placementHash(title: "Ab", abstract: ""))
        XCTAssertEqual(placementHash(title: "A", abstract: nil), placementHash(title: "A", abstract: ""))
        // The value committed maps hold (FNV-1a of title, "\n", abstract): it may never change.
        XCTAssertEqual(placementHash(title: "A", abstract: "b"), "faedd119a1154f10")
        let papers = (0..<600).map { Paper(title: "Paper \($0)", abstract: $0 % 3 == 0 ? nil : "Abstract \($0) é") }
        XCTAssertEqual(placementHashes(papers), papers.map { placementHash(title: $0.title, abstract: $0.abstract) })
    }
}
