/// Merges the entries of all dumps into papers: entries whose titles share a normalised key are one
/// paper that keeps the richest metadata and lists every place it was seen.
public func mergePapers(_ dumps: [Dump]) -> [Paper] {
    var indexByKey: [String: Int] = [:]
    var papers: [Paper] = []
    for dump in dumps {
        for entry in dump.entries {
            let key = normalizedTitleKey(entry.title)
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
    return papers
}

extension Paper {
    /// Folds one more sighting into the paper, keeping whichever value says more.
    mutating func absorb(_ entry: DumpEntry, from source: SourceRef) {
        if let abstract = entry.abstract, abstract.count > (self.abstract?.count ?? -1) {
            self.abstract = abstract
            let links = extractLinks(from: abstract)
            codeLinks = links.code
            otherLinks = links.other
        }
        if let n = entry.authorCount { authorCount = max(authorCount ?? 0, n) }
        if published == nil { published = entry.published }
        if let votes = entry.upvotes { upvotes = max(upvotes ?? 0, votes) }
        sources.append(source)
        sources.sort()
    }
}
