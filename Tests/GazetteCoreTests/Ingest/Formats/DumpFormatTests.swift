import XCTest
@testable import GazetteCore

/// Choosing a file's format: by content, unless a `formats:` rule of `site.yml` forces one.
final class DumpFormatTests: XCTestCase {
    private func chosen(_ fixture: String, as fileName: String, rules: [FormatRule] = []) throws -> String {
        DumpFormats.choose(for: try Fixtures.bytes(fixture), fileName: fileName, rules: rules).name
    }

    func testContentDecidesWhateverTheExtension() throws {
        XCTAssertEqual(try chosen("Formats/daily-papers-list.json", as: "2025-09-08.txt"), "json")
        XCTAssertEqual(try chosen("Formats/arxiv-feed.atom", as: "cs-cl.xml"), "atom")
        XCTAssertEqual(try chosen("Formats/arxiv-feed.atom", as: "cs-cl.txt"), "atom")
        XCTAssertEqual(try chosen("Dumps/blank-separated.txt", as: "listing.json"), "text")
        XCTAssertEqual(try chosen("Formats/daily-papers-lines.jsonl", as: "days.jsonl"), "json")
    }

    func testCapturesOfPapersPagesAreReadAsCapturesWhateverTheExtension() throws {
        for fixture in ["search-firecrawl.md", "search-notebook-export.txt", "trending-rendered-twice.md", "paper-page-reader.md"] {
            XCTAssertEqual(try chosen("Captures/\(fixture)", as: "capture.txt"), "capture", fixture)
        }
        XCTAssertEqual(try chosen("Dumps/blank-separated.txt", as: "listing.md"), "text")
    }

    func testACapturesConfidenceReadsOnlyTheOpeningOfAFile() throws {
        let capture = try Fixtures.bytes("Captures/search-firecrawl.md")
        XCTAssertGreaterThan(HFCaptureFormat().confidence(capture, fileExtension: "md"), 0.3)
        // The same capture behind 64 KB of plain text is judged by the text: a large dump is not read whole to decide.
        let padding = Array(String(repeating: "A plain line of text in a long copied listing\n", count: 1 + HFCaptureFormat.sniffedBytes / 40).utf8)
        XCTAssertLessThan(HFCaptureFormat().confidence(padding + capture, fileExtension: "md"), 0.3)
    }

    func testACaptureBecomesAnIssueWithArxivIDsAndAuthorNames() throws {
        let (dump, _) = try readDump(path: Fixtures.path("Captures/paper-page-reader.md"), rules: [])
        XCTAssertEqual(dump.name, "paper-page-reader")
        XCTAssertEqual(dump.entries.count, 1)
        let paper = try XCTUnwrap(dump.entries.first)
        XCTAssertEqual(paper.details.arxivID, "2310.03714")
        XCTAssertEqual(paper.details.authors.count, 13)
        XCTAssertEqual(paper.authorCount, 13)
        XCTAssertNotNil(paper.abstract)
    }

    func testPagesThatAreNeitherFallBackToTextWhichRefusesThem() throws {
        XCTAssertEqual(try chosen("Dumps/html-page.txt", as: "page.txt"), "text")
        // Named .xml, markup is read as a feed, which refuses it for lacking one.
        XCTAssertEqual(try chosen("Dumps/html-page.txt", as: "page.xml"), "atom")
        XCTAssertEqual(try chosen("Dumps/chrome-links-only.txt", as: "capture.md"), "text")
    }

    func testTheFirstMatchingRuleForcesItsFormat() throws {
        let rules = [FormatRule(pattern: "*.md", format: "text"), FormatRule(pattern: "*", format: "atom")]
        XCTAssertEqual(try chosen("Formats/daily-papers-list.json", as: "notes.md", rules: rules), "text")
        XCTAssertEqual(try chosen("Dumps/blank-separated.txt", as: "day.txt", rules: rules), "atom")
    }

    func testEveryFormatHasADistinctName() {
        XCTAssertEqual(Set(DumpFormats.names).count, DumpFormats.all.count)
        XCTAssertEqual(DumpFormats.names.first, "text")
    }

    func testDumpFilesListsTheReadExtensionsSortedWithoutHiddenFiles() throws {
        let directory = try Fixtures.temporaryDirectory(self)
        for name in ["b.json", "a.txt", "c.atom", "d.xml", "e.md", "f.jsonl", "g.html", ".h.txt", "README"] {
            try Data().write(to: directory.appendingPathComponent(name))
        }
        XCTAssertEqual(dumpFiles(in: directory.path), ["a.txt", "b.json", "c.atom", "d.xml", "e.md", "f.jsonl"])
    }

    func testTwoFilesOfTheSameIssueNameAreAnError() {
        XCTAssertEqual(duplicateDumpNames(["a.json", "a.txt", "b.txt"], directory: "dumps"),
                       .duplicateDumpName(file: "dumps/a.txt", other: "a.json", name: "a"))
        XCTAssertNil(duplicateDumpNames(["a.json", "b.txt"], directory: "dumps"))
    }
}
