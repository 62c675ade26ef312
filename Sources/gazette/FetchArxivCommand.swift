import ArgumentParser
import Foundation
import GazetteCore

struct FetchArxivCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arxiv",
        abstract: "Fetch the newest papers matching an arXiv query into one content/dumps/arxiv-QUERY-DATE.atom.",
        discussion: """
        Pages through arXiv's API with a 3-second pause between requests, as arXiv asks, and writes \
        all entries as one Atom feed named for the query and today's date (UTC), e.g. \
        arxiv-cat-cs-cl-2025-08-07.atom. The endpoint is --base-url, else $GAZETTE_ARXIV_API_URL, \
        else https://export.arxiv.org/api/query.

        Example: gazette fetch arxiv --query 'cat:cs.CL AND ti:translation' --max 500
        """
    )

    @OptionGroup var fetch: FetchOptions

    @Option(name: .long, help: "arXiv search query (example: --query 'cat:cs.CL').")
    var query: String

    @Option(name: .long, help: "The most papers to fetch (example: --max 2000).")
    var max = 2000

    @Option(name: .customLong("page-size"), help: "Papers per request, at most 2000 (example: --page-size 200).")
    var pageSize = 200

    func validate() throws {
        if max < 1 { throw ValidationError("--max must be at least 1 (example: --max 2000)") }
        if !(1...2000).contains(pageSize) { throw ValidationError("--page-size must be from 1 to 2000 (example: --page-size 200)") }
    }

    func run() async throws {
        do {
            // arXiv asks for 3 s between requests: retries wait at least that long too.
            let endpoint = try fetch.endpoint(variable: "GAZETTE_ARXIV_API_URL", fallback: ArxivSource.defaultURL)
            let source = ArxivSource(api: PagedAPI(client: fetch.client(retry: RetryPolicy(baseDelay: 3)), endpoint: endpoint, pageSize: pageSize))
            let outcome = try await fetchArxiv(query: query, max: max, day: PaperDate(utc: Date()), into: fetch.dumpsDirectory,
                                               force: fetch.force, source: source)
            print("gazette: \(outcome.message)")
        } catch {
            throw fail(error)
        }
    }
}
