import Foundation

/// The Daily Papers API: one day's listing, page by page (`p` from 0, `limit` items each) until a
/// short page.
public struct DailyPapersSource: Sendable {
    /// The API's public endpoint.
    public static let defaultURL = URL(string: "https://huggingface.co/api/daily_papers")!

    public var client: FetchClient
    public var baseURL: URL
    /// Items asked for per page; the API allows at most 100.
    public var pageSize: Int
    /// A day never has this many full pages; reaching it means the server ignores `p`.
    public var maxPages: Int

    public init(client: FetchClient, baseURL: URL = DailyPapersSource.defaultURL, pageSize: Int = 100, maxPages: Int = 50) {
        self.client = client
        self.baseURL = baseURL
        self.pageSize = min(max(pageSize, 1), 100)
        self.maxPages = maxPages
    }

    /// Every page of `day`'s listing, checked; a day with no papers is one empty page.
    public func pages(for day: PaperDate) async throws -> [DailyPapersPage] {
        var pages: [DailyPapersPage] = []
        while pages.count < maxPages {
            let url = pageURL(day: day, page: pages.count)
            let page = try DailyPapersPage(try await client.get(url, accept: "application/json"), url: url)
            pages.append(page)
            if page.count < pageSize { return pages }
        }
        throw FetchError.tooManyPages(url: pageURL(day: day, page: maxPages - 1).absoluteString, pages: maxPages)
    }

    /// `…/daily_papers?date=2025-08-07&p=0&limit=100`.
    public func pageURL(day: PaperDate, page: Int) -> URL {
        queryURL(baseURL, [
            URLQueryItem(name: "date", value: day.iso),
            URLQueryItem(name: "p", value: String(page)),
            URLQueryItem(name: "limit", value: String(pageSize)),
        ])
    }
}
