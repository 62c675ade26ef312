import Foundation

/// Builds the Mustache contexts for each kind of page. Every string placed here is plain text and
/// is escaped by the templates; keys ending in `_html` hold HTML we produced (rendered Markdown).
struct PageContexts {
    let model: SiteModel
    let markdown: MarkdownRenderer
    /// Papers per page of a long list.
    let perPage: Int
    /// The papers of each topic: main topic (closest first) and others (by score).
    let primaryPapers: [[Int]]
    let secondaryPapers: [[(paper: Int, score: Double)]]
    /// The main papers of each topic newest first, and each paper's position there.
    let primaryByDate: [[Int]]
    let datePosition: [Int]
    /// Every paper, newest first (`SiteModel.newestFirst`), sorted once for all the lists.
    let newestFirst: [Int]
    /// Every paper's card, rendered once.
    let cards: RenderedCards
    /// Each paper's summary (the opening of its abstract), made once when every card is rendered
    /// at once; nil in an incremental build, which makes only the summaries its pages show.
    private let summaries: [String]?
    /// Each paper's title as pages show it (LaTeX cleaned), made once.
    let titles: [String]
    /// When set, contexts hold each card's fingerprint (these) and each abstract's Markdown in place
    /// of their HTML: the values a page's fingerprint is taken from, made without rendering either.
    private(set) var cardFingerprints: [UInt64]?
    /// Set with `cardFingerprints`: what paper pages' keys are made of (see `PaperPageKeys`).
    private(set) var paperKeys: PaperPageKeys?

    /// `eagerCards: false` renders each card when a page first shows it (an incremental build).
    init(model: SiteModel, markdown: MarkdownRenderer, shapes: TemplateShapes, eagerCards: Bool = true) throws {
        self.model = model
        self.markdown = markdown
        self.perPage = model.config.paginate
        var primary = [[Int]](repeating: [], count: model.topics.topics.count)
        var secondary = [[(paper: Int, score: Double)]](repeating: [], count: model.topics.topics.count)
        for (paper, memberships) in model.topics.memberships.enumerated() {
            for membership in memberships {
                if membership.isPrimary { primary[membership.topic].append(paper) } else { secondary[membership.topic].append((paper, membership.score)) }
            }
        }
        // Primary papers closest to the topic first; ties by title.
        for t in primary.indices {
            primary[t].sort { a, b in
                let sa = model.topics.memberships[a][0].score, sb = model.topics.memberships[b][0].score
                return sa != sb ? sa > sb : model.papers[a].title < model.papers[b].title
            }
            secondary[t].sort { $0.score != $1.score ? $0.score > $1.score : model.papers[$0.paper].title < model.papers[$1.paper].title }
        }
        let newestFirst = model.newestFirst()
        self.newestFirst = newestFirst
        var byDate = [[Int]](repeating: [], count: model.topics.topics.count)
        for paper in newestFirst {
            if let first = model.topics.memberships[paper].first, first.isPrimary { byDate[first.topic].append(paper) }
        }
        var position = [Int](repeating: -1, count: model.papers.count)
        for list in byDate { for (i, paper) in list.enumerated() { position[paper] = i } }
        self.primaryPapers = primary
        self.secondaryPapers = secondary
        self.primaryByDate = byDate
        self.datePosition = position
        let titles = concurrentChunks(model.papers.count) { range in range.map { cleanLatex(model.papers[$0].title, markdown: false) } }.flatMap { $0 }
        self.titles = titles
        let summaries = eagerCards ? concurrentChunks(model.papers.count) { range in range.map { Self.summary(of: model.papers[$0]) } }.flatMap { $0 } : nil
        self.summaries = summaries
        cards = try RenderedCards(count: model.papers.count, shapes: shapes, eager: eagerCards) { index, summarized in
            Self.cardContext(index, model: model, title: titles[index],
                             summary: summarized ? summaries?[index] ?? Self.summary(of: model.papers[index]) : "")
        }
    }

    /// The summary of paper `index` (the opening of its abstract), as its page's description and card show it.
    func summary(_ index: Int) -> String { summaries?[index] ?? Self.summary(of: model.papers[index]) }

    /// These contexts with fingerprints in place of cards and rendered abstracts (see `cardFingerprints`).
    func fingerprinting() -> PageContexts {
        var copy = self
        let keys = PaperPageKeys(self)
        copy.cardFingerprints = keys.cards
        copy.paperKeys = keys
        return copy
    }

    // MARK: Paths

