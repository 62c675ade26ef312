import Foundation

/// What `gazette fetch hf` did with one day.
public enum DayOutcome: Equatable, Sendable {
    /// The day's listing was written to `path`.
    case written(PaperDate, path: String, papers: Int)
    /// `path` was already there and `force` was off: nothing was asked for.
    case skipped(PaperDate, path: String)
    /// The API listed no papers (a weekend or holiday): nothing was written, so the build gets no
    /// empty issue, and a later run asks again in case papers were listed late.
    case empty(PaperDate)

    /// One line for the terminal.
    public var message: String {
        switch self {
        case let .written(day, path, papers): return "\(day.iso): \(papers) paper\(papers == 1 ? "" : "s") → \(path)"
        case let .skipped(day, path): return "\(day.iso): \(path) is already there, skipped (--force fetches it again)"
        case let .empty(day): return "\(day.iso): no papers listed (a weekend or holiday), nothing written"
        }
    }
}

/// The dump file of `day` in `directory`: `2025-08-07.json`.
public func dailyPapersDumpPath(day: PaperDate, directory: String) -> String {
    (directory as NSString).appendingPathComponent("\(day.iso).json")
}

/// Fetches each of `days` from `source` into `directory`, one file per day, skipping days already
/// there unless `force`. `progress` hears of each day as it is done, so a failure part way still
/// reports the days written before it.
public func fetchDailyPapers(days: [PaperDate], into directory: String, force: Bool, source: DailyPapersSource,
                             progress: (DayOutcome) -> Void = { _ in }) async throws -> [DayOutcome] {
    var outcomes: [DayOutcome] = []
    for day in days {
        let path = dailyPapersDumpPath(day: day, directory: directory)
        let outcome: DayOutcome
        if !force, FileManager.default.fileExists(atPath: path) {
            outcome = .skipped(day, path: path)
        } else {
            let pages = try await source.pages(for: day)
            let papers = pages.reduce(0) { $0 + $1.count }
            if papers == 0 {
                outcome = .empty(day)
            } else {
                try writeAtomically(DailyPapersPage.joined(pages), to: path)
                outcome = .written(day, path: path, papers: papers)
            }
        }
        progress(outcome)
        outcomes.append(outcome)
    }
    return outcomes
}
