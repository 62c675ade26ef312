import Foundation
import XCTest
@testable import GazetteCore

final class BackgroundWorkTests: XCTestCase {
    struct Failure: Error, Equatable { let code: Int }

    func testTheValueIsTheWorksOnceItHasEnded() throws {
        let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let work = BackgroundWork { () -> Int in
            started.signal()
            release.wait()
            return 42
        }
        // The work runs on another thread: it has started while this one goes on.
        XCTAssertEqual(started.wait(timeout: .now() + 10), .success)
        release.signal()
        XCTAssertEqual(try work.value(), 42)
        XCTAssertEqual(try work.value(), 42, "asked again, the same value")
    }

    func testTheWorksErrorIsRethrown() {
        let work = BackgroundWork { () throws -> Int in throw Failure(code: 7) }
        XCTAssertThrowsError(try work.value()) { XCTAssertEqual($0 as? Failure, Failure(code: 7)) }
    }

    func testInlineWorkIsDoneAtOnceOnTheCallingThread() throws {
        let caller = Thread.current
        var ranOn: Thread?
        let work = BackgroundWork(inline: true) { () -> String in
            ranOn = Thread.current
            return "done"
        }
        XCTAssertTrue(ranOn === caller, "done before init returned, on this thread")
        XCTAssertEqual(try work.value(), "done")
    }
}
