import XCTest
@testable import GazetteCore

final class HFCaptureParserTests: XCTestCase {
    /// The titles of the search page `search-firecrawl.md` captures (its variants hold the first ones).
    static let searchTitles = [
        "OCC-RAG: Optimal Cognitive Core for Faithful Question Answering",
        "Benchmark Radar: A Living Database and Search Engine for AI Benchmarks and Evaluation",
        "The Noisy Path from Source to Citation: Measuring How Scholars Engage with Past Research",
        "Source or It Didn't Happen: A Multi-Agent Framework for Citation Hallucination Detection",
        "Sources of Truth: A Multi-Platform, Multilingual Audit of Citations in AI Mental Health Information Queries",
    ]

    /// The text of `Tests/Fixtures/Captures/<file>`.
    private func capture(_ file: String) throws -> String {
        String(decoding: try Fixtures.bytes("Captures/" + file), as: UTF8.self)
    }

    /// Parses `Tests/Fixtures/Captures/<file>`; messages cite the file name.
    private func parse(_ file: String) throws -> (entries: [CapturedEntry], diagnostics: [Diagnostic]) {
        parseHFCapture(try capture(file), path: file)
    }

    // MARK: The shared samples, one per converter

    func testCrawlerMarkdownSearchPageGivesEveryPaperWithItsDetails() throws {
        let (entries, diagnostics) = try parse("search-firecrawl.md")
        XCTAssertEqual(entries.map(\.arxivID), ["2606.00683", "2609.11115", "2502.20581", "2605.08583", "2609.00319"])
        XCTAssertEqual(entries.map(\.title), Self.searchTitles)
        XCTAssertEqual(entries.map(\.line), [32, 44, 56, 89, 101])
        // Upvotes come from the login links before each title; `-` is no count.
        XCTAssertEqual(entries.map(\.upvotes), [101, 173, nil, 1, nil])
        XCTAssertEqual(entries.map(\.authorCount), [nil, nil, 3, nil, 10])
        // `May 29` has no year: the page leaves out the year of the day it was retrieved (2026-10-02).
        XCTAssertEqual(entries.map(\.published), [
            PaperDate(year: 2026, month: 5, day: 29), PaperDate(year: 2026, month: 9, day: 9),
            PaperDate(year: 2025, month: 2, day: 27), PaperDate(year: 2026, month: 5, day: 8),
            PaperDate(year: 2026, month: 8, day: 30),
        ])
        XCTAssertTrue(entries.allSatisfy { ($0.abstract?.count ?? 0) > 1000 && !$0.abstractIsAISummary })
        // The abstract a converter wrapped with hard breaks reads as one paragraph.
        XCTAssertTrue(entries[2].abstract?.hasPrefix("Academic citations are widely used for evaluating research and tracing knowledge flows.") == true)
        XCTAssertFalse(entries[2].abstract?.contains("\\") == true)
        XCTAssertEqual(diagnostics, [])
    }

    func testNotebookExportWithURLsOnTheirOwnLinesGivesEveryPaper() throws {
        let (entries, diagnostics) = try parse("search-notebook-export.txt")
        XCTAssertEqual(entries.map(\.arxivID), [
            "2410.05434", "2306.14898", "2502.06858", "1802.08979", "2104.13100",
            "1808.01400", "2409.02326", "2203.03850", "2510.21057",
        ])
        XCTAssertEqual(entries.first?.title, "Better than Your Teacher: LLM Agents that learn from Privileged AI Feedback")
        XCTAssertEqual(entries.last?.title, "Soft Instruction De-escalation Defense")
        XCTAssertEqual(entries.map(\.authorCount), [2, 4, 6, 4, 6, 4, 3, 6, nil])
        // `[-] 19` before a title is its upvote box; the `2` after a date is the comment count.
        XCTAssertEqual(entries.map(\.upvotes), [1, nil, nil, nil, nil, 2, 19, nil, 5])
        XCTAssertEqual(entries[6].published, PaperDate(year: 2024, month: 9, day: 3))
        XCTAssertEqual(entries[3].published, PaperDate(year: 2018, month: 2, day: 24))
        XCTAssertTrue(entries.allSatisfy { ($0.abstract?.count ?? 0) > 400 })
        XCTAssertTrue(entries[0].abstract?.hasSuffix("Our code is available at https://leap-llm.github.io") == true)
        XCTAssertEqual(diagnostics, [])
    }

