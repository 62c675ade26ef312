/// A vocabulary term: a stem or a two-word phrase of stems, with the label readers see.
public struct Term: Hashable, Sendable {
    /// `composit` or `composit general`: the key terms are matched and exported by.
    public var key: String
    /// The most frequent written form: `compositional generalization`.
    public var label: String
    /// How many documents contain it.
    public var documentFrequency: Int
    public var isPhrase: Bool
}

/// The text of the corpus turned into term counts over a shared vocabulary.
public struct AnalyzedCorpus: Sendable {
    /// Terms sorted by key; a term's id is its index here.
    public var terms: [Term]
    /// Per document, (term id, weighted count) sorted by term id.
    public var documents: [[(term: Int, count: Double)]]
    /// Looks up a term id by key.
    public var termIndex: [String: Int]
}

/// Knobs of the analysis, with defaults that suit digests of hundreds to thousands of papers.
public struct AnalyzerOptions: Sendable {
    /// How much a title word counts against an abstract word.
    public var titleWeight: Double = 2
    /// Terms in fewer documents carry no grouping signal.
    public var minDocumentFrequency = 2
    /// Terms in a larger share of documents are too common to group by.
    public var maxDocumentShare = 0.5
    /// A two-word phrase becomes a term of its own once this many documents use it.
    public var minPhraseDocuments = 3

    public init() {}
}

/// Tokenises, stems and counts each document (title and abstract), detects frequent phrases and
/// keeps the terms in the configured document-frequency band.
public func analyzeCorpus(_ documents: [(title: String, body: String)], options: AnalyzerOptions = AnalyzerOptions()) -> AnalyzedCorpus {
    let stemmer = Stemmer()
    var stemIDs: [String: Int] = [:]
    var stems: [String] = []
    var surfaceCounts: [[String: Int]] = []
    // Per document: counts of stem ids and of stem-id pairs (phrases).
    var unigramCounts: [[Int: Double]] = []
    var bigramCounts: [[UInt64: Double]] = []
    var bigramSurface: [UInt64: [String: Int]] = [:]

    func id(of token: Token) -> Int {
        if let id = stemIDs[token.stem] {
            surfaceCounts[id][token.surface, default: 0] += 1
            return id
        }
        let id = stems.count
        stemIDs[token.stem] = id
        stems.append(token.stem)
        surfaceCounts.append([token.surface: 1])
        return id
    }

    for document in documents {
        var unigrams: [Int: Double] = [:]
        var bigrams: [UInt64: Double] = [:]
        for (text, weight) in [(document.title, options.titleWeight), (document.body, 1.0)] {
            var previous: (id: Int, surface: String)?
            for token in tokenize(text, stemmer: stemmer) {
                let termID = id(of: token)
                unigrams[termID, default: 0] += weight
                if let previous, !token.afterBreak, previous.id != termID {
                    let pair = UInt64(previous.id) << 32 | UInt64(termID)
                    bigrams[pair, default: 0] += weight
                    bigramSurface[pair, default: [:]][previous.surface + " " + token.surface, default: 0] += 1
                }
                previous = (termID, token.surface)
            }
        }
        unigramCounts.append(unigrams)
        bigramCounts.append(bigrams)
    }

    let n = documents.count
    let maxDocuments = max(1, Int((Double(n) * options.maxDocumentShare).rounded(.down)))
    var unigramDF = [Int](repeating: 0, count: stems.count)
    for doc in unigramCounts { for termID in doc.keys { unigramDF[termID] += 1 } }
    var bigramDF: [UInt64: Int] = [:]
    for doc in bigramCounts { for pair in doc.keys { bigramDF[pair, default: 0] += 1 } }

    var terms: [Term] = []
    var unigramTerm: [Int: String] = [:]
    var bigramTerm: [UInt64: String] = [:]
    for (stemID, df) in unigramDF.enumerated() where df >= options.minDocumentFrequency && df <= maxDocuments {
        terms.append(Term(key: stems[stemID], label: preferredForm(surfaceCounts[stemID]), documentFrequency: df, isPhrase: false))
        unigramTerm[stemID] = stems[stemID]
    }
    for (pair, df) in bigramDF where df >= max(options.minPhraseDocuments, options.minDocumentFrequency) && df <= maxDocuments {
        let key = stems[Int(pair >> 32)] + " " + stems[Int(pair & 0xFFFF_FFFF)]
        terms.append(Term(key: key, label: preferredForm(bigramSurface[pair] ?? [:]), documentFrequency: df, isPhrase: true))
        bigramTerm[pair] = key
    }
    terms.sort { $0.key < $1.key }
    var termIndex: [String: Int] = [:]
    for (index, term) in terms.enumerated() { termIndex[term.key] = index }

    var analyzed: [[(term: Int, count: Double)]] = []
    analyzed.reserveCapacity(n)
    for (unigrams, bigrams) in zip(unigramCounts, bigramCounts) {
        var row: [(term: Int, count: Double)] = []
        for (stemID, count) in unigrams { if let key = unigramTerm[stemID] { row.append((termIndex[key]!, count)) } }
        for (pair, count) in bigrams { if let key = bigramTerm[pair] { row.append((termIndex[key]!, count)) } }
        row.sort { $0.term < $1.term }
        analyzed.append(row)
    }
    return AnalyzedCorpus(terms: terms, documents: analyzed, termIndex: termIndex)
}

/// The written form to show: the most frequent, preferring lowercase on ties so that a title's
/// capitals do not win over the running text.
func preferredForm(_ counts: [String: Int]) -> String {
    var folded: [String: (total: Int, best: String, bestCount: Int)] = [:]
    for (form, count) in counts {
        let key = form.lowercased()
        var entry = folded[key] ?? (0, form, 0)
        entry.total += count
        if count > entry.bestCount || count == entry.bestCount && form > entry.best {
            entry.best = form
            entry.bestCount = count
        }
        folded[key] = entry
    }
    let winner = folded.max { a, b in a.value.total != b.value.total ? a.value.total < b.value.total : a.key > b.key }
    guard let winner else { return "" }
    // Acronyms keep their capitals ("LLMs", "CoT"); other words show in lowercase ("Large" → "large").
    return winner.value.best.split(separator: " ").map { word in
        word.dropFirst().contains { $0.isUppercase } ? String(word) : word.lowercased()
    }.joined(separator: " ")
}
