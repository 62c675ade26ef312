import XCTest
@testable import GazetteCore

final class DumpParserTests: XCTestCase {
    static let titles = [
        "Structural Generalization Is Hard for Sequence-to-Sequence Models",
        "A Corpus of Literal and Figurative Idiom Occurrences",
        "I Spy a Metaphor: Language and Diffusion Models Co-Create Visual Metaphors",
    ]

    /// Parses `Tests/Fixtures/Dumps/<file>`; messages cite the fixture's path.
    private func parse(_ file: String) throws -> (Dump, [Diagnostic]) {
        try DumpParser().parse(try Fixtures.bytes("Dumps/" + file), name: String(file.dropLast(4)), path: Fixtures.path("Dumps/" + file))
    }

    /// The `IngestError.notADump` parsing `file` throws, or a failure when it throws nothing else.
    private func notADumpError(_ file: String, callLine: UInt = #line) throws -> (file: String, line: Int, reason: String)? {
        do {
            let (dump, _) = try parse(file)
            XCTFail("\(file) parsed into \(dump.entries.count) entries; expected IngestError.notADump", line: callLine)
        } catch let IngestError.notADump(path, errorLine, reason) {
            return (path, errorLine, reason)
        }
        return nil
    }

    // MARK: Layouts

    func testBlankSeparatedDumpGivesTitlesAbstractsAndTitleLines() throws {
        let (dump, diagnostics) = try parse("blank-separated.txt")
        XCTAssertEqual(dump.name, "blank-separated")
        XCTAssertEqual(dump.entries.map(\.title), Self.titles)
        XCTAssertEqual(dump.entries.map(\.line), [13, 17, 21])
        XCTAssertTrue(dump.entries.allSatisfy { ($0.abstract?.count ?? 0) > 200 })
        XCTAssertTrue(dump.entries[0].abstract?.hasPrefix("Large language models often fail") == true)
        XCTAssertTrue(dump.entries[2].abstract?.hasSuffix("68% of pairwise comparisons.") == true)
        XCTAssertEqual(diagnostics, [])
    }

