/// Where a paper was seen: a dump and the line of its title there.
public struct SourceRef: Hashable, Comparable, Sendable {
    public var dump: String
    public var line: Int

    public init(dump: String, line: Int) {
        self.dump = dump
        self.line = line
    }

    public static func < (a: SourceRef, b: SourceRef) -> Bool { (a.dump, a.line) < (b.dump, b.line) }
}

/// One paper of the digest: every dump entry with the same arXiv id or, without one, the same
/// normalised title, merged.
public struct Paper: Hashable, Sendable {
    /// The URL slug, unique in the digest and stable across builds.
    public var slug: String
    public var title: String
    public var abstract: String?
    public var authorCount: Int?
    public var published: PaperDate?
    public var upvotes: Int?
    /// Code repositories named in the abstract (GitHub, GitLab), in order of appearance.
    public var codeLinks: [String]
    /// Other URLs named in the abstract.
    public var otherLinks: [String]
    /// Every dump and line the paper appears at, sorted.
    public var sources: [SourceRef]
    /// True when `abstract` is Hugging Face's AI summary because no source had the abstract.
    public var abstractIsAISummary: Bool
    /// The richest details any of its sources gave (arXiv id, authors' names, dates, links).
    public var details: PaperDetails

    public init(
        slug: String = "", title: String, abstract: String? = nil, authorCount: Int? = nil,
        published: PaperDate? = nil, upvotes: Int? = nil, codeLinks: [String] = [],
        otherLinks: [String] = [], sources: [SourceRef] = [], abstractIsAISummary: Bool = false,
        details: PaperDetails = PaperDetails()
    ) {
        self.slug = slug
        self.title = title
        self.abstract = abstract
        self.authorCount = authorCount
        self.published = published
        self.upvotes = upvotes
        self.codeLinks = codeLinks
        self.otherLinks = otherLinks
        self.sources = sources
        self.abstractIsAISummary = abstractIsAISummary
        self.details = details
    }
}
