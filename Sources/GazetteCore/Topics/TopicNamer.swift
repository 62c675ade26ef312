import Foundation

/// Ranks each cluster's terms by class-based TF-IDF (how much more a cluster uses a term than the
/// corpus does) and names it from its most distinctive phrase, avoiding repeated words.
public func distinctiveTerms(corpus: AnalyzedCorpus, labels: [Int], clusterCount: Int, limit: Int = 10) -> [[TopicTerm]] {
    let dimension = corpus.terms.count
    var classCounts = [[Double]](repeating: [Double](repeating: 0, count: dimension), count: clusterCount)
    var totals = [Double](repeating: 0, count: clusterCount)
    var termTotals = [Double](repeating: 0, count: dimension)
    for (row, label) in zip(corpus.documents, labels) where label >= 0 {
        for (term, count) in row {
            classCounts[label][term] += count
            totals[label] += count
            termTotals[term] += count
        }
    }
    let average = totals.reduce(0, +) / Double(max(1, clusterCount))
    var result: [[TopicTerm]] = []
    for c in 0..<clusterCount {
        var scored: [(term: Int, weight: Double)] = []
        for term in 0..<dimension where classCounts[c][term] > 0 {
            // Terms used by a single paper of the cluster describe that paper, not the topic.
            let tf = classCounts[c][term] / max(1, totals[c])
            scored.append((term, tf * log(1 + average / termTotals[term])))
        }
        scored.sort { $0.weight != $1.weight ? $0.weight > $1.weight : corpus.terms[$0.term].key < corpus.terms[$1.term].key }
        var chosen: [TopicTerm] = []
        var coveredStems: Set<Substring> = []
        for (term, weight) in scored {
            let info = corpus.terms[term]
            let stems = info.key.split(separator: " ")
            // Skip a word already shown inside a chosen phrase, and a phrase of words already shown.
            if stems.allSatisfy({ coveredStems.contains($0) }) { continue }
            chosen.append(TopicTerm(key: info.key, label: info.label, weight: weight))
            coveredStems.formUnion(stems)
            if chosen.count == limit { break }
        }
        result.append(chosen)
    }
    return result
}

/// A readable name from a topic's top terms: its best phrase near the top, else its two best words.
public func topicName(from terms: [TopicTerm]) -> String {
    guard let first = terms.first else { return "Miscellaneous" }
    if let phrase = terms.prefix(3).first(where: { $0.key.contains(" ") }) {
        return capitalizedFirst(phrase.label)
    }
    if terms.count > 1 {
        return capitalizedFirst(first.label) + " and " + terms[1].label
    }
    return capitalizedFirst(first.label)
}

func capitalizedFirst(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
}