    func testTrendingPageRenderedTwiceGivesEachPaperOnceWithItsSummary() throws {
        let (entries, diagnostics) = try parse("trending-rendered-twice.md")
        XCTAssertEqual(entries.map(\.title), [
            "Kandinsky 6.0 Video: Foundation Models for Synchronized Video and Audio Generation",
            "The Other Half of the Memory Wall: Serving 35B MoEs from SSD with Trained Routing Prediction",
            "TradingAgents: Multi-Agents LLM Financial Trading Framework",
            "UniMate: One Unified Model to Animate Diverse Skeletons",
        ])
        XCTAssertEqual(entries.map(\.arxivID), ["2610.05608", "2609.18063", "2412.20138", "2609.05415"])
        XCTAssertEqual(entries.map(\.upvotes), [117, 25, 149, 22])
        XCTAssertEqual(entries.map(\.published), [
            PaperDate(year: 2026, month: 10, day: 4), PaperDate(year: 2026, month: 9, day: 16),
            PaperDate(year: 2024, month: 12, day: 28), PaperDate(year: 2026, month: 9, day: 4),
        ])
        XCTAssertEqual(entries[2].authorCount, 4)
        // Two entries show the abstract, two only the one-sentence AI summary.
        XCTAssertEqual(entries.map(\.abstractIsAISummary), [false, false, true, true])
        XCTAssertEqual(entries[2].abstract, "A multi-agent framework using large language models for stock trading simulates real-world trading firms, improving performance metrics like cumulative returns and Sharpe ratio.")
        // A paragraph the converter broke inside the abstract is joined, not a second paper.
        XCTAssertTrue(entries[1].abstract?.contains("On a single 24GB machine, Edge0 serves a 35B MoE") == true)
        XCTAssertEqual(diagnostics, [])
    }

    func testReaderMarkdownPaperPageGivesOnePaperAndSkipsChromeCommentsAndCollections() throws {
        let (entries, diagnostics) = try parse("paper-page-reader.md")
        XCTAssertEqual(entries.count, 1, "\(entries.map(\.title))")
        let paper = try XCTUnwrap(entries.first)
        XCTAssertEqual(paper.title, "DSPy: Compiling Declarative Language Model Calls into Self-Improving Pipelines")
        XCTAssertEqual(paper.line, 42)
        XCTAssertEqual(paper.arxivID, "2310.03714")
        XCTAssertEqual(paper.published, PaperDate(year: 2023, month: 10, day: 5))
        XCTAssertEqual(paper.upvotes, 33)
        XCTAssertEqual(paper.authors.count, 13)
        XCTAssertEqual(paper.authors.prefix(4), ["Omar Khattab", "Arnav Singhvi", "Paridhi Maheshwari", "Zhiyuan Zhang"])
        XCTAssertEqual(paper.authors.last, "Christopher Potts")
        XCTAssertEqual(paper.authorCount, 13)
        XCTAssertFalse(paper.abstractIsAISummary)
        XCTAssertTrue(paper.abstract?.hasPrefix("The ML community is rapidly exploring techniques") == true)
        XCTAssertTrue(paper.abstract?.hasSuffix("DSPy is available at https://github.com/stanfordnlp/dspy") == true)
        XCTAssertEqual(diagnostics, [])
    }

    // MARK: The same pages as other converters write them

