import XCTest
@testable import GazetteCore

final class PaperMergerTests: XCTestCase {
    private let shortAbstract = "We propose a decomposition-based synthesis strategy. It predicts execution subgoals step by step. It improves generalization."
    private let longAbstract = "We propose a decomposition-based synthesis strategy that predicts execution subgoals to solve problems step by step, "
        + "informed by program execution at each step. It has better synthesis performance and greatly improved compositional "
        + "generalization ability compared to baselines on two popular datasets."

    private func dump(_ name: String, _ entries: [DumpEntry]) -> Dump {
        Dump(name: name, path: "content/dumps/\(name).txt", captureDate: nil, entries: entries)
    }

    func testSameTitleDifferingInCasePunctuationAndAccentsMergesIntoOnePaper() {
        let papers = mergePapers([
            dump("001", [DumpEntry(title: "ExeDec: Execution Decomposition for Compositional Généralisation", abstract: shortAbstract, line: 3)]),
            dump("000", [DumpEntry(title: "Exedec – execution decomposition for compositional generalisation", abstract: longAbstract, line: 13)]),
        ])
        XCTAssertEqual(papers.count, 1)
        XCTAssertEqual(papers.first?.title, "ExeDec: Execution Decomposition for Compositional Généralisation")
    }

    func testMergedPaperListsBothSourcesSorted() {
        let papers = mergePapers([
            dump("004", [DumpEntry(title: "Data Factors for Better Compositional Generalization", abstract: longAbstract, line: 21)]),
            dump("001", [DumpEntry(title: "Data factors for better compositional generalization.", abstract: shortAbstract, line: 7)]),
        ])
        XCTAssertEqual(papers.first?.sources, [SourceRef(dump: "001", line: 7), SourceRef(dump: "004", line: 21)])
    }

    func testMergedPaperKeepsLongerAbstractWhicheverComesFirst() {
        for order in [[longAbstract, shortAbstract], [shortAbstract, longAbstract]] {
            let papers = mergePapers([
                dump("000", [DumpEntry(title: "Some Paper", abstract: order[0], line: 13)]),
                dump("001", [DumpEntry(title: "SOME PAPER", abstract: order[1], line: 3)]),
            ])
            XCTAssertEqual(papers.first?.abstract, longAbstract)
        }
    }

    func testMergedPaperTakesMetadataFromWhicheverEntryHasIt() {
        let published = PaperDate(year: 2025, month: 6, day: 11)
        let papers = mergePapers([
            dump("001", [DumpEntry(title: "Some Paper", abstract: longAbstract, line: 3)]),
            dump("004", [DumpEntry(title: "Some paper", abstract: shortAbstract, authorCount: 5, published: published, upvotes: 2, line: 29)]),
        ])
        XCTAssertEqual(papers.count, 1)
        XCTAssertEqual(papers.first?.authorCount, 5)
        XCTAssertEqual(papers.first?.published, published)
        XCTAssertEqual(papers.first?.upvotes, 2)
        XCTAssertEqual(papers.first?.abstract, longAbstract)
    }

    func testMetadataIsNotLostWhenLaterEntryLacksIt() {
        let published = PaperDate(year: 2024, month: 1, day: 26)
        let papers = mergePapers([
            dump("004", [DumpEntry(title: "Some Paper", authorCount: 3, published: published, upvotes: 7, line: 13)]),
            dump("005", [DumpEntry(title: "Some Paper", abstract: longAbstract, line: 3)]),
        ])
        XCTAssertEqual(papers.first?.authorCount, 3)
        XCTAssertEqual(papers.first?.published, published)
        XCTAssertEqual(papers.first?.upvotes, 7)
    }

    func testDistinctTitlesStayDistinctInOrderOfFirstAppearance() {
        let papers = mergePapers([
            dump("000", [
                DumpEntry(title: "Compositional Generalization in Program Synthesis", abstract: longAbstract, line: 13),
                DumpEntry(title: "Compositional Generalization in Semantic Parsing", abstract: longAbstract, line: 17),
            ]),
            dump("001", [DumpEntry(title: "Compositional Generalization in Image Captioning", abstract: shortAbstract, line: 3)]),
        ])
        XCTAssertEqual(papers.map(\.title), [
            "Compositional Generalization in Program Synthesis",
            "Compositional Generalization in Semantic Parsing",
            "Compositional Generalization in Image Captioning",
        ])
        XCTAssertEqual(papers.map { $0.sources.count }, [1, 1, 1])
    }

    func testMergedPaperLinksComeFromTheKeptAbstract() {
        let withLink = longAbstract + " Code is available at https://github.com/example/exedec."
        let papers = mergePapers([
            dump("000", [DumpEntry(title: "Some Paper", abstract: shortAbstract, line: 13)]),
            dump("001", [DumpEntry(title: "Some Paper", abstract: withLink, line: 3)]),
        ])
        XCTAssertEqual(papers.first?.codeLinks, ["https://github.com/example/exedec"])
    }

    // MARK: arXiv ids

    private func withID(_ title: String, _ id: String?, abstract: String? = nil, line: Int = 2, authors: [String] = [],
                        aiSummary: Bool = false) -> DumpEntry {
        DumpEntry(title: title, abstract: abstract ?? longAbstract, line: line, abstractIsAISummary: aiSummary,
                  details: PaperDetails(arxivID: id, authors: authors))
    }

