import Foundation
@testable import GazetteCore
import XCTest

/// The check that keeps a broken Daily Papers answer out of `content/dumps/`.
final class DailyPapersPageTests: XCTestCase {
    private let url = URL(string: "http://127.0.0.1:9/api/daily_papers?date=2025-08-07&p=0&limit=100")!

    private func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: Fixtures.directory.appendingPathComponent("API/\(name)"))
    }

    func testCountsTheItemsOfAListing() throws {
        XCTAssertEqual(try DailyPapersPage(fixture("hf-daily-2025-08-07.json"), url: url).count, 3)
        XCTAssertEqual(try DailyPapersPage(fixture("hf-daily-weekend-2025-08-09.json"), url: url).count, 0)
    }

    func testMalformedJSONNamesTheURL() throws {
        XCTAssertThrowsError(try DailyPapersPage(fixture("hf-daily-malformed.json"), url: url)) { error in
            guard case let .malformedJSON(failed, _)? = error as? FetchError else { return XCTFail("\(error)") }
            XCTAssertEqual(failed, url.absoluteString)
            XCTAssertTrue("\(error)".contains("nothing was written"), "\(error)")
        }
    }

    func testABodyCutShortIsMalformed() throws {
        let cut = try fixture("hf-daily-2025-08-07.json").prefix(500)
        XCTAssertThrowsError(try DailyPapersPage(Data(cut), url: url)) { error in
            XCTAssertEqual(error as? FetchError, .malformedJSON(url: url.absoluteString, reason: "500 bytes that do not parse; is the body cut off?"))
        }
        XCTAssertThrowsError(try DailyPapersPage(Data(), url: url)) { error in
            XCTAssertEqual(error as? FetchError, .malformedJSON(url: url.absoluteString, reason: "the body is empty"))
        }
    }

    func testJSONOfAnotherShapeIsRefused() throws {
        XCTAssertThrowsError(try DailyPapersPage(fixture("hf-daily-not-a-list.json"), url: url)) { error in
            XCTAssertEqual(error as? FetchError, .unexpectedShape(url: url.absoluteString, reason: "the top level is an object, not an array"))
        }
        XCTAssertThrowsError(try DailyPapersPage(fixture("hf-daily-item-without-paper.json"), url: url)) { error in
            XCTAssertEqual(error as? FetchError, .unexpectedShape(url: url.absoluteString, reason: "item 0 has no `paper` object"))
        }
        XCTAssertThrowsError(try DailyPapersPage(Data(#"[{"paper": {"id": 2508.04001, "title": "T"}}]"#.utf8), url: url)) { error in
            XCTAssertEqual(error as? FetchError, .unexpectedShape(url: url.absoluteString, reason: "the paper of item 0 has no string `id` and `title`"))
        }
        XCTAssertThrowsError(try DailyPapersPage(Data(#""2508.04001""#.utf8), url: url)) { error in
            XCTAssertEqual(error as? FetchError, .unexpectedShape(url: url.absoluteString, reason: "the top level is a string, not an array"))
        }
    }

    func testOnePageIsKeptAsSentAndPagesJoinIntoOneArray() throws {
        let whole = try fixture("hf-daily-2025-08-07.json")
        let empty = try DailyPapersPage(fixture("hf-daily-weekend-2025-08-09.json"), url: url)
        XCTAssertEqual(DailyPapersPage.joined([try DailyPapersPage(whole, url: url), empty]), whole)

        let joined = DailyPapersPage.joined([try DailyPapersPage(fixture("hf-daily-2025-08-07-page-0-of-2.json"), url: url),
                                             try DailyPapersPage(fixture("hf-daily-2025-08-07-page-1-of-2.json"), url: url)])
        XCTAssertEqual(try JSONSerialization.jsonObject(with: joined) as? NSArray, try JSONSerialization.jsonObject(with: whole) as? NSArray)
    }
}
