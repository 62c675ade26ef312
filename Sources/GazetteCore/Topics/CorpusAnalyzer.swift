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
    public var documents: DocumentRows
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

    /// Whether a term (a phrase, if `isPhrase`) that `frequency` of `documents` documents use is
    /// in the band above, and so a term of the analysis.
    func keepsTerm(frequency: Int, of documents: Int, isPhrase: Bool) -> Bool {
        let maxDocuments = max(1, Int((Double(documents) * maxDocumentShare).rounded(.down)))
        return frequency > 0 && frequency >= max(minDocumentFrequency, isPhrase ? minPhraseDocuments : 0) && frequency <= maxDocuments
    }
}

/// Tokenises, stems and counts each document (title and abstract), detects frequent phrases and
/// keeps the terms in the configured document-frequency band. Documents are read in parallel
/// chunks, each with its own stemmer and word tables, merged in a fixed order; the result does not
/// depend on how the documents were chunked.
public func analyzeCorpus(_ documents: [(title: String, body: String)], options: AnalyzerOptions = AnalyzerOptions()) -> AnalyzedCorpus {
    analyzeCorpus(documents, options: options, placing: nil)
}

/// `analyzeCorpus` with document i's row placed at `placing[i]`: documents are read best in an
/// order where similar ones are near (each chunk then meets fewer distinct words), while the
/// caller may want the rows in another.
func analyzeCorpus(_ documents: [(title: String, body: String)], options: AnalyzerOptions, placing: [Int]?) -> AnalyzedCorpus {
    let chunks = concurrentChunks(documents.count, minimumChunk: 512) { range in
        analyzeChunk(documents[range], titleWeight: options.titleWeight)
    }
    return analyzedCorpus(chunks, documentCount: documents.count, options: options, placing: placing)
}

