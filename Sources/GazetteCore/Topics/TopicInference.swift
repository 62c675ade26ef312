import Foundation

/// Infers topics from the papers' titles and abstracts: TF-IDF vectors, spherical k-means with a
/// data-chosen number of clusters (or the configured one), seed topics, class-based TF-IDF names,
/// multi-label memberships and related papers. The result does not depend on the input order.
/// With `includeRelated: false` the related lists are left empty, for `relatedPapers(in:count:)`.
public func inferTopics(_ papers: [Paper], options: TopicOptions = TopicOptions(), analyzer: AnalyzerOptions = AnalyzerOptions(),
                        includeRelated: Bool = true, words: (cache: WordCache?, hashes: [String]?)? = nil) -> TopicModel {
    let input = TopicInput(papers, analyzer: analyzer, words: words)
    guard input.count > 0 else { return input.emptyModel() }
    var warnings: [String] = []
    let fit = fitClusters(input, papers: papers, options: options, warnings: &warnings)
    let identities = fit.seedOfCluster.map { ClusterIdentity(name: $0, seed: $0) }
    var model = assembleTopicModel(input, papers: papers, labels: fit.inputLabels, identities: identities, options: options, warnings: warnings)
    model.wordUpdate = input.wordUpdate
    if includeRelated { model.related = relatedPapers(in: model, count: options.relatedCount) }
    return model
}

/// The papers as the topic stage reads them: analysed text, TF-IDF vectors and a canonical order.
struct TopicInput {
    let corpus: AnalyzedCorpus
    /// Per paper, input order.
    let inputVectors: [SparseVector]
    /// Input indices in canonical (title) order.
    let order: [Int]
    /// The vectors in canonical order (shared storage, not copies).
    let vectors: [SparseVector]
    /// What the next build's word cache is made from, when `words` was given.
    let wordUpdate: WordCacheUpdate?
    var count: Int { order.count }

    /// With `words`, the words of papers found in `words.cache` are counted from it and only the
    /// others' text is read; `words.hashes` are the papers' `placementHashes`, when known.
    init(_ papers: [Paper], analyzer: AnalyzerOptions, words: (cache: WordCache?, hashes: [String]?)? = nil) {
        // Work in a canonical order so that shuffled input gives the same topics.
        let keys = concurrentChunks(papers.count) { range in range.map { normalizedTitleKey(papers[$0].title) } }.flatMap { $0 }
        let titles = papers.map(\.title), slugKeys = papers.map(\.slug)
        let order = papers.indices.sorted { a, b in
            if keys[a] != keys[b] { return keys[a] < keys[b] }
            if titles[a] != titles[b] { return titles[a] < titles[b] }
            if slugKeys[a] != slugKeys[b] { return slugKeys[a] < slugKeys[b] }
            return a < b
        }
        // Documents are read in canonical order (similar titles together make each chunk's word
        // tables smaller) and each row is placed at its paper's input position, the model's order:
        // no permuted copy of the rows or vectors is needed afterwards. The cleaned texts are a
        // temporary, gone once analysed.
        let corpus: AnalyzedCorpus
        if let words {
            let hashes = words.hashes ?? placementHashes(papers)
            let analysed = analyzeCorpus(count: papers.count, document: { (title: papers[order[$0]].title, body: latexFree(papers[order[$0]].abstract ?? "")) },
                                         keys: order.map { UInt64(hashes[$0], radix: 16) ?? 0 }, cache: words.cache, options: analyzer, placing: order)
            corpus = analysed.corpus
            wordUpdate = analysed.update
        } else {
            corpus = analyzeCorpus(concurrentChunks(papers.count) { range in
                range.map { (title: papers[order[$0]].title, body: latexFree(papers[order[$0]].abstract ?? "")) }
            }.flatMap { $0 }, options: analyzer, placing: order)
            wordUpdate = nil
        }
        let inputVectors = tfidfVectors(corpus)
        self.corpus = corpus
        self.inputVectors = inputVectors
        vectors = order.map { inputVectors[$0] }
        self.order = order
    }

    func emptyModel() -> TopicModel {
        TopicModel(topics: [], memberships: [], related: [], corpus: corpus, vectors: [], canonicalOrder: [], warnings: [])
    }

    /// Labels given in canonical order, moved to input order.
    func inputOrder(_ canonicalLabels: [Int]) -> [Int] {
        var labels = [Int](repeating: 0, count: count)
        for (canonical, input) in order.enumerated() { labels[input] = canonicalLabels[canonical] }
        return labels
    }
}