    func testSameArxivIDMergesDifferentTitles() {
        let papers = mergePapers([
            dump("a", [withID("DSPy: Compiling Declarative Language Model Calls", "2310.03714")]),
            dump("b", [withID("DSPy - compiling declarative LM calls into pipelines", "2310.03714", line: 9)]),
        ])
        XCTAssertEqual(papers.count, 1)
        XCTAssertEqual(papers.first?.sources, [SourceRef(dump: "a", line: 2), SourceRef(dump: "b", line: 9)])
    }

    func testSameTitleWithDifferentArxivIDsStaysTwoPapers() {
        let papers = mergePapers([dump("a", [withID("Scaling Laws Revisited", "2401.00001"), withID("Scaling Laws Revisited", "2402.00002", line: 7)])])
        XCTAssertEqual(papers.map(\.details.arxivID), ["2401.00001", "2402.00002"])
    }

    func testTextEntryAndJSONEntryOfOnePaperMergeInEitherOrder() {
        let text = DumpEntry(title: "Why language models hallucinate", abstract: shortAbstract, authorCount: 3, upvotes: 30, line: 13)
        let json = withID("Why Language Models Hallucinate", "2509.04664", line: 2, authors: ["Adam Tauman Kalai", "Ofir Nachum"])
        for order in [[dump("text", [text]), dump("json", [json])], [dump("json", [json]), dump("text", [text])]] {
            let papers = mergePapers(order)
            XCTAssertEqual(papers.count, 1)
            XCTAssertEqual(papers.first?.details.arxivID, "2509.04664")
            XCTAssertEqual(papers.first?.details.authors, ["Adam Tauman Kalai", "Ofir Nachum"])
            XCTAssertEqual(papers.first?.authorCount, 3)
            XCTAssertEqual(papers.first?.upvotes, 30)
            XCTAssertEqual(papers.first?.sources, [SourceRef(dump: "json", line: 2), SourceRef(dump: "text", line: 13)])
        }
    }

    func testARealAbstractBeatsALongerAISummary() {
        let ai = withID("Some Paper", "2401.00001", abstract: longAbstract + " More.", aiSummary: true)
        let real = withID("Some Paper", "2401.00001", abstract: shortAbstract)
        for order in [[ai, real], [real, ai]] {
            let paper = mergePapers([dump("a", order)]).first
            XCTAssertEqual(paper?.abstract, shortAbstract)
            XCTAssertEqual(paper?.abstractIsAISummary, false)
        }
    }

    func testLinksNamedByTheSourceComeBeforeThoseInTheAbstractWithoutRepeats() {
        var entry = withID("Some Paper", "2401.00001", abstract: longAbstract + " Code: https://github.com/example/repo and https://github.com/example/other.")
        entry.details.githubRepo = "https://github.com/example/repo"
        entry.details.projectPage = "https://example.org/project"
        let paper = mergePapers([dump("a", [entry])]).first
        XCTAssertEqual(paper?.codeLinks, ["https://github.com/example/repo", "https://github.com/example/other"])
        XCTAssertEqual(paper?.otherLinks, ["https://example.org/project"])
    }

    // MARK: Default content

    func testDefaultContentMergesIntoExpectedPapers() throws {
        let content = try loadContent(Fixtures.defaultContent)
        XCTAssertEqual(content.dumps.count, 5)
        XCTAssertEqual(content.dumps.reduce(0) { $0 + $1.entries.count }, 507)
        XCTAssertEqual(mergePapers(content.dumps).count, 479)
    }

    func testDefaultContentCaptureDates() throws {
        let content = try loadContent(Fixtures.defaultContent)
        let dates = Dictionary(uniqueKeysWithValues: content.dumps.map { (String($0.name.prefix(3)), $0.captureDate) })
        XCTAssertEqual(dates["000"], CaptureDate(month: 8, day: 7))
        XCTAssertEqual(dates["003"], CaptureDate(month: 3, day: 13))
        XCTAssertEqual(dates["004"], CaptureDate(month: 1, day: 19))
        XCTAssertEqual(dates["001"], .some(nil))
        XCTAssertEqual(dates["002"], .some(nil))
    }
}

/// Folding the richer formats' details of several sightings into one paper.
final class PaperDetailsTests: XCTestCase {
    func testMissingValuesAreTakenAndLongerListsAndLaterDatesWin() {
        var kept = PaperDetails(arxivID: "2310.03714", authors: ["A"], updated: PaperDate(year: 2023, month: 10, day: 6), comments: 1)
        kept.absorb(PaperDetails(arxivID: "9999.99999", authors: ["A", "B"], submittedOnDaily: PaperDate(year: 2023, month: 10, day: 9),
                                 updated: PaperDate(year: 2024, month: 1, day: 2), comments: 4, githubRepo: "https://github.com/x/y",
                                 aiSummary: "S", aiKeywords: ["k"], categories: ["cs.CL"]))
        XCTAssertEqual(kept, PaperDetails(arxivID: "2310.03714", authors: ["A", "B"], submittedOnDaily: PaperDate(year: 2023, month: 10, day: 9),
                                          updated: PaperDate(year: 2024, month: 1, day: 2), comments: 4, githubRepo: "https://github.com/x/y",
                                          aiSummary: "S", aiKeywords: ["k"], categories: ["cs.CL"]))
    }

    func testISOTimestampsGiveTheirDate() {
        XCTAssertEqual(PaperDate(timestamp: "2025-09-04T21:26:31.000Z"), PaperDate(year: 2025, month: 9, day: 4))
        XCTAssertEqual(PaperDate(timestamp: "2025-09-04"), PaperDate(year: 2025, month: 9, day: 4))
        XCTAssertNil(PaperDate(timestamp: "2025-13-04"))
        XCTAssertNil(PaperDate(timestamp: "Sep 4, 2025"))
    }
}
