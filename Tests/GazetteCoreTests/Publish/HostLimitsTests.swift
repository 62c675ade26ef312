import XCTest
@testable import GazetteCore

/// The host limits: which a site's size exceeds, on which hosts, and what the message advises.
final class HostLimitsTests: XCTestCase {
    private let config = SiteConfig()

    /// Checks that `text` says each of `said` and none of `unsaid`.
    private func assertSays(_ text: String, _ said: [String], not unsaid: [String] = [], line: UInt = #line) {
        for part in said { XCTAssertTrue(text.contains(part), "missing \(part) in: \(text)", line: line) }
        for part in unsaid { XCTAssertFalse(text.contains(part), "unexpected \(part) in: \(text)", line: line) }
    }

    func testASmallSiteFitsEveryHost() {
        let size = OutputSize(files: 1_200, bytes: 20_000_000, papers: 1_000, largestFiles: [("papers.json", 3_000_000)])
        XCTAssertEqual(hostLimitProblems(size, host: nil, config: config), [])
    }

    func testOverAGigabyteNamesGitHubAndGitLabTogetherWithSettings() {
        let size = OutputSize(files: 101_000, bytes: 2_100_000_000, papers: 100_000)
        let problems = hostLimitProblems(size, host: .githubPages, config: config)
        XCTAssertEqual(problems.map(\.limit), [.siteBytes(limit: 1_000_000_000, actual: 2_100_000_000)])
        let all = hostLimitProblems(size, host: nil, config: config)
        let bytes = all.first { if case .siteBytes = $0.limit { return true }; return false }
        XCTAssertEqual(bytes?.hosts, [.githubPages, .gitlabPages])
        // 21 KB a paper: about 47,000 papers fit in a gigabyte.
        assertSays(bytes?.description ?? "", ["2100.0 MB, over the 1 GB that GitHub Pages and GitLab Pages accept", "`exports: false`",
                                              "`topics.related: 2` (now 5)", "about 47000 papers"])
    }

    func testFileCountsPerHostAndPlan() {
        let size = OutputSize(files: 111_000, bytes: 500_000_000, papers: 100_000)
        let problems = hostLimitProblems(size, host: nil, config: config)
        XCTAssertEqual(problems.map(\.limit), [.files(limit: 20_000, actual: 111_000), .files(limit: 100_000, actual: 111_000)])
        XCTAssertEqual(problems.map(\.hosts), [[.cloudflarePages], [.cloudflarePagesPaid]])
        XCTAssertTrue(problems[0].description.contains("use a paid plan"), problems[0].description)
        XCTAssertFalse(problems[1].description.contains("use a paid plan"), problems[1].description)
        // Every paper has a page: more papers than the limit allows no setting to help with the page count.
        XCTAssertFalse(problems[0].description.contains("paginate"), problems[0].description)
        XCTAssertTrue(problems[1].description.contains("accepts; each paper has a page, so this host takes at most about 89000 papers"), problems[1].description)
        // Under GitLab's 200,000 files.
        XCTAssertEqual(hostLimitProblems(size, host: .gitlabPages, config: config), [])
    }

    func testListPagesOverTheLimitSuggestPaginate() {
        let size = OutputSize(files: 20_500, bytes: 100_000_000, papers: 19_000)
        let problem = hostLimitProblems(size, host: .cloudflarePages, config: config).first
        XCTAssertEqual(problem?.limit, .files(limit: 20_000, actual: 20_500))
        XCTAssertTrue(problem?.description.contains("a larger `paginate` (now 500)") ?? false, problem?.description ?? "")
        XCTAssertTrue(problem?.description.contains("`feeds: false`") ?? false, problem?.description ?? "")
    }

    func testAFileOver25MiBOnCloudflare() {
        let size = OutputSize(files: 50_000, bytes: 900_000_000, papers: 49_000,
                              largestFiles: [("papers.json", 90_000_000), ("search/t-co.json", 1_000_000)])
        let problems = hostLimitProblems(size, host: .cloudflarePagesPaid, config: config)
        XCTAssertEqual(problems.map(\.limit), [.fileBytes(limit: 25 * 1024 * 1024, path: "papers.json", actual: 90_000_000)])
        XCTAssertTrue(problems[0].description.hasPrefix("papers.json is 90.0 MB, over the 25 MiB a file that Cloudflare Pages (paid plans) accepts"),
                      problems[0].description)
        XCTAssertTrue(problems[0].description.contains("`exports: false`"), problems[0].description)
        // GitHub Pages has no per-file limit of its own.
        XCTAssertEqual(hostLimitProblems(size, host: .githubPages, config: config), [])
        // Both Cloudflare plans share the one problem when no host is named.
        XCTAssertEqual(hostLimitProblems(size, host: nil, config: config).filter {
            if case .fileBytes = $0.limit { return true }; return false
        }.map(\.hosts), [[.cloudflarePages, .cloudflarePagesPaid]])
    }

    func testRemediesLeaveOutSettingsAlreadyOff() {
        var config = SiteConfig()
        config.exports = false
        config.feeds = false
        config.topics.relatedCount = 2
        let size = OutputSize(files: 101_000, bytes: 1_500_000_000, papers: 100_000)
        assertSays(hostLimitProblems(size, host: .githubPages, config: config).first?.description ?? "", ["separate digest"],
                   not: ["exports", "feeds", "topics.related"])
    }

    func testDiagnosticsNameSiteYmlWithTheChosenSeverity() {
        let size = OutputSize(files: 10, bytes: 1_200_000_000, papers: 5)
        let problems = hostLimitProblems(size, host: .githubPages, config: config)
        let warnings = hostLimitDiagnostics(problems, contentDirectory: "content")
        XCTAssertEqual(warnings.map(\.severity), [.warning])
        XCTAssertTrue(warnings[0].description.hasPrefix("content/site.yml: warning: host limit: the site is 1200.0 MB"), warnings[0].description)
        XCTAssertEqual(hostLimitDiagnostics(problems, contentDirectory: "content", severity: .error).map(\.severity), [.error])
    }

    func testOutputTallyKeepsCountsAndTheLargestFiles() {
        let tally = OutputTally()
        tally.record("a/index.html", 10)
        tally.record("papers.json", 2_000_000)
        tally.record("topics.json", 3_000_000)
        XCTAssertEqual(tally.size(papers: 1), OutputSize(files: 3, bytes: 5_000_010, papers: 1,
                                                         largestFiles: [("topics.json", 3_000_000), ("papers.json", 2_000_000)]))
    }
}
