extension SiteModel {
    /// Paper indices newest first; papers without a date after, ties by title then slug.
    func newestFirst() -> [Int] {
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
}
