import XCTest
@testable import GazetteCore

final class DailyPapersJSONFormatTests: XCTestCase {
    /// Parses `Tests/Fixtures/Formats/<file>` as Daily Papers JSON.
    private func parse(_ file: String) throws -> (Dump, [Diagnostic]) {
        try DailyPapersJSONFormat().parse(try Fixtures.bytes("Formats/" + file), name: "x", path: Fixtures.path("Formats/" + file))
    }

    /// The `IngestError.badRecord` parsing `file` throws.
    private func badRecord(_ file: String) throws -> (line: Int, path: String, reason: String, description: String)? {
        do {
            _ = try parse(file)
            XCTFail("\(file) parsed; expected IngestError.badRecord")
        } catch let error as IngestError {
            guard case let .badRecord(_, line, path, reason) = error else {
                XCTFail("\(error)")
                return nil
            }
            return (line, path, reason, error.description)
        }
        return nil
    }

    func testDailyListGivesOneEntryPerItemWithTheLineItStartsAt() throws {
        let (dump, diagnostics) = try parse("daily-papers-list.json")
        XCTAssertEqual(dump.entries.map(\.title), ["Why Language Models Hallucinate",
                                                  "DSPy: Compiling Declarative Language Model Calls into Self-Improving Pipelines"])
        XCTAssertEqual(dump.entries.map(\.line), [2, 30])
        XCTAssertEqual(diagnostics, [])
    }

    func testSummaryHardBreaksAreJoinedAndIndentedLinesStartParagraphs() throws {
        let (dump, _) = try parse("daily-papers-list.json")
        XCTAssertEqual(dump.entries[0].abstract, "Like students facing hard exam questions, large language models sometimes guess when uncertain, "
            + "producing plausible yet incorrect statements instead of admitting uncertainty.\n\nWe argue that hallucinations persist "
            + "because training and evaluation procedures reward guessing over acknowledging uncertainty.")
        XCTAssertFalse(dump.entries[0].abstractIsAISummary)
    }

    func testHiddenAuthorsAreLeftOut() throws {
        let (dump, _) = try parse("daily-papers-list.json")
        XCTAssertEqual(dump.entries[0].details.authors, ["Adam Tauman Kalai", "Ofir Nachum", "Santosh S. Vempala"])
        XCTAssertEqual(dump.entries[0].authorCount, 3)
    }

    func testMetadataComesFromPaperAndCommentsFromTheItem() throws {
        let (dump, _) = try parse("daily-papers-list.json")
        let entry = dump.entries[0]
        XCTAssertEqual(entry.details.arxivID, "2509.04664")
        XCTAssertEqual(entry.published, PaperDate(year: 2025, month: 9, day: 4))
        XCTAssertEqual(entry.details.submittedOnDaily, PaperDate(year: 2025, month: 9, day: 8))
        XCTAssertEqual(entry.upvotes, 26)
        XCTAssertEqual(entry.details.comments, 3)
        XCTAssertEqual(entry.details.githubRepo, "https://github.com/example/hallucinate")
        XCTAssertEqual(entry.details.projectPage, "https://example.org/hallucinate")
        XCTAssertEqual(entry.details.aiKeywords, ["hallucinations", "binary classification"])
        XCTAssertTrue(entry.details.aiSummary?.hasPrefix("Language models produce incorrect statements") == true)
    }

    func testAISummaryStandsInForAMissingAbstractAndSaysSo() throws {
        let (dump, _) = try parse("daily-papers-list.json")
        XCTAssertEqual(dump.entries[1].abstract, "DSPy compiles declarative language model calls into self-improving pipelines.")
        XCTAssertTrue(dump.entries[1].abstractIsAISummary)
        XCTAssertEqual(dump.entries[1].details.arxivID, "2310.03714", "the version is not part of the id")
    }

    func testSinglePaperObjectIsOneEntryAndUnknownFieldsAreIgnored() throws {
        let (dump, diagnostics) = try parse("daily-papers-paper.json")
        XCTAssertEqual(dump.entries.map(\.title), ["Why Language Models Hallucinate"])
        XCTAssertEqual(dump.entries.first?.upvotes, 30)
        XCTAssertEqual(dump.entries.first?.abstract, "Like students facing hard exam questions, large language models sometimes guess when uncertain.")
        XCTAssertEqual(diagnostics, [])
    }

    func testJSONLinesMixItemsListsAndPapersAndKeepTheirLines() throws {
        let (dump, _) = try parse("daily-papers-lines.jsonl")
        XCTAssertEqual(dump.entries.map(\.details.arxivID), ["2509.04664", "2310.03714", "2401.00001"])
        XCTAssertEqual(dump.entries.map(\.line), [1, 3, 4])
        XCTAssertEqual(dump.entries.first?.details.comments, 3)
    }

