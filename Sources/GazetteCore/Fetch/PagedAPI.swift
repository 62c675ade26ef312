import Foundation

/// A paged HTTP API as a source asks it: the polite client, the endpoint, and the items per page.
public struct PagedAPI: Sendable {
    public var client: FetchClient
    public var endpoint: URL
    /// Items asked for per request.
    public var pageSize: Int

    public init(client: FetchClient, endpoint: URL, pageSize: Int) {
        self.client = client
        self.endpoint = endpoint
        self.pageSize = pageSize
    }

    /// This API with at least 1 and at most `limit` items per page, the most the service allows.
    func capped(at limit: Int) -> PagedAPI {
        PagedAPI(client: client, endpoint: endpoint, pageSize: min(max(pageSize, 1), limit))
    }

    /// The endpoint with `items` added to its query (after any it already has).
    public func url(_ items: [URLQueryItem]) -> URL {
        var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: false) ?? URLComponents()
        components.queryItems = (components.queryItems ?? []) + items
        return components.url ?? endpoint
    }
}
