import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A polite HTTP GET: names Gazette in the User-Agent, times out, and retries 429 and 5xx answers
/// with exponential backoff that honours Retry-After. Waiting goes through `sleep`, so tests
/// record the waits instead of spending them.
public struct FetchClient: Sendable {
    public var userAgent: String
    /// Seconds without data before a request fails; the whole transfer gets four times as long.
    public var timeout: Double
    public var retry: RetryPolicy
    public var sleep: @Sendable (Double) async throws -> Void
    public var now: @Sendable () -> Date

    public init(userAgent: String = UserAgent.value, timeout: Double = 30, retry: RetryPolicy = RetryPolicy(),
                sleep: @escaping @Sendable (Double) async throws -> Void = { try await Task.sleep(nanoseconds: UInt64($0 * 1e9)) },
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.userAgent = userAgent
        self.timeout = timeout
        self.retry = retry
        self.sleep = sleep
        self.now = now
    }

    /// The body of a 2xx answer to GET `url`, complete; any other outcome throws a `FetchError` naming
    /// the URL. `explain` turns a refused request's body into the service's own message, when it has one.
    public func get(_ url: URL, accept: String, explain: (Data) -> String? = { _ in nil }) async throws -> Data {
        var attempt = 1
        while true {
            let (data, response) = try await send(url, accept: accept)
            let status = response.statusCode
            // A body cut short of its Content-Length fails in `send`: the transport reports it.
            if (200..<300).contains(status) { return data }
            guard status == 429 || (500..<600).contains(status) else {
                // Else the start of the body on one line: an API's error message, not a whole HTML page.
                let words = String(decoding: data.prefix(2000), as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                throw FetchError.httpStatus(url: url.absoluteString, status: status, body: explain(data) ?? String(words.prefix(160)))
            }
            guard attempt < retry.maxAttempts else {
                throw FetchError.gaveUp(url: url.absoluteString, status: status, attempts: attempt)
            }
            let asked = response.value(forHTTPHeaderField: "Retry-After").flatMap { retryAfterSeconds($0, now: now()) }
            let wait = retry.delay(afterAttempt: attempt, retryAfter: asked)
            guard wait <= retry.maxDelay else {
                throw FetchError.waitTooLong(url: url.absoluteString, seconds: wait, limit: retry.maxDelay)
            }
            try await sleep(wait)
            attempt += 1
        }
    }

    private func send(_ url: URL, accept: String) async throws -> (Data, HTTPURLResponse) {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue(accept, forHTTPHeaderField: "Accept")
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 4
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch let error as URLError where error.code == .timedOut {
            throw FetchError.transport(url: url.absoluteString, reason: "no answer within \(Int(timeout)) s")
        } catch let error as URLError where error.code == .networkConnectionLost {
            throw FetchError.transport(url: url.absoluteString, reason: "the connection closed before the answer was complete")
        } catch {
            throw FetchError.transport(url: url.absoluteString, reason: error.localizedDescription)
        }
        guard let http = response as? HTTPURLResponse else {
            throw FetchError.transport(url: url.absoluteString, reason: "the answer is not HTTP")
        }
        return (data, http)
    }
}