/// Who a cluster is: a topic of the map keeps its id, slug and name; a new cluster gets a name
/// from its terms (or its seed's) and a fresh id and slug.
struct ClusterIdentity {
    var id: Int?
    var slug: String?
    var name: String?
    var seed: String?
}

/// A full fit: each paper's cluster (input order) and the seed that names each cluster.
func fitClusters(_ input: TopicInput, papers: [Paper], options: TopicOptions, warnings: inout [String]) -> (inputLabels: [Int], seedOfCluster: [String?]) {
    let vectors = input.vectors, corpus = input.corpus, order = input.order
    let dimension = corpus.terms.count
    let n = vectors.count
    // Seeds become initial centroids, so their topics exist from the start.
    let seedVectors = seedCentroids(options.seeds, corpus: corpus, titles: order.map { papers[$0].title }, vectors: vectors,
                                    warnings: &warnings).map { (seed: $0.seed, vector: $0.vector) }

    let minSize = min(options.minTopicSize, max(1, n / 4))
    let maxSize = max(minSize, Int((Double(n) * options.maxTopicShare).rounded(.up)))
    let automatic = options.count == nil
    // Over-cluster to √n clusters (at most 64: merging then finds the real groups), unless fixed.
    let requested = options.count ?? min(64, Int(Double(n).squareRoot().rounded()))
    let k = max(1, min(max(requested, seedVectors.count), n))
    if let count = options.count, count < seedVectors.count {
        warnings.append("topics.count is \(count), but each of the \(seedVectors.count) seed topics keeps a topic of its own: making \(k) topics")
    }
    let restarts = n <= 5000 ? 4 : 2
    var clustering = sphericalKMeans(vectors, dimension: dimension, k: k, fixedInitial: seedVectors.map(\.vector),
                                     restarts: restarts, seed: options.seed)

    if automatic {
        clustering = mergeCloseClusters(clustering, vectors: vectors, threshold: options.mergeSimilarity, maxSize: maxSize,
                                        seeded: seedVectors.count)
        clustering = dissolveSmallClusters(clustering, vectors: vectors, minSize: minSize)
        clustering = splitLargeClusters(clustering, vectors: vectors, maxSize: maxSize, minSize: minSize, seed: options.seed)
    }
    // Seeded clusters stay near what their seeds describe; the factorisation would pull them away.
    if options.nmfIterations > 0 && seedVectors.isEmpty {
        // Factor rows make better topic centres than k-means means (see `nmfCentroids`); every
        // paper then joins the nearest one.
        var refined = nmfCentroids(clustering, vectors: vectors, iterations: options.nmfIterations)
        clustering = Clustering(centroids: refined, labels: assign(vectors, to: refined).labels, objective: clustering.objective)
        // Factors left with too few papers are dropped at once and their papers join the nearest other
        // factor (no Lloyd iterations, which would pull the centres back to plain means).
        for _ in 0..<4 where automatic {
            let sizes = clusterSizes(clustering)
            let kept = sizes.indices.filter { sizes[$0] >= minSize }
            guard kept.count < sizes.count, !kept.isEmpty else { break }
            refined = refined.selecting(kept)
            clustering = Clustering(centroids: refined, labels: assign(vectors, to: refined).labels, objective: clustering.objective)
        }
    }
    if !automatic { clustering = keepingCount(clustering, vectors: vectors, count: k, minSize: minSize, seed: options.seed) }
    clustering = dropEmptyClusters(clustering)
    let clusterCount = clustering.centroids.count
    let centroids = clustering.centroids

    // Seeds name clusters: each seed takes its closest cluster.
    var seedOfCluster = [String?](repeating: nil, count: clusterCount)
    var pairs: [(cluster: Int, seed: Int, score: Double)] = []
    for (s, seed) in seedVectors.enumerated() {
        let terms = seed.vector.indices.filter { seed.vector[$0] > 0 }
        for c in 0..<clusterCount {
            // The cosine of the seed's starting centroid and the cluster's.
            pairs.append((c, s, terms.reduce(0) { $0 + seed.vector[$1] * centroids.weight(term: $1, cluster: c) }))
        }
    }
    pairs.sort { $0.score != $1.score ? $0.score > $1.score : ($0.seed, $0.cluster) < ($1.seed, $1.cluster) }
    var usedSeeds: Set<Int> = []
    // A seed whose cluster dissolved names no other: its best remaining match is about something else.
    for pair in pairs where pair.score >= options.seedNameMinSimilarity && seedOfCluster[pair.cluster] == nil && !usedSeeds.contains(pair.seed) {
        seedOfCluster[pair.cluster] = seedVectors[pair.seed].seed.name
        usedSeeds.insert(pair.seed)
    }
    return (input.inputOrder(clustering.labels), seedOfCluster)
}

