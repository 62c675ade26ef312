/// The `count` most similar papers of each paper by cosine over TF-IDF vectors, found through an
/// inverted index so the cost follows shared terms, not the square of the number of papers.
/// Two prunings keep large digests fast, applied to every paper alike so scores stay symmetric:
/// each paper is represented by its `termsPerPaper` heaviest terms, and terms used by more than
/// `maxPostingShare` of the papers (at least 100) are skipped as too common to relate papers.
public func relatedPapers(_ vectors: [SparseVector], dimension: Int, count: Int, termsPerPaper: Int = 24,
                          maxPostingShare: Double = 0.01) -> [[RelatedPaper]] {
    let n = vectors.count
    let pruned = concurrentChunks(n, minimumChunk: 512) { range in range.map { prunedVector(vectors[$0], keeping: termsPerPaper) } }
        .flatMap { $0 }
    // The inverted index as flat arrays: no array per term to allocate, retain and release in the
    // inner loop.
    let postings = TermPostings<Float>(pruned, dimension: dimension)
    let offsets = postings.starts
    let maxPosting = max(100, Int(Double(n) * maxPostingShare))
    let lists = postings.vectors.withUnsafeBufferPointer { docs in
        postings.values.withUnsafeBufferPointer { weights in
            concurrentChunks(n, minimumChunk: 128) { range -> [[RelatedPaper]] in
                var scores = [Float](repeating: 0, count: n)
                var touched: [Int32] = []
                return scores.withUnsafeMutableBufferPointer { scores in
                    range.map { doc in
                        let vector = pruned[doc]
                        for k in vector.indices.indices {
                            let term = Int(vector.indices[k])
                            let start = offsets[term], end = offsets[term + 1]
                            if end - start > maxPosting { continue }
                            let weight = Float(vector.values[k])
                            // The paper meets itself here too; it is left out when the heap is filled.
                            for p in start..<end {
                                let other = Int(docs[p])
                                if scores[other] == 0 { touched.append(Int32(other)) }
                                scores[other] += weight * weights[p]
                            }
                        }
                        var heap = TopK(capacity: count)
                        for other in touched {
                            if Int(other) != doc { heap.insert(RelatedPaper(paper: Int(other), score: Double(scores[Int(other)]))) }
                            scores[Int(other)] = 0
                        }
                        touched.removeAll(keepingCapacity: true)
                        return heap.sortedDescending()
                    }
                }
            }
        }
    }
    return lists.flatMap { $0 }
}

/// The vector restricted to its `limit` heaviest entries (ties to the lower term id), indices ascending.
func prunedVector(_ vector: SparseVector, keeping limit: Int) -> SparseVector {
    guard vector.indices.count > limit else { return vector }
    guard limit > 0 else { return SparseVector() }
    // Select the best `limit` in one pass, keeping them in a small array ordered best first
    // (a full sort of every vector cost more than the scoring that follows).
    typealias Entry = (value: Double, term: Int)
    func better(_ a: Entry, _ b: Entry) -> Bool { a.value != b.value ? a.value > b.value : a.term < b.term }
    var best: [Entry] = []
    best.reserveCapacity(limit + 1)
    for k in vector.indices.indices {
        let entry = (value: vector.values[k], term: Int(vector.indices[k]))
        if best.count == limit, !better(entry, best[limit - 1]) { continue }
        var position = best.count
        while position > 0, better(entry, best[position - 1]) { position -= 1 }
        best.insert(entry, at: position)
        if best.count > limit { best.removeLast() }
    }
    var kept = best
    kept.sort { $0.term < $1.term }
    return SparseVector(indices: kept.map(\.term), values: kept.map(\.value))
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
