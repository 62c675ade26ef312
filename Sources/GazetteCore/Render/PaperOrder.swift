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
