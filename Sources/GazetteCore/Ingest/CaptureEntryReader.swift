import Foundation

/// A block with the link it consists of, when the whole block is one link (a title, an upvote
/// button, an author-count link) rather than text with a link inside.
struct CaptureItem: Sendable {
    var block: CaptureBlock
    /// The visible text without image placeholders.
    var text: String
    var link: CaptureLink?
    var target: PaperLinkTarget { link.map { PaperLinkTarget($0.url) } ?? .other }
}

/// Pairs each block with its whole-block link. Notebook exports and plain-text converters write a
/// link's URL on the line after its text; such a URL line is joined to the text block before it.
func captureItems(_ blocks: [CaptureBlock]) -> [CaptureItem] {
    var items: [CaptureItem] = []
    items.reserveCapacity(blocks.count)
    for block in blocks {
        let text = CaptureVocabulary.withoutGluedSubscribe(CaptureVocabulary.withoutPlaceholders(block.text))
        if let url = bareURL(block) {
            if let last = items.last, last.link == nil, !last.text.isEmpty, bareURL(last.block) == nil {
                items[items.count - 1].link = CaptureLink(text: last.text, url: url)
            } else {
                items.append(CaptureItem(block: block, text: "", link: CaptureLink(text: "", url: url)))
            }
            continue
        }
        if let (rest, url) = trailingPaperURL(text) {
            // `Title https://huggingface.co/papers/…` or `Title <…>`: the URL is the line's link.
            var block = block
            block.text = rest
            items.append(CaptureItem(block: block, text: rest, link: CaptureLink(text: rest, url: url)))
            continue
        }
        items.append(CaptureItem(block: block, text: text, link: wholeBlockLink(block, text: text)))
    }
    return items
}

/// The text before, and the URL of, a paper link that ends a line of text, or nil.
private func trailingPaperURL(_ text: String) -> (String, String)? {
    guard let space = text.lastIndex(of: " ") else { return nil }
    let url = text[text.index(after: space)...].trimmingCharacters(in: CharacterSet(charactersIn: "<>()[]"))
    guard url.hasPrefix("http://") || url.hasPrefix("https://"), PaperLinkTarget(url) != .other else { return nil }
    let rest = String(Substring(text[..<space]).trimmingWhitespace())
    return rest.contains(where: \.isLetter) ? (rest, url) : nil
}

/// The URL of a block that is nothing but a URL, or nil.
private func bareURL(_ block: CaptureBlock) -> String? {
    let text = block.text
    guard !text.contains(" "), text.hasPrefix("http://") || text.hasPrefix("https://") else { return nil }
    return text
}

/// The link that makes up (nearly) all of the block's text, or nil when the block is text with links.
private func wholeBlockLink(_ block: CaptureBlock, text: String) -> CaptureLink? {
    guard !block.links.isEmpty else { return nil }
    let visible = text.filter { $0.isLetter || $0.isNumber }.count
    for link in block.links {
        let linkText = CaptureVocabulary.withoutPlaceholders(link.text)
        let linked = linkText.filter { $0.isLetter || $0.isNumber }.count
        // Image-only links (avatars, thumbnails) have no text; they are whole-block when the block has none.
        // A link that opens the block may leave a wrapped title's last words outside it (lynx).
        let share = text.hasPrefix(linkText) && !linkText.isEmpty ? 6 : 8
        if linked * 10 >= visible * share { return link }
    }
    return nil
}

/// Walks a capture's items in order and gathers paper drafts. An entry starts at its title; the
/// blocks up to the next title are its details, except what a link ties to another paper by id.
struct CaptureEntryReader {
    /// What the previous label announced the next block to be.
    enum Expectation { case nothing, summary, abstract, authors, upvotes }

    let path: String
    var drafts: [CaptureDraft] = []
    var keyed = CaptureKeyedFacts()
    var diagnostics: [Diagnostic] = []
    private var current: Int?
    private var expectation = Expectation.nothing
    /// The heading level of the closing section being skipped (7 for one named by a plain line).
    private var closingSectionLevel: Int?
    private var pendingArxivID: String?
    private var pendingUpvotes: Int?
    private var previousWasDate = false
    /// The draft whose abstract or summary the previous block was, for paragraphs that continue it.
    private var proseOf: (draft: Int, isSummary: Bool)?

    init(path: String) { self.path = path }

    mutating func read(_ items: [CaptureItem]) {
        for index in items.indices {
            let item = items[index]
            if skipsClosingSection(item) { continue }
            let continuesProse = proseOf
            proseOf = nil
            let wasDate = previousWasDate
            previousWasDate = false
            if item.link != nil {
                readLinked(item)
                continue
            }
            readText(item, next: index + 1 < items.count ? items[index + 1] : nil,
                     continuesProse: continuesProse, afterDate: wasDate)
        }
    }

