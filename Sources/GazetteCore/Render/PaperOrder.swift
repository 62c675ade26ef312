extension SiteModel {
    /// Paper indices newest first; papers without a date after, ties by title then slug.
    func newestFirst() -> [Int] { GazetteCore.newestFirst(papers) }
}

/// Indices of `papers` newest first; papers without a date after, ties by title then slug.
func newestFirst(_ papers: [Paper]) -> [Int] {
    // Compare fields read once into arrays: copying whole papers in the comparator cost more than the sort.
    let dates = papers.map(\.published)
    let titles = papers.map(\.title)
    let slugs = papers.map(\.slug)
    return papers.indices.sorted { a, b in
        switch (dates[a], dates[b]) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return (titles[a], slugs[a]) < (titles[b], slugs[b])
        }
    }
}

extension SiteModel {
    /// Paper indices most upvoted first; ties (and papers without upvotes) newest first.
    func mostUpvotedFirst(newestFirst: [Int]) -> [Int] {
        var rank = [Int](repeating: 0, count: papers.count)
        for (position, index) in newestFirst.enumerated() { rank[index] = position }
        return newestFirst.sorted { a, b in
            let ua = papers[a].upvotes ?? 0, ub = papers[b].upvotes ?? 0
            return ua != ub ? ua > ub : rank[a] < rank[b]
        }
    }
}