    func testBlankSeparatedDumpSkipsPageChrome() throws {
        let (dump, _) = try parse("blank-separated.txt")
        let chrome = ["new", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers", "byAK and the research community", "Aug 7"]
        for entry in dump.entries {
            XCTAssertFalse(chrome.contains(entry.title), "chrome line \(entry.title) became a paper")
            XCTAssertFalse(chrome.contains { entry.abstract?.contains($0 + "\n") == true })
        }
    }

    func testBlankSeparatedDumpKeepsCaptureDate() throws {
        let (dump, _) = try parse("blank-separated.txt")
        XCTAssertEqual(dump.captureDate, CaptureDate(month: 8, day: 7))
        XCTAssertEqual(dump.captureDate?.display, "Aug 7")
    }

    func testGluedSubscribeDumpStripsSubscribeFromFirstTitle() throws {
        let (dump, diagnostics) = try parse("glued-subscribe.txt")
        XCTAssertEqual(dump.entries.map(\.title), Self.titles)
        XCTAssertEqual(dump.entries.map(\.line), [3, 5, 7])
        XCTAssertTrue(dump.entries.allSatisfy { $0.abstract != nil })
        XCTAssertEqual(diagnostics, [])
    }

    func testGluedSubscribeDumpWithoutDateLineHasNoCaptureDate() throws {
        let (dump, _) = try parse("glued-subscribe.txt")
        XCTAssertNil(dump.captureDate)
    }

    func testLayoutsWithAndWithoutBlankLinesGiveSameAbstracts() throws {
        let (blank, _) = try parse("blank-separated.txt")
        let (glued, _) = try parse("glued-subscribe.txt")
        XCTAssertEqual(blank.entries.map(\.abstract), glued.entries.map(\.abstract))
    }

    func testAuthorsDatesAndUpvotesAreParsed() throws {
        let (dump, diagnostics) = try parse("authors-dates-upvotes.txt")
        XCTAssertEqual(dump.entries.map(\.title), Self.titles)
        XCTAssertEqual(dump.entries.map(\.line), [13, 21, 29])
        XCTAssertEqual(dump.entries.map(\.authorCount), [5, 1, 3])
        XCTAssertEqual(dump.entries.map(\.published), [
            PaperDate(year: 2024, month: 4, day: 8),
            PaperDate(year: 2025, month: 6, day: 11),
            PaperDate(year: 2023, month: 12, day: 26),
        ])
        XCTAssertEqual(diagnostics, [])
    }

    func testUpvoteCountAtEndOfDateLineIsParsed() throws {
        let (dump, _) = try parse("authors-dates-upvotes.txt")
        // `Jun 11, 2025 2` carries 2 upvotes; the other date lines carry none.
        XCTAssertEqual(dump.entries.map(\.upvotes), [nil, 2, nil])
    }

    func testMetadataLinesDoNotLeakIntoTitlesOrAbstracts() throws {
        let (dump, _) = try parse("authors-dates-upvotes.txt")
        XCTAssertEqual(dump.entries.count, 3)
        for entry in dump.entries {
            let abstract = try XCTUnwrap(entry.abstract)
            XCTAssertFalse(abstract.contains("•") || abstract.contains("·") || abstract.contains("authors"), abstract)
        }
    }

    func testAuthorsLayoutKeepsItsCaptureDate() throws {
        let (dump, _) = try parse("authors-dates-upvotes.txt")
        XCTAssertEqual(dump.captureDate, CaptureDate(month: 1, day: 19))
    }

    // MARK: Encodings

    func testCRLFWithByteOrderMarkGivesSameEntriesAsLF() throws {
        let (lf, _) = try parse("blank-separated.txt")
        let (crlf, diagnostics) = try parse("crlf-bom.txt")
        XCTAssertEqual(crlf.entries, lf.entries)
        XCTAssertEqual(crlf.captureDate, lf.captureDate)
        XCTAssertEqual(diagnostics, [])
    }

    func testCRLFLeavesNoCarriageReturnInTitlesOrAbstracts() throws {
        let (dump, _) = try parse("crlf-bom.txt")
        XCTAssertEqual(dump.entries.count, 3)
        for entry in dump.entries {
            XCTAssertFalse(entry.title.contains("\r"), entry.title)
            XCTAssertFalse(entry.title.hasPrefix("\u{FEFF}"), entry.title)
            XCTAssertFalse(entry.abstract?.contains("\r") ?? true)
        }
    }

    func testInvalidUTF8IsReplacedWithReplacementCharacter() throws {
        let (dump, _) = try parse("invalid-utf8.txt")
        XCTAssertEqual(dump.entries.map(\.title), Self.titles)
        let abstract = try XCTUnwrap(dump.entries[1].abstract)
        XCTAssertTrue(abstract.contains("hard for na\u{FFFD}ve machine translation"), abstract)
    }

    func testInvalidUTF8WarnsWithFileAndLine() throws {
        let (_, diagnostics) = try parse("invalid-utf8.txt")
        XCTAssertEqual(diagnostics.count, 1)
        let warning = try XCTUnwrap(diagnostics.first)
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual(warning.file, Fixtures.path("Dumps/invalid-utf8.txt"))
        XCTAssertEqual(warning.line, 19)
        XCTAssertTrue(warning.message.contains("UTF-8"), warning.message)
    }

    // MARK: Degenerate dumps

    func testTitleWithoutAbstractIsKeptWithWarningNamingItsLine() throws {
        // The warning comes from the no-junk rules every format passes through.
        let (dump, diagnostics) = try readDump(path: Fixtures.path("Dumps/title-without-abstract.txt"), rules: [])
        XCTAssertEqual(dump.entries.map(\.title), Self.titles)
        XCTAssertEqual(dump.entries.map(\.line), [13, 17, 19])
        XCTAssertNil(dump.entries[1].abstract)
        XCTAssertNotNil(dump.entries[2].abstract)
        XCTAssertEqual(diagnostics.count, 1)
        let warning = try XCTUnwrap(diagnostics.first)
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual(warning.file, Fixtures.path("Dumps/title-without-abstract.txt"))
        XCTAssertEqual(warning.line, 17)
        XCTAssertTrue(warning.message.contains("A Corpus of Literal and Figurative Idiom Occurrences"), warning.message)
        XCTAssertTrue(warning.failsCheck)
    }

    func testEmptyDumpGivesNoEntriesAndAWarning() throws {
        let (dump, diagnostics) = try parse("empty.txt")
        XCTAssertEqual(dump.entries, [])
        XCTAssertNil(dump.captureDate)
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics.first?.severity, .warning)
        XCTAssertEqual(diagnostics.first?.file, Fixtures.path("Dumps/empty.txt"))
        XCTAssertTrue(diagnostics.first?.message.contains("empty") == true)
    }