    func testPlainTextWithoutLinksReadsTheEntriesFromTheirShape() throws {
        let (entries, diagnostics) = try parse("search-plain-text.txt")
        XCTAssertEqual(entries.map(\.title), Array(Self.searchTitles.prefix(3)))
        XCTAssertEqual(entries.map(\.arxivID), [nil, nil, nil])
        // `101` stands between the page's date and the title; `173` after `Sep 9, 2026 9`, whose 9 is the comment count.
        XCTAssertEqual(entries.map(\.upvotes), [101, 173, nil])
        XCTAssertEqual(entries.map(\.authorCount), [nil, nil, 3])
        // Nothing tells the year of `May 29`: no capture date, no arXiv id.
        XCTAssertEqual(entries.map(\.published), [nil, PaperDate(year: 2026, month: 9, day: 9), PaperDate(year: 2025, month: 2, day: 27)])
        XCTAssertTrue(entries.allSatisfy { $0.abstract != nil })
        XCTAssertEqual(diagnostics, [])
    }

    func testReferenceStyleLinksAndWrappedParagraphsAreRead() throws {
        let (entries, diagnostics) = try parse("search-reference-links.md")
        XCTAssertEqual(entries.map(\.arxivID), ["2606.00683", "2609.11115"])
        XCTAssertEqual(entries.map(\.title), Array(Self.searchTitles.prefix(2)))
        XCTAssertEqual(entries.map(\.upvotes), [101, 173])
        XCTAssertEqual(entries.map(\.authorCount), [nil, 10])
        // No capture date: the year of `May 29` comes from the id (2606 is June 2026).
        XCTAssertEqual(entries[0].published, PaperDate(year: 2026, month: 5, day: 29))
        XCTAssertTrue(entries[0].abstract?.hasPrefix("Recent progress in the development of language models has been defined by scale, with each") == true)
        XCTAssertEqual(diagnostics, [])
    }

    func testHtml2textPaperPageReadsAuthorsOnOneLineAndSkipsTheBotsList() throws {
        let (entries, diagnostics) = try parse("paper-page-html2text.md")
        XCTAssertEqual(entries.map(\.title), ["DSPy: Compiling Declarative Language Model Calls into Self-Improving Pipelines"])
        let paper = try XCTUnwrap(entries.first)
        XCTAssertEqual(paper.arxivID, "2310.03714")
        XCTAssertEqual(paper.authors, ["Omar Khattab", "Arnav Singhvi", "Zhiyuan Zhang", "Christopher Potts"])
        XCTAssertEqual(paper.upvotes, 33)
        XCTAssertEqual(paper.published, PaperDate(year: 2023, month: 10, day: 5))
        // Two paragraphs, each joined from wrapped lines; a word wrapped at its hyphen is whole again.
        XCTAssertEqual(paper.abstract?.components(separatedBy: "\n\n").count, 2)
        XCTAssertTrue(paper.abstract?.contains("hard-coded \"prompt templates\"") == true)
        XCTAssertTrue(paper.abstract?.hasSuffix("as text transformation graphs.") == true)
        XCTAssertEqual(diagnostics, [])
    }

    func testLynxDumpTakesLinksFromItsNumberedReferences() throws {
        let (entries, diagnostics) = try parse("search-lynx-dump.txt")
        XCTAssertEqual(entries.map(\.title), [Self.searchTitles[0], Self.searchTitles[2]])
        XCTAssertEqual(entries.map(\.arxivID), ["2606.00683", "2502.20581"])
        XCTAssertEqual(entries.map(\.upvotes), [101, nil])
        XCTAssertEqual(entries.map(\.authorCount), [nil, 3])
        // `May 29[11]6`: the marker of the comment link is not part of the date.
        XCTAssertEqual(entries[0].published, PaperDate(year: 2026, month: 5, day: 29))
        XCTAssertTrue(entries[1].abstract?.hasPrefix("Academic citations are widely used") == true)
        XCTAssertFalse(entries.contains { $0.title.contains("[") || ($0.abstract ?? "").contains("[") })
        XCTAssertEqual(diagnostics, [])
    }

