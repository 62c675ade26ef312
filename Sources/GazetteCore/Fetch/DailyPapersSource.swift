import Foundation

/// The Daily Papers API: one day's listing, page by page (`p` from 0, `limit` items each) until a
/// short page.
public struct DailyPapersSource: Sendable {
    /// The API's public endpoint.
    public static let defaultURL = URL(string: "https://huggingface.co/api/daily_papers")!

    /// The endpoint and client; pages hold at most 100 items, the API's limit.
    public var api: PagedAPI
    /// A day never has this many full pages; reaching it means the server ignores `p`.
    public var maxPages: Int

    public init(api: PagedAPI, maxPages: Int = 50) {
        self.api = api.capped(at: 100)
        self.maxPages = maxPages
    }

    /// Every page of `day`'s listing, checked; a day with no papers is one empty page.
    public func pages(for day: PaperDate) async throws -> [DailyPapersPage] {
        var pages: [DailyPapersPage] = []
        while pages.count < maxPages {
            let url = pageURL(day: day, page: pages.count)
            let page = try DailyPapersPage(try await api.client.get(url, accept: "application/json"), url: url)
            pages.append(page)
            if page.count < api.pageSize { return pages }
        }
        throw FetchError.tooManyPages(url: pageURL(day: day, page: maxPages - 1).absoluteString, pages: maxPages)
    }

    /// `…/daily_papers?date=2025-08-07&p=0&limit=100`.
    public func pageURL(day: PaperDate, page: Int) -> URL {
        api.url([
            URLQueryItem(name: "date", value: day.iso),
            URLQueryItem(name: "p", value: String(page)),
            URLQueryItem(name: "limit", value: String(api.pageSize)),
        ])
    }
}