    /// Whether `item` is in (or opens) a paper page's closing sections, which hold no entry.
    private mutating func skipsClosingSection(_ item: CaptureItem) -> Bool {
        let level = item.block.headingLevel
        if let sectionLevel = closingSectionLevel {
            guard let level, level <= sectionLevel, !CaptureVocabulary.isClosingSection(item.text) else { return true }
            closingSectionLevel = nil
            return false
        }
        // A linked block is a paper's part, never a section heading (a title may begin "Community").
        guard item.link == nil, item.text.count <= 120, CaptureVocabulary.isClosingSection(item.text) else { return false }
        closingSectionLevel = level ?? 7
        current = nil
        return true
    }

    /// Reads a block that is one link: by where it points, a title, an abstract, a count, or chrome.
    private mutating func readLinked(_ item: CaptureItem) {
        let line = item.block.line
        // Counts are read from the link's own words: a comment count may follow it on the line.
        let linkText = CaptureVocabulary.withoutPlaceholders(item.link?.text ?? "")
        switch item.target {
        case .paper(let id):
            let isHeadingTitle = item.block.headingLevel != nil && item.text.utf8.count <= 300
            if !isHeadingTitle, CaptureVocabulary.isProse(item.block.text) {
                if keyed.texts[id] == nil { keyed.texts[id] = (item.block.text, line) }
                proseOf = nil
            } else if let count = CaptureVocabulary.authorCount(linkText) {
                keyed.authorCounts[id] = keyed.authorCounts[id] ?? count
            } else if CaptureVocabulary.isTitleLike(title(item.text), minWords: 1) {
                startEntry(CaptureDraft(title: title(item.text), line: line, arxivID: id, titleIsLinked: true))
            }
        case .login(let id):
            if let (count, _) = CaptureVocabulary.upvoteCount(linkText), let count {
                keyed.upvotes[id] = keyed.upvotes[id] ?? count
            }
        case .paperSection(let id):
            // An author count, a comment count or a comment's anchor.
            if let count = CaptureVocabulary.authorCount(linkText) {
                keyed.authorCounts[id] = keyed.authorCounts[id] ?? count
            }
            adoptID(id)
        case .arxiv(let id):
            // HF's own pages link arXiv only from labels ("arXiv Page"); a title may link there elsewhere.
            if linkText == item.text, CaptureVocabulary.isTitleLike(linkText, minWords: 2) {
                startEntry(CaptureDraft(title: title(item.text), line: line, arxivID: id, titleIsLinked: true))
            } else {
                adoptID(id)
            }
        case .other:
            // A user, organisation, navigation or code link; in an author list, a name.
            if expectation == .authors, let current, CaptureVocabulary.isNameLike(item.text) {
                drafts[current].authors += CaptureVocabulary.authorNames(Substring(item.text))
            }
        }
    }

    /// Gives an unlinked title the id of the arXiv or comments link that follows it in its entry
    /// (`View arXiv page`, the comment count). Not the upvote link: listings put it before the title.
    private mutating func adoptID(_ id: String) {
        guard let current, drafts[current].arxivID == nil, !drafts[current].titleIsLinked else { return }
        drafts[current].arxivID = id
    }

    /// Reads a block of text (which may hold links among its words).
    private mutating func readText(_ item: CaptureItem, next: CaptureItem?,
                                   continuesProse: (draft: Int, isSummary: Bool)?, afterDate: Bool) {
        let text = item.text
        guard text.contains(where: { $0.isLetter || $0.isNumber }) else { return }
        if let id = CaptureVocabulary.arxivLine(text) {
            pendingArxivID = id
            return
        }
        if CaptureVocabulary.isSummaryLabel(text) {
            expectation = .summary
            return
        }
        if CaptureVocabulary.isAbstractLabel(text) {
            expectation = .abstract
            return
        }
        if let names = CaptureVocabulary.authorsAfterLabel(text) {
            expectation = .authors
            if let current { drafts[current].authors += names }
            return
        }
        if let (count, labelled) = CaptureVocabulary.upvoteCount(text) {
            readUpvotes(count, labelled: labelled, afterDate: afterDate)
            return
        }
        if CaptureVocabulary.isChrome(text) { return }
        // A details line: `N authors`, a date, or both with an organisation, joined by `·`.
        let parts = text.utf8.count <= 160 ? text.split(separator: "·") : []
        let count = parts.lazy.compactMap { CaptureVocabulary.authorCount(String($0.trimmingWhitespace())) }.first
        let date = CaptureDateText(text)
        if count != nil || date != nil {
            if let current {
                drafts[current].authorCount = drafts[current].authorCount ?? count
                if let date, !date.isOtherEvent, drafts[current].date == nil { drafts[current].date = date }
            }
            // A count on the next line is this entry's comment count, unless one ended the date's line.
            previousWasDate = current != nil && date?.endsLine == true
            return
        }
        if expectation == .authors, let current, CaptureVocabulary.isNameLike(text.trimmingTrailingComma) {
            drafts[current].authors += CaptureVocabulary.authorNames(Substring(text))
            return
        }
        if CaptureVocabulary.isProse(item.block.text) {
            readProse(item, continuesProse: continuesProse)
            return
        }
        if startsEntry(item, next: next) {
            var draft = CaptureDraft(title: title(text), line: item.block.line, titleIsLinked: false)
            draft.arxivID = pendingArxivID
            startEntry(draft)
        }
    }

