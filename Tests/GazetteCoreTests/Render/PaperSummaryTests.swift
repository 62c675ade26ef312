import XCTest
@testable import GazetteCore

final class PaperSummaryTests: XCTestCase {
    /// The summary as first written, counting Characters throughout: the byte-counting fast path
    /// must give the same text.
    private func characterSummary(_ abstract: String) -> String {
        let opening = abstract.utf8.count > 1200 ? String(abstract.prefix(1000)) : abstract
        let text = cleanLatex(opening, markdown: false)
        guard text.utf8.count > 260, text.count > 260 else { return text }
        let cut = text.prefix(240)
        if let space = cut.lastIndex(of: " ") { return String(cut[..<space]) + "…" }
        return String(cut) + "…"
    }

    func testSummariesMatchCharacterCounting() {
        let sentence = "We study compositional generalization in large language models and find that it improves. "
        let cases = [
            "",
            "A short abstract.",
            String(repeating: sentence, count: 4),
            String(repeating: sentence, count: 20),  // over 1,200 bytes: the opening is cut first
            String(repeating: "x", count: 300),  // no space to cut at
            // A combining accent right after the cut, and right after the 1,000th character: it
            // belongs to the character before it, so counting bytes would split a character.
            String(repeating: "a", count: 239) + "e\u{301} and more " + String(repeating: "word ", count: 60),
            String(repeating: "b", count: 999) + "e\u{301}" + String(repeating: " word", count: 100),
            String(repeating: "Line one\r\nline two ", count: 30),  // CR LF is one character
            "Über naïve café: " + String(repeating: "東京 and 🙂 emoji ", count: 30),
            String(repeating: "Uses \\emph{LaTeX} and ``quotes'' here. ", count: 15),
        ]
        for abstract in cases {
            XCTAssertEqual(PageContexts.summary(of: Paper(title: "T", abstract: abstract)), characterSummary(abstract), abstract)
        }
        XCTAssertEqual(PageContexts.summary(of: Paper(title: "T")), "")
        XCTAssertTrue(PageContexts.summary(of: Paper(title: "T", abstract: String(repeating: sentence, count: 4))).hasSuffix("…"))
    }

    func testCharacterPrefixCountsCharacters() {
        XCTAssertEqual(PageContexts.characterPrefix("abcdef", 3), "abc")
        XCTAssertEqual(PageContexts.characterPrefix("abce\u{301}f", 4), "abce\u{301}")
        XCTAssertEqual(PageContexts.characterPrefix("ab\r\ncd", 3), "ab\r\n")
        XCTAssertEqual(PageContexts.characterPrefix("ab", 5), "ab")
        // The abstract's opening is cut at 1,000 characters the same way.
        let long = String(repeating: "b", count: 999) + "e\u{301}" + String(repeating: " word", count: 100)
        XCTAssertEqual(PageContexts.characterPrefix(long, 1000), String(long.prefix(1000)))
        XCTAssertTrue(PageContexts.characterPrefix(long, 1000).hasSuffix("e\u{301}"))
    }
}
