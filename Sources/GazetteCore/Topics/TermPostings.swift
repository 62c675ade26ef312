/// An inverted index of sparse vectors: for each term, the vectors that hold it (ascending) and
/// their weights there. A vector's dot product with a sparse query is nonzero only through shared
/// terms, so it is found by walking the query's posting lists instead of every vector. Weights are
/// kept as `Weight` (k-means++ sums in Double, related papers in Float).
struct TermPostings<Weight: BinaryFloatingPoint & Sendable>: Sendable {
    let vectorCount: Int
    /// Term t's postings are `vectors[starts[t]..<starts[t + 1]]` and `values[...]`.
    private(set) var starts: [Int]
    private(set) var vectors: [Int32]
    private(set) var values: [Weight]

    /// The postings of `vectors` over terms `0..<dimension`.
    init(_ source: [SparseVector], dimension: Int) {
        vectorCount = source.count
        var starts = [Int](repeating: 0, count: dimension + 1)
        for v in source { for t in v.indices { starts[Int(t) + 1] += 1 } }
        for t in 0..<dimension { starts[t + 1] += starts[t] }
        var next = Array(starts.dropLast())
        var vectors = [Int32](repeating: 0, count: starts[dimension])
        var values = [Weight](repeating: 0, count: starts[dimension])
        // Vectors in order, so each posting list comes out ascending.
        for (i, v) in source.enumerated() {
            for k in v.indices.indices {
                let t = Int(v.indices[k])
                vectors[next[t]] = Int32(i)
                values[next[t]] = Weight(v.values[k])
                next[t] += 1
            }
        }
        self.starts = starts
        self.vectors = vectors
        self.values = values
    }
}

extension TermPostings where Weight == Double {
    /// Adds `query · vector` into `sums` for every vector sharing a term with `query`, and lists
    /// each such vector once in `touched` (whose `sums` entry must start at zero). Each sum adds
    /// the products in ascending term order, as a dot product over the vector's own terms does;
    /// the terms it does not share add exact zeros there, so the sums are the same bits.
    func accumulate(_ query: SparseVector, into sums: inout [Double], touched: inout [Int32], seen: inout [Bool]) {
        starts.withUnsafeBufferPointer { starts in
            vectors.withUnsafeBufferPointer { vectors in
                values.withUnsafeBufferPointer { values in
                    sums.withUnsafeMutableBufferPointer { sums in
                        seen.withUnsafeMutableBufferPointer { seen in
                            for k in query.indices.indices {
                                let t = Int(query.indices[k]), q = query.values[k]
                                for p in starts[t]..<starts[t + 1] {
                                    let i = Int(vectors[p])
                                    if !seen[i] { seen[i] = true; touched.append(Int32(i)) }
                                    sums[i] += values[p] * q
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