    func testPandocListingWithoutAbstractsKeepsLinkedEntriesThatHaveDetails() throws {
        let (entries, diagnostics) = try parse("daily-pandoc-no-abstracts.md")
        XCTAssertEqual(entries.map(\.arxivID), ["2410.05434", "2306.14898"])
        XCTAssertEqual(entries.last?.title, "InterCode: Standardizing and Benchmarking Interactive Coding with Execution Feedback")
        XCTAssertEqual(entries.map(\.upvotes), [12, 7])
        // `[· [5 authors](…)]{.authors} [3](…#community)`: five authors, three comments.
        XCTAssertEqual(entries.map(\.authorCount), [5, 4])
        XCTAssertEqual(entries.map(\.abstract), [nil, nil])
        XCTAssertEqual(diagnostics.map(\.line), [11, 21])
        XCTAssertTrue(diagnostics.allSatisfy { $0.message.contains("has no abstract or summary") })
    }

    func testPaperPageWithoutIDLineOrAddressTakesTheIDOfItsArxivLink() throws {
        var text = try capture("paper-page-html2text.md")
        text = text.replacingOccurrences(of: "arxiv:2310.03714\n", with: "")
        let (entries, _) = parseHFCapture(text, path: "no-id-line.md")
        XCTAssertEqual(entries.map(\.arxivID), ["2310.03714"])
        // With its id known, the upvote link (which names it) counts for it.
        XCTAssertEqual(entries.map(\.upvotes), [33])
    }

    func testPaperPageWithSummaryAndAbstractKeepsTheAbstract() throws {
        let (entries, _) = try parse("paper-page-ai-summary.md")
        let paper = try XCTUnwrap(entries.first)
        XCTAssertEqual(entries.count, 1)
        XCTAssertEqual(paper.arxivID, "2412.20138")
        XCTAssertFalse(paper.abstractIsAISummary)
        XCTAssertTrue(paper.abstract?.hasPrefix("Significant progress has been made") == true)
        XCTAssertEqual(paper.authors, ["Yijia Xiao", "Edward Sun", "Di Luo", "Wei Wang"])
        XCTAssertEqual(paper.upvotes, 149)
    }

    func testPaperPageWithOnlyTheSummaryMarksIt() throws {
        var text = try capture("paper-page-ai-summary.md")
        text = String(text[..<text.range(of: "\nAbstract\n")!.lowerBound])
        let (entries, _) = parseHFCapture(text, path: "summary-only.md")
        XCTAssertEqual(entries.count, 1)
        XCTAssertEqual(entries.first?.abstractIsAISummary, true)
        XCTAssertTrue(entries.first?.abstract?.hasPrefix("A multi-agent framework") == true)
    }

    func testPlainTrendingTextTakesUpvotesAfterTheirLabel() throws {
        let (entries, diagnostics) = try parse("trending-summary-only-plain.txt")
        XCTAssertEqual(entries.map(\.title), [
            "TradingAgents: Multi-Agents LLM Financial Trading Framework",
            "UniMate: One Unified Model to Animate Diverse Skeletons",
        ])
        XCTAssertEqual(entries.map(\.upvotes), [149, 22])
        XCTAssertEqual(entries.map(\.abstractIsAISummary), [true, true])
        XCTAssertEqual(entries.map(\.published), [PaperDate(year: 2024, month: 12, day: 28), PaperDate(year: 2026, month: 9, day: 4)])
        XCTAssertEqual(diagnostics, [])
    }

    func testCRLFLineEndsGiveTheSameEntries() throws {
        let text = try capture("search-firecrawl.md")
        let crlf = parseHFCapture(text.replacingOccurrences(of: "\n", with: "\r\n"), path: "crlf.md")
        XCTAssertEqual(crlf.entries, parseHFCapture(text, path: "lf.md").entries)
        XCTAssertEqual(crlf.diagnostics, [])
    }

