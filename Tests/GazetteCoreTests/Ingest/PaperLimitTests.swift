import XCTest
@testable import GazetteCore

final class PaperLimitTests: XCTestCase {
    func dump(_ titles: [String], path: String) -> Dump {
        Dump(name: path, path: path, captureDate: nil, entries: titles.enumerated().map { DumpEntry(title: $1, line: 1 + 4 * $0) })
    }

    func testTheFirstPaperBeyondTheLimitStopsTheBuildNamingItsLine() {
        var limit = PaperLimit(limit: 3)
        XCTAssertNoThrow(try limit.count(dump(["A paper", "B paper", "a paper!"], path: "one.txt")), "a repeated paper counts once")
        XCTAssertThrowsError(try limit.count(dump(["B paper", "C paper", "D paper"], path: "two.txt"))) { error in
            XCTAssertEqual(error as? IngestError, .tooManyPapers(file: "two.txt", line: 9, limit: 3))
            XCTAssertTrue("\(error)".contains("two.txt:9"), "\(error)")
        }
    }
}
