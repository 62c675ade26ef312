/// What the richer formats (Daily Papers JSON, arXiv Atom, captures) tell about a paper beyond the
/// listing's text: its arXiv id, authors' names, more dates, links and Hugging Face's AI summary.
public struct PaperDetails: Hashable, Sendable {
    /// The bare arXiv id without version (`2310.03714`, `hep-th/9901001`).
    public var arxivID: String?
    /// Authors' names in the paper's order.
    public var authors: [String]
    /// When Hugging Face featured the paper on Daily Papers.
    public var submittedOnDaily: PaperDate?
    /// arXiv's date of the latest version.
    public var updated: PaperDate?
    /// Comments on the Hugging Face page.
    public var comments: Int?
    /// The code repository the source names (an http(s) URL).
    public var githubRepo: String?
    /// The project's web page the source names (an http(s) URL).
    public var projectPage: String?
    /// Hugging Face's one-sentence AI-generated summary.
    public var aiSummary: String?
    /// Hugging Face's AI-generated keywords.
    public var aiKeywords: [String]
    /// arXiv categories, the primary one first.
    public var categories: [String]

    public init(
        arxivID: String? = nil, authors: [String] = [], submittedOnDaily: PaperDate? = nil, updated: PaperDate? = nil,
        comments: Int? = nil, githubRepo: String? = nil, projectPage: String? = nil, aiSummary: String? = nil,
        aiKeywords: [String] = [], categories: [String] = []
    ) {
        self.arxivID = arxivID
        self.authors = authors
        self.submittedOnDaily = submittedOnDaily
        self.updated = updated
        self.comments = comments
        self.githubRepo = githubRepo
        self.projectPage = projectPage
        self.aiSummary = aiSummary
        self.aiKeywords = aiKeywords
        self.categories = categories
    }

    /// Folds another sighting's details in: values this one lacks are taken, the longer author
    /// list wins, counts and dates keep the larger (latest) value.
    mutating func absorb(_ other: PaperDetails) {
        arxivID = arxivID ?? other.arxivID
        if other.authors.count > authors.count { authors = other.authors }
        submittedOnDaily = submittedOnDaily ?? other.submittedOnDaily
        if let date = other.updated { updated = max(updated ?? date, date) }
        if let n = other.comments { comments = max(comments ?? 0, n) }
        githubRepo = githubRepo ?? other.githubRepo
        projectPage = projectPage ?? other.projectPage
        aiSummary = aiSummary ?? other.aiSummary
        if aiKeywords.isEmpty { aiKeywords = other.aiKeywords }
        if categories.isEmpty { categories = other.categories }
    }
}