/// The topic model from each paper's cluster (input order, `0..<identities.count`): each topic's
/// centre is the normalised mean of its main papers, so a build from a kept map sees the same
/// centres as the build that wrote it. Clusters without a name get one from their terms; topics
/// without an id get the next free ones, largest first; new slugs avoid `takenSlugs`.
func assembleTopicModel(_ input: TopicInput, papers: [Paper], labels inputLabels: [Int], identities: [ClusterIdentity],
                        takenSlugs: Set<String> = [], firstNewID: Int = 1, options: TopicOptions, warnings: [String]) -> TopicModel {
    let corpus = input.corpus, order = input.order, inputVectors = input.inputVectors
    let n = input.count
    let clusterCount = identities.count
    let centroids = meanCentres(input, labels: inputLabels, count: clusterCount).centres

    // One ranking serves both the terms shown (from the best 30) and the name (from the best 40).
    let ranked = rankedTerms(corpus: corpus, labels: inputLabels, clusterCount: clusterCount, limit: 40)
    let termsByCluster = distinctiveTerms(ranked: ranked.map { Array($0.prefix(30)) }, corpus: corpus)

    // Memberships in input order; primary is the cluster label.
    var memberships = concurrentChunks(n) { range -> [[TopicMembership]] in
        var scoreBuffer = [Float](repeating: 0, count: clusterCount)
        return range.map { index in
            let vector = inputVectors[index]
            let primary = inputLabels[index]
            centroids.scores(vector, into: &scoreBuffer)
            let primaryScore = Double(scoreBuffer[primary])
            var list = [TopicMembership(topic: primary, score: primaryScore, isPrimary: true,
                                        becauseOf: explainingTerms(vector, cluster: primary, centroids: centroids, corpus: corpus))]
            for candidate in strongestTopics(scoreBuffer, count: 2, excluding: primary) {
                guard candidate.score >= options.secondaryMinScore, candidate.score >= primaryScore * options.secondaryRelativeScore else { break }
                list.append(TopicMembership(topic: candidate.topic, score: candidate.score, isPrimary: false,
                                            becauseOf: explainingTerms(vector, cluster: candidate.topic, centroids: centroids, corpus: corpus)))
            }
            return list
        }
    }.flatMap { $0 }

    // Topics ordered by size (largest first), then by name, and renumbered.
    var primaryCounts = [Int](repeating: 0, count: clusterCount)
    var sizes = [Int](repeating: 0, count: clusterCount)
    for list in memberships {
        primaryCounts[list[0].topic] += 1
        for membership in list { sizes[membership.topic] += 1 }
    }
    // Names draw on a longer list than the ten terms shown, so a shelf-label phrase can be found.
    let nameCandidates = ranked.map { $0.map(\.term) }
    // A phrase is shown as the cluster's papers write it: in their titles, else in a few abstracts.
    var sampleTitles = [[String]](repeating: [], count: clusterCount)
    var sampleAbstracts = [[String]](repeating: [], count: clusterCount)
    for input in order {
        let c = inputLabels[input]
        if sampleTitles[c].count < 30 { sampleTitles[c].append(papers[input].title) }
        if sampleAbstracts[c].count < 3 { sampleAbstracts[c].append(papers[input].abstract ?? "") }
    }
    // Which of (at most 500 evenly spaced of) its papers use each candidate, so a name can cover most.
    var membersOf = [[Int]](repeating: [], count: clusterCount)
    for (document, label) in inputLabels.enumerated() { membersOf[label].append(document) }
    var names = (try? concurrentMap(Array(0..<clusterCount)) { c -> String in
        if let name = identities[c].name { return name }
        let members = membersOf[c].count <= 500 ? membersOf[c] : (0..<500).map { membersOf[c][$0 * membersOf[c].count / 500] }
        let keyOfCandidate = Dictionary(ranked[c].map { ($0.id, $0.term.key) }, uniquingKeysWith: { first, _ in first })
        var papersUsing: [String: [Int]] = [:]
        for (local, document) in members.enumerated() {
            corpus.documents.withRow(document) { terms, _ in
                for term in terms { if let key = keyOfCandidate[Int(term)] { papersUsing[key, default: []].append(local) } }
            }
        }
        let stemmer = Stemmer()
        let inTitles = PhraseForms(sampleTitles[c], stemmer: stemmer), inAbstracts = PhraseForms(sampleAbstracts[c], stemmer: stemmer)
        return topicName(from: nameCandidates[c], writtenForm: { term in
            inTitles.form(of: term.key) ?? inAbstracts.form(of: term.key) ?? term.label
        }, papersUsing: papersUsing, paperCount: members.count)
    }) ?? []
    // Only new names are qualified: a kept topic's name is its reader-facing identity.
    disambiguate(&names, terms: termsByCluster, fixed: identities.map { $0.name != nil })
    let ranking = (0..<clusterCount).sorted { primaryCounts[$0] != primaryCounts[$1] ? primaryCounts[$0] > primaryCounts[$1] : names[$0] < names[$1] }
    var newID = [Int](repeating: 0, count: clusterCount)
    for (rank, cluster) in ranking.enumerated() { newID[cluster] = rank }
    var slugs = UniqueSlugs(taken: takenSlugs.union(identities.compactMap(\.slug)))
    var nextID = firstNewID
    let topics = ranking.enumerated().map { rank, cluster -> Topic in
        let id = identities[cluster].id ?? nextID
        if identities[cluster].id == nil { nextID += 1 }
        return Topic(id: rank, name: names[cluster], slug: identities[cluster].slug ?? slugs.make(names[cluster]), terms: termsByCluster[cluster],
                     seedName: identities[cluster].seed, primaryCount: primaryCounts[cluster], size: sizes[cluster], mapID: id)
    }

    for input in memberships.indices {
        for m in memberships[input].indices { memberships[input][m].topic = newID[memberships[input][m].topic] }
    }
    return TopicModel(topics: topics, memberships: memberships, related: Array(repeating: [], count: n), corpus: corpus, vectors: inputVectors,
                      canonicalOrder: order, warnings: warnings)
}