    func testChromeOnlyDumpGivesNoEntriesAndAWarning() throws {
        let (dump, diagnostics) = try parse("chrome-only.txt")
        XCTAssertEqual(dump.entries, [])
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics.first?.severity, .warning)
        XCTAssertEqual(diagnostics.first?.file, Fixtures.path("Dumps/chrome-only.txt"))
        XCTAssertTrue(diagnostics.first?.message.contains("no papers") == true)
    }

    // MARK: Files that are not dumps

    func testHTMLPageIsNotADump() throws {
        let error = try XCTUnwrap(try notADumpError("html-page.txt"))
        XCTAssertEqual(error.file, Fixtures.path("Dumps/html-page.txt"))
        XCTAssertEqual(error.line, 1)
        XCTAssertTrue(error.reason.contains("HTML"), error.reason)
    }

    func testBinaryFileIsNotADumpAndNamesLineOfFirstNUL() throws {
        let error = try XCTUnwrap(try notADumpError("binary.txt"))
        XCTAssertEqual(error.file, Fixtures.path("Dumps/binary.txt"))
        XCTAssertEqual(error.line, 3)
        XCTAssertTrue(error.reason.contains("NUL"), error.reason)
    }

    func testStrayNULIsDroppedWithAWarningNamingItsLine() throws {
        let (dump, diagnostics) = try parse("stray-nul.txt")
        let (clean, _) = try parse("blank-separated.txt")
        XCTAssertEqual(dump.entries, clean.entries)
        XCTAssertEqual(diagnostics.map(\.line), [15])
        XCTAssertTrue(diagnostics.first?.message.contains("NUL") == true, diagnostics.first?.message ?? "")
    }

    func testAShortTextWithManyControlBytesIsStillBinary() throws {
        var bytes = try Fixtures.bytes("Dumps/stray-nul.txt")
        bytes += [UInt8](repeating: 0, count: bytes.count / 10)
        XCTAssertThrowsError(try DumpParser().parse(bytes, name: "x", path: "x.txt")) { error in
            guard case let IngestError.notADump(_, line, reason)? = error as? IngestError else { return XCTFail("\(error)") }
            XCTAssertEqual(line, 15)
            XCTAssertTrue(reason.contains("binary"), reason)
        }
    }

    func testProseWithoutAbstractsIsNotADump() throws {
        let error = try XCTUnwrap(try notADumpError("prose.txt"))
        XCTAssertEqual(error.file, Fixtures.path("Dumps/prose.txt"))
        XCTAssertEqual(error.line, 1)
    }

    func testNotADumpDescriptionNamesFileAndLine() {
        let error = IngestError.notADump(file: "dumps/x.txt", line: 4, reason: "it holds binary data")
        XCTAssertEqual(error.description, "ingest: dumps/x.txt:4: not a paper dump: it holds binary data")
    }

    // MARK: Diagnostics

    func testDiagnosticDescriptionIsFileLineSeverityMessage() {
        let diagnostic = Diagnostic(.warning, file: "content/dumps/000.txt", line: 17, "paper has no abstract")
        XCTAssertEqual(diagnostic.description, "content/dumps/000.txt:17: warning: paper has no abstract")
    }

    func testDiagnosticForWholeFileOmitsLine() {
        let diagnostic = Diagnostic(.error, file: "content/dumps/000.txt", line: 0, "empty dump")
        XCTAssertEqual(diagnostic.description, "content/dumps/000.txt: error: empty dump")
    }

    func testALongTitleAfterAPapersMetadataIsStillATitle() throws {
        let abstract = String(repeating: "Models learn to compose. They generalize well. ", count: 8)
        let longTitle = "Testing the Depth of ChatGPT's Comprehension via Cross-Modal Tasks Based on ASCII-Art: GPT3.5's Abilities "
            + "in Regard to Recognizing and Generating ASCII-Art Are Not Totally Lacking, Revisited at Scale (2)"
        XCTAssertGreaterThan(longTitle.utf8.count, 200)
        let text = "First Paper\n\n\(abstract)\n\n  • 3 authors\n·\nJan 5, 2024\n\n\(longTitle)\n\n\(abstract)\n\n  • 2 authors\n·\nFeb 1, 2024\n"
        let (dump, diagnostics) = try DumpParser().parse(Array(text.utf8), name: "long", path: "long.txt")
        XCTAssertEqual(dump.entries.map(\.title), ["First Paper", longTitle])
        XCTAssertEqual(dump.entries.map(\.line), [1, 9])
        XCTAssertTrue(diagnostics.isEmpty, "\(diagnostics)")
    }
}
