/// The `count` most similar papers of each paper by cosine over TF-IDF vectors, found through an
/// inverted index so the cost follows shared terms, not the square of the number of papers.
/// Two prunings keep large digests fast, applied to every paper alike so scores stay symmetric:
/// each paper is represented by its `termsPerPaper` heaviest terms, and terms used by more than
/// `maxPostingShare` of the papers (at least 100) are skipped as too common to relate papers.
public func relatedPapers(_ vectors: [SparseVector], dimension: Int, count: Int, termsPerPaper: Int = 24,
                          maxPostingShare: Double = 0.01) -> [[RelatedPaper]] {
    let n = vectors.count
    let pruned = vectors.map { prunedVector($0, keeping: termsPerPaper) }
    var postings = [[(doc: Int32, weight: Float)]](repeating: [], count: dimension)
    for (doc, vector) in pruned.enumerated() {
        for k in vector.indices.indices { postings[Int(vector.indices[k])].append((Int32(doc), Float(vector.values[k]))) }
    }
    let maxPosting = max(100, Int(Double(n) * maxPostingShare))
    let lists = concurrentChunks(n, minimumChunk: 128) { range -> [[RelatedPaper]] in
        var scores = [Float](repeating: 0, count: n)
        var touched: [Int32] = []
        return range.map { doc in
            let vector = pruned[doc]
            for k in vector.indices.indices {
                let list = postings[Int(vector.indices[k])]
                if list.count > maxPosting { continue }
                let weight = Float(vector.values[k])
                for entry in list where Int(entry.doc) != doc {
                    if scores[Int(entry.doc)] == 0 { touched.append(entry.doc) }
                    scores[Int(entry.doc)] += weight * entry.weight
                }
            }
            var heap = TopK(capacity: count)
            for other in touched {
                heap.insert(RelatedPaper(paper: Int(other), score: Double(scores[Int(other)])))
                scores[Int(other)] = 0
            }
            touched.removeAll(keepingCapacity: true)
            return heap.sortedDescending()
        }
    }
    return lists.flatMap { $0 }
}

/// The vector restricted to its `limit` heaviest entries (ties to the lower term id), indices ascending.
func prunedVector(_ vector: SparseVector, keeping limit: Int) -> SparseVector {
    guard vector.indices.count > limit else { return vector }
    let kept = vector.indices.indices.sorted { (vector.values[$0], -vector.indices[$0]) > (vector.values[$1], -vector.indices[$1]) }
        .prefix(limit).sorted()
    return SparseVector(terms: kept.map { vector.indices[$0] }, values: kept.map { vector.values[$0] })
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
