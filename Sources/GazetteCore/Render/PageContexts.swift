import Foundation

/// Builds the Mustache contexts for each kind of page. Every string placed here is plain text and
/// is escaped by the templates; keys ending in `_html` hold HTML we produced (rendered Markdown).
struct PageContexts {
    let model: SiteModel
    let markdown: MarkdownRenderer
    /// Index of each paper by slug, and the papers of each topic.
    let primaryPapers: [[Int]]
    let secondaryPapers: [[(paper: Int, score: Double)]]

    init(model: SiteModel, markdown: MarkdownRenderer) {
        self.model = model
        self.markdown = markdown
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
        self.primaryPapers = primary
        self.secondaryPapers = secondary
    }

    // MARK: Paths

    static func paperPath(_ paper: Paper) -> String { "papers/\(paper.slug)/index.html" }
    static func topicPath(_ topic: Topic) -> String { "topics/\(topic.slug)/index.html" }
    func dumpPath(_ dump: Dump) -> String { "dumps/\(model.dumpSlugs[dump.name]!)/index.html" }
    static func pagePath(_ page: ContentPage) -> String { "\(page.slug)/index.html" }

    /// The relative prefix from a page at `path` back to the site root (`../../` for `a/b/index.html`).
    static func root(for path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }

    // MARK: Shared pieces

    func layout(path: String, title: String, description: String, body: String, section: String) -> [String: Any] {
        // The not-found page is served at any depth: with a base URL its links can be absolute.
        let root = path == "404.html" ? (model.config.baseURL ?? "") : Self.root(for: path)
        var nav: [[String: Any]] = [
            ["title": "Topics", "href": root + "topics/index.html", "current": section == "topics"],
            ["title": "All papers", "href": root + "papers/index.html", "current": section == "papers"],
            ["title": "Issues", "href": root + "dumps/index.html", "current": section == "dumps"],
        ]
        for page in model.pages.filter({ $0.menuOrder != nil }).sorted(by: { ($0.menuOrder!, $0.slug) < ($1.menuOrder!, $1.slug) }) {
            nav.append(["title": page.title, "href": root + Self.pagePath(page), "current": section == "page:" + page.slug])
        }
        var context: [String: Any] = [
            "root": root,
            "site_title": model.config.title,
            "site_description": model.config.description,
            "language": model.config.language,
            "page_title": title,
            "is_home": path == "index.html",
            "description": description,
            "nav": nav,
            "body": body,
        ]
        if let base = model.config.baseURL {
            context["canonical"] = base + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
        }
        return context
    }

    func card(_ index: Int, root: String, score: Double? = nil) -> [String: Any] {
        let paper = model.papers[index]
        // Every key is set, even when empty: Mustache would otherwise look it up in the page around the card.
        var card: [String: Any] = [
            "title": cleanLatex(paper.title, markdown: false),
            "href": root + Self.paperPath(paper),
            "summary": summary(of: paper),
            "date": false, "date_iso": "", "upvotes": false, "authors": false, "topic": false, "score": false,
        ]
        if let date = paper.published { card["date"] = date.display; card["date_iso"] = date.iso }
        if let upvotes = paper.upvotes { card["upvotes"] = upvotes }
        if let authors = paper.authorCount { card["authors"] = authors == 1 ? "1 author" : "\(authors) authors" }
        if let primary = model.topics.memberships[index].first {
            let topic = model.topics.topics[primary.topic]
            card["topic"] = ["name": topic.name, "href": root + Self.topicPath(topic)]
        }
        if let score { card["score"] = formatScore(score) }
        return card
    }

    /// The first sentences of an abstract as plain text, about 240 characters.
    func summary(of paper: Paper) -> String {
        guard let abstract = paper.abstract else { return "" }
        // A summary is 240 characters: clean only the start, since cards repeat it on many pages.
        let text = cleanLatex(String(abstract.prefix(2000)), markdown: false)
        guard text.count > 260 else { return text }
        let cut = text.prefix(240)
        if let space = cut.lastIndex(of: " ") { return String(cut[..<space]) + "…" }
        return String(cut) + "…"
    }

