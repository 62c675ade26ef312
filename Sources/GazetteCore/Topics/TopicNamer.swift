import Foundation

/// Each cluster's top terms: candidates ranked by distinctiveness (see `distinctivenessRanking`),
/// then picked greedily so each new term is both distinctive and used by the same papers as the
/// terms already picked, so the list reads as one theme rather than a bag of rare words.
/// `coherenceWeight` 0 keeps the plain distinctiveness order.
public func distinctiveTerms(corpus: AnalyzedCorpus, labels: [Int], clusterCount: Int, limit: Int = 10,
                             candidates: Int = 30, coherenceWeight: Double = 1) -> [[TopicTerm]] {
    let ranked = rankedTerms(corpus: corpus, labels: labels, clusterCount: clusterCount, limit: max(limit, candidates))
    return distinctiveTerms(ranked: ranked, corpus: corpus, limit: limit, coherenceWeight: coherenceWeight)
}

/// `distinctiveTerms` from each cluster's ranked candidates (see `rankedTerms`).
func distinctiveTerms(ranked: [[(id: Int, term: TopicTerm)]], corpus: AnalyzedCorpus, limit: Int = 10,
                      coherenceWeight: Double = 1) -> [[TopicTerm]] {
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

/// A shelf label from a topic's candidate terms, most distinctive first (see `nameShapeProblem`
/// for what a name may not be). In order: a distinctive phrase that enough of the topic's papers use;
/// a word most of them use, with a second word many share ("Grokking and memorization"); any
/// phrase of the right shape; a word a fifth of them use. A topic with none is "Miscellaneous papers".
/// `writtenForm` gives a phrase as the papers write it (the label joins each word's usual form).
public func topicName(from terms: [TopicTerm], writtenForm: (TopicTerm) -> String = { $0.label }) -> String {
    let usable = terms.filter { nameShapeProblem($0.label) == nil }
    let lead = terms.first?.weight ?? 0
    let words = usable.filter { !$0.key.contains(" ") }
    // A phrase as written must pass too ("compared supervision" may be written "compare supervised").
    var written: [String: String] = [:]
    let phrases = usable.filter { term in
        guard term.key.contains(" ") else { return false }
        let form = writtenForm(term)
        written[term.key] = form
        return nameShapeProblem(form) == nil
    }
    if let phrase = phrases.first(where: { $0.coverage >= 0.12 && $0.weight >= lead * 0.2 }) { return capitalizedFirst(written[phrase.key]!) }
    if let name = wordName(words, minimumCoverage: 0.4) { return name }
    if let phrase = phrases.first(where: { $0.coverage >= 0.06 }) { return capitalizedFirst(written[phrase.key]!) }
    return wordName(words, minimumCoverage: 0.2) ?? "Miscellaneous papers"
}

/// The first word at least `minimumCoverage` of the topic's papers use, with a second one from
/// another stem family that at least 30% use ("llm" and "llms" are one family).
private func wordName(_ words: [TopicTerm], minimumCoverage: Double) -> String? {
    guard let first = words.first(where: { $0.coverage >= minimumCoverage }) else { return nil }
    if let second = words.first(where: {
        $0.key != first.key && !$0.key.hasPrefix(first.key) && !first.key.hasPrefix($0.key) && $0.coverage >= 0.3
    }) {
        return capitalizedFirst(first.label) + " and " + second.label
    }
    return capitalizedFirst(first.label)
}

func capitalizedFirst(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
}

/// How `texts` most often write the two-word phrase `key` (two stems), or nil if they never do;
/// words keep their capitals only when they are acronyms ("LLM agents", "in-context learning").
func writtenPhrase(_ key: String, in texts: [String], stemmer: Stemmer) -> String? {
    let stems = key.split(separator: " ").map(String.init)
    guard stems.count == 2 else { return nil }
    var counts: [String: Int] = [:]
    for text in texts {
        let tokens = tokenize(text, stemmer: stemmer)
        for i in tokens.indices.dropFirst() where !tokens[i].afterBreak && tokens[i - 1].stem == stems[0] && tokens[i].stem == stems[1] {
            counts[tokens[i - 1].surface + " " + tokens[i].surface, default: 0] += 1
        }
    }
    return counts.isEmpty ? nil : preferredForm(counts)
}
