import Foundation

/// Each cluster's top terms: candidates ranked by distinctiveness (see `distinctivenessRanking`),
/// then picked greedily so each new term is both distinctive and used by the same papers as the
/// terms already picked, so the list reads as one theme rather than a bag of rare words.
/// `coherenceWeight` 0 keeps the plain distinctiveness order.
public func distinctiveTerms(corpus: AnalyzedCorpus, labels: [Int], clusterCount: Int, limit: Int = 10,
                             candidates: Int = 30, coherenceWeight: Double = 1) -> [[TopicTerm]] {
    let ranked = rankedTerms(corpus: corpus, labels: labels, clusterCount: clusterCount, limit: max(limit, candidates))
    guard coherenceWeight > 0 else { return ranked.map { $0.prefix(limit).map(\.term) } }
    let postings = DocumentPostings(corpus, terms: ranked.flatMap { $0.map(\.id) })
    return (try? concurrentMap(ranked) { pool -> [TopicTerm] in
        guard let first = pool.first else { return [] }
        var chosen = [first.term]
        var remaining = Array(pool.dropFirst())
        // Running sum of NPMI between each remaining candidate and the chosen terms.
        var coherence = remaining.map { postings.npmi($0.id, first.id) }
        while chosen.count < limit, !remaining.isEmpty {
            var best = 0
            var bestScore = -Double.infinity
            for (i, candidate) in remaining.enumerated() {
                let score = candidate.term.weight / first.term.weight + coherenceWeight * coherence[i] / Double(chosen.count)
                if score > bestScore + 1e-12 { best = i; bestScore = score }
            }
            let picked = remaining.remove(at: best)
            coherence.remove(at: best)
            chosen.append(picked.term)
            for i in remaining.indices { coherence[i] += postings.npmi(remaining[i].id, picked.id) }
        }
        return chosen
    }) ?? []
}

/// Ranks each cluster's terms by how much more often its papers use them than the corpus does:
/// p(t|c) · ln(p(t|c) / p(t)) over document frequencies, the term's share of the KL divergence
/// between the cluster and the corpus. Terms most papers of a topic share, and few others do, lead.
public func distinctivenessRanking(corpus: AnalyzedCorpus, labels: [Int], clusterCount: Int, limit: Int) -> [[TopicTerm]] {
    rankedTerms(corpus: corpus, labels: labels, clusterCount: clusterCount, limit: limit).map { $0.map(\.term) }
}

/// `distinctivenessRanking` with each term's id. Clusters are counted in parallel, each with one
/// dense counter array over the vocabulary.
func rankedTerms(corpus: AnalyzedCorpus, labels: [Int], clusterCount: Int, limit: Int) -> [[(id: Int, term: TopicTerm)]] {
    var members = [[Int]](repeating: [], count: clusterCount)
    for (document, label) in labels.enumerated() where label >= 0 && document < corpus.documents.count { members[label].append(document) }
    let n = Double(max(1, labels.count))
    return (try? concurrentMap(Array(0..<clusterCount)) { c -> [(id: Int, term: TopicTerm)] in
        var counts = [Int32](repeating: 0, count: corpus.terms.count)
        var used: [Int] = []
        for document in members[c] {
            corpus.documents.withRow(document) { terms, _ in
                for term in terms.lazy.map({ Int($0) }) {
                    if counts[term] == 0 { used.append(term) }
                    counts[term] += 1
                }
            }
        }
        let size = Double(max(1, members[c].count))
        var scored: [(term: Int, weight: Double)] = []
        for term in used {
            let pIn = Double(counts[term]) / size
            let p = Double(corpus.terms[term].documentFrequency) / n
            let weight = pIn * log(pIn / p)
            if weight > 0 { scored.append((term, weight)) }
        }
        scored.sort { $0.weight != $1.weight ? $0.weight > $1.weight : corpus.terms[$0.term].key < corpus.terms[$1.term].key }
        return scored.prefix(limit).map {
            ($0.term, TopicTerm(key: corpus.terms[$0.term].key, label: corpus.terms[$0.term].label, weight: $0.weight,
                                coverage: Double(counts[$0.term]) / size))
        }
    }) ?? []
}

/// Which documents use each of a few terms, for co-occurrence measures.
struct DocumentPostings {
    /// Sorted document lists, indexed through `slot`.
    private let lists: [[Int32]]
    private let slot: [Int: Int]
    let count: Int

    /// Postings for `terms` only: naming needs a few candidates per topic, not the whole vocabulary.
    init(_ corpus: AnalyzedCorpus, terms: [Int]) {
        var slotOfTerm = [Int32](repeating: -1, count: corpus.terms.count)
        var slot: [Int: Int] = [:]
        for term in terms where slotOfTerm[term] < 0 {
            slotOfTerm[term] = Int32(slot.count)
            slot[term] = slot.count
        }
        var lists = [[Int32]](repeating: [], count: slot.count)
        for document in corpus.documents.indices {
            corpus.documents.withRow(document) { terms, _ in
                for term in terms where slotOfTerm[Int(term)] >= 0 { lists[Int(slotOfTerm[Int(term)])].append(Int32(document)) }
            }
        }
        self.lists = lists
        self.slot = slot
        count = corpus.documents.count
    }

    /// Normalised pointwise mutual information of two terms' document sets: 1 when they always
    /// occur together, 0 when independent, -1 when never together.
    func npmi(_ a: Int, _ b: Int) -> Double {
        guard let sa = slot[a], let sb = slot[b] else { return -1 }
        let x = lists[sa], y = lists[sb]
        guard !x.isEmpty, !y.isEmpty else { return -1 }
        var i = 0, j = 0, both = 0
        x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                while i < x.count && j < y.count {
                    if x[i] == y[j] { both += 1; i += 1; j += 1 } else if x[i] < y[j] { i += 1 } else { j += 1 }
                }
            }
        }
        guard both > 0 else { return -1 }
        let n = Double(count)
        let pxy = Double(both) / n
        if pxy >= 1 { return 1 }
        return log(pxy / (Double(x.count) / n * Double(y.count) / n)) / -log(pxy)
    }
}

/// A readable name from a topic's top terms: the leading phrase, or a phrase that extends the
/// leading word ("diffusion" → "Diffusion models"), or the leading word with a second one most of
/// the topic's papers share ("Grokking and circuits"), or the leading word alone.
public func topicName(from terms: [TopicTerm]) -> String {
    guard let first = terms.first else { return "Miscellaneous" }
    if first.key.contains(" ") { return capitalizedFirst(first.label) }
    let top = terms.prefix(3)
    if let phrase = top.first(where: { $0.key.contains(" ") && $0.key.split(separator: " ").contains(Substring(first.key)) }) {
        return capitalizedFirst(phrase.label)
    }
    // A second word from another stem family ("llm" and "llms" are one family).
    if let second = top.dropFirst().first(where: {
        !$0.key.contains(" ") && !$0.key.hasPrefix(first.key) && !first.key.hasPrefix($0.key) && $0.coverage >= 0.4
    }) {
        return capitalizedFirst(first.label) + " and " + second.label
    }
    return capitalizedFirst(first.label)
}

func capitalizedFirst(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
}
