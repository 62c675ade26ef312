import ArgumentParser
import GazetteCore
@testable import gazette
import XCTest

/// `gazette fetch`'s options: which days they name and which combinations are refused.
final class FetchCommandTests: XCTestCase {
    func testTheDateOptionsChooseTheDays() throws {
        XCTAssertEqual(try FetchHFCommand.parse([]).selection, .lastCompleteDay)
        XCTAssertEqual(try FetchHFCommand.parse(["--date", "2025-08-07"]).selection, .date(PaperDate(year: 2025, month: 8, day: 7)))
        XCTAssertEqual(try FetchHFCommand.parse(["--since", "2025-08-01"]).selection, .since(PaperDate(year: 2025, month: 8, day: 1)))
        XCTAssertEqual(try FetchHFCommand.parse(["--week"]).selection, .week)
        XCTAssertEqual(try FetchHFCommand.parse(["--month"]).selection, .month)
    }

    func testOneDateOptionAtATimeAndRealDatesOnly() {
        XCTAssertThrowsError(try FetchHFCommand.parse(["--week", "--date", "2025-08-07"]))
        XCTAssertThrowsError(try FetchHFCommand.parse(["--since", "2025-08-01", "--month"]))
        XCTAssertThrowsError(try FetchHFCommand.parse(["--date", "2025-02-30"])) { error in
            XCTAssertTrue(FetchHFCommand.message(for: error).contains("YYYY-MM-DD"), FetchHFCommand.message(for: error))
        }
        XCTAssertThrowsError(try FetchHFCommand.parse(["--timeout", "0"]))
    }

    func testSharedOptionsAndArxivLimits() throws {
        let command = try FetchArxivCommand.parse(["--query", "cat:cs.CL", "--content", "digest/content", "--force"])
        XCTAssertEqual(command.fetch.dumpsDirectory, "digest/content/dumps")
        XCTAssertTrue(command.fetch.force)
        XCTAssertEqual(command.max, 2000)
        XCTAssertThrowsError(try FetchArxivCommand.parse(["--query", "cat:cs.CL", "--page-size", "2001"]))
        XCTAssertThrowsError(try FetchArxivCommand.parse(["--query", "cat:cs.CL", "--max", "0"]))
        XCTAssertThrowsError(try FetchArxivCommand.parse([]), "--query is required")
    }

    func testTheBaseURLOptionWinsOverThePublicService() throws {
        let command = try FetchHFCommand.parse(["--base-url", "http://127.0.0.1:9/api/daily_papers"])
        XCTAssertEqual(try command.fetch.endpoint(variable: "GAZETTE_TEST_UNSET_VARIABLE", fallback: DailyPapersSource.defaultURL).absoluteString,
                       "http://127.0.0.1:9/api/daily_papers")
    }
}