/// The corpus from its chunks' counts, documents in chunk order, document i's row placed at
/// `placing[i]`. The result does not depend on how the documents were cut into chunks.
func analyzedCorpus(_ chunks: [ChunkAnalysis], documentCount: Int, options: AnalyzerOptions, placing: [Int]?) -> AnalyzedCorpus {
    var chunks = chunks
    // Merge the chunks' tables into global ids: stems by key, written forms by bytes, pairs by stems.
    var stemIDs: [String: Int] = [:]
    var stems: [String] = []
    var unigramDF: [Int] = []
    var surfaces = WordTable(capacity: 1 << 14)
    var surfaceStem: [Int] = []
    var surfaceCount: [Int] = []
    var pairs = KeyTable(capacity: 1 << 16)
    var bigramDF: [Int] = []
    var globalStemOfChunk: [[Int]] = []
    var globalPairOfChunk: [[Int32]] = []
    for chunk in chunks {
        let globalOfLocal = chunk.stems.map { stem -> Int in
            if let id = stemIDs[stem] { return id }
            stemIDs[stem] = stems.count
            stems.append(stem)
            unigramDF.append(0)
            return stems.count - 1
        }
        for (local, df) in chunk.stemDocumentFrequency.enumerated() { unigramDF[globalOfLocal[local]] += df }
        for local in 0..<chunk.surfaces.count where chunk.surfaceStem[local] >= 0 {
            let (id, inserted) = chunk.surfaces.withBytes(local) { surfaces.intern($0) }
            if inserted {
                surfaceStem.append(globalOfLocal[Int(chunk.surfaceStem[local])])
                surfaceCount.append(0)
            }
            surfaceCount[id] += chunk.surfaceCount[local]
        }
        var globalOfPair = [Int32](repeating: 0, count: chunk.pairs.count)
        for (local, key) in chunk.pairs.keys.enumerated() {
            let a = UInt64(globalOfLocal[Int(key >> 32)]), b = UInt64(globalOfLocal[Int(key & 0xFFFF_FFFF)])
            let (id, inserted) = pairs.intern(a << 32 | b)
            if inserted { bigramDF.append(0) }
            bigramDF[id] += chunk.pairDocumentFrequency[local]
            globalOfPair[local] = Int32(id)
        }
        globalStemOfChunk.append(globalOfLocal)
        globalPairOfChunk.append(globalOfPair)
    }

    let n = documentCount
    var surfacesOfStem = [[Int]](repeating: [], count: stems.count)
    for (surface, stem) in surfaceStem.enumerated() { surfacesOfStem[stem].append(surface) }
    /// How often each written form of a stem occurs, for its label.
    func surfaceCounts(_ stemID: Int) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: surfacesOfStem[stemID].map { (surfaces.string($0), surfaceCount[$0]) })
    }

    var terms: [Term] = []
    var labels: [Int: String] = [:]
    func label(_ stemID: Int) -> String {
        if let known = labels[stemID] { return known }
        let form = preferredForm(surfaceCounts(stemID))
        labels[stemID] = form
        return form
    }
    for (stemID, df) in unigramDF.enumerated() where options.keepsTerm(frequency: df, of: n, isPhrase: false) {
        terms.append(Term(key: stems[stemID], label: label(stemID), documentFrequency: df, isPhrase: false))
    }
    var phrasePairs: [Int] = []
    for (pair, df) in bigramDF.enumerated() where options.keepsTerm(frequency: df, of: n, isPhrase: true) {
        let a = Int(pairs.keys[pair] >> 32), b = Int(pairs.keys[pair] & 0xFFFF_FFFF)
        // A phrase reads as its words' usual forms ("compositional generalization"), its first word
        // singular where the text uses both, as English modifiers are ("instruction tuning").
        terms.append(Term(key: stems[a] + " " + stems[b], label: modifierForm(label(a), surfaceCounts(a)) + " " + label(b),
                          documentFrequency: df, isPhrase: true))
        phrasePairs.append(pair)
    }
    terms.sort { $0.key < $1.key }
    var termIndex: [String: Int] = [:]
    for (index, term) in terms.enumerated() { termIndex[term.key] = index }
    var unigramTerm = [Int](repeating: -1, count: stems.count)
    for (stemID, stem) in stems.enumerated() { unigramTerm[stemID] = termIndex[stem] ?? -1 }
    var bigramTerm = [Int](repeating: -1, count: pairs.count)
    for pair in phrasePairs {
        let a = Int(pairs.keys[pair] >> 32), b = Int(pairs.keys[pair] & 0xFFFF_FFFF)
        if let id = termIndex[stems[a] + " " + stems[b]] { bigramTerm[pair] = id }
    }

    // Each chunk's rows in global term ids; a row's entries are packed as term << 32 | count bits,
    // so sorting plain integers orders them by term (a row has each term once).
    var parts = (try? concurrentMap(Array(chunks.indices)) { c -> DocumentRows in
        let chunk = chunks[c], stemOf = globalStemOfChunk[c], pairOf = globalPairOfChunk[c]
        var rows = DocumentRows()
        var packed: [UInt64] = []
        var unigramStart = 0, bigramStart = 0
        for (unigramEnd, bigramEnd) in zip(chunk.unigramEnds, chunk.bigramEnds) {
            packed.removeAll(keepingCapacity: true)
            for entry in chunk.unigrams[unigramStart..<unigramEnd] {
                let term = unigramTerm[stemOf[Int(entry.stem)]]
                if term >= 0 { packed.append(UInt64(term) << 32 | UInt64(entry.count.bitPattern)) }
            }
            for entry in chunk.bigrams[bigramStart..<bigramEnd] {
                let term = bigramTerm[Int(pairOf[Int(entry.pair)])]
                if term >= 0 { packed.append(UInt64(term) << 32 | UInt64(entry.count.bitPattern)) }
            }
            unigramStart = unigramEnd
            bigramStart = bigramEnd
            packed.sort()
            rows.append(packed.lazy.map { (Int32(truncatingIfNeeded: $0 >> 32), Float(bitPattern: UInt32(truncatingIfNeeded: $0))) })
        }
        return rows
    }) ?? []
    // The chunks' word lists are no longer needed: let them go before the rows are joined.
    chunks = []
    return AnalyzedCorpus(terms: terms, documents: DocumentRows(joining: &parts, placing: placing), termIndex: termIndex)
}

