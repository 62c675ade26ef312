@testable import GazetteCore
import XCTest

final class RetryPolicyTests: XCTestCase {
    func testBackoffDoublesUpToTheLimit() {
        let policy = RetryPolicy(maxAttempts: 8, baseDelay: 2, maxDelay: 20)
        XCTAssertEqual((1...6).map { policy.delay(afterAttempt: $0, retryAfter: nil) }, [2, 4, 8, 16, 20, 20])
    }

    func testRetryAfterLongerThanTheBackoffWins() {
        let policy = RetryPolicy(baseDelay: 2)
        XCTAssertEqual(policy.delay(afterAttempt: 1, retryAfter: 30), 30)
        XCTAssertEqual(policy.delay(afterAttempt: 3, retryAfter: 1), 8, "a shorter Retry-After does not shorten the backoff")
    }
}
