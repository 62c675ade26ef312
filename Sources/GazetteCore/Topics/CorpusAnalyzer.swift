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
/// keeps the terms in the configured document-frequency band. Documents are read in parallel
/// chunks, each with its own stemmer and word table, merged in a fixed order.
public func analyzeCorpus(_ documents: [(title: String, body: String)], options: AnalyzerOptions = AnalyzerOptions()) -> AnalyzedCorpus {
    let chunks = concurrentChunks(documents.count, minimumChunk: 512) { range in
        analyzeChunk(documents[range], titleWeight: options.titleWeight)
    }

    // Merge the chunks' word tables into global stem ids.
    var stemIDs: [String: Int] = [:]
    var stems: [String] = []
    var surfaceCounts: [[String: Int]] = []
    var unigramCounts: [[Int: Double]] = []
    var bigramCounts: [[UInt64: Double]] = []
    unigramCounts.reserveCapacity(documents.count)
    bigramCounts.reserveCapacity(documents.count)
    for chunk in chunks {
        let globalOfLocal = chunk.stems.map { stem -> Int in
            if let id = stemIDs[stem] { return id }
            stemIDs[stem] = stems.count
            stems.append(stem)
            surfaceCounts.append([:])
            return stems.count - 1
        }
        for (surface, local) in chunk.surfaces where local.stem >= 0 {
            surfaceCounts[globalOfLocal[local.stem]][surface, default: 0] += local.count
        }
        for (unigrams, bigrams) in chunk.documents {
            var globalUnigrams: [Int: Double] = [:]
            globalUnigrams.reserveCapacity(unigrams.count)
            for (local, count) in unigrams { globalUnigrams[globalOfLocal[Int(local)]] = count }
            var globalBigrams: [UInt64: Double] = [:]
            globalBigrams.reserveCapacity(bigrams.count)
            for (pair, count) in bigrams {
                let a = UInt64(globalOfLocal[Int(pair >> 32)]), b = UInt64(globalOfLocal[Int(pair & 0xFFFF_FFFF)])
                globalBigrams[a << 32 | b, default: 0] += count
            }
            unigramCounts.append(globalUnigrams)
            bigramCounts.append(globalBigrams)
        }
    }

    let n = documents.count
    let maxDocuments = max(1, Int((Double(n) * options.maxDocumentShare).rounded(.down)))
    var unigramDF = [Int](repeating: 0, count: stems.count)
    for doc in unigramCounts { for termID in doc.keys { unigramDF[termID] += 1 } }
    var bigramDF: [UInt64: Int] = [:]
    for doc in bigramCounts { for pair in doc.keys { bigramDF[pair, default: 0] += 1 } }

    var terms: [Term] = []
    var labels: [Int: String] = [:]
    func label(_ stemID: Int) -> String {
        if let known = labels[stemID] { return known }
        let form = preferredForm(surfaceCounts[stemID])
        labels[stemID] = form
        return form
    }
    for (stemID, df) in unigramDF.enumerated() where df >= options.minDocumentFrequency && df <= maxDocuments {
        terms.append(Term(key: stems[stemID], label: label(stemID), documentFrequency: df, isPhrase: false))
    }
    for (pair, df) in bigramDF where df >= max(options.minPhraseDocuments, options.minDocumentFrequency) && df <= maxDocuments {
        let a = Int(pair >> 32), b = Int(pair & 0xFFFF_FFFF)
        // A phrase reads as its words' usual forms ("compositional generalization"), its first word
        // singular where the text uses both, as English modifiers are ("instruction tuning").
        terms.append(Term(key: stems[a] + " " + stems[b], label: modifierForm(label(a), surfaceCounts[a]) + " " + label(b),
                          documentFrequency: df, isPhrase: true))
    }
    terms.sort { $0.key < $1.key }
    var termIndex: [String: Int] = [:]
    for (index, term) in terms.enumerated() { termIndex[term.key] = index }
    var unigramTerm = [Int](repeating: -1, count: stems.count)
    for (stemID, stem) in stems.enumerated() { unigramTerm[stemID] = termIndex[stem] ?? -1 }
    var bigramTerm: [UInt64: Int] = [:]
    for (pair, _) in bigramDF {
        if let id = termIndex[stems[Int(pair >> 32)] + " " + stems[Int(pair & 0xFFFF_FFFF)]] { bigramTerm[pair] = id }
    }

    let analyzed = concurrentChunks(n, minimumChunk: 1024) { range -> [[(term: Int, count: Double)]] in
        range.map { index in
            var row: [(term: Int, count: Double)] = []
            for (stemID, count) in unigramCounts[index] where unigramTerm[stemID] >= 0 { row.append((unigramTerm[stemID], count)) }
            for (pair, count) in bigramCounts[index] { if let id = bigramTerm[pair] { row.append((id, count)) } }
            row.sort { $0.term < $1.term }
            return row
        }
    }.flatMap { $0 }
    return AnalyzedCorpus(terms: terms, documents: analyzed, termIndex: termIndex)
}

/// One chunk's word table and counts, in chunk-local stem ids.
struct ChunkAnalysis {
    /// Each written form met: its local stem id (-1 for a stop word) and how often it occurred.
    var surfaces: [String: (stem: Int, count: Int)] = [:]
    var stems: [String] = []
    /// Per document: stem counts and stem-pair (phrase) counts.
    var documents: [(unigrams: [Int32: Double], bigrams: [UInt64: Double])] = []
}

/// Counts the words and phrases of a run of documents with one stemmer, looking each written form
/// up once per occurrence.
func analyzeChunk(_ documents: ArraySlice<(title: String, body: String)>, titleWeight: Double) -> ChunkAnalysis {
    let stemmer = Stemmer()
    var chunk = ChunkAnalysis()
    var stemIDs: [String: Int] = [:]
    for document in documents {
        var unigrams: [Int32: Double] = [:]
        var bigrams: [UInt64: Double] = [:]
        for (text, weight) in [(document.title, titleWeight), (document.body, 1.0)] {
            var previous = -1
            scanWords(text) { surface, afterBreak in
                let stem: Int
                if let known = chunk.surfaces[surface] {
                    stem = known.stem
                    chunk.surfaces[surface] = (stem, known.count + 1)
                } else {
                    if let key = stemKey(surface, stemmer: stemmer) {
                        if let id = stemIDs[key] { stem = id } else {
                            stem = chunk.stems.count
                            stemIDs[key] = stem
                            chunk.stems.append(key)
                        }
                    } else {
                        stem = -1
                    }
                    chunk.surfaces[surface] = (stem, 1)
                }
                guard stem >= 0 else {
                    previous = -1
                    return
                }
                unigrams[Int32(stem), default: 0] += weight
                if previous >= 0, !afterBreak, previous != stem {
                    bigrams[UInt64(previous) << 32 | UInt64(stem), default: 0] += weight
                }
                previous = stem
            }
        }
        chunk.documents.append((unigrams, bigrams))
    }
    return chunk
}

/// `form` without a plural `s` when the text also writes it that way ("instructions" → "instruction").
func modifierForm(_ form: String, _ counts: [String: Int]) -> String {
    guard form.hasSuffix("s"), !form.hasSuffix("ss") else { return form }
    let singular = String(form.dropLast())
    return counts.keys.contains { $0.lowercased() == singular.lowercased() } ? singular : form
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
