/// The `count` most similar papers of each paper by cosine over TF-IDF vectors, found through an
/// inverted index so the cost follows shared terms, not the square of the number of papers.
/// Terms in more than `maxPostingShare` of the papers are skipped for every paper alike, which keeps
/// scores symmetric.
public func relatedPapers(_ vectors: [SparseVector], dimension: Int, count: Int, maxPostingShare: Double = 0.2) -> [[RelatedPaper]] {
    let n = vectors.count
    var postings = [[(doc: Int32, weight: Double)]](repeating: [], count: dimension)
    for (doc, vector) in vectors.enumerated() {
        for k in vector.indices.indices { postings[vector.indices[k]].append((Int32(doc), vector.values[k])) }
    }
    let maxPosting = max(50, Int(Double(n) * maxPostingShare))
    var scores = [Double](repeating: 0, count: n)
    var touched: [Int] = []
    var result: [[RelatedPaper]] = []
    result.reserveCapacity(n)
    for (doc, vector) in vectors.enumerated() {
        for k in vector.indices.indices {
            let list = postings[vector.indices[k]]
            if list.count > maxPosting { continue }
            let weight = vector.values[k]
            for entry in list where Int(entry.doc) != doc {
                let other = Int(entry.doc)
                if scores[other] == 0 { touched.append(other) }
                scores[other] += weight * entry.weight
            }
        }
        var heap = TopK(capacity: count)
        for other in touched {
            heap.insert(RelatedPaper(paper: other, score: scores[other]))
            scores[other] = 0
        }
        touched.removeAll(keepingCapacity: true)
        result.append(heap.sortedDescending())
    }
    return result
}

/// A bounded min-heap keeping the best `capacity` items; ties go to the lower paper index.
struct TopK {
    let capacity: Int
    private var items: [RelatedPaper] = []

    init(capacity: Int) { self.capacity = capacity }

    /// True when `a` ranks below `b`.
    private static func worse(_ a: RelatedPaper, _ b: RelatedPaper) -> Bool {
        a.score != b.score ? a.score < b.score : a.paper > b.paper
    }

    mutating func insert(_ item: RelatedPaper) {
        guard capacity > 0 else { return }
        if items.count < capacity {
            items.append(item)
            siftUp(items.count - 1)
        } else if Self.worse(items[0], item) {
            items[0] = item
            siftDown(0)
        }
    }

    func sortedDescending() -> [RelatedPaper] { items.sorted { Self.worse($1, $0) } }

    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.worse(items[child], items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < items.count, Self.worse(items[left], items[smallest]) { smallest = left }
            if right < items.count, Self.worse(items[right], items[smallest]) { smallest = right }
            if smallest == parent { return }
            items.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