    static func paperPath(_ paper: Paper) -> String { "papers/\(paper.slug)/index.html" }
    static func topicPath(_ topic: Topic) -> String { "topics/\(topic.slug)/index.html" }
    func dumpPath(_ dump: Dump) -> String { "dumps/\(model.dumpSlugs[dump.name]!)/index.html" }
    static func pagePath(_ page: ContentPage) -> String { "\(page.slug)/index.html" }

    /// A link from a paper's page to another paper's: the pages are siblings under `papers/`, so
    /// `../<slug>/index.html` rather than the way through the root (a paper page links seven or so).
    static func siblingPaperHref(_ paper: Paper) -> String { "../\(paper.slug)/index.html" }

    /// The relative prefix from a page at `path` back to the site root (`../../` for `a/b/index.html`).
    static func root(for path: String) -> String {
        // Counted on the bytes (every page asks, twice in an incremental build): one `../` per
        // non-empty component before the last, as splitting at "/" would give.
        var components = 0
        var previous = UInt8(ascii: "/")
        for byte in path.utf8 {
            if byte != UInt8(ascii: "/"), previous == UInt8(ascii: "/") { components += 1 }
            previous = byte
        }
        return String(repeating: "../", count: max(0, components - 1))
    }

    // MARK: Shared pieces

    func layout(path: String, title: String, description: String, body: String, section: String) -> [String: Any] {
        // The not-found page is served at any depth: with a base URL its links can be absolute.
        let root = path == "404.html" ? (model.config.baseURL ?? "") : Self.root(for: path)
        let isPaper = path.hasPrefix("papers/") && path != "papers/index.html"
        /// A menu entry; `current` is true on every page of its section (as themes have used it),
        /// `aria_current` is "page" on the entry's own page and "true" on the others of its section.
        func entry(_ title: String, _ target: String, _ itsSection: String) -> [String: Any] {
            let inSection = section == itsSection
            return ["title": title, "href": root + target, "current": inSection,
                    "aria_current": path == target ? "page" : inSection ? "true" : false]
        }
        var nav: [[String: Any]] = [
            entry("Topics", "topics/index.html", "topics"),
            entry("All papers", "papers/index.html", "papers"),
            entry("Archive", "archive/index.html", "archive"),
            entry("Issues", "dumps/index.html", "dumps"),
        ]
        for page in model.pages.filter({ $0.menuOrder != nil }).sorted(by: { ($0.menuOrder!, $0.slug) < ($1.menuOrder!, $1.slug) }) {
            nav.append(entry(page.title, Self.pagePath(page), "page:" + page.slug))
        }
        var context: [String: Any] = [
            "root": root,
            "site_title": model.config.title,
            "site_description": model.config.description,
            "language": model.config.language,
            "page_title": title,
            "is_home": path == "index.html",
            "description": Self.metaDescription(description),
            "nav": nav,
            "body": body,
            "feed_href": root + "feed.xml",
            // The site feed and the data exports are linked from every list, not from each of a
            // large digest's paper pages (about 250 bytes each, 2.5% of the site).
            "feeds": model.config.feeds && !isPaper,
            "exports": model.config.exports && !isPaper,
            "topic_feed": false,
            "og_type": isPaper ? "article" : "website",
            // Only lists are sorted: a paper page does without sort.js (the shells' key has the page type).
            "lists": !isPaper,
        ]
        if let base = model.config.baseURL {
            context["canonical"] = base + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
        }
        return context
    }

    /// A list item holding the paper's rendered card, for a page whose root is `root`, with `score`
    /// when given; `summarized` gives the summary instead.
    func card(_ index: Int, root: String, score: Double? = nil, summarized: Bool = false) -> [String: Any] {
        if let cardFingerprints {
            return ["card_html": [cardFingerprints[index], root, score.map(formatScore) ?? false, summarized] as [Any]]
        }
        return ["card_html": cards.html(index, root: root, score: score.map(formatScore), variant: summarized ? .summarized : .plain)]
    }

    /// A list item holding the paper's compact entry (`paper-item`: title link and date), for the
    /// lists that repeat every paper once more (archive months, issues); a theme without that
    /// template gets the plain card there.
    func item(_ index: Int, root: String) -> [String: Any] {
        if let cardFingerprints { return ["card_html": [cardFingerprints[index], root, "item"] as [Any]] }
        return ["card_html": cards.html(index, root: root, variant: .item)]
    }

