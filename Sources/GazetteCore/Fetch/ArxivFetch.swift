import Foundation

/// What `gazette fetch arxiv` did.
public enum ArxivOutcome: Equatable, Sendable {
    case written(path: String, papers: Int)
    case skipped(path: String)
    case empty(query: String)

    /// One line for the terminal.
    public var message: String {
        switch self {
        case let .written(path, papers): return "\(papers) paper\(papers == 1 ? "" : "s") → \(path)"
        case let .skipped(path): return "\(path) is already there, skipped (--force fetches it again)"
        case let .empty(query): return "no papers match `\(query)`, nothing written"
        }
    }
}

/// The dump file of `query` fetched on `day`: `arxiv-cat-cs-cl-2025-08-07.atom`. The query's slug
/// keeps digests of several categories apart; the date makes a daily run a new file.
public func arxivDumpPath(query: String, day: PaperDate, directory: String) -> String {
    let slug = slugify(query, maxLength: 60)
    return (directory as NSString).appendingPathComponent("arxiv-\(slug.isEmpty ? "query" : slug)-\(day.iso).atom")
}

/// Fetches up to `max` papers for `query` into one Atom file in `directory`, unless that file is
/// already there and `force` is off. A query with no match writes nothing.
public func fetchArxiv(query: String, max: Int, day: PaperDate, into directory: String, force: Bool,
                       source: ArxivSource) async throws -> ArxivOutcome {
    guard !query.trimmingCharacters(in: .whitespaces).isEmpty else {
        throw FetchError.badQuery("the arXiv query is empty (example: --query 'cat:cs.CL')")
    }
    guard max >= 1 else { throw FetchError.badQuery("--max must be at least 1 (example: --max 2000)") }
    let path = arxivDumpPath(query: query, day: day, directory: directory)
    if !force, FileManager.default.fileExists(atPath: path) { return .skipped(path: path) }
    let pages = try await source.pages(query: query, max: max)
    let papers = pages.reduce(0) { $0 + $1.entries.count }
    guard papers > 0 else { return .empty(query: query) }
    try writeAtomically(ArxivPage.joined(pages), to: path)
    return .written(path: path, papers: papers)
}
