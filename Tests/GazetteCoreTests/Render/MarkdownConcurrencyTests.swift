import Foundation
import XCTest
@testable import GazetteCore

/// cmark-gfm keeps the table of inline special characters in a global that each parser changes as it
/// attaches and detaches its extensions, so parsers running at once can miss `~~`, `|` or autolinks.
/// Rendering on many threads must give what rendering on one gives.
final class MarkdownConcurrencyTests: XCTestCase {
    func testRenderingOnManyThreadsGivesTheSameHTMLAsOnOne() throws {
        let documents = (0..<64).map { i in
            "Item \(i): an ~~old~~ claim, www.example.org/\(i) and https://example.org/x\(i), `code` and *it*.\n\n"
                + "| a | b |\n|---|---|\n| \(i) | ~~x~~ |\n"
        }
        let renderer = MarkdownRenderer()
        let expected = documents.map { renderer.html($0) }
        XCTAssertTrue(expected.allSatisfy { $0.contains("<del>old</del>") && $0.contains("<table>") && $0.contains("<a href=\"http://www.example.org/") })
        for _ in 0..<20 {
            let rendered = try concurrentMap(documents + documents + documents, workers: 8) { renderer.html($0) }
            let wrong = zip(rendered, expected + expected + expected).filter { $0 != $1 }
            XCTAssertEqual(wrong.count, 0, "differs from one thread: \(wrong.first.map { $0.0 } ?? "")")
        }
    }
}