    /// The values of a paper's card, with the root and score marks that `RenderedCards` replaces.
    static func cardContext(_ index: Int, model: SiteModel, title: String, summary: String, score: String? = nil) -> [String: Any] {
        let paper = model.papers[index]
        let root = RenderedCards.rootMark
        // Every key is set, even when empty: Mustache would otherwise look it up in the page around the card.
        var card: [String: Any] = [
            "root": root,
            "href": root + paperPath(paper),
            "title": title,
            "summary": summary,
            // sort.js reads what it sorts and filters by from the card's date, upvotes, title and topic link.
            "date": false, "date_iso": "", "upvotes": false, "authors": false, "topic": false, "score": score ?? false,
        ]
        if let date = paper.published { card["date"] = date.display; card["date_iso"] = date.iso }
        if let upvotes = paper.upvotes { card["upvotes"] = upvotes }
        if let authors = paper.authorCount { card["authors"] = authors == 1 ? "1 author" : "\(authors) authors" }
        if let primary = model.topics.memberships[index].first {
            let topic = model.topics.topics[primary.topic]
            card["topic"] = ["name": topic.name, "href": root + topicPath(topic)]
        }
        return card
    }

    /// A page's description as its head carries it: at most about 160 characters (what search
    /// results and link previews show), cut at a space. A paper's is the opening of its abstract,
    /// which the page itself shows in full.
    static func metaDescription(_ text: String) -> String {
        guard text.utf8.count > 170, text.count > 170 else { return text }
        let cut = characterPrefix(text, 160)
        if let space = cut.lastIndex(of: " ") { return String(cut[..<space]) + "…" }
        return cut + "…"
    }

    /// The first sentences of an abstract as plain text, about 240 characters.
    static func summary(of paper: Paper) -> String {
        guard let abstract = paper.abstract else { return "" }
        // Only the opening matters: clean a bounded prefix, not the whole abstract.
        let opening = abstract.utf8.count > 1200 ? characterPrefix(abstract, 1000) : abstract
        let text = cleanLatex(opening, markdown: false)
        guard text.utf8.count > 260, isPlainASCII(text, through: 260) || text.count > 260 else { return text }
        let cut = characterPrefix(text, 240)
        if let space = cut.lastIndex(of: " ") { return String(cut[..<space]) + "…" }
        return cut + "…"
    }