/// Each paper's most similar papers (input order), computed in the model's canonical order so that
/// ties break the same way however the input was ordered.
public func relatedPapers(in model: TopicModel, count: Int, analyzer: AnalyzerOptions = AnalyzerOptions()) -> [[RelatedPaper]] {
    let order = model.canonicalOrder
    // Weights from every paper are those of the model's own vectors.
    let vectors = model.relatedWeights.flatMap { $0.contains(false) ? tfidfVectors(model.corpus, weightedBy: $0, options: analyzer) : nil } ?? model.vectors
    let canonical = relatedPapers(order.map { vectors[$0] }, dimension: model.corpus.terms.count, count: count)
    var related = [[RelatedPaper]](repeating: [], count: order.count)
    for (position, input) in order.enumerated() {
        related[input] = canonical[position].map { RelatedPaper(paper: order[$0.paper], score: $0.score) }
    }
    return related
}

/// The `count` highest-scoring topics other than `excluding`, best first (ties: lower topic first);
/// a paper needs only its two best secondary candidates, so there is no need to sort all k scores.
func strongestTopics(_ scores: [Float], count: Int, excluding: Int) -> [(topic: Int, score: Double)] {
    var best: [(topic: Int, score: Double)] = []
    for (topic, value) in scores.enumerated() where topic != excluding {
        let score = Double(value)
        guard best.count < count || score > best[best.count - 1].score else { continue }
        // Scanning topics in order, a later topic only goes before an earlier one on a strictly higher score.
        let position = best.firstIndex { score > $0.score } ?? best.count
        best.insert((topic, score), at: position)
        if best.count > count { best.removeLast() }
    }
    return best
}

/// The labels of the paper's `limit` terms that contribute most to its similarity with a centroid, sorted.
func explainingTerms(_ vector: SparseVector, cluster: Int, centroids: CentroidMatrix, corpus: AnalyzedCorpus, limit: Int = 5) -> [String] {
    // Keep only the best `limit` while scanning: a paper has dozens of terms and shows five.
    var best: [(term: Int, value: Double)] = []
    best.reserveCapacity(limit + 1)
    for k in vector.indices.indices {
        let value = vector.values[k] * centroids.weight(term: Int(vector.indices[k]), cluster: cluster)
        guard value > 0, best.count < limit || value > best[best.count - 1].value else { continue }
        // Terms come in ascending order, so an equal value goes after the ones already kept.
        let position = best.firstIndex { value > $0.value } ?? best.count
        best.insert((Int(vector.indices[k]), value), at: position)
        if best.count > limit { best.removeLast() }
    }
    // Shown in alphabetical order: by weight, a slight shift of the topic's centre after a new
    // issue would reorder them on thousands of paper pages that otherwise stay as they were.
    return best.map { corpus.terms[$0.term].label }.sorted()
}

