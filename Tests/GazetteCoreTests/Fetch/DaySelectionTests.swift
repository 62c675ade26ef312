@testable import GazetteCore
import XCTest

final class DaySelectionTests: XCTestCase {
    private let today = PaperDate(year: 2025, month: 8, day: 7)

    private func isos(_ selection: DaySelection) throws -> [String] {
        try selection.days(today: today).map(\.iso)
    }

    func testTheDefaultIsYesterday() throws {
        XCTAssertEqual(try isos(.lastCompleteDay), ["2025-08-06"])
    }

    func testADateIsThatDayTodayIncluded() throws {
        XCTAssertEqual(try isos(.date(PaperDate(year: 2025, month: 8, day: 1))), ["2025-08-01"])
        XCTAssertEqual(try isos(.date(today)), ["2025-08-07"])
        XCTAssertThrowsError(try isos(.date(today.adding(days: 1)))) { error in
            XCTAssertEqual(error as? FetchError, .dateInFuture("2025-08-08", today: "2025-08-07"))
        }
    }

    func testRangesEndWithYesterday() throws {
        XCTAssertEqual(try isos(.since(PaperDate(year: 2025, month: 8, day: 4))), ["2025-08-04", "2025-08-05", "2025-08-06"])
        XCTAssertEqual(try isos(.week), ["2025-07-31", "2025-08-01", "2025-08-02", "2025-08-03", "2025-08-04", "2025-08-05", "2025-08-06"])
        let month = try isos(.month)
        XCTAssertEqual(month.count, 30)
        XCTAssertEqual(month.first, "2025-07-08")
        XCTAssertEqual(month.last, "2025-08-06")
    }

    func testSinceTodayHasNoCompleteDay() {
        XCTAssertThrowsError(try isos(.since(today))) { error in
            XCTAssertEqual(error as? FetchError, .emptyRange(from: "2025-08-07", to: "2025-08-06"))
            XCTAssertTrue("\(error)".contains("--date"), "\(error)")
        }
        XCTAssertThrowsError(try isos(.since(today.adding(days: 3)))) { error in
            XCTAssertEqual(error as? FetchError, .dateInFuture("2025-08-10", today: "2025-08-07"))
        }
    }
}
