import Foundation

/// A seed topic of `site.yml` as a starting centroid for clustering.
struct SeedCentroid {
    var seed: SeedTopic
    /// The seed's terms that the corpus knows (its phrases and their words), as term ids.
    var terms: [Int]
    /// Unit-length starting centroid over the corpus's terms.
    var vector: [Double]
    /// How many papers have one of the seed's terms in their title.
    var titleMatches: Int
}

/// Starting centroids for the seed topics. A seed starts from the papers whose titles use one of its
/// terms (a title says what a paper is about far more reliably than a word in its abstract), as the
/// mean of their vectors; a seed that no title uses starts from its terms alone. Seeds none of whose
/// terms the corpus knows are left out with a warning. `titles` and `vectors` are in the same order.
func seedCentroids(_ seeds: [SeedTopic], corpus: AnalyzedCorpus, titles: [String], vectors: [SparseVector],
                   warnings: inout [String]) -> [SeedCentroid] {
    guard !seeds.isEmpty else { return [] }
    let dimension = corpus.terms.count
    let stemmer = Stemmer()
    var known: [(seed: SeedTopic, terms: [Int])] = []
    for seed in seeds {
        var terms = Set<Int>()
        for phrase in seed.terms {
            let stems = tokenize(phrase, stemmer: stemmer).map(\.stem)
            if let id = corpus.termIndex[stems.joined(separator: " ")] { terms.insert(id) }
            for stem in stems { if let id = corpus.termIndex[stem] { terms.insert(id) } }
        }
        if terms.isEmpty {
            warnings.append("seed topic \"\(seed.name)\": none of its terms occur in enough papers; ignored")
        } else {
            known.append((seed, terms.sorted()))
        }
    }
    guard !known.isEmpty else { return [] }

    // Which seeds each title names: its words and two-word phrases, looked up as corpus terms.
    var seedsOfTerm = [[Int]](repeating: [], count: dimension)
    for (s, entry) in known.enumerated() { for term in entry.terms { seedsOfTerm[term].append(s) } }
    let matches = concurrentChunks(titles.count) { range -> [[Int]] in
        let stemmer = Stemmer()
        return range.map { index -> [Int] in
            let tokens = tokenize(titles[index], stemmer: stemmer)
            var found = Set<Int>()
            for (position, token) in tokens.enumerated() {
                if let id = corpus.termIndex[token.stem] { found.formUnion(seedsOfTerm[id]) }
                if position > 0, !token.afterBreak, let id = corpus.termIndex[tokens[position - 1].stem + " " + token.stem] {
                    found.formUnion(seedsOfTerm[id])
                }
            }
            return found.sorted()
        }
    }.flatMap { $0 }

    var sums = [[Double]](repeating: [Double](repeating: 0, count: dimension), count: known.count)
    var counts = [Int](repeating: 0, count: known.count)
    for (index, seedsHere) in matches.enumerated() {
        for s in seedsHere {
            counts[s] += 1
            let vector = vectors[index]
            for k in vector.indices.indices { sums[s][Int(vector.indices[k])] += vector.values[k] }
        }
    }
    return known.enumerated().map { s, entry in
        var vector = sums[s]
        if counts[s] == 0 {
            for term in entry.terms { vector[term] = 1 }
        }
        normalize(&vector)
        return SeedCentroid(seed: entry.seed, terms: entry.terms, vector: vector, titleMatches: counts[s])
    }
}