/// The abstract as the topic engine reads it: `cleanLatex` only where a backslash or backtick could
/// need it, found with a scan of the raw bytes (most abstracts have neither).
func latexFree(_ text: String) -> String {
    let plain = text.utf8.withContiguousStorageIfAvailable { bytes in !bytes.contains { $0 == 0x60 || $0 == 0x5C } }
    return plain == true ? text : cleanLatex(text, markdown: false)
}

/// Splits `0..<count` into ranges, maps each on all cores (or `workers` threads) and returns the
/// results in order.
func concurrentChunks<R>(_ count: Int, minimumChunk: Int = 256, workers: Int? = nil, _ work: (Range<Int>) -> R) -> [R] {
    let chunks = max(1, min(count / minimumChunk, ProcessInfo.processInfo.activeProcessorCount * 4))
    let ranges = (0..<chunks).map { ($0 * count / chunks)..<(($0 + 1) * count / chunks) }
    return (try? concurrentMap(ranges, workers: workers) { work($0) }) ?? []
}

/// Gives two topics that would share a name the next distinctive term of each as a qualifier.
func disambiguate(_ names: inout [String], terms: [[TopicTerm]], fixed: [Bool]? = nil) {
    var byName: [String: [Int]] = [:]
    for (index, name) in names.enumerated() { byName[name, default: []].append(index) }
    for (name, clusters) in byName where clusters.count > 1 {
        for cluster in clusters where !(fixed?[cluster] ?? false) {
            let extra = terms[cluster].first { !name.lowercased().contains($0.label.lowercased()) }?.label ?? "\(cluster + 1)"
            names[cluster] = "\(name) (\(extra))"
        }
    }
}

/// Merges the two most similar clusters while their centroids are at least `threshold` alike and
/// the merged cluster stays within `maxSize`; a merged centroid is the normalised sum of both
/// clusters' members. A few Lloyd iterations settle the result. The first `seeded` clusters started
/// from the seeds of `site.yml`: two of them are never merged, since each is a shelf the maintainer asked for.
func mergeCloseClusters(_ start: Clustering, vectors: [SparseVector], threshold: Double, maxSize: Int, seeded: Int = 0) -> Clustering {
    var k = start.centroids.count
    let dimension = start.centroids.dimension
    guard k > 2 else { return start }
    var (sums, sizes) = clusterSums(vectors, labels: start.labels, k: k, dimension: dimension)
    var centroids = CentroidMatrix(sums: sums, count: k, dimension: dimension, fallback: start.centroids)
    var similarity = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
    let pairwise = centroids.pairwiseSimilarities()
    for a in 0..<k { for b in (a + 1)..<k { similarity[a][b] = Double(pairwise[a * k + b]) } }
    var alive = [Bool](repeating: true, count: k)
    var mergedInto = Array(0..<k)
    var remaining = k
    while remaining > 2 {
        var best: (a: Int, b: Int, similarity: Double)?
        for a in 0..<k where alive[a] {
            for b in (a + 1)..<k where alive[b] && b >= seeded && sizes[a] + sizes[b] <= maxSize && similarity[a][b] >= threshold {
                if best == nil || similarity[a][b] > best!.similarity { best = (a, b, similarity[a][b]) }
            }
        }
        guard let (a, b, _) = best else { break }
        alive[b] = false
        remaining -= 1
        sizes[a] += sizes[b]
        for c in 0..<k where mergedInto[c] == b { mergedInto[c] = a }
        for t in 0..<dimension { sums[t * k + a] += sums[t * k + b] }
        centroids = CentroidMatrix(sums: sums, count: k, dimension: dimension, fallback: centroids)
        let ofMerged = centroids.similarities(of: a)
        for c in 0..<k where alive[c] && c != a {
            let s = Double(ofMerged[c])
            if c < a { similarity[c][a] = s } else { similarity[a][c] = s }
        }
    }
    guard remaining < k else { return start }
    let kept = (0..<k).filter { alive[$0] }
    let merged = centroids.selecting(kept)
    k = kept.count
    return lloyd(vectors, centroids: merged, maxIterations: 5)
}

