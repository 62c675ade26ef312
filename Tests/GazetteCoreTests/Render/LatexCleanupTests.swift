import XCTest
@testable import GazetteCore

final class LatexCleanupTests: XCTestCase {
    func testTextWithoutBackslashIsUnchanged() {
        XCTAssertEqual(cleanLatex("Plain text with {braces} and 12%.", markdown: true), "Plain text with {braces} and 12%.")
    }

    func testEscapedSpecialCharactersLoseTheirBackslash() {
        XCTAssertEqual(cleanLatex(##"12\% of R\&D, a\_b, \#1 and \$5"##, markdown: true), "12% of R&D, a_b, #1 and $5")
    }

    func testTextitAndEmphBecomeEmphasis() {
        XCTAssertEqual(cleanLatex(#"we ask \textit{how} and \emph{why}"#, markdown: true), "we ask *how* and *why*")
    }

    func testTextbfBecomesStrong() {
        XCTAssertEqual(cleanLatex(#"a \textbf{bold} claim"#, markdown: true), "a **bold** claim")
    }

    func testTextscBecomesPlainText() {
        XCTAssertEqual(cleanLatex(#"our system \textsc{rex} wins"#, markdown: true), "our system rex wins")
    }

    func testTextsuperscriptBecomesPlainText() {
        XCTAssertEqual(cleanLatex(#"an R\textsuperscript{2} of 0.9"#, markdown: true), "an R2 of 0.9")
    }

    func testUnknownTextCommandKeepsItsArgument() {
        XCTAssertEqual(cleanLatex(#"a \texttt{code} word"#, markdown: true), "a code word")
    }

    func testTextgreaterAndTextlessBecomeAngleBrackets() {
        XCTAssertEqual(cleanLatex(#"x \textgreater 3 and y \textless 2"#, markdown: true), "x > 3 and y < 2")
    }

    func testNestedCommandsAreCleaned() {
        XCTAssertEqual(cleanLatex(#"\textit{very \textbf{bold} idea}"#, markdown: true), "*very **bold** idea*")
    }

    func testNestedBracesInsideArgumentAreMatched() {
        XCTAssertEqual(cleanLatex(#"\textsc{a{b}c} then d"#, markdown: true), "a{b}c then d")
    }

    func testUnknownCommandWithoutArgumentKeepsItsText() {
        XCTAssertEqual(cleanLatex(#"the \LaTeX way with \alpha = 0.5"#, markdown: true), #"the \LaTeX way with \alpha = 0.5"#)
    }

    func testUnclosedArgumentKeepsItsText() {
        XCTAssertEqual(cleanLatex(#"an \textit{unclosed argument"#, markdown: true), #"an \textit{unclosed argument"#)
    }

    func testMarkdownFalseDropsEmphasis() {
        XCTAssertEqual(cleanLatex(#"we ask \textit{how}, \emph{why} and \textbf{what}: 5\%"#, markdown: false), "we ask how, why and what: 5%")
    }

    func testLatexQuotesBecomeTypographicQuotes() {
        XCTAssertEqual(cleanLatex("the ``best'' model, `so-called' and ```odd''' runs", markdown: false),
                       "the \u{201C}best\u{201D} model, \u{2018}so-called' and \u{201C}\u{2018}odd\u{201D}' runs")
        XCTAssertEqual(cleanLatex("it's a model's ``view''", markdown: true), "it's a model's \u{201C}view\u{201D}")
    }

    func testGroupCommandsBecomeTheirCommandForms() {
        XCTAssertEqual(cleanLatex(#"a {\em new} and {\it old} and {\bf bold} idea"#, markdown: true), "a *new* and *old* and **bold** idea")
        XCTAssertEqual(cleanLatex(#"{\em a} {\emph b} {\bfx c}"#, markdown: false), #"a {\emph b} {\bfx c}"#)
    }

    func testByteSearchFindsNeedlesAnywhere() {
        XCTAssertTrue(containsBytes(#"x{\em y"#, #"{\em "#))
        XCTAssertTrue(containsBytes(#"{\em "#, #"{\em "#))
        XCTAssertFalse(containsBytes(#"{\em"#, #"{\em "#))
        XCTAssertFalse(containsBytes("", "a"))
        XCTAssertTrue(containsBytes(#"é{\bf "#, #"{\bf "#))
    }

    func testQuotesBecomeWhatReplacingEachPairInTurnGives() {
        var random = SeededRandom(seed: 5)
        for _ in 0..<500 {
            let text = (0..<Int(random.next() % 12)).map { _ in ["`", "'", "a", " ", "é"][Int(random.next() % 5)] }.joined() + "`"
            let expected = text.replacingOccurrences(of: "``", with: "\u{201C}").replacingOccurrences(of: "''", with: "\u{201D}")
                .replacingOccurrences(of: "`", with: "\u{2018}")
            XCTAssertEqual(cleanLatex(text, markdown: false), expected, text)
        }
    }
}