/// One chunk's word tables and counts, in chunk-local ids.
struct ChunkAnalysis {
    /// Each written form met, with its local stem id (-1 for a stop word) and how often it occurred.
    var surfaces = WordTable()
    var surfaceStem: [Int32] = []
    var surfaceCount: [Int] = []
    /// Stem keys by local id, and how many of the chunk's documents use each.
    var stems: [String] = []
    var stemDocumentFrequency: [Int] = []
    /// Adjacent stem pairs (`first << 32 | second`, local ids), and how many documents use each.
    var pairs = KeyTable()
    var pairDocumentFrequency: [Int] = []
    /// Each document's distinct stems and pairs with their weighted counts, back to back: document
    /// d's are `unigrams[unigramEnds[d - 1]..<unigramEnds[d]]` (and the same for bigrams).
    /// Counts are Float (8-byte entries): sums of the title weight and ones are exact in it.
    var unigrams: [(stem: Int32, count: Float)] = []
    var unigramEnds: [Int] = []
    var bigrams: [(pair: Int32, count: Float)] = []
    var bigramEnds: [Int] = []
}

/// Counts the words and phrases of a run of documents.
func analyzeChunk(_ documents: ArraySlice<(title: String, body: String)>, titleWeight: Double) -> ChunkAnalysis {
    countWords(tokenizeTexts(documents), titleWeight: titleWeight)
}

/// Counts the words and phrases of tokenized documents (all of `texts`'s, or those at `documents`
/// there, in that order) into a chunk's tables: each written form met, its stem, and each document's distinct
/// stems and adjacent stem pairs with their counts (title words weigh `titleWeight`).
func countWords(_ texts: TokenizedTexts, documents: [Int]? = nil, titleWeight: Double) -> ChunkAnalysis {
    var chunk = ChunkAnalysis()
    let forms = texts.forms
    // The chunk's own ids of the forms and stems it meets, in first-seen order.
    var surfaceOfForm = [Int32](repeating: -1, count: forms.count)
    var stemOfFormStem = [Int32](repeating: -1, count: forms.stems.count)
    // Where a stem or pair last went into a document's list, so repeats add to that entry.
    var stemSeenIn: [(document: Int, entry: Int)] = []
    var pairSeenIn: [(document: Int, entry: Int)] = []
    for (document, d) in (documents ?? Array(0..<texts.count)).enumerated() {
        let (title, body) = texts.ranges(d)
        for (range, weight) in [(title, Float(titleWeight)), (body, Float(1))] {
            var previous = -1
            for position in range {
                let token = texts.tokens[position]
                let form = Int(token >> 1), afterBreak = token & 1 == 1
                var surface = Int(surfaceOfForm[form])
                if surface < 0 {
                    surface = forms.table.withBytes(form) { chunk.surfaces.intern($0).id }
                    surfaceOfForm[form] = Int32(surface)
                    var stem: Int32 = -1
                    let formStem = Int(forms.stemOf[form])
                    if formStem >= 0 {
                        if stemOfFormStem[formStem] < 0 {
                            stemOfFormStem[formStem] = Int32(chunk.stems.count)
                            chunk.stems.append(forms.stems[formStem])
                            chunk.stemDocumentFrequency.append(0)
                            stemSeenIn.append((-1, 0))
                        }
                        stem = stemOfFormStem[formStem]
                    }
                    chunk.surfaceStem.append(stem)
                    chunk.surfaceCount.append(0)
                }
                chunk.surfaceCount[surface] += 1
                let stem = Int(chunk.surfaceStem[surface])
                guard stem >= 0 else {
                    previous = -1
                    continue
                }
                if stemSeenIn[stem].document == document {
                    chunk.unigrams[stemSeenIn[stem].entry].count += weight
                } else {
                    stemSeenIn[stem] = (document, chunk.unigrams.count)
                    chunk.unigrams.append((Int32(stem), weight))
                    chunk.stemDocumentFrequency[stem] += 1
                }
                if previous >= 0, !afterBreak, previous != stem {
                    let (pair, new) = chunk.pairs.intern(UInt64(previous) << 32 | UInt64(stem))
                    if new {
                        chunk.pairDocumentFrequency.append(0)
                        pairSeenIn.append((-1, 0))
                    }
                    if pairSeenIn[pair].document == document {
                        chunk.bigrams[pairSeenIn[pair].entry].count += weight
                    } else {
                        pairSeenIn[pair] = (document, chunk.bigrams.count)
                        chunk.bigrams.append((Int32(pair), weight))
                        chunk.pairDocumentFrequency[pair] += 1
                    }
                }
                previous = stem
            }
        }
        chunk.unigramEnds.append(chunk.unigrams.count)
        chunk.bigramEnds.append(chunk.bigrams.count)
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
