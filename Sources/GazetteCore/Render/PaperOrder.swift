extension SiteModel {
    /// Paper indices newest first; papers without a date after, ties by title then slug.
    func newestFirst() -> [Int] {
        papers.indices.sorted { a, b in
            let pa = papers[a], pb = papers[b]
            switch (pa.published, pb.published) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return (pa.title, pa.slug) < (pb.title, pb.slug)
            }
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