    func testWrongTypeNamesTheJSONPathAndItsLine() throws {
        let error = try XCTUnwrap(try badRecord("daily-papers-wrong-type.json"))
        XCTAssertEqual(error.path, "$[1].paper.upvotes")
        XCTAssertEqual(error.line, 15)
        XCTAssertTrue(error.reason.contains("whole number"), error.reason)
        XCTAssertTrue(error.description.contains("daily-papers-wrong-type.json:15: at `$[1].paper.upvotes`"), error.description)
    }

    func testWrongTypeInJSONLinesNamesTheLine() throws {
        let error = try XCTUnwrap(try badRecord("daily-papers-lines-wrong-type.jsonl"))
        XCTAssertEqual(error.path, "$.paper.authors")
        XCTAssertEqual(error.line, 2)
    }

    func testMissingTitleIsAnErrorNamingTheField() throws {
        let bytes = Array(#"[{"paper": {"id": "2509.04664", "summary": "No title here."}}]"#.utf8)
        XCTAssertThrowsError(try DailyPapersJSONFormat().parse(bytes, name: "x", path: "x.json")) { error in
            XCTAssertEqual(error as? IngestError, .badRecord(file: "x.json", line: 1, path: "$[0].paper.title",
                                                             reason: "missing field `title`, which every paper needs"))
        }
    }

    func testMalformedJSONIsAnError() {
        let bytes = Array("[{\"paper\": {\"id\": \"2509.04664\",\n \"title\": }}]".utf8)
        XCTAssertThrowsError(try DailyPapersJSONFormat().parse(bytes, name: "x", path: "x.json")) { error in
            XCTAssertTrue("\(error)".hasPrefix("ingest: x.json:2: at `$`: not valid JSON: "), "\(error)")
        }
    }

    func testEmptyDayIsAnEmptyIssueWithAWarning() throws {
        let (dump, diagnostics) = try parse("daily-papers-weekend.json")
        XCTAssertEqual(dump.entries, [])
        XCTAssertEqual(diagnostics.map(\.message), ["empty dump: the JSON holds no papers"])
        XCTAssertFalse(diagnostics[0].failsCheck)
    }

    func testConfidenceIsHighForAPIJSONAndNoneForMarkdownThatOpensWithALink() {
        let format = DailyPapersJSONFormat()
        XCTAssertGreaterThan(format.confidence(Array(#"[{"paper": {"id": "1"}}]"#.utf8), fileExtension: "txt"), 0.9)
        XCTAssertEqual(format.confidence(Array("[Skip to content](https://huggingface.co/papers)".utf8), fileExtension: "md"), 0)
        XCTAssertEqual(format.confidence(Array("Daily Papers\n".utf8), fileExtension: "json"), 0)
    }

    func testNonArxivIDWarnsAndLeavesTheIDOut() throws {
        let bytes = Array(#"{"id": "not-an-id", "title": "A Paper Hugging Face Hosts Alone", "summary": "It has no arXiv id."}"#.utf8)
        let (dump, diagnostics) = try DailyPapersJSONFormat().parse(bytes, name: "x", path: "x.json")
        XCTAssertNil(dump.entries.first?.details.arxivID)
        XCTAssertEqual(diagnostics.map(\.line), [1])
    }

    func testOnlyWebLinksAreKeptAsRepositoryAndProjectPage() throws {
        let bytes = Array(#"{"id": "2401.00001", "title": "Links From the API", "summary": "S.", "githubRepo": "javascript:alert(1)", "projectPage": " https://example.org/p "}"#.utf8)
        let (dump, _) = try DailyPapersJSONFormat().parse(bytes, name: "x", path: "x.json")
        XCTAssertNil(dump.entries.first?.details.githubRepo)
        XCTAssertEqual(dump.entries.first?.details.projectPage, "https://example.org/p")
    }

    func testTheIssueDateIsTheDayMostPapersWereFeatured() throws {
        let (dump, _) = try parse("daily-papers-list.json")
        XCTAssertEqual(dump.captureDate, CaptureDate(month: 9, day: 8))
        let (single, _) = try parse("daily-papers-paper.json")
        XCTAssertNil(single.captureDate)
        let day = { (d: Int) in DumpEntry(title: "T", line: 1, details: PaperDetails(submittedOnDaily: PaperDate(year: 2025, month: 9, day: d))) }
        XCTAssertEqual(DailyPapersJSONFormat.listingDate([day(9), day(8), day(9)]), CaptureDate(month: 9, day: 9))
        XCTAssertEqual(DailyPapersJSONFormat.listingDate([day(9), day(8)]), CaptureDate(month: 9, day: 8))
    }
}