    private mutating func readUpvotes(_ count: Int?, labelled: Bool, afterDate: Bool) {
        if labelled && count == nil {
            expectation = .upvotes  // `Upvote` on one line, its count on the next
            return
        }
        guard let count else { return }
        if labelled || expectation == .upvotes {
            expectation = .nothing
            if let current, drafts[current].upvotes == nil { drafts[current].upvotes = count } else { pendingUpvotes = count }
        } else if !afterDate {
            // A count between entries is the upvote box of the next one; right after a date it is
            // the comment count the listings print there.
            pendingUpvotes = count
        }
    }

    /// Takes running prose as the current entry's abstract or summary, or warns where it has no place.
    private mutating func readProse(_ item: CaptureItem, continuesProse: (draft: Int, isSummary: Bool)?) {
        let text = item.block.text
        let line = item.block.line
        guard let current else {
            if CaptureVocabulary.isAbstractShaped(text) {
                diagnostics.append(Diagnostic(.warning, file: path, line: line, "text like an abstract with no paper title above it; skipped"))
            }
            return
        }
        if let (draft, isSummary) = continuesProse, draft == current {
            // A further paragraph of the same abstract.
            if isSummary { drafts[current].summary! += "\n\n" + text } else { drafts[current].abstract! += "\n\n" + text }
            proseOf = (draft, isSummary)
            return
        }
        let isSummary: Bool
        switch expectation {
        case .summary: isSummary = true
        case .abstract: isSummary = false
        default: isSummary = CaptureVocabulary.isSummaryShaped(text)
        }
        expectation = .nothing
        let taken = isSummary ? drafts[current].summary == nil : drafts[current].abstract == nil
        if taken {
            drafts[current].setText(text, isSummary: isSummary)
            proseOf = (current, isSummary)
        } else if CaptureVocabulary.isAbstractShaped(text) {
            diagnostics.append(Diagnostic(.warning, file: path, line: line,
                "more text like an abstract after the paper at line \(drafts[current].line); skipped"))
        }
    }

    /// Whether an unlinked block is a title: a heading shaped like one, or a title-shaped line that
    /// an abstract follows, or one where an entry may start that an author count or dated line follows.
    private func startsEntry(_ item: CaptureItem, next: CaptureItem?) -> Bool {
        let text = item.text
        guard CaptureVocabulary.isTitleLike(text, minWords: 2) else { return false }
        if item.block.headingLevel != nil { return true }
        if expectation == .authors { return false }
        // Between a title and its abstract, short lines are the entry's details, not a new title.
        let entryOpen = current.map { !drafts[$0].hasText && drafts[$0].date == nil && drafts[$0].authorCount == nil } ?? false
        guard !entryOpen, let next else { return false }
        if CaptureVocabulary.isProse(next.block.text) { return true }
        if CaptureVocabulary.authorCount(next.text) != nil { return true }
        if let date = CaptureDateText(next.text), date.year != nil, !date.isOtherEvent { return true }
        return false
    }

    private mutating func startEntry(_ draft: CaptureDraft) {
        var draft = draft
        draft.upvotes = pendingUpvotes
        pendingUpvotes = nil
        pendingArxivID = nil
        expectation = .nothing
        drafts.append(draft)
        current = drafts.count - 1
    }

    /// A title as shown: without heading marks a converter left inside a link.
    private func title(_ text: String) -> String {
        String(Substring(text.drop { $0 == "#" }).trimmingWhitespace())
    }
}

extension String {
    /// The text without the comma an author list leaves after each name.
    var trimmingTrailingComma: String {
        var text = Substring(self).trimmingWhitespace()
        while text.last == "," { text = text.dropLast().trimmingWhitespace() }
        return String(text)
    }
}
