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
/// for what a name may not be). A name should describe most of the topic's papers, so first comes a
/// phrase that at least half of them use; then two candidates that together cover half of them
/// ("Grokking and memorization", given `papersUsing`); then a word half of them use; then a
/// distinctive phrase that at least 12% use, a word 40% use, any phrase of the right shape, a word
/// 20% use. A topic with none is
/// "Miscellaneous papers". `writtenForm` gives a phrase as the papers write it; `papersUsing` the
/// topic's papers (numbered 0..<`paperCount`) that use a candidate, by key.
public func topicName(from terms: [TopicTerm], writtenForm: (TopicTerm) -> String = { $0.label },
                      papersUsing: [String: [Int]]? = nil, paperCount: Int = 0) -> String {
    let lead = terms.first?.weight ?? 0
    // A phrase as written must pass too ("compared supervision" may be written "compare supervised").
    var shown: [String: String] = [:]
    for term in terms { shown[term.key] = term.key.contains(" ") ? writtenForm(term) : term.label }
    let usable = terms.filter { nameShapeProblem($0.label) == nil && nameShapeProblem(shown[$0.key]!) == nil }
    let phrases = usable.filter { $0.key.contains(" ") }
    let words = usable.filter { !$0.key.contains(" ") }
    if let most = phrases.first(where: { $0.coverage >= 0.5 }) { return capitalizedFirst(shown[most.key]!) }
    if let papersUsing, let pair = coveringPair(usable, shown: shown, papersUsing: papersUsing, paperCount: paperCount) {
        return pair
    }
    if let name = wordName(words, minimumCoverage: 0.5) { return name }
    if let phrase = phrases.first(where: { $0.coverage >= 0.12 && $0.weight >= lead * 0.2 }) { return capitalizedFirst(shown[phrase.key]!) }
    if let name = wordName(words, minimumCoverage: 0.4) { return name }
    if let phrase = phrases.first(where: { $0.coverage >= 0.06 }) { return capitalizedFirst(shown[phrase.key]!) }
    return wordName(words, minimumCoverage: 0.2) ?? "Miscellaneous papers"
}

/// "A and b": of the first 12 candidates that could each stand alone, the two that together are used by
/// the most papers, if that is at least half of them (each used by at least 15%, sharing no word).
private func coveringPair(_ terms: [TopicTerm], shown: [String: String], papersUsing: [String: [Int]], paperCount: Int) -> String? {
    // Only terms that name something on their own: "Learning and training" would say nothing.
    let pool = terms.filter { $0.coverage >= 0.15 && nameShapeProblem(shown[$0.key]!, alone: true) == nil }.prefix(12)
    // Each candidate's papers as a bit set, so a pair's union is a few words of OR.
    let empty = [UInt64](repeating: 0, count: (paperCount + 63) / 64)
    var bits: [String: [UInt64]] = [:]
    for term in pool {
        var set = empty
        for paper in papersUsing[term.key] ?? [] where paper < paperCount { set[paper / 64] |= 1 << UInt64(paper % 64) }
        bits[term.key] = set
    }
    var best: (name: String, covered: Int, weight: Double)?
    let list = Array(pool)
    for i in list.indices {
        for j in list.indices where j > i {
            let a = list[i], b = list[j]
            let wordsA = Set(a.key.split(separator: " ")), wordsB = Set(b.key.split(separator: " "))
            // No shared word and no shared stem family ("llm" and "llms").
            guard !wordsA.contains(where: { wa in wordsB.contains { $0.hasPrefix(wa) || wa.hasPrefix($0) } }) else { continue }
            let covered = zip(bits[a.key] ?? empty, bits[b.key] ?? empty).reduce(0) { $0 + ($1.0 | $1.1).nonzeroBitCount }
            let weight = a.weight + b.weight
            if best == nil || covered > best!.covered || covered == best!.covered && weight > best!.weight {
                best = (capitalizedFirst(shown[a.key]!) + " and " + shown[b.key]!, covered, weight)
            }
        }
    }
    guard let best, best.covered * 2 >= paperCount, paperCount > 0 else { return nil }
    return best.name
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
    PhraseForms(texts, stemmer: stemmer).form(of: key)
}

/// Every two-word phrase of some texts with the ways it is written: the texts are read once, and
/// each candidate name is then a look-up.
struct PhraseForms {
    private var counts: [String: [String: Int]] = [:]

    init(_ texts: [String], stemmer: Stemmer) {
        for text in texts {
            let tokens = tokenize(text, stemmer: stemmer)
            for i in tokens.indices.dropFirst() where !tokens[i].afterBreak {
                counts[tokens[i - 1].stem + " " + tokens[i].stem, default: [:]][tokens[i - 1].surface + " " + tokens[i].surface, default: 0] += 1
            }
        }
    }

    /// The phrase `key` as most often written, or nil if the texts never use it.
    func form(of key: String) -> String? {
        guard let written = counts[key], !written.isEmpty else { return nil }
        // A shelf holds many: "reasoning tasks" where the papers write both it and "reasoning task".
        var form = preferredForm(written)
        if !form.hasSuffix("s"), written.keys.contains(where: { $0.lowercased() == form.lowercased() + "s" }) { form += "s" }
        // Title case is not an acronym: "In-Context Learning" reads "in-context learning".
        return form.split(separator: " ").map { word in
            word.split(separator: "-").contains { $0.dropFirst().contains(where: \.isUppercase) } ? String(word) : word.lowercased()
        }.joined(separator: " ")
    }
}
