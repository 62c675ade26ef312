import Foundation

/// The inputs of every paper's page and card as numbers. An incremental build compares each page's
/// fingerprint with the last build's; for a paper page (nearly every page of a digest) the key is
/// taken from the paper's record, its topics, and the records of the papers it links to, instead of
/// from its whole context: making and hashing 100,000 contexts was a fifth of an incremental build.
/// A page's key changes whenever a value its context holds can change; `PaperPageKeyTests` check
/// each input, and that every field of a paper is in its record's key.
struct PaperPageKeys {
    /// Each paper's record (`ValueFingerprint.add(paper:)`), by index.
    let records: [UInt64]
    /// Each paper as a link from another paper's page shows it: slug, title and date.
    let links: [UInt64]
    /// Each paper's card: its record and its main topic, what `PageContexts.cardContext` shows.
    let cards: [UInt64]
    /// What every paper page's layout shares: the site's settings and its menu.
    let layout: UInt64
    /// Each issue's label and path, by dump name (a paper page links the issues it appeared in).
    let dumps: [String: UInt64]

    init(_ contexts: PageContexts) {
        let model = contexts.model
        let records = concurrentChunks(model.papers.count) { range in
            range.map { index -> UInt64 in
                var key = ValueFingerprint()
                key.add(paper: model.papers[index])
                return key.value
            }
        }.flatMap { $0 }
        self.records = records
        links = concurrentChunks(model.papers.count) { range in
            range.map { index -> UInt64 in
                let paper = model.papers[index]
                var key = ValueFingerprint()
                key.add(paper.slug); key.add(paper.title); key.add(date: paper.published)
                return key.value
            }
        }.flatMap { $0 }
        cards = concurrentChunks(model.papers.count) { range in
            range.map { index -> UInt64 in
                var key = ValueFingerprint()
                key.add("card")
                key.add(word: records[index])
                if let primary = model.topics.memberships[index].first {
                    let topic = model.topics.topics[primary.topic]
                    key.add(byte: 1); key.add(topic.name); key.add(topic.slug)
                } else {
                    key.add(byte: 0)
                }
                return key.value
            }
        }.flatMap { $0 }
        // Every paper page is at the same depth, so a placeholder page gives the layout's shared values.
        layout = ValueFingerprint.of(contexts.layout(path: "papers/\u{0}/index.html", title: "", description: "", body: "", section: "papers"))
        var dumps: [String: UInt64] = [:]
        for dump in model.dumps {
            dumps[dump.name] = ValueFingerprint.of(dump.name, model.issueLabel(dump), contexts.dumpPath(dump))
        }
        self.dumps = dumps
    }
}

extension PageContexts {
    /// The fingerprint of paper `index`'s page, whose layout shows `title` and its summary, from
    /// its inputs (needs `fingerprinting()`): equal keys, equal pages, as for `ValueFingerprint`.
    func paperPageKey(_ index: Int, title: String) -> UInt64 {
        guard let keys = paperKeys else { preconditionFailure("paperPageKey needs the contexts of fingerprinting()") }
        let paper = model.papers[index]
        var key = ValueFingerprint()
        key.add("paper page")
        key.add(word: keys.layout)
        key.add(Self.paperPath(paper))
        key.add(title)
        // The description, the opening of the abstract, comes from the record below.
        key.add(word: keys.records[index])
        let memberships = model.topics.memberships[index]
        key.add(integer: memberships.count)
        for membership in memberships {
            let topic = model.topics.topics[membership.topic]
            key.add(topic.name); key.add(topic.slug)
            key.add(byte: membership.isPrimary ? 1 : 0)
            key.add(integer: membership.becauseOf.count)
            for term in membership.becauseOf { key.add(term) }
        }
        // A related paper or a neighbour shows its title, link and date.
        let related = model.topics.related[index]
        key.add(integer: related.count)
        for other in related { key.add(word: keys.links[other.paper]) }
        key.add(integer: paper.sources.count)
        for source in paper.sources { key.add(word: keys.dumps[source.dump] ?? 0) }
        // The newer and older papers of its main topic, as `neighbours(of:root:)` links them.
        if let (_, newer, older) = neighbourPapers(of: index) {
            key.add(byte: 1)
            for neighbour in [newer, older] {
                if let neighbour { key.add(byte: 1); key.add(word: keys.links[neighbour]) } else { key.add(byte: 0) }
            }
        } else {
            key.add(byte: 0)
        }
        return key.value
    }
}

extension ValueFingerprint {
    /// Adds every field of `paper`, in a fixed order, each optional with a tag for whether it is set.
    mutating func add(paper: Paper) {
        add(paper.slug)
        add(paper.title)
        add(optional: paper.abstract)
        add(optional: paper.authorCount)
        add(date: paper.published)
        add(optional: paper.upvotes)
        add(strings: paper.codeLinks)
        add(strings: paper.otherLinks)
        add(integer: paper.sources.count)
        for source in paper.sources { add(source.dump); add(integer: source.line) }
        add(byte: paper.abstractIsAISummary ? 1 : 0)
        let details = paper.details
        add(optional: details.arxivID)
        add(strings: details.authors)
        add(date: details.submittedOnDaily)
        add(date: details.updated)
        add(optional: details.comments)
        add(optional: details.githubRepo)
        add(optional: details.projectPage)
        add(optional: details.aiSummary)
        add(strings: details.aiKeywords)
        add(strings: details.categories)
    }

    private mutating func add(optional string: String?) {
        if let string { add(byte: 1); add(string) } else { add(byte: 0) }
    }

    private mutating func add(optional integer: Int?) {
        if let integer { add(byte: 1); add(integer: integer) } else { add(byte: 0) }
    }

    fileprivate mutating func add(date: PaperDate?) {
        if let date { add(byte: 1); add(integer: date.year); add(integer: date.month); add(integer: date.day) } else { add(byte: 0) }
    }

    private mutating func add(strings: [String]) {
        add(integer: strings.count)
        for string in strings { add(string) }
    }
}
