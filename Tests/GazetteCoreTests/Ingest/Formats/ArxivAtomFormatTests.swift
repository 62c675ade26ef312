import XCTest
@testable import GazetteCore

final class ArxivAtomFormatTests: XCTestCase {
    /// Parses `Tests/Fixtures/Formats/<file>` as arXiv Atom.
    private func parse(_ file: String) throws -> (Dump, [Diagnostic]) {
        try ArxivAtomFormat().parse(try Fixtures.bytes("Formats/" + file), name: "x", path: Fixtures.path("Formats/" + file))
    }

    func testEntriesGiveTitleAbstractAuthorsDatesAndTheirLines() throws {
        let (dump, diagnostics) = try parse("arxiv-feed.atom")
        XCTAssertEqual(dump.entries.map(\.title), ["DSPy: Compiling Declarative Language Model Calls into Self-Improving Pipelines",
                                                  "An Old-Style Identifier Survives the Move to New Ids"])
        XCTAssertEqual(dump.entries.map(\.line), [7, 28])
        let dspy = dump.entries[0]
        XCTAssertEqual(dspy.abstract, "The ML community is rapidly exploring techniques for prompting language models (LMs) and for stacking them "
            + "into pipelines that solve complex tasks.\n\nWe introduce DSPy, a programming model that abstracts LM pipelines as text "
            + "transformation graphs & compiles them.")
        XCTAssertEqual(dspy.details.authors, ["Omar Khattab", "Arnav Singhvi", "Paridhi Maheshwari"])
        XCTAssertEqual(dspy.authorCount, 3)
        XCTAssertEqual(dspy.published, PaperDate(year: 2023, month: 10, day: 5))
        XCTAssertEqual(dspy.details.updated, PaperDate(year: 2023, month: 10, day: 6))
        XCTAssertEqual(diagnostics, [])
    }

    func testIDComesFromTheEntryURLWithoutItsVersion() throws {
        let (dump, _) = try parse("arxiv-feed.atom")
        XCTAssertEqual(dump.entries.map(\.details.arxivID), ["2310.03714", "hep-th/9901001"])
    }

    func testPrimaryCategoryComesFirstAndCategoriesAreNotRepeated() throws {
        let (dump, _) = try parse("arxiv-feed.atom")
        XCTAssertEqual(dump.entries[0].details.categories, ["cs.CL", "cs.AI"])
        XCTAssertEqual(dump.entries[1].details.categories, ["hep-th"])
    }

    func testAnErrorAnswerFromArxivIsAnErrorQuotingIt() {
        XCTAssertThrowsError(try parse("arxiv-error.atom")) { error in
            guard case let IngestError.notADump(_, line, reason)? = error as? IngestError else { return XCTFail("\(error)") }
            XCTAssertEqual(line, 4)
            XCTAssertTrue(reason.contains("incorrect id format for 1234.12345"), reason)
        }
    }

    func testMalformedXMLIsAnErrorWithItsLine() {
        XCTAssertThrowsError(try parse("arxiv-broken.atom")) { error in
            guard case let IngestError.notADump(file, line, reason)? = error as? IngestError else { return XCTFail("\(error)") }
            XCTAssertTrue(file.hasSuffix("arxiv-broken.atom"))
            XCTAssertEqual(line, 5)
            XCTAssertTrue(reason.contains("not well-formed XML"), reason)
        }
    }

    func testXMLThatIsNotAFeedIsRefused() {
        XCTAssertThrowsError(try ArxivAtomFormat().parse(Array("<html><body>Hi</body></html>".utf8), name: "x", path: "x.xml")) { error in
            XCTAssertTrue("\(error)".contains("Atom <feed>"), "\(error)")
        }
    }

    func testConfidenceIsHighForAnAtomFeedOnly() throws {
        let format = ArxivAtomFormat()
        XCTAssertGreaterThan(format.confidence(try Fixtures.bytes("Formats/arxiv-feed.atom"), fileExtension: "txt"), 0.9)
        XCTAssertLessThan(format.confidence(Array("<!doctype html><html>".utf8), fileExtension: "txt"), 0.05)
        XCTAssertEqual(format.confidence(Array("Daily Papers".utf8), fileExtension: "atom"), 0)
    }

    func testNestedEntitiesThatWouldExpandToGigabytesAreRefused() {
        // Eight levels of sixteen copies: 4 GB of text if expanded.
        XCTAssertThrowsError(try parse("arxiv-entity-expansion.atom")) { error in
            XCTAssertTrue("\(error)".contains("not well-formed XML"), "\(error)")
        }
    }
}
