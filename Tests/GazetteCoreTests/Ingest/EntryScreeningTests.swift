import XCTest
@testable import GazetteCore

/// The no-junk rules: blocks that are not papers are warned about with their line, never silently.
final class EntryScreeningTests: XCTestCase {
    func testTitlesThatCannotBePapersSayWhy() {
        XCTAssertEqual(junkTitleReason("*   [Models](https://huggingface.co/models)"), "is markup")
        XCTAssertEqual(junkTitleReason("==============="), "has no words (a number, symbol or rule)")
        XCTAssertEqual(junkTitleReason("👍"), "has no words (a number, symbol or rule)")
        XCTAssertEqual(junkTitleReason("1,234"), "has no words (a number, symbol or rule)")
        XCTAssertEqual(junkTitleReason("https://arxiv.org/abs/2310.03714"), "is a link")
        XCTAssertEqual(junkTitleReason("Authors:"), "is a navigation label")
        XCTAssertEqual(junkTitleReason("Log in"), "is a navigation label")
        XCTAssertEqual(junkTitleReason("Transformers"), "is a lone word")
        XCTAssertEqual(junkTitleReason("· Dec 28, 2024"), "is markup")
        XCTAssertEqual(junkTitleReason("2025-09-08"), "has no words (a number, symbol or rule)")
        for date in ["Aug 30", "Dec 28, 2024", "Published on Dec 28, 2024", "Published on 2025-09-08"] {
            XCTAssertEqual(junkTitleReason(date), "is a date", date)
        }
    }

    func testRealTitlesPass() {
        for title in ["Why Language Models Hallucinate", "A Study of <script>alert('x')</script> Injection in Titles",
                      "DSPy: Compiling Declarative Language Model Calls", "α-Divergence Minimisation for Sparse Models"] {
            XCTAssertNil(junkTitleReason(title), title)
        }
    }

    private func dump(_ entries: [DumpEntry]) -> Dump { Dump(name: "x", path: "x.md", captureDate: nil, entries: entries) }

    func testJunkWithoutAbstractIsSkippedAndJunkWithAnAbstractKeptBothWithWarningsThatFailCheck() throws {
        let (screened, diagnostics) = try screenEntries(dump([
            DumpEntry(title: "Models", line: 3),
            DumpEntry(title: "Mamba", abstract: "A selective state space model. It scales linearly.", line: 5),
            DumpEntry(title: "Why Language Models Hallucinate", abstract: "Guessing is rewarded.", line: 9),
        ]), path: "x.md")
        XCTAssertEqual(screened.entries.map(\.title), ["Mamba", "Why Language Models Hallucinate"])
        XCTAssertEqual(diagnostics.map(\.line), [3, 5])
        XCTAssertTrue(diagnostics.allSatisfy(\.failsCheck))
        XCTAssertTrue(diagnostics[0].message.contains("skipped"), diagnostics[0].message)
    }

    func testAFileOfJunkOnlyIsAnErrorSayingWhatItLookedLike() {
        XCTAssertThrowsError(try screenEntries(dump([DumpEntry(title: "Models", line: 3), DumpEntry(title: "👍", line: 4)]), path: "x.md")) { error in
            guard case let IngestError.notADump(file, line, reason)? = error as? IngestError else { return XCTFail("\(error)") }
            XCTAssertEqual(file, "x.md")
            XCTAssertEqual(line, 3)
            XCTAssertTrue(reason.contains("no credible paper among its 2 blocks"), reason)
            XCTAssertTrue(reason.contains("page chrome"), reason)
        }
    }

    func testAFileWithTitlesButNoAbstractAtAllIsAnError() {
        XCTAssertThrowsError(try screenEntries(dump([DumpEntry(title: "Why Language Models Hallucinate", line: 2)]), path: "x.json")) { error in
            XCTAssertTrue("\(error)".contains("none of its 1 titles has an abstract"), "\(error)")
        }
    }

    func testAnEmptyDumpPassesWithoutWarnings() throws {
        let (screened, diagnostics) = try screenEntries(dump([]), path: "x.json")
        XCTAssertEqual(screened.entries, [])
        XCTAssertEqual(diagnostics, [])
    }
}
