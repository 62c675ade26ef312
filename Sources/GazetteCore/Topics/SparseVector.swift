import Foundation

/// A sparse vector over term ids, indices ascending.
public struct SparseVector: Hashable, Sendable {
    /// Term ids as Int32: a vocabulary never nears 2³¹ terms, and 100k papers' vectors hold
    /// millions of entries.
    public var indices: [Int32]
    public var values: [Double]

    public init(indices: [Int] = [], values: [Double] = []) {
        self.init(terms: indices.map { Int32($0) }, values: values)
    }

    /// A vector from Int32 term ids, ascending.
    public init(terms: [Int32], values: [Double]) {
        indices = terms
        self.values = values
    }

    /// The dot product with a dense vector.
    public func dot(_ dense: [Double]) -> Double {
        var sum = 0.0
        for k in indices.indices { sum += values[k] * dense[Int(indices[k])] }
        return sum
    }

    /// The dot product with another sparse vector (a merge over sorted indices).
    public func dot(_ other: SparseVector) -> Double {
        var i = 0, j = 0, sum = 0.0
        while i < indices.count && j < other.indices.count {
            if indices[i] == other.indices[j] {
                sum += values[i] * other.values[j]
                i += 1
                j += 1
            } else if indices[i] < other.indices[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }
}

/// TF-IDF vectors: sublinear term frequency (1 + ln tf), smoothed idf, L2-normalised rows.
public func tfidfVectors(_ corpus: AnalyzedCorpus) -> [SparseVector] {
    let n = Double(corpus.documents.count)
    let idf = corpus.terms.map { log((1 + n) / (1 + Double($0.documentFrequency))) + 1 }
    return concurrentChunks(corpus.documents.count) { range in
        range.map { index -> SparseVector in
            var vector = corpus.documents.withRow(index) { terms, counts in
                SparseVector(terms: Array(terms), values: zip(terms, counts).map { (1 + log(Double($1))) * idf[Int($0)] })
            }
            let norm = vector.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 0 { vector.values = vector.values.map { $0 / norm } }
            return vector
        }
    }.flatMap { $0 }
}
