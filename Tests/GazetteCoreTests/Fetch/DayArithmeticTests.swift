import Foundation
@testable import GazetteCore
import XCTest

final class DayArithmeticTests: XCTestCase {
    func testParsesRealDaysOnly() {
        XCTAssertEqual(PaperDate(iso: "2025-08-07"), PaperDate(year: 2025, month: 8, day: 7))
        XCTAssertEqual(PaperDate(iso: "2024-02-29"), PaperDate(year: 2024, month: 2, day: 29))
        for text in ["2025-02-29", "2025-13-01", "2025-8-7", "07/08/2025", "2025-08-07T00:00", "", "yesterday"] {
            XCTAssertNil(PaperDate(iso: text), text)
        }
    }

    func testAddingDaysCrossesMonthsAndYears() {
        XCTAssertEqual(PaperDate(year: 2025, month: 12, day: 31).adding(days: 1), PaperDate(year: 2026, month: 1, day: 1))
        XCTAssertEqual(PaperDate(year: 2024, month: 3, day: 1).adding(days: -1), PaperDate(year: 2024, month: 2, day: 29))
        XCTAssertEqual(PaperDate(year: 2025, month: 8, day: 7).adding(days: -30), PaperDate(year: 2025, month: 7, day: 8))
    }

    func testTheDayOfAnInstantIsTheUTCDay() {
        // 2025-08-07 23:30 UTC is already the 8th east of Greenwich: the UTC day is what counts.
        XCTAssertEqual(PaperDate(utc: Date(timeIntervalSince1970: 1_754_609_400)), PaperDate(year: 2025, month: 8, day: 7))
    }
}
