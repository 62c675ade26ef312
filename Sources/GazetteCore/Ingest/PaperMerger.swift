/// Merges the entries of all dumps into papers. The arXiv id is the key when an entry has one;
/// otherwise entries whose titles share a normalised key are one paper. An entry with an id also
/// joins a paper of the same title that has no id yet (the same paper from a text dump and from
/// JSON). Each paper keeps the richest metadata and lists every place it was seen.
public func mergePapers(_ dumps: [Dump]) -> [Paper] {
    // Title keys are the costly part of grouping: compute them on all cores, in entry order.
    let keys = concurrentChunks(dumps.count, minimumChunk: 1) { range in
        range.map { d in dumps[d].entries.map { normalizedTitleKey($0.title) } }
    }.flatMap { $0 }
    let entries = dumps.reduce(0) { $0 + $1.entries.count }
    var indexByKey: [String: Int] = [:]
    indexByKey.reserveCapacity(entries)
    var indexByID: [String: Int] = [:]
    var papers: [Paper] = []
    papers.reserveCapacity(entries)
    for (d, dump) in dumps.enumerated() {
        for (e, entry) in dump.entries.enumerated() {
            let key = keys[d][e]
            let source = SourceRef(dump: dump.name, line: entry.line)
            let id = entry.details.arxivID
            var found = id.flatMap { indexByID[$0] }
            if found == nil, let index = indexByKey[key], id == nil || papers[index].details.arxivID == nil {
                found = index
            }
            if let index = found {
                papers[index].absorb(entry, from: source)
            } else {
                found = papers.count
                if indexByKey[key] == nil { indexByKey[key] = papers.count }
                var paper = Paper(title: entry.title)
                paper.absorb(entry, from: source)
                papers.append(paper)
            }
            if let id, let index = found, indexByID[id] == nil { indexByID[id] = index }
        }
    }
    // Links come from the abstract each paper kept, found once per paper and on all cores.
    let links = concurrentChunks(papers.count, minimumChunk: 64) { range in range.map { papers[$0].abstract.map(extractLinks) } }
    var index = 0
    for chunk in links {
        for found in chunk {
            // Links the source named (the API's GitHub repository and project page) come first.
            let details = papers[index].details
            papers[index].codeLinks = uniqued([details.githubRepo].compactMap { $0 } + (found?.code ?? []))
            papers[index].otherLinks = uniqued([details.projectPage].compactMap { $0 } + (found?.other ?? []))
            index += 1
        }
    }
    return papers
}

extension Paper {
    /// Folds one more sighting into the paper, keeping whichever value says more (links are found
    /// by `mergePapers` once the abstract is settled).
    mutating func absorb(_ entry: DumpEntry, from source: SourceRef) {
        if let abstract = entry.abstract, prefers(abstract, isAISummary: entry.abstractIsAISummary) {
            self.abstract = abstract
            abstractIsAISummary = entry.abstractIsAISummary
        }
        if let n = entry.authorCount ?? (entry.details.authors.isEmpty ? nil : entry.details.authors.count) {
            authorCount = max(authorCount ?? 0, n)
        }
        details.absorb(entry.details)
        if published == nil { published = entry.published }
        if let votes = entry.upvotes { upvotes = max(upvotes ?? 0, votes) }
        sources.append(source)
        sources.sort()
    }
}

extension Paper {
    /// Whether `candidate` should replace the kept abstract: the real abstract beats an AI summary
    /// however short it is; between two of a kind the longer wins.
    fileprivate func prefers(_ candidate: String, isAISummary: Bool) -> Bool {
        guard let kept = abstract else { return true }
        if abstractIsAISummary != isAISummary { return abstractIsAISummary }
        return longer(candidate, than: kept)
    }
}

/// `links` without repeats, in first-seen order.
private func uniqued(_ links: [String]) -> [String] {
    var seen: Set<String> = []
    return links.filter { seen.insert($0).inserted }
}

/// Whether `a` has more characters than `b`; counting characters walks the whole text, so ASCII
/// texts (one character per byte) compare their byte counts.
private func longer(_ a: String, than b: String) -> Bool {
    if isASCII(a) && isASCII(b) { return a.utf8.count > b.utf8.count }
    return a.count > b.count
}