    func formatScore(_ score: Double) -> String { String(format: "%.2f", score) }

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

    func topic(_ topic: Topic) -> [String: Any] {
        let root = Self.root(for: Self.topicPath(topic))
        return [
            "name": topic.name,
            "seed_name": topic.seedName as Any,
            "terms": topic.terms.map { ["label": $0.label, "weight": formatScore($0.weight * 100)] },
            "primary_count": topic.primaryCount,
            "secondary_count": secondaryPapers[topic.id].count,
            "primary_papers": primaryPapers[topic.id].map { card($0, root: root, score: model.topics.memberships[$0][0].score) },
            "secondary_papers": secondaryPapers[topic.id].map { card($0.paper, root: root, score: $0.score) },
            "has_secondary": !secondaryPapers[topic.id].isEmpty,
        ]
    }

    func paper(_ index: Int) -> [String: Any] {
        let paper = model.papers[index]
        let root = Self.root(for: Self.paperPath(paper))
        let title = cleanLatex(paper.title, markdown: false)
        let query = title.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        var context: [String: Any] = [
            "title": title,
            "abstract_html": paper.abstract.map { markdown.abstractHTML($0) } ?? "",
            "has_abstract": paper.abstract != nil,
            "topics": model.topics.memberships[index].map { membership -> [String: Any] in
                let topic = model.topics.topics[membership.topic]
                return [
                    "name": topic.name, "href": root + Self.topicPath(topic), "primary": membership.isPrimary,
                    "score": formatScore(membership.score), "because": membership.becauseOf.joined(separator: ", "),
                ]
            },
            "related": model.topics.related[index].map { card($0.paper, root: root, score: $0.score) },
            "has_related": !model.topics.related[index].isEmpty,
            "sources": paper.sources.compactMap { source -> [String: Any]? in
                guard let dump = model.dumps.first(where: { $0.name == source.dump }) else { return nil }
                return ["label": model.issueLabel(dump), "href": root + dumpPath(dump), "file": dump.name, "line": source.line]
            },
            "code_links": paper.codeLinks,
            "other_links": paper.otherLinks,
            "has_links": !paper.codeLinks.isEmpty || !paper.otherLinks.isEmpty,
            "arxiv_search": "https://arxiv.org/search/?searchtype=title&query=\(query)",
            "hf_search": "https://huggingface.co/papers?q=\(query)",
        ]
        if let date = paper.published { context["date"] = date.display; context["date_iso"] = date.iso }
        if let upvotes = paper.upvotes { context["upvotes"] = upvotes }
        if let authors = paper.authorCount { context["authors"] = authors == 1 ? "1 author" : "\(authors) authors" }
        return context
    }

    func allPapers() -> [String: Any] {
        let root = Self.root(for: "papers/index.html")
        // Newest first; papers without a date after, by title.
        let order = model.papers.indices.sorted { a, b in
            let pa = model.papers[a], pb = model.papers[b]
            switch (pa.published, pb.published) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return pa.title < pb.title
            }
        }
        return ["papers": order.map { card($0, root: root) }, "paper_count": model.papers.count]
    }

    func dump(_ dump: Dump, paperIndex: [String: Int]) -> [String: Any] {
        let root = Self.root(for: dumpPath(dump))
        return [
            "label": model.issueLabel(dump),
            "file": dump.name,
            "capture_date": dump.captureDate?.display as Any,
            "count": dump.entries.count,
            "papers": dump.entries.compactMap { entry in paperIndex[normalizedTitleKey(entry.title)].map { card($0, root: root) } },
        ]
    }

    func dumpsIndex() -> [String: Any] {
        let root = Self.root(for: "dumps/index.html")
        return ["issues": model.issues.map { issueSummary($0, root: root) }]
    }

    func page(_ page: ContentPage) -> [String: Any] {
        ["title": page.title, "content_html": markdown.html(page.markdown)]
    }
}