    /// The first `count` characters of `text`; counted in bytes where those are plain ASCII, since
    /// walking grapheme clusters was most of the cost of a summary.
    static func characterPrefix(_ text: String, _ count: Int) -> String {
        guard isPlainASCII(text, through: count) else { return String(text.prefix(count)) }
        var text = text
        return text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0.prefix(count)), as: UTF8.self) }
    }

    /// Whether the first `count + 1` bytes of `text` (all of it, if shorter) are ASCII other than
    /// a carriage return: then each of its first `count` characters is one byte (an ASCII byte
    /// never joins the one before it, except LF after CR).
    static func isPlainASCII(_ text: String, through count: Int) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let opening = UnsafeBufferPointer(rebasing: bytes.prefix(count + 1))
            return isASCII(opening) && !opening.contains(0x0D)
        }
    }

    /// `0.43`: two decimals, without Foundation's formatter (it ran once per card on every list).
    func formatScore(_ score: Double) -> String {
        let hundredths = Int((abs(score) * 100).rounded(.toNearestOrEven))
        let fraction = hundredths % 100
        return (score < 0 && hundredths > 0 ? "-" : "") + "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    func topicSummary(_ topic: Topic, root: String) -> [String: Any] {
        [
            "name": topic.name,
            "href": root + Self.topicPath(topic),
            "count": topic.primaryCount,
            "size": topic.size,
            "terms": topic.terms.prefix(6).map(\.label).joined(separator: ", "),
        ]
    }

    // MARK: Pages

    func home() -> [String: Any] {
        let path = "index.html"
        let root = Self.root(for: path)
        let top = model.papers.indices.filter { (model.papers[$0].upvotes ?? 0) > 0 }
            .sorted { (model.papers[$0].upvotes!, model.papers[$1].title) > (model.papers[$1].upvotes!, model.papers[$0].title) }
            .prefix(model.config.homeTopPapers)
        let latest = model.papers.indices.filter { model.papers[$0].published != nil }
            .sorted { (model.papers[$0].published!, model.papers[$1].title) > (model.papers[$1].published!, model.papers[$0].title) }
            .prefix(model.config.homeTopPapers)
        return [
            "topics": model.topics.topics.map { topicSummary($0, root: root) },
            "top_papers": top.map { card($0, root: root) },
            "has_top_papers": !top.isEmpty,
            "latest_papers": latest.map { card($0, root: root) },
            "has_latest_papers": !latest.isEmpty,
            "issues": model.issues.map { issueSummary($0, root: root) },
            "paper_count": model.papers.count,
            "topic_count": model.topics.topics.count,
            "issue_count": model.dumps.count,
        ]
    }

    func issueSummary(_ dump: Dump, root: String) -> [String: Any] {
        ["label": model.issueLabel(dump), "href": root + dumpPath(dump), "count": dump.entries.count, "file": dump.name]
    }

    func topicsIndex() -> [String: Any] {
        let root = Self.root(for: "topics/index.html")
        return ["topics": model.topics.topics.map { topicSummary($0, root: root) }, "topic_count": model.topics.topics.count]
    }

    /// The pages of a topic's main-topic list, closest to the topic first.
    func topicPages(_ topic: Topic) -> [ListPage] {
        listPages(primaryPapers[topic.id], perPage: perPage, directory: "topics/\(topic.slug)/")
    }

    /// One page of a topic: its terms, a page of its main papers and, on the first page, the papers
    /// that touch on it (at most a page of them, the closest).
    func topic(_ topic: Topic, page: ListPage) -> [String: Any] {
        let root = Self.root(for: page.path)
        let secondary = page.number == 1 ? secondaryPapers[topic.id].prefix(perPage) : []
        return [
            "name": topic.name,
            "seed_name": topic.seedName ?? false,
            "terms": topic.terms.map { ["label": $0.label, "weight": formatScore($0.weight * 100)] },
            "primary_count": topic.primaryCount,
            "secondary_count": secondaryPapers[topic.id].count,
            "primary_papers": page.items.map { card($0, root: root, summarized: true) },
            "secondary_papers": secondary.map { card($0.paper, root: root, score: $0.score) },
            "has_secondary": !secondary.isEmpty,
            "has_touching": !secondaryPapers[topic.id].isEmpty,
            "secondary_shown": secondary.count,
            "secondary_capped": secondary.count < secondaryPapers[topic.id].count,
            "feed_href": root + topicFeedPath(topic),
        ].merging(listValues(page, root: root)) { own, _ in own }
    }

    /// What every page of a list shows about where it is in the list.
    func listValues(_ page: ListPage, root: String) -> [String: Any] {
        [
            "sortable": page.pageCount == 1,
            "paginated": page.pageCount > 1,
            "pagination": page.pagerContext(root: root),
            "first_position": page.firstPosition,
            "last_position": page.items.endIndex,
            "page_number": page.number,
            "page_count": page.pageCount,
        ]
    }

    func paper(_ index: Int) -> [String: Any] {
        let paper = model.papers[index]
        let root = Self.root(for: Self.paperPath(paper))
        let title = titles[index]
        let query = percentEncodedQuery(title)
        var context: [String: Any] = [
            "title": title,
            // The list of all papers is the folder above the page's own.
            "papers_href": "../index.html",
            "abstract_html": paper.abstract.map { cardFingerprints == nil ? markdown.abstractHTML($0) : $0 } ?? "",
            "has_abstract": paper.abstract != nil,
            "topics": model.topics.memberships[index].map { membership -> [String: Any] in
                let topic = model.topics.topics[membership.topic]
                // No similarity score: it moves with every issue, and a value the page carries, shown
                // or not, makes the page render again in an incremental build.
                return [
                    "name": topic.name, "href": root + Self.topicPath(topic), "primary": membership.isPrimary,
                    "because": membership.becauseOf.joined(separator: ", "),
                ]
            },
            // A short list rather than cards: five per paper, on every paper page, add up.
            "related": model.topics.related[index].map { related -> [String: Any] in
                let other = model.papers[related.paper]
                return ["title": titles[related.paper], "href": Self.siblingPaperHref(other),
                        "date": other.published?.display ?? false, "date_iso": other.published?.iso ?? ""]
            },
            "has_related": !model.topics.related[index].isEmpty,
            "sources": paper.sources.compactMap { source -> [String: Any]? in
                guard let dump = model.dumpIndex[source.dump].map({ model.dumps[$0] }) else { return nil }
                return ["label": model.issueLabel(dump), "href": root + dumpPath(dump), "file": dump.name, "line": source.line]
            },
            "code_links": paper.codeLinks,
            "other_links": paper.otherLinks,
            "has_links": !paper.codeLinks.isEmpty || !paper.otherLinks.isEmpty,
            "hf_search": "https://huggingface.co/papers?q=\(query)",
        ]
        if let date = paper.published { context["date"] = date.display; context["date_iso"] = date.iso }
        if let upvotes = paper.upvotes { context["upvotes"] = upvotes }
        if let authors = paper.authorCount { context["authors"] = authors == 1 ? "1 author" : "\(authors) authors" }
        context.merge(Self.details(of: paper)) { own, _ in own }
        context["neighbours"] = neighbours(of: index, root: root)
        return context
    }

    /// What the richer formats add to a paper page: authors' names, direct arXiv links, the date
    /// Hugging Face featured it and its AI summary (marked as such). Values are escaped by the
    /// templates like every other.
    static func details(of paper: Paper) -> [String: Any] {
        let details = paper.details
        var context: [String: Any] = ["abstract_is_ai_summary": paper.abstractIsAISummary]
        if !details.authors.isEmpty { context["author_names"] = details.authors.joined(separator: ", ") }
        if let id = details.arxivID {
            // Hugging Face's page of the paper, by its id: shorter than a search by title, and the paper itself.
            context["arxiv"] = ["id": id, "abs": "https://arxiv.org/abs/\(id)", "pdf": "https://arxiv.org/pdf/\(id)",
                                "hf": "https://huggingface.co/papers/\(id)"]
        }
        if let date = details.submittedOnDaily { context["daily_date"] = date.display; context["daily_date_iso"] = date.iso }
        if let summary = details.aiSummary, !paper.abstractIsAISummary { context["ai_summary"] = summary }
        if !details.categories.isEmpty { context["categories"] = details.categories.joined(separator: ", ") }
        return context
    }

    /// The orders the list of all papers is written in: newest first and, when the list needs more
    /// than one page (so the browser cannot sort it), the most upvoted under `papers/upvotes/`. A
    /// long list is one page in each order: the newest, which the archive continues month by month
    /// in the same order, and the most upvoted. Numbered pages of every paper would repeat the
    /// archive's list in another split (42 MB of a 100,000-paper digest) for pages nobody reads far into.
    func allPapersOrders() -> [(label: String, pages: [ListPage])] {
        let newest = newestFirst
        guard newest.count > perPage else { return [("newest first", listPages(newest, perPage: perPage, directory: "papers/"))] }
        let latest = listPages(Array(newest.prefix(perPage)), perPage: perPage, directory: "papers/")
        let top = Array(model.mostUpvotedFirst(newestFirst: newest).prefix(perPage))
        return [("newest first", latest), ("most upvoted first", listPages(top, perPage: perPage, directory: "papers/upvotes/"))]
    }

    /// One page of the list of all papers in one of `orders`.
    func allPapers(order: Int, page: ListPage, orders: [(label: String, pages: [ListPage])]) -> [String: Any] {
        let root = Self.root(for: page.path)
        // A long list shows one page in each order: not sortable, and it says how many it shows.
        let partial = orders.count > 1
        return [
            "papers": page.items.map { card($0, root: root) },
            "paper_count": model.papers.count,
            "order_label": partial ? "the \(page.items.count) \(orders[order].label)" : orders[order].label,
            "partial": partial,
            "has_orders": orders.count > 1,
            "orders": orders.enumerated().map { i, o in
                ["label": o.label.prefix(1).uppercased() + o.label.dropFirst(), "href": root + o.pages[0].path, "current": i == order] as [String: Any]
            },
            "topics": model.topics.topics.sorted { $0.name < $1.name }.map { ["name": $0.name, "slug": $0.slug] },
        ].merging(listValues(page, root: root)) { own, _ in own }.merging(partial ? ["sortable": false] : [:]) { _, new in new }
    }

    /// The pages of an issue's list, in the listing's order; `paperIndex` finds a paper by its
    /// `arxivPaperKey` or its normalised title.
    func dumpPages(_ dump: Dump, paperIndex: [String: Int]) -> [ListPage] {
        let papers = dump.entries.compactMap { entry in
            entry.details.arxivID.flatMap { paperIndex[arxivPaperKey($0)] } ?? paperIndex[normalizedTitleKey(entry.title)]
        }
        return listPages(papers, perPage: perPage, directory: "dumps/\(model.dumpSlugs[dump.name]!)/")
    }

    /// One page of an issue: the papers its listing showed.
    func dump(_ dump: Dump, page: ListPage) -> [String: Any] {
        let root = Self.root(for: page.path)
        return [
            "label": model.issueLabel(dump),
            "file": dump.name,
            "capture_date": dump.captureDate?.display ?? false,
            "count": dump.entries.count,
            "papers": page.items.map { item($0, root: root) },
        ].merging(listValues(page, root: root)) { own, _ in own }
    }

    func dumpsIndex() -> [String: Any] {
        let root = Self.root(for: "dumps/index.html")
        return ["issues": model.issues.map { issueSummary($0, root: root) }]
    }

    func page(_ page: ContentPage) -> [String: Any] {
        ["title": page.title, "content_html": markdown.html(page.markdown)]
    }
}
