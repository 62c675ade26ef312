/// Merges the entries of all dumps into papers: entries whose titles share a normalised key are one
/// paper that keeps the richest metadata and lists every place it was seen.
public func mergePapers(_ dumps: [Dump]) -> [Paper] {
    // Title keys are the costly part of grouping: compute them on all cores, in entry order.
    let keys = concurrentChunks(dumps.count, minimumChunk: 1) { range in
        range.map { d in dumps[d].entries.map { normalizedTitleKey($0.title) } }
    }.flatMap { $0 }
    let entries = dumps.reduce(0) { $0 + $1.entries.count }
    var indexByKey: [String: Int] = [:]
    indexByKey.reserveCapacity(entries)
    var papers: [Paper] = []
    papers.reserveCapacity(entries)
    for (d, dump) in dumps.enumerated() {
        for (e, entry) in dump.entries.enumerated() {
            let key = keys[d][e]
            let source = SourceRef(dump: dump.name, line: entry.line)
            if let index = indexByKey[key] {
                papers[index].absorb(entry, from: source)
            } else {
                indexByKey[key] = papers.count
                var paper = Paper(title: entry.title)
                paper.absorb(entry, from: source)
                papers.append(paper)
            }
        }
    }
    // Links come from the abstract each paper kept, found once per paper and on all cores.
    let links = concurrentChunks(papers.count, minimumChunk: 64) { range in range.map { papers[$0].abstract.map(extractLinks) } }
    var index = 0
    for chunk in links {
        for found in chunk {
            if let found {
                papers[index].codeLinks = found.code
                papers[index].otherLinks = found.other
            }
            index += 1
        }
    }
    return papers
}

extension Paper {
    /// Folds one more sighting into the paper, keeping whichever value says more (links are found
    /// by `mergePapers` once the abstract is settled).
    mutating func absorb(_ entry: DumpEntry, from source: SourceRef) {
        if let abstract = entry.abstract, self.abstract.map({ longer(abstract, than: $0) }) ?? true {
            self.abstract = abstract
        }
        if let n = entry.authorCount { authorCount = max(authorCount ?? 0, n) }
        if published == nil { published = entry.published }
        if let votes = entry.upvotes { upvotes = max(upvotes ?? 0, votes) }
        sources.append(source)
        sources.sort()
    }
}

/// Whether `a` has more characters than `b`; counting characters walks the whole text, so ASCII
/// texts (one character per byte) compare their byte counts.
private func longer(_ a: String, than b: String) -> Bool {
    if isASCII(a) && isASCII(b) { return a.utf8.count > b.utf8.count }
    return a.count > b.count
}
