import XCTest
@testable import GazetteCore

final class CaptureDateTextTests: XCTestCase {
    func testDatesAreFoundInsideDetailsLines() {
        let published = CaptureDateText("Kandinsky Lab · Published on Oct 4, 2026")
        XCTAssertEqual(published?.year, 2026)
        XCTAssertEqual(published?.month, 10)
        XCTAssertEqual(published?.isOtherEvent, false)
        XCTAssertEqual(published?.endsLine, true)
        let commented = CaptureDateText("May 29 6")
        XCTAssertNil(commented?.year)
        XCTAssertEqual(commented?.day, 29)
        XCTAssertEqual(commented?.endsLine, false)
        XCTAssertEqual(CaptureDateText("· Submitted by akhaliq on Oct 5, 2023")?.isOtherEvent, true)
        XCTAssertEqual(CaptureDateText("September 9, 2024")?.month, 9)
    }

    func testWordsThatOnlyLookLikeMonthsAreNotDates() {
        XCTAssertNil(CaptureDateText("May the Best Model Win"))
        XCTAssertNil(CaptureDateText("Mar 40"))
        XCTAssertNil(CaptureDateText("Oct 5, twenty"))
        XCTAssertNil(CaptureDateText(String(repeating: "word ", count: 40) + "Oct 5, 2023"))
    }

    func testAYearlessDateTakesTheCaptureYearOrTheIdsYear() {
        let may29 = CaptureDateText("May 29")!
        XCTAssertEqual(may29.resolved(capturedOn: PaperDate(year: 2026, month: 10, day: 2), arxivID: nil), PaperDate(year: 2026, month: 5, day: 29))
        // Later in the year than the capture: the year before.
        XCTAssertEqual(may29.resolved(capturedOn: PaperDate(year: 2026, month: 3, day: 1), arxivID: nil), PaperDate(year: 2025, month: 5, day: 29))
        XCTAssertEqual(may29.resolved(capturedOn: nil, arxivID: "2606.00683"), PaperDate(year: 2026, month: 5, day: 29))
        XCTAssertEqual(CaptureDateText("Dec 31")!.resolved(capturedOn: nil, arxivID: "2601.00001"), PaperDate(year: 2025, month: 12, day: 31))
        XCTAssertNil(may29.resolved(capturedOn: nil, arxivID: nil))
    }

    func testISODatesOfFrontMatter() {
        XCTAssertEqual(CaptureDateText.isoDate("2025-01-20T15:47:53.034Z"), PaperDate(year: 2025, month: 1, day: 20))
        XCTAssertNil(CaptureDateText.isoDate("20-01-2025"))
    }
}
