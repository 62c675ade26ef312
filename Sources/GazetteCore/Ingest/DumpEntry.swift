/// One paper as it appears in one dump, before entries from several dumps are merged.
public struct DumpEntry: Hashable, Sendable {
    public var title: String
    public var abstract: String?
    public var authorCount: Int?
    public var published: PaperDate?
    public var upvotes: Int?
    /// 1-based line of the title in the dump.
    public var line: Int
    /// True when `abstract` is Hugging Face's AI summary, all the source had.
    public var abstractIsAISummary: Bool
    /// What the richer formats tell beyond the listing's text (arXiv id, names, links, ...).
    public var details: PaperDetails

    public init(
        title: String, abstract: String? = nil, authorCount: Int? = nil,
        published: PaperDate? = nil, upvotes: Int? = nil, line: Int,
        abstractIsAISummary: Bool = false, details: PaperDetails = PaperDetails()
    ) {
        self.title = title
        self.abstract = abstract
        self.authorCount = authorCount
        self.published = published
        self.upvotes = upvotes
        self.line = line
        self.abstractIsAISummary = abstractIsAISummary
        self.details = details
    }
}

/// A parsed dump file: one captured listing page, kept as a digest issue.
public struct Dump: Hashable, Sendable {
    /// The file name without extension; also the slug.
    public var name: String
    /// The path as given, used in messages.
    public var path: String
    /// The page's own date line (`Aug 7`), when it has one.
    public var captureDate: CaptureDate?
    public var entries: [DumpEntry]

    public init(name: String, path: String, captureDate: CaptureDate?, entries: [DumpEntry]) {
        self.name = name
        self.path = path
        self.captureDate = captureDate
        self.entries = entries
    }
}

/// The month and day a listing page was captured; the pages print no year.
public struct CaptureDate: Hashable, Comparable, Sendable {
    public var month: Int
    public var day: Int

    public init(month: Int, day: Int) {
        self.month = month
        self.day = day
    }

    /// `Aug 7`.
    public var display: String { "\(PaperDate.monthNames[month - 1]) \(day)" }

    public static func < (a: CaptureDate, b: CaptureDate) -> Bool { (a.month, a.day) < (b.month, b.day) }
}