/// Dissolves clusters smaller than `minSize`, the smallest first, moving their papers to the
/// nearest remaining cluster.
func dissolveSmallClusters(_ start: Clustering, vectors: [SparseVector], minSize: Int) -> Clustering {
    var clustering = start
    for _ in 0..<64 {
        var sizes = [Int](repeating: 0, count: clustering.centroids.count)
        for label in clustering.labels { sizes[label] += 1 }
        guard clustering.centroids.count > 1,
              let smallest = sizes.indices.filter({ sizes[$0] < minSize }).min(by: { (sizes[$0], $0) < (sizes[$1], $1) })
        else { break }
        let kept = sizes.indices.filter { $0 != smallest }
        clustering = lloyd(vectors, centroids: clustering.centroids.selecting(kept), maxIterations: 3)
    }
    return clustering
}

/// Splits clusters larger than `maxSize` in two with 2-means over their members, as long as both
/// halves stay at least `minSize`.
func splitLargeClusters(_ start: Clustering, vectors: [SparseVector], maxSize: Int, minSize: Int, seed: UInt64) -> Clustering {
    var clustering = start
    for _ in 0..<16 {
        guard let next = splittingLargest(clustering, vectors: vectors, above: maxSize, minSize: minSize, seed: seed) else { break }
        clustering = next
    }
    return clustering
}

/// The clustering with its largest cluster split in two by 2-means over its members, or nil when
/// that cluster holds no more than `above` papers or a half would fall below `minSize`.
func splittingLargest(_ clustering: Clustering, vectors: [SparseVector], above: Int, minSize: Int, seed: UInt64) -> Clustering? {
    let sizes = clusterSizes(clustering)
    guard let largest = sizes.indices.max(by: { (sizes[$0], $1) < (sizes[$1], $0) }), sizes[largest] > above else { return nil }
    return splitting(largest, of: clustering, vectors: vectors, minSize: minSize, seed: seed)
}

/// The clustering with `cluster` split in two by 2-means over its members (and a few Lloyd
/// iterations over all papers), or nil when a cluster would end below `minSize`.
func splitting(_ cluster: Int, of clustering: Clustering, vectors: [SparseVector], minSize: Int, seed: UInt64) -> Clustering? {
    let members = clustering.labels.indices.filter { clustering.labels[$0] == cluster }
    let halves = sphericalKMeans(members.map { vectors[$0] }, dimension: clustering.centroids.dimension, k: 2, restarts: 2, seed: seed)
    var centroids = clustering.centroids
    centroids.setColumn(cluster, from: halves.centroids, column: 0)
    let next = lloyd(vectors, centroids: centroids.appending(halves.centroids, column: 1), maxIterations: 5)
    return clusterSizes(next).contains(where: { $0 < minSize }) ? nil : next
}

func clusterSizes(_ clustering: Clustering) -> [Int] {
    var sizes = [Int](repeating: 0, count: clustering.centroids.count)
    for label in clustering.labels { sizes[label] += 1 }
    return sizes
}

/// A fixed number of topics, none below `minSize`: clusters that are too small are dissolved into
/// their neighbours, then clusters are split, the largest that splits cleanly first, until the
/// count is back (as far as the sizes allow).
func keepingCount(_ start: Clustering, vectors: [SparseVector], count: Int, minSize: Int, seed: UInt64) -> Clustering {
    var clustering = dropEmptyClusters(dissolveSmallClusters(start, vectors: vectors, minSize: minSize))
    while clustering.centroids.count < count {
        let sizes = clusterSizes(clustering)
        let candidates = sizes.indices.filter { sizes[$0] >= 2 * minSize }.sorted { (sizes[$0], $1) > (sizes[$1], $0) }
        guard let next = candidates.lazy.compactMap({ splitting($0, of: clustering, vectors: vectors, minSize: minSize, seed: seed) }).first
        else { break }
        clustering = next
    }
    return clustering
}

/// Removes clusters no paper belongs to and renumbers the rest.
func dropEmptyClusters(_ clustering: Clustering) -> Clustering {
    var sizes = [Int](repeating: 0, count: clustering.centroids.count)
    for label in clustering.labels { sizes[label] += 1 }
    let kept = sizes.indices.filter { sizes[$0] > 0 }
    guard kept.count != sizes.count else { return clustering }
    var newIndex = [Int](repeating: -1, count: sizes.count)
    for (new, old) in kept.enumerated() { newIndex[old] = new }
    return Clustering(centroids: clustering.centroids.selecting(kept), labels: clustering.labels.map { newIndex[$0] }, objective: clustering.objective)
}
