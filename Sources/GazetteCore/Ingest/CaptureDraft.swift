/// A paper entry as the capture parser gathers it, before it is checked, merged and resolved.
struct CaptureDraft: Hashable, Sendable {
    var title: String
    var line: Int
    var arxivID: String?
    /// Whether the title links to the paper's page (`/papers/<id>`), the surest sign of an entry.
    var titleIsLinked: Bool
    var abstract: String?
    var summary: String?
    var authors: [String] = []
    var authorCount: Int?
    var date: CaptureDateText?
    var upvotes: Int?

    /// Whether the page showed anything of a paper besides the title.
    var hasText: Bool { abstract != nil || summary != nil }
    var hasDetails: Bool { date != nil || authorCount != nil || !authors.isEmpty || upvotes != nil }

    /// Whether the draft is a paper rather than a heading or a bare link: it has an abstract or
    /// summary, or authors; or its title links to its page and some detail (date, upvotes) came with
    /// it. A title link alone is how bots' recommendation lists and collections show papers.
    var isPaper: Bool { hasText || authorCount != nil || !authors.isEmpty || titleIsLinked && hasDetails }

    /// Fills what this draft lacks from `other`, the same paper rendered again.
    mutating func fill(from other: CaptureDraft) {
        arxivID = arxivID ?? other.arxivID
        abstract = abstract ?? other.abstract
        summary = summary ?? other.summary
        if authors.isEmpty { authors = other.authors }
        authorCount = authorCount ?? other.authorCount
        date = date ?? other.date
        upvotes = upvotes ?? other.upvotes
    }

    /// Puts prose in the abstract or the summary slot: as labelled, else by its shape.
    mutating func setText(_ text: String, isSummary: Bool) {
        if isSummary {
            if summary == nil { summary = text }
        } else if abstract == nil {
            abstract = text
        }
    }
}

/// What links told about papers by their arXiv id, wherever in the capture they stood: the upvote
/// button before a title, an abstract or author count linked to the paper's page.
struct CaptureKeyedFacts: Sendable {
    var upvotes: [String: Int] = [:]
    var authorCounts: [String: Int] = [:]
    var texts: [String: (text: String, line: Int)] = [:]

    /// Adds the facts known for `draft`'s id to it.
    func apply(to draft: inout CaptureDraft) {
        guard let id = draft.arxivID else { return }
        draft.upvotes = draft.upvotes ?? upvotes[id]
        draft.authorCount = draft.authorCount ?? authorCounts[id]
        if let (text, _) = texts[id] {
            draft.setText(text, isSummary: CaptureVocabulary.isSummaryShaped(text))
        }
    }
}
