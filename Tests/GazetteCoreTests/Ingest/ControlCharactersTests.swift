import XCTest
@testable import GazetteCore

final class ControlCharactersTests: XCTestCase {
    func testControlAndOverrideCharactersAreRemovedAndTabsAndMarksKept() {
        XCTAssertNil(removingControlCharacters("Plain title\twith a tab, \u{200F}RLM and العربية"))
        XCTAssertEqual(removingControlCharacters("A\u{01}B\u{07}C\u{1B}[31mD\u{7F}E\u{85}F\u{9F}G"), "ABC[31mDEFG")
        XCTAssertEqual(removingControlCharacters("Safe\u{202E}gnp.exe\u{202C} \u{2066}x\u{2069}"), "Safegnp.exe x")
        XCTAssertEqual(removingControlCharacters("lone\rcarriage return"), "lonecarriage return")
    }

    func testTheParserWarnsNamingTheLineAndKeepsTheCleanTitle() throws {
        let dump = "Control\u{01}\u{1B} Bytes \u{202E}in a Title\n\n"
            + String(repeating: "This abstract is long enough to be an abstract. It has sentences. ", count: 4) + "\n"
        let (parsed, notes) = try DumpParser().parse(Array(dump.utf8), name: "d", path: "d.txt")
        XCTAssertEqual(parsed.entries.map(\.title), ["Control Bytes in a Title"])
        XCTAssertTrue(notes.contains { $0.line == 1 && $0.description.contains("d.txt:1") && $0.message.contains("control characters") },
                      "\(notes)")
    }

    func testANulByteInTextIsDroppedWithAWarningNamingTheLine() throws {
        // Issue 16: one stray NUL must not stop the build; a mostly binary file still does.
        let dump = "A Title\n\nAn abstract. It is text.\u{0} More text here.\n"
        let (parsed, notes) = try DumpParser().parse(Array(dump.utf8), name: "d", path: "d.txt")
        XCTAssertEqual(parsed.entries.first?.abstract, "An abstract. It is text. More text here.")
        XCTAssertEqual(notes.map(\.description), ["d.txt:3: warning: NUL byte removed (a stray in the text)"])
    }
}