    func testCopiedTextWithNoBlankLinesReadsEachLineAsABlock() {
        var lines = ["Subscribe" + "Semantic Structure in Large Language Model Embeddings",
                     "We find that the semantic associations of words are low-dimensional. We show how this can be used."]
        for n in 1...10 {
            lines += ["Paper Number \(n) About GPT-[n] Scaling", "We study scaling. Our results hold across \(n) settings we tried."]
        }
        let (entries, diagnostics) = parseHFCapture(lines.joined(separator: "\n"), path: "copied.txt")
        XCTAssertEqual(entries.count, 11)
        // The button label a copy glues to the first title is not part of it; brackets in a title are.
        XCTAssertEqual(entries.first?.title, "Semantic Structure in Large Language Model Embeddings")
        XCTAssertEqual(entries.last?.title, "Paper Number 10 About GPT-[n] Scaling")
        XCTAssertTrue(entries.allSatisfy { $0.abstract != nil })
        XCTAssertEqual(diagnostics, [])
    }

    // MARK: Dropped blocks, repeats

    func testLinkedTitlesWithNothingElseAreSkippedWithAWarning() {
        let text = """
            Similar papers:

            * [CodeCoT and Beyond: Learning to Program and Test like a Developer](https://huggingface.co/papers/2308.08784) (2023)
            * [AskIt: Unified Programming Interface for Programming with Large Language Models](https://huggingface.co/papers/2308.15645) (2023)
            """
        let (entries, diagnostics) = parseHFCapture(text, path: "bot.md")
        XCTAssertEqual(entries, [])
        XCTAssertEqual(diagnostics.map(\.line), [3, 4])
        XCTAssertTrue(diagnostics.allSatisfy { $0.severity == .warning && $0.message.contains("no abstract, authors, date or upvotes") })
    }

    func testTheSamePaperTwiceIsOneEntryWithTheDetailsOfBoth() {
        let text = """
            ### [A Paper About Things](https://huggingface.co/papers/2401.00001)

            [12](https://huggingface.co/login?next=%2Fpapers%2F2401.00001)

            ### [A Paper About Things](https://huggingface.co/papers/2401.00001)

            We study things. We find that things are as they seem in most settings.

            Jan 3, 2024
            """
        let (entries, _) = parseHFCapture(text, path: "twice.md")
        XCTAssertEqual(entries, [CapturedEntry(
            title: "A Paper About Things", abstract: "We study things. We find that things are as they seem in most settings.",
            published: PaperDate(year: 2024, month: 1, day: 3), upvotes: 12, arxivID: "2401.00001", line: 1)])
    }

    func testAbstractLinkedToAPaperWithNoTitleIsAWarning() {
        let text = "[We present a method. It works well on many benchmarks.](https://huggingface.co/papers/2401.00001)\n"
        let (entries, diagnostics) = parseHFCapture(text, path: "orphan.md")
        XCTAssertEqual(entries, [])
        XCTAssertEqual(diagnostics.map(\.line), [1])
        XCTAssertTrue(diagnostics.first?.message.contains("linked to paper 2401.00001") == true)
    }

    func testATitleTakesItsIDFromAURLEndingItsLineOrFromAnArxivLink() {
        let abstract = "\n\nWe study things. We find that they are as they seem.\n\n[arXiv Page](https://arxiv.org/abs/2401.00001)\n"
        for title in ["A Paper About Things <https://huggingface.co/papers/2401.00001>",
                      "## [A Paper About Things](https://arxiv.org/abs/2401.00001)"] {
            let (entries, _) = parseHFCapture(title + abstract, path: "linked.md")
            XCTAssertEqual(entries.map { [$0.title, $0.arxivID] }, [["A Paper About Things", "2401.00001"]], title)
        }
    }

