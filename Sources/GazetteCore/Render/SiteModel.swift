import Foundation

/// Everything the pages are made from, after ingest and topic inference.
public struct SiteModel: Sendable {
    public var config: SiteConfig
    public var dumps: [Dump]
    /// Slug of each dump's issue page, by dump name.
    public var dumpSlugs: [String: String]
    /// Position of each dump in `dumps`, by name (a paper's sources name their dumps).
    public var dumpIndex: [String: Int]
    public var papers: [Paper]
    public var topics: TopicModel
    public var pages: [ContentPage]

    public init(config: SiteConfig, dumps: [Dump], papers: [Paper], topics: TopicModel, pages: [ContentPage]) {
        self.config = config
        self.dumps = dumps
        self.papers = papers
        self.topics = topics
        self.pages = pages
        var slugs = UniqueSlugs()
        var dumpSlugs: [String: String] = [:]
        for dump in dumps.sorted(by: { $0.name < $1.name }) { dumpSlugs[dump.name] = slugs.make(dump.name) }
        self.dumpSlugs = dumpSlugs
        dumpIndex = Dictionary(dumps.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Dumps as digest issues: dated ones newest capture first, then undated ones by name.
    public var issues: [Dump] {
        dumps.sorted { a, b in
            switch (a.captureDate, b.captureDate) {
            case let (x?, y?): return x != y ? x > y : a.name < b.name
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.name < b.name
            }
        }
    }

    /// `Aug 7 issue` or, for a page without a date line, `Issue 001_48…` from its file name.
    public func issueLabel(_ dump: Dump) -> String {
        if let date = dump.captureDate { return "Issue of \(date.display)" }
        return "Issue \(dump.name)"
    }
}
