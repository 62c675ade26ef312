import Foundation
@testable import GazetteCore
import XCTest

/// `fetchArxiv` end to end against a local server replaying recorded arXiv answers.
final class ArxivFetchTests: XCTestCase {
    private let day = PaperDate(year: 2025, month: 8, day: 7)
    private var dumps: URL!

    override func setUpWithError() throws {
        dumps = try Fixtures.dumpsFolder(self)
    }

    /// Serves `answers`, then fetches up to `max` papers for `query` in pages of `pageSize`.
    private func fetch(_ answers: [ReplayServer.Answer], query: String = "cat:cs.CL", max: Int = 2000, pageSize: Int = 2,
                       force: Bool = false) async throws -> (outcome: ArxivOutcome, requests: [ReplayServer.Request], waits: [Double]) {
        let server = ReplayServer(answers)
        let url = try await server.start(path: "/api/query")
        addTeardownBlock { await server.stop() }
        let sleeper = SleepRecorder()
        let source = ArxivSource(api: PagedAPI(client: sleeper.client(), endpoint: url, pageSize: pageSize), delay: 3)
        let outcome = try await fetchArxiv(query: query, max: max, day: day, into: dumps.path, force: force, source: source)
        return (outcome, await server.requests, await sleeper.waits)
    }

    private var files: [String] { Fixtures.fileNames(in: dumps) }

    func testTheFileIsNamedForTheQueryAndTheDay() {
        XCTAssertEqual(arxivDumpPath(query: "cat:cs.CL", day: day, directory: "content/dumps"), "content/dumps/arxiv-cat-cs-cl-2025-08-07.atom")
        XCTAssertEqual(arxivDumpPath(query: "cat:cs.CL AND ti:\"machine translation\"", day: day, directory: "d"),
                       "d/arxiv-cat-cs-cl-and-ti-machine-translation-2025-08-07.atom")
        XCTAssertEqual(arxivDumpPath(query: "ÿ::", day: day, directory: "d"), "d/arxiv-y-2025-08-07.atom")
        XCTAssertEqual(arxivDumpPath(query: "::", day: day, directory: "d"), "d/arxiv-query-2025-08-07.atom")
    }

    func testPagesWithTheDelayBetweenRequestsAndWritesOneFeed() async throws {
        let (outcome, requests, waits) = try await fetch([try .fixture("arxiv-cat-cs-cl-page-0-of-2.atom"), try .fixture("arxiv-cat-cs-cl-page-1-of-2.atom")])
        let path = dumps.appendingPathComponent("arxiv-cat-cs-cl-2025-08-07.atom").path
        XCTAssertEqual(outcome, .written(path: path, papers: 3))
        XCTAssertEqual(waits, [3], "one pause, between the two requests, none before the first")
        XCTAssertEqual(requests.map(\.path), ["/api/query", "/api/query"])
        XCTAssertEqual(requests.map(\.query), [
            ["search_query": "cat:cs.CL", "start": "0", "max_results": "2", "sortBy": "submittedDate", "sortOrder": "descending"],
            ["search_query": "cat:cs.CL", "start": "2", "max_results": "2", "sortBy": "submittedDate", "sortOrder": "descending"],
        ])
        XCTAssertEqual(requests.map(\.userAgent), [UserAgent.value, UserAgent.value])
        XCTAssertEqual(requests.first?.accept, "application/atom+xml")
        XCTAssertEqual(try ArxivPage(Data(contentsOf: URL(fileURLWithPath: path)), url: dumps).entries.count, 3)
    }

    func testStopsAtMaxAskingOnlyForWhatIsLeft() async throws {
        let (outcome, requests, waits) = try await fetch([try .fixture("arxiv-cat-cs-cl-page-0-of-2.atom")], max: 2, pageSize: 5)
        XCTAssertEqual(outcome, .written(path: dumps.appendingPathComponent("arxiv-cat-cs-cl-2025-08-07.atom").path, papers: 2))
        XCTAssertEqual(requests.map { $0.query["max_results"] }, ["2"])
        XCTAssertEqual(waits, [])
    }

    func testStopsWhenTheTotalIsReached() async throws {
        // Two full pages of two make four, but the feed says three match: no third request.
        let (_, requests, _) = try await fetch([try .fixture("arxiv-cat-cs-cl-page-0-of-2.atom"), try .fixture("arxiv-cat-cs-cl-page-0-of-2.atom")])
        XCTAssertEqual(requests.count, 2)
    }

    func testNoMatchWritesNothing() async throws {
        let (outcome, _, _) = try await fetch([try .fixture("arxiv-no-match.atom")], query: "ti:zzqx")
        XCTAssertEqual(outcome, .empty(query: "ti:zzqx"))
        XCTAssertEqual(files, [])
    }

    func testAnExistingFileIsSkippedUnlessForced() async throws {
        let path = dumps.appendingPathComponent("arxiv-cat-cs-cl-2025-08-07.atom")
        try FileManager.default.createDirectory(at: dumps, withIntermediateDirectories: true)
        try Data("<feed/>".utf8).write(to: path)
        let (skipped, asked, _) = try await fetch([try .fixture("arxiv-cat-cs-cl-page-1-of-2.atom")])
        XCTAssertEqual(skipped, .skipped(path: path.path))
        XCTAssertEqual(asked.count, 0)
        let (forced, _, _) = try await fetch([try .fixture("arxiv-cat-cs-cl-page-1-of-2.atom")], force: true)
        XCTAssertEqual(forced, .written(path: path.path, papers: 1))
    }

    func testAFailingSecondPageWritesNothing() async throws {
        do {
            _ = try await fetch([try .fixture("arxiv-cat-cs-cl-page-0-of-2.atom"), .init(body: Data("<feed><entry>".utf8))])
            XCTFail("a broken second page must fail")
        } catch let error as FetchError {
            guard case let .malformedXML(url, _, _) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(url.contains("start=2"), url)
        }
        XCTAssertEqual(files, [])
    }

    func testAnErrorFeedSentWithHTTP400GivesArxivsMessage() async throws {
        var answer = try ReplayServer.Answer.fixture("arxiv-bad-query.atom")
        answer.status = 400
        do {
            _ = try await fetch([answer])
            XCTFail("a 400 must fail")
        } catch let error as FetchError {
            guard case let .httpStatus(_, status, body) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(status, 400)
            XCTAssertEqual(body, "max_results must be non-negative")
        }
        XCTAssertEqual(files, [])
    }

    func testAnAPIErrorAndAnEmptyQueryAreRefused() async throws {
        do {
            _ = try await fetch([try .fixture("arxiv-bad-query.atom")])
            XCTFail("arXiv's error feed must fail")
        } catch let error as FetchError {
            XCTAssertTrue(error.description.contains("max_results must be non-negative"), error.description)
        }
        do {
            _ = try await fetch([], query: "  ")
            XCTFail("an empty query must fail")
        } catch let error as FetchError {
            XCTAssertEqual(error, .badQuery("the arXiv query is empty (example: --query 'cat:cs.CL')"))
        }
        XCTAssertEqual(files, [])
    }
}