    func testATitleBeginningWithCommunityDoesNotCloseTheListing() {
        let entry = { (id: String, title: String) in
            "### [\(title)](https://huggingface.co/papers/\(id))\n\nWe study graphs. We find communities in them.\n\n"
        }
        let text = entry("2401.00001", "Community Detection with Large Language Models") + entry("2401.00002", "A Second Paper After It")
        XCTAssertEqual(parseHFCapture(text, path: "community.md").entries.map(\.arxivID), ["2401.00001", "2401.00002"])
    }

    func testAbstractWithNoTitleAboveIsAWarning() {
        let text = "Intro\n\nWe present a method. It works well on many benchmarks. Code is released.\n"
        let (entries, diagnostics) = parseHFCapture(text, path: "stray.md")
        XCTAssertEqual(entries, [])
        XCTAssertEqual(diagnostics, [Diagnostic(.warning, file: "stray.md", line: 3, "text like an abstract with no paper title above it; skipped")])
    }

    // MARK: Control characters and hostile input

    func testStrayNULAndControlCharactersAreDroppedWithAWarningAndParsingGoesOn() throws {
        let (entries, diagnostics) = try parse("control-characters.md")
        XCTAssertEqual(entries.map(\.arxivID), ["2606.00683", "2609.11115"])
        XCTAssertEqual(entries.first?.title, "OCC-RAG: Optimal Cognitive Core for Faithful Question Answering")
        XCTAssertEqual(diagnostics.map(\.line), [9, 11])
        XCTAssertTrue(diagnostics.allSatisfy { $0.severity == .warning && $0.message.contains("control characters removed") })
        XCTAssertFalse(entries.contains { $0.title.unicodeScalars.contains { $0.value < 0x20 } || ($0.abstract ?? "").unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" } })
    }

    func testGarbageHugeLinesAndUnbalancedMarkdownNeitherCrashNorTakeLong() {
        let hostile: [(String, String)] = [
            ("open brackets", String(repeating: "[", count: 200_000)),
            ("broken links", String(repeating: "](", count: 200_000)),
            ("images", String(repeating: "![a", count: 100_000)),
            ("tags", String(repeating: "<a ", count: 100_000)),
            ("nested links", String(repeating: "[[[[[[[[[[[[[[[[[[[[x](u)", count: 10_000)),
            ("reference pairs", String(repeating: "[a][b]", count: 50_000)),
            ("one huge line", String(repeating: "word ", count: 400_000)),
            ("headings and rules", String(repeating: "#\n===\n---\n* * *\n> > >\n1.\n", count: 20_000)),
            ("binary", String(decoding: (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }, as: UTF8.self)),
            ("short lines", String(repeating: "[x\n", count: 50_000)),
            ("unclosed front matter", "---\n" + String(repeating: "key: value\n", count: 10_000)),
        ]
        for (name, text) in hostile {
            let start = Date()
            let (entries, _) = parseHFCapture(text, path: name)
            _ = hfCaptureConfidence(text)
            XCTAssertEqual(entries, [], name)
            // Linear work takes well under a second here; quadratic work takes minutes.
            XCTAssertLessThan(Date().timeIntervalSince(start), 10, name)
        }
    }

    func testALargeCaptureParsesInTimeProportionalToItsSize() throws {
        let sample = try capture("search-firecrawl.md")
        func seconds(_ copies: Int) -> TimeInterval {
            let text = String(repeating: sample, count: copies)
            let start = Date()
            let (entries, _) = parseHFCapture(text, path: "large.md")
            XCTAssertEqual(entries.count, 5)  // repeats fold into the first appearance
            return Date().timeIntervalSince(start)
        }
        _ = seconds(5)  // warm up
        let small = seconds(40), large = seconds(160)
        // Four times the text: about four times the work, far from the sixteen of a quadratic walk.
        XCTAssertLessThan(large, small * 9 + 0.5)
    }

    // MARK: Confidence

    func testCapturesScoreHighAndCopiedTextDumpsScoreLow() throws {
        for file in ["search-firecrawl.md", "search-notebook-export.txt", "trending-rendered-twice.md", "paper-page-reader.md",
                     "search-reference-links.md", "paper-page-html2text.md", "paper-page-ai-summary.md",
                     "search-lynx-dump.txt", "daily-pandoc-no-abstracts.md"] {
            XCTAssertGreaterThanOrEqual(hfCaptureConfidence(try capture(file)), 0.7, file)
        }
        let dumps = try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("Dumps")).filter { $0.hasSuffix(".txt") }
        XCTAssertFalse(dumps.isEmpty)
        for file in dumps {
            let text = String(decoding: try Fixtures.bytes("Dumps/" + file), as: UTF8.self)
            XCTAssertLessThanOrEqual(hfCaptureConfidence(text), 0.2, file)
        }
    }

    func testJSONAndXMLScoreLowEvenWhenTheyNamePaperPages() {
        let link = "https://huggingface.co/papers/2310.03714 https://huggingface.co/papers/2310.03715 https://huggingface.co/papers/2310.03716"
        XCTAssertGreaterThanOrEqual(hfCaptureConfidence("[Hugging Face](/)\n\n" + link), 0.7)
        for text in ["{\"url\": \"\(link)\"}", "  [{\"paper\": \"\(link)\"}]", "<?xml version=\"1.0\"?><feed>\(link)</feed>", "<html>\(link)</html>"] {
            XCTAssertLessThanOrEqual(hfCaptureConfidence(text), 0.2, text)
        }
    }

    /// The byte scans that sniff a capture must find what the Character-by-Character search they
    /// replace found (`components(separatedBy:)`, `split(separator:)`, Foundation's `contains`),
    /// combining marks, CR LF, joiners, flags and invalid bytes included.
    func testSniffingScansAgreeWithCharacterSearch() throws {
        let pieces = ["/papers/", "%2Fpapers%2F", "2310.03714", "huggingface.co", "\n", "\r\n", "\r", "\u{301}", "\u{200D}",
                      "\u{0600}", "👩", "🇫🇷", "\u{1F1EB}", "é", "e\u{301}", "Upvote 12", " ", "a", "/", "\u{FFFD}", "ᄀ", "ᅡ"]
        var random = SeededRandom(seed: 7)
        var texts = (0..<3000).map { _ in (0..<Int.random(in: 0...24, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined() }
        texts.append(String(decoding: [0x2F, 0x70, 0x61, 0x70, 0x65, 0x72, 0x73, 0x2F, 0xE2, 0x82, 0x0A, 0xC3], as: UTF8.self))
        for file in try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("Captures")) {
            texts.append(String(decoding: try Fixtures.bytes("Captures/" + file), as: UTF8.self))
        }
        for text in texts {
            for marker in ["/papers/", "%2Fpapers%2F"] {
                let matches = characterMatches(of: marker, in: text)
                let cut = matches.indices.map { text[matches[$0].upperBound..<($0 + 1 < matches.count ? matches[$0 + 1].lowerBound : text.endIndex)] }
                XCTAssertEqual(cut.map(String.init), Array(text.components(separatedBy: marker).dropFirst()), text.debugDescription)
            }
            XCTAssertEqual(characterLines(text).map(String.init), text.split(separator: "\n").map(String.init), text.debugDescription)
            if text.contains("huggingface.co") { XCTAssertTrue(holdsBytes(text, "huggingface.co"), text.debugDescription) }
        }
    }

    func testPlainTextCaptureWithThePagesLabelsScoresBetweenDumpsAndMarkdown() throws {
        let score = hfCaptureConfidence(try capture("trending-summary-only-plain.txt"))
        XCTAssertGreaterThan(score, 0.2)
        XCTAssertLessThan(score, 0.7)
    }
}
