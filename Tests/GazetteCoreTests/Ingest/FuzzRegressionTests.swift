import Foundation
import XCTest
@testable import GazetteCore

/// Replays every input under `Tests/Fixtures/Fuzz/` through what `make fuzz` exercises: inputs the
/// fuzzer found crashing or slow, and pathological inputs written by hand (deep nesting, storms of
/// delimiters, huge numbers). Each must finish with the outcome recorded here.
final class FuzzRegressionTests: XCTestCase {
    /// File → entries parsed (nil: rejected with an error). Every file in the folder must be listed.
    let expected: [String: Int?] = [
        "autolink-storm.txt": 1, "bom-only.txt": 0, "emphasis-storm.txt": 1,
        // Numbers too large for an Int are not metadata: those two lines are kept as (abstract-less) titles.
        "huge-numbers.txt": 3,
        "latex-storm.txt": 1, "lone-carriage-returns.txt": nil, "nested-brackets.txt": 1, "nested-quotes.txt": 1,
        "table-storm.txt": 1,
    ]

    func testEveryFuzzInputFinishesWithItsRecordedOutcome() throws {
        let folder = Fixtures.directory.appendingPathComponent("Fuzz")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(files, expected.keys.sorted(), "list each new input in `expected`")
        for file in files {
            let bytes = try Fixtures.bytes("Fuzz/" + file)
            XCTAssertEqual(parseAndRenderForFuzzing(bytes), expected[file] ?? -1, file)
        }
    }
}
