import XCTest
@testable import GazetteCore

final class BuildVerbosityTests: XCTestCase {
    func testTerminalGetsProgressAndCIOnlyTheSummary() {
        XCTAssertEqual(BuildVerbosity.choose(quiet: false, verbose: false, stderrIsTerminal: true, environment: [:]), .progress)
        XCTAssertEqual(BuildVerbosity.choose(quiet: false, verbose: false, stderrIsTerminal: false, environment: [:]), .summary)
        XCTAssertEqual(BuildVerbosity.choose(quiet: false, verbose: false, stderrIsTerminal: true, environment: ["CI": "true"]), .summary)
        XCTAssertEqual(BuildVerbosity.choose(quiet: false, verbose: false, stderrIsTerminal: true, environment: ["CI": "false"]), .progress)
    }

    func testFlagsWin() {
        XCTAssertEqual(BuildVerbosity.choose(quiet: true, verbose: false, stderrIsTerminal: true, environment: [:]), .quiet)
        XCTAssertEqual(BuildVerbosity.choose(quiet: false, verbose: true, stderrIsTerminal: false, environment: ["CI": "true"]), .verbose)
        XCTAssertFalse(BuildVerbosity.quiet.showsSummary)
        XCTAssertTrue(BuildVerbosity.summary.showsSummary)
    }

    func testStageLines() {
        let progress = BuildProgress(stage: "parse", detail: "5 dumps, 507 entries, 1 pages", seconds: 0.0125)
        XCTAssertNil(BuildVerbosity.summary.line(for: progress))
        XCTAssertNil(BuildVerbosity.quiet.line(for: progress))
        XCTAssertEqual(BuildVerbosity.progress.line(for: progress), "  parse      5 dumps, 507 entries, 1 pages")
        XCTAssertEqual(BuildVerbosity.verbose.line(for: progress), "  parse      5 dumps, 507 entries, 1 pages (0.013 s)")
    }
}
