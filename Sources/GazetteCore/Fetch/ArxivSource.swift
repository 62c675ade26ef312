import Foundation

/// arXiv's query API: the newest papers matching a query, page by page (`start`, `max_results`),
/// waiting `delay` seconds between requests as arXiv's terms of use ask.
public struct ArxivSource: Sendable {
    /// The API's public endpoint.
    public static let defaultURL = URL(string: "https://export.arxiv.org/api/query")!

    /// The endpoint and client; pages hold at most 2,000 entries, arXiv's limit (smaller ones come faster).
    public var api: PagedAPI
    /// Seconds between two requests.
    public var delay: Double

    public init(api: PagedAPI, delay: Double = 3) {
        self.api = api.capped(at: 2000)
        self.delay = delay
    }

    /// The pages holding up to `max` entries for `query`, newest submissions first; stops at a short page.
    public func pages(query: String, max: Int) async throws -> [ArxivPage] {
        var pages: [ArxivPage] = []
        var fetched = 0
        while fetched < max {
            if !pages.isEmpty { try await api.client.sleep(delay) }
            let wanted = min(api.pageSize, max - fetched)
            let url = pageURL(query: query, start: fetched, count: wanted)
            let page = try ArxivPage(try await api.client.get(url, accept: "application/atom+xml", explain: ArxivPage.errorMessage(in:)), url: url)
            pages.append(page)
            fetched += page.entries.count
            if page.entries.count < wanted || page.totalResults.map({ fetched >= $0 }) == true { break }
        }
        return pages
    }

    /// `…/query?search_query=cat:cs.CL&start=0&max_results=200&sortBy=submittedDate&sortOrder=descending`.
    public func pageURL(query: String, start: Int, count: Int) -> URL {
        api.url([
            URLQueryItem(name: "search_query", value: query),
            URLQueryItem(name: "start", value: String(start)),
            URLQueryItem(name: "max_results", value: String(count)),
            URLQueryItem(name: "sortBy", value: "submittedDate"),
            URLQueryItem(name: "sortOrder", value: "descending"),
        ])
    }
}
