import Foundation
@testable import GazetteCore
import XCTest

/// `fetchDailyPapers` end to end against a local server replaying recorded Daily Papers answers.
final class DailyPapersFetchTests: XCTestCase {
    private let day = PaperDate(year: 2025, month: 8, day: 7)
    private var dumps: URL!

    override func setUpWithError() throws {
        dumps = try Fixtures.dumpsFolder(self)
    }

    private func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: Fixtures.directory.appendingPathComponent("API/\(name)"))
    }

    /// Serves `answers`, then fetches `days` into `dumps` with pages of `pageSize` items.
    private func fetch(_ answers: [ReplayServer.Answer], days: [PaperDate]? = nil, force: Bool = false, pageSize: Int = 100,
                       maxPages: Int = 50, progress: (DayOutcome) -> Void = { _ in }) async throws -> (outcomes: [DayOutcome], requests: [ReplayServer.Request]) {
        let server = ReplayServer(answers)
        let url = try await server.start(path: "/api/daily_papers")
        addTeardownBlock { await server.stop() }
        let source = DailyPapersSource(api: PagedAPI(client: SleepRecorder().client(), endpoint: url, pageSize: pageSize), maxPages: maxPages)
        do {
            let outcomes = try await fetchDailyPapers(days: days ?? [day], into: dumps.path, force: force, source: source, progress: progress)
            return (outcomes, await server.requests)
        } catch {
            let requests = await server.requests
            throw FailedFetch(error: error, requests: requests)
        }
    }

    private struct FailedFetch: Error {
        var error: Error
        var requests: [ReplayServer.Request]
    }

    private var files: [String] { Fixtures.fileNames(in: dumps) }

    func testWritesTheDayAsTheAPIAnsweredItAfterOneShortPage() async throws {
        let (outcomes, requests) = try await fetch([try .fixture("hf-daily-2025-08-07.json")])
        let path = dumps.appendingPathComponent("2025-08-07.json").path
        XCTAssertEqual(outcomes, [.written(day, path: path, papers: 3)])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), try fixture("hf-daily-2025-08-07.json"))
        XCTAssertEqual(requests.count, 1)
        XCTAssertEqual(requests[0].path, "/api/daily_papers")
        XCTAssertEqual(requests[0].query, ["date": "2025-08-07", "p": "0", "limit": "100"])
        XCTAssertEqual(requests[0].userAgent, UserAgent.value)
    }

    func testPagesUntilAShortPageAndJoinsThem() async throws {
        let (outcomes, requests) = try await fetch([try .fixture("hf-daily-2025-08-07-page-0-of-2.json"),
                                                    try .fixture("hf-daily-2025-08-07-page-1-of-2.json")], pageSize: 2)
        XCTAssertEqual(requests.map(\.query), [["date": "2025-08-07", "p": "0", "limit": "2"], ["date": "2025-08-07", "p": "1", "limit": "2"]])
        XCTAssertEqual(outcomes, [.written(day, path: dumps.appendingPathComponent("2025-08-07.json").path, papers: 3)])
        let written = try JSONSerialization.jsonObject(with: Data(contentsOf: dumps.appendingPathComponent("2025-08-07.json"))) as? [[String: Any]]
        XCTAssertEqual(written?.compactMap { ($0["paper"] as? [String: Any])?["id"] as? String }, ["2508.04001", "2508.04002", "2508.04003"])
    }

    func testAServerThatIgnoresPagingIsStopped() async throws {
        let page = try ReplayServer.Answer.fixture("hf-daily-2025-08-07-page-0-of-2.json")
        do {
            _ = try await fetch([page, page, page], pageSize: 2, maxPages: 3)
            XCTFail("endless full pages must stop")
        } catch let failed as FailedFetch {
            guard case .tooManyPages(_, 3)? = failed.error as? FetchError else { return XCTFail("\(failed.error)") }
            XCTAssertEqual(failed.requests.count, 3)
        }
        XCTAssertEqual(files, [])
    }

    func testAnEmptyWeekendDayWritesNothing() async throws {
        let weekend = PaperDate(year: 2025, month: 8, day: 9)
        var heard: [String] = []
        let (outcomes, requests) = try await fetch([try .fixture("hf-daily-weekend-2025-08-09.json")], days: [weekend]) { heard.append($0.message) }
        XCTAssertEqual(outcomes, [.empty(weekend)])
        XCTAssertEqual(heard, ["2025-08-09: no papers listed (a weekend or holiday), nothing written"])
        XCTAssertEqual(requests.count, 1)
        XCTAssertEqual(files, [])
    }

    func testA429ThenSuccessWritesTheDay() async throws {
        let (outcomes, requests) = try await fetch([.init(status: 429, headers: ["Retry-After": "1"]), try .fixture("hf-daily-2025-08-07.json")])
        XCTAssertEqual(outcomes.count, 1)
        XCTAssertEqual(requests.count, 2)
        XCTAssertEqual(files, ["2025-08-07.json"])
    }

    func testExistingDaysAreSkippedUnlessForced() async throws {
        let path = dumps.appendingPathComponent("2025-08-07.json")
        try FileManager.default.createDirectory(at: dumps, withIntermediateDirectories: true)
        try Data("[]".utf8).write(to: path)

        let (skipped, asked) = try await fetch([try .fixture("hf-daily-2025-08-07.json")])
        XCTAssertEqual(skipped, [.skipped(day, path: path.path)])
        XCTAssertEqual(asked.count, 0, "a day already there is not asked for")
        XCTAssertEqual(try Data(contentsOf: path), Data("[]".utf8))

        let (forced, _) = try await fetch([try .fixture("hf-daily-2025-08-07.json")], force: true)
        XCTAssertEqual(forced, [.written(day, path: path.path, papers: 3)])
        XCTAssertEqual(try Data(contentsOf: path), try fixture("hf-daily-2025-08-07.json"))
    }

    func testMalformedJSONWritesNothingAndNamesTheURL() async throws {
        do {
            _ = try await fetch([try .fixture("hf-daily-malformed.json")])
            XCTFail("malformed JSON must fail")
        } catch let failed as FailedFetch {
            guard case let .malformedJSON(url, _)? = failed.error as? FetchError else { return XCTFail("\(failed.error)") }
            XCTAssertTrue(url.hasSuffix("/api/daily_papers?date=2025-08-07&p=0&limit=100"), url)
        }
        XCTAssertEqual(files, [])
    }

    func testACutOffTransferWritesNothingAndKeepsTheOldFile() async throws {
        let path = dumps.appendingPathComponent("2025-08-07.json")
        try FileManager.default.createDirectory(at: dumps, withIntermediateDirectories: true)
        try Data("[]".utf8).write(to: path)
        do {
            _ = try await fetch([try .fixture("hf-daily-2025-08-07.json", cutAfter: 700)], force: true)
            XCTFail("a cut-off transfer must fail")
        } catch let failed as FailedFetch {
            XCTAssertTrue("\(failed.error)".contains("/api/daily_papers?date=2025-08-07"), "\(failed.error)")
        }
        XCTAssertEqual(files, ["2025-08-07.json"], "no partial or temporary file is left")
        XCTAssertEqual(try Data(contentsOf: path), Data("[]".utf8))
    }

    func testAFailurePartWayKeepsAndReportsTheDaysBefore() async throws {
        let days = [day.adding(days: -1), day]
        var heard: [DayOutcome] = []
        do {
            _ = try await fetch([try .fixture("hf-daily-2025-08-07.json"), try .fixture("hf-daily-not-a-list.json")], days: days) { heard.append($0) }
            XCTFail("the second day's answer must fail")
        } catch let failed as FailedFetch {
            guard case .unexpectedShape? = failed.error as? FetchError else { return XCTFail("\(failed.error)") }
            XCTAssertEqual(failed.requests.map { $0.query["date"] }, ["2025-08-06", "2025-08-07"])
        }
        XCTAssertEqual(heard, [.written(days[0], path: dumps.appendingPathComponent("2025-08-06.json").path, papers: 3)])
        XCTAssertEqual(files, ["2025-08-06.json"])
    }
}
