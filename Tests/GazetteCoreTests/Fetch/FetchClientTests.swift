import Foundation
@testable import GazetteCore
import XCTest

/// `FetchClient` against a local replay server: what it sends, how it retries, what it refuses.
final class FetchClientTests: XCTestCase {
    private func serve(_ answers: [ReplayServer.Answer]) async throws -> (ReplayServer, URL) {
        let server = ReplayServer(answers)
        let url = try await server.start(path: "/api/daily_papers")
        addTeardownBlock { await server.stop() }
        return (server, url)
    }

    func testSendsTheUserAgentAndAccept() async throws {
        let (server, url) = try await serve([try .fixture("hf-daily-2025-08-07.json")])
        let data = try await SleepRecorder().client().get(url, accept: "application/json")
        XCTAssertEqual(data, try Data(contentsOf: Fixtures.directory.appendingPathComponent("API/hf-daily-2025-08-07.json")))
        let requests = await server.requests
        let request = try XCTUnwrap(requests.first)
        XCTAssertEqual(request.userAgent, UserAgent.value)
        XCTAssertTrue(UserAgent.value.hasPrefix("Gazette/\(UserAgent.version) (+https://"), UserAgent.value)
        XCTAssertEqual(request.accept, "application/json")
    }

    func testA429WithRetryAfterSecondsIsRetriedAfterThatWait() async throws {
        let (server, url) = try await serve([.init(status: 429, headers: ["Retry-After": "7"]), try .fixture("hf-daily-2025-08-07.json")])
        let sleeper = SleepRecorder()
        let data = try await sleeper.client().get(url, accept: "application/json")
        XCTAssertFalse(data.isEmpty)
        let waits = await sleeper.waits
        XCTAssertEqual(waits, [7], "waits what Retry-After asks when it is longer than the backoff")
        let requests = await server.requests.count
        XCTAssertEqual(requests, 2)
    }

    func testA429WithRetryAfterDateWaitsUntilThatDate() async throws {
        let now = Date(timeIntervalSince1970: 1_754_560_000)  // Thu, 07 Aug 2025 09:46:40 GMT
        let (_, url) = try await serve([.init(status: 429, headers: ["Retry-After": "Thu, 07 Aug 2025 09:47:10 GMT"]),
                                        try .fixture("hf-daily-2025-08-07.json")])
        let sleeper = SleepRecorder()
        _ = try await sleeper.client(now: now).get(url, accept: "application/json")
        let waits = await sleeper.waits
        XCTAssertEqual(waits, [30])
    }

    func testA500IsRetriedWithExponentialBackoff() async throws {
        let (server, url) = try await serve([.init(status: 500), .init(status: 503), .init(status: 502), try .fixture("hf-daily-2025-08-07.json")])
        let sleeper = SleepRecorder()
        _ = try await sleeper.client(retry: RetryPolicy(maxAttempts: 5, baseDelay: 2)).get(url, accept: "application/json")
        let waits = await sleeper.waits
        XCTAssertEqual(waits, [2, 4, 8])
        let requests = await server.requests.count
        XCTAssertEqual(requests, 4)
    }

    func testGivesUpAfterTheLastAttempt() async throws {
        let (server, url) = try await serve(Array(repeating: .init(status: 503), count: 3))
        let sleeper = SleepRecorder()
        do {
            _ = try await sleeper.client(retry: RetryPolicy(maxAttempts: 3)).get(url, accept: "application/json")
            XCTFail("three 503s in a row must fail")
        } catch let error as FetchError {
            XCTAssertEqual(error, .gaveUp(url: url.absoluteString, status: 503, attempts: 3))
        }
        let requests = await server.requests.count
        XCTAssertEqual(requests, 3)
        let waits = await sleeper.waits
        XCTAssertEqual(waits.count, 2)
    }

    func testARetryAfterBeyondTheLimitGivesUpWithoutWaiting() async throws {
        let (_, url) = try await serve([.init(status: 429, headers: ["Retry-After": "3600"])])
        let sleeper = SleepRecorder()
        do {
            _ = try await sleeper.client(retry: RetryPolicy(maxDelay: 120)).get(url, accept: "application/json")
            XCTFail("an hour's Retry-After must not be waited out")
        } catch let error as FetchError {
            XCTAssertEqual(error, .waitTooLong(url: url.absoluteString, seconds: 3600, limit: 120))
            XCTAssertTrue(error.description.contains("run again later"), error.description)
        }
        let waits = await sleeper.waits
        XCTAssertEqual(waits, [])
    }

    func testA400IsNotRetriedAndShowsTheBody() async throws {
        let (server, url) = try await serve([.init(status: 400, body: Data(#"{"error":"Invalid date"}"#.utf8))])
        do {
            _ = try await SleepRecorder().client().get(url, accept: "application/json")
            XCTFail("a 400 must fail")
        } catch let error as FetchError {
            XCTAssertEqual(error, .httpStatus(url: url.absoluteString, status: 400, body: #"{"error":"Invalid date"}"#))
        }
        let requests = await server.requests.count
        XCTAssertEqual(requests, 1)
    }

    func testAnHTMLErrorPageIsShownAsTheStartOfOneLine() async throws {
        let page = "<html>\n  <body>\n" + String(repeating: "Not found. ", count: 100) + "</body></html>"
        let (_, url) = try await serve([.init(status: 404, body: Data(page.utf8))])
        do {
            _ = try await SleepRecorder().client().get(url, accept: "application/json")
            XCTFail("a 404 must fail")
        } catch let error as FetchError {
            guard case let .httpStatus(_, status, body) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(status, 404)
            XCTAssertEqual(body.count, 160)
            XCTAssertTrue(body.hasPrefix("<html> <body> Not found. Not found."), body)
        }
    }

    func testABodyCutOffMidwayIsAnErrorNamingTheURL() async throws {
        let (_, url) = try await serve([try .fixture("hf-daily-2025-08-07.json", cutAfter: 500)])
        do {
            let data = try await SleepRecorder().client().get(url, accept: "application/json")
            XCTFail("a cut-off body must fail, got \(data.count) bytes")
        } catch let error as FetchError {
            XCTAssertTrue(error.description.contains(url.absoluteString), error.description)
            guard case let .transport(failed, _) = error else { return XCTFail("expected a transport error, got \(error)") }
            XCTAssertEqual(failed, url.absoluteString)
        }
    }

    func testAnUnreachableServerIsATransportError() async throws {
        let (server, url) = try await serve([])
        await server.stop()
        do {
            _ = try await SleepRecorder().client().get(url, accept: "application/json")
            XCTFail("a stopped server must fail")
        } catch let error as FetchError {
            guard case let .transport(failed, _) = error else { return XCTFail("expected a transport error, got \(error)") }
            XCTAssertEqual(failed, url.absoluteString)
        }
    }
}
