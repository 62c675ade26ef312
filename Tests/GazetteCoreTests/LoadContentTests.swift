import Foundation
import XCTest
@testable import GazetteCore

/// Dumps are parsed on several threads; what `loadContent` returns must not show it.
final class LoadContentTests: XCTestCase {
    func content(_ dumps: [String: String]) throws -> String {
        let root = try Fixtures.temporaryDirectory(self).appendingPathComponent("content")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("dumps"), withIntermediateDirectories: true)
        try "title: Test\n".write(to: root.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        for (name, text) in dumps { try text.write(to: root.appendingPathComponent("dumps/\(name).txt"), atomically: true, encoding: .utf8) }
        return root.path
    }

    func dump(_ n: Int) -> String {
        "Paper number \(n) on sparse attention\n\nWe study sparse attention. It works well in practice. Results hold.\n\n"
    }

    func testDumpsAndNotesComeInNameOrder() throws {
        var dumps: [String: String] = [:]
        for n in 0..<24 { dumps[String(format: "%02d", n)] = dump(n) + (n % 5 == 0 ? "Orphan title without abstract\n" : "") }
        let loaded = try loadContent(try content(dumps))
        XCTAssertEqual(loaded.dumps.map(\.name), (0..<24).map { String(format: "%02d", $0) })
        XCTAssertEqual(loaded.dumps.map { $0.entries[0].title }, (0..<24).map { "Paper number \($0) on sparse attention" })
        let noted = loaded.diagnostics.map { ($0.file as NSString).lastPathComponent }
        XCTAssertEqual(noted, ["00.txt", "05.txt", "10.txt", "15.txt", "20.txt"])
    }

    func testTheFirstBadDumpByNameIsTheOneReported() throws {
        var dumps: [String: String] = [:]
        for n in 0..<24 { dumps[String(format: "%02d", n)] = [7, 13, 21].contains(n) ? "<html><body>saved as HTML</body></html>\n" : dump(n) }
        XCTAssertThrowsError(try loadContent(try content(dumps))) { error in
            guard case IngestError.notADump(let file, _, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual((file as NSString).lastPathComponent, "07.txt")
        }
    }

    /// A content folder holding `files` (name → bytes) in `dumps/` and `siteYML` as `site.yml`.
    func content(files: [String: [UInt8]], siteYML: String = "title: Test\n") throws -> String {
        let root = try content([:])
        try siteYML.write(toFile: root + "/site.yml", atomically: true, encoding: .utf8)
        for (name, bytes) in files { try Data(bytes).write(to: URL(fileURLWithPath: root + "/dumps/" + name)) }
        return root
    }

    func testEveryReadExtensionIsLoadedInItsFormat() throws {
        let loaded = try loadContent(try content(files: [
            "a.txt": Array(dump(1).utf8), "b.json": try Fixtures.bytes("Formats/daily-papers-list.json"),
            "c.atom": try Fixtures.bytes("Formats/arxiv-feed.atom"), "d.jsonl": try Fixtures.bytes("Formats/daily-papers-lines.jsonl"),
            "e.html": Array("<html></html>".utf8),
        ]))
        XCTAssertEqual(loaded.dumps.map(\.name), ["a", "b", "c", "d"])
        XCTAssertEqual(loaded.dumps.map(\.entries.count), [1, 2, 2, 3])
    }

    func testAFormatsRuleOfSiteYMLForcesTheFormat() throws {
        let root = try content(files: ["feed.xml": try Fixtures.bytes("Formats/arxiv-feed.atom")], siteYML: "formats:\n  \"*.xml\": text\n")
        XCTAssertThrowsError(try loadContent(root)) { error in
            XCTAssertTrue("\(error)".contains("looks like HTML or XML"), "\(error)")
        }
    }

    func testTwoFilesOfOneIssueNameAreAnError() throws {
        let root = try content(files: ["day.txt": Array(dump(1).utf8), "day.json": try Fixtures.bytes("Formats/daily-papers-paper.json")])
        XCTAssertThrowsError(try loadContent(root)) { error in
            XCTAssertEqual("\(error)", "ingest: \(root)/dumps/day.txt: same issue name `day` as day.json; rename one of the two files")
        }
    }
}
