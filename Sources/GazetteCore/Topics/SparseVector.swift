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
    return tfidfVectors(corpus, idf: corpus.terms.map { log((1 + n) / (1 + Double($0.documentFrequency))) + 1 })
}

/// TF-IDF vectors whose document frequencies are counted over the documents `weightedBy` marks
/// only: a term used by fewer of those than the analysis asks of a term (a phrase, of a phrase)
/// is left out of every vector, as an analysis of those documents alone would leave it out.
public func tfidfVectors(_ corpus: AnalyzedCorpus, weightedBy counted: [Bool], options: AnalyzerOptions = AnalyzerOptions()) -> [SparseVector] {
    // Counted on all cores, a table per chunk, then summed.
    let parts = concurrentChunks(corpus.documents.count, minimumChunk: 4096) { range -> [Int32] in
        var frequency = [Int32](repeating: 0, count: corpus.terms.count)
        for document in range where counted[document] {
            corpus.documents.withRow(document) { terms, _ in for term in terms { frequency[Int(term)] += 1 } }
        }
        return frequency
    }
    var frequency = [Int](repeating: 0, count: corpus.terms.count)
    for part in parts { for (term, count) in part.enumerated() { frequency[term] += Int(count) } }
    let n = counted.reduce(0) { $0 + ($1 ? 1 : 0) }
    return tfidfVectors(corpus, idf: zip(corpus.terms, frequency).map { term, df in
        options.keepsTerm(frequency: df, of: n, isPhrase: term.isPhrase) ? log((1 + Double(n)) / (1 + Double(df))) + 1 : 0
    })
}

/// TF-IDF vectors with the given idf per term; terms of idf 0 are left out.
private func tfidfVectors(_ corpus: AnalyzedCorpus, idf: [Double]) -> [SparseVector] {
    let dropsTerms = idf.contains(0)
    return concurrentChunks(corpus.documents.count) { range in
        range.map { index -> SparseVector in
            var vector = corpus.documents.withRow(index) { terms, counts in
                guard dropsTerms else {
                    return SparseVector(terms: Array(terms), values: zip(terms, counts).map { (1 + log(Double($1))) * idf[Int($0)] })
                }
                var kept: [Int32] = [], values: [Double] = []
                kept.reserveCapacity(terms.count)
                values.reserveCapacity(terms.count)
                for (term, count) in zip(terms, counts) where idf[Int(term)] > 0 {
                    kept.append(term)
                    values.append((1 + log(Double(count))) * idf[Int(term)])
                }
                return SparseVector(terms: kept, values: values)
            }
            let norm = vector.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 0 { vector.values = vector.values.map { $0 / norm } }
            return vector
        }
    }.flatMap { $0 }
}
