import Foundation

/// One finished stage of a build and what it counted, for progress output (`parse: 5 dumps, 507 entries`).
public struct BuildProgress: Sendable, Equatable {
    public var stage: String
    public var detail: String
    public var seconds: Double

    public init(stage: String, detail: String, seconds: Double) {
        self.stage = stage
        self.detail = detail
        self.seconds = seconds
    }
}

/// Values given on the command line that win over `site.yml`.
public struct ConfigOverrides: Sendable, Equatable {
    public var title: String?
    public var baseURL: String?
    public var topicCount: Int?
    public var feeds: Bool?

    public init(title: String? = nil, baseURL: String? = nil, topicCount: Int? = nil, feeds: Bool? = nil) {
        self.title = title
        self.baseURL = baseURL
        self.topicCount = topicCount
        self.feeds = feeds
    }

    /// `config` with every value that is set here replacing its own.
    public func applied(to config: SiteConfig) -> SiteConfig {
        var config = config
        if let title { config.title = title }
        if let baseURL { config.baseURL = baseURL.isEmpty ? nil : (baseURL.hasSuffix("/") ? baseURL : baseURL + "/") }
        if let topicCount { config.topics.count = topicCount }
        if let feeds { config.feeds = feeds }
        return config
    }
}
