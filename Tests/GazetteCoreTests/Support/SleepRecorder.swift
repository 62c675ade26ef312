import Foundation
@testable import GazetteCore

/// Stands in for sleeping: keeps the seconds a fetch asked to wait and returns at once, so retry
/// and delay tests check the waits without spending them.
actor SleepRecorder {
    private(set) var waits: [Double] = []

    func record(_ seconds: Double) { waits.append(seconds) }

    /// A client that records its waits here and takes `now` as the current time.
    nonisolated func client(retry: RetryPolicy = RetryPolicy(), now: Date = Date()) -> FetchClient {
        FetchClient(timeout: 10, retry: retry, sleep: { await self.record($0) }, now: { now })
    }
}
