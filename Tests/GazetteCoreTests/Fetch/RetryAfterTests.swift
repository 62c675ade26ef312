import Foundation
@testable import GazetteCore
import XCTest

final class RetryAfterTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_754_560_000)  // Thu, 07 Aug 2025 09:46:40 GMT

    func testSeconds() {
        XCTAssertEqual(retryAfterSeconds("120", now: now), 120)
        XCTAssertEqual(retryAfterSeconds(" 0 ", now: now), 0)
        XCTAssertNil(retryAfterSeconds("-5", now: now))
    }

    func testHTTPDatesInEachForm() {
        XCTAssertEqual(retryAfterSeconds("Thu, 07 Aug 2025 09:48:40 GMT", now: now), 120)
        XCTAssertEqual(retryAfterSeconds("Thursday, 07-Aug-25 09:48:40 GMT", now: now), 120)
        XCTAssertEqual(retryAfterSeconds("Thu Aug  7 09:48:40 2025", now: now), 120)
    }

    func testADateInThePastMeansNoWait() {
        XCTAssertEqual(retryAfterSeconds("Wed, 06 Aug 2025 09:46:40 GMT", now: now), 0)
    }

    func testAnythingElseIsIgnored() {
        XCTAssertNil(retryAfterSeconds("soon", now: now))
        XCTAssertNil(retryAfterSeconds("", now: now))
    }
}
