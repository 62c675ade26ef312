/// Infers topics from the papers' titles and abstracts: TF-IDF vectors, spherical k-means with a
/// data-chosen number of clusters (or the configured one), seed topics, class-based TF-IDF names,
/// multi-label memberships and related papers. The result does not depend on the input order.
public func inferTopics(_ papers: [Paper], options: TopicOptions = TopicOptions(), analyzer: AnalyzerOptions = AnalyzerOptions()) -> TopicModel {
    // Work in a canonical order so that shuffled input gives the same topics.
    let keys = papers.map { normalizedTitleKey($0.title) }
    let order = papers.indices.sorted { (keys[$0], papers[$0].title, papers[$0].slug, $0) < (keys[$1], papers[$1].title, papers[$1].slug, $1) }
    let documents = order.map { (title: papers[$0].title, body: cleanLatex(papers[$0].abstract ?? "", markdown: false)) }
    let corpus = analyzeCorpus(documents, options: analyzer)
    let vectors = tfidfVectors(corpus)
    let dimension = corpus.terms.count
    let n = vectors.count
    var warnings: [String] = []

    guard n > 0 else {
        return TopicModel(topics: [], memberships: [], related: [], corpus: corpus, vectors: [], warnings: [])
    }

    // Seeds become initial centroids, so their topics exist from the start.
    var seedVectors: [(seed: SeedTopic, vector: [Double])] = []
    let stemmer = Stemmer()
    for seed in options.seeds {
        var vector = [Double](repeating: 0, count: dimension)
        for phrase in seed.terms {
            let stems = tokenize(phrase, stemmer: stemmer).map(\.stem)
            if let id = corpus.termIndex[stems.joined(separator: " ")] { vector[id] = 1 }
            for stem in stems { if let id = corpus.termIndex[stem] { vector[id] = 1 } }
        }
        if vector.contains(where: { $0 > 0 }) {
            normalize(&vector)
            seedVectors.append((seed, vector))
        } else {
            warnings.append("seed topic \"\(seed.name)\": none of its terms occur in enough papers; ignored")
        }
    }

    let minSize = min(options.minTopicSize, max(1, n / 4))
    let maxSize = max(minSize, Int((Double(n) * options.maxTopicShare).rounded(.up)))
    let automatic = options.count == nil
    let requested = options.count ?? Int(Double(n).squareRoot().rounded())
    let k = max(1, min(max(requested, seedVectors.count), n))
    var clustering = sphericalKMeans(vectors, dimension: dimension, k: k, fixedInitial: seedVectors.map(\.vector), seed: options.seed)

    if automatic {
        clustering = mergeCloseClusters(clustering, vectors: vectors, dimension: dimension, threshold: options.mergeSimilarity, maxSize: maxSize)
        clustering = dissolveSmallClusters(clustering, vectors: vectors, dimension: dimension, minSize: minSize)
        clustering = splitLargeClusters(clustering, vectors: vectors, dimension: dimension, maxSize: maxSize, minSize: minSize, seed: options.seed)
    }
    clustering = dropEmptyClusters(clustering)
    let clusterCount = clustering.centroids.count

    // Name clusters: seeds first (each seed takes its closest cluster), the rest from their terms.
    let termsByCluster = distinctiveTerms(corpus: corpus, labels: clustering.labels, clusterCount: clusterCount)
    var seedOfCluster = [String?](repeating: nil, count: clusterCount)
    var pairs: [(cluster: Int, seed: Int, score: Double)] = []
    for (s, seed) in seedVectors.enumerated() {
        for c in 0..<clusterCount { pairs.append((c, s, zip(seed.vector, clustering.centroids[c]).reduce(0) { $0 + $1.0 * $1.1 })) }
    }
    pairs.sort { $0.score != $1.score ? $0.score > $1.score : ($0.seed, $0.cluster) < ($1.seed, $1.cluster) }
    var usedSeeds: Set<Int> = []
    for pair in pairs where pair.score > 0 && seedOfCluster[pair.cluster] == nil && !usedSeeds.contains(pair.seed) {
        seedOfCluster[pair.cluster] = seedVectors[pair.seed].seed.name
        usedSeeds.insert(pair.seed)
    }

    // Memberships in canonical order; primary is the cluster label.
    var canonicalMemberships: [[TopicMembership]] = []
    canonicalMemberships.reserveCapacity(n)
    for (index, vector) in vectors.enumerated() {
        let primary = clustering.labels[index]
        var scores: [(topic: Int, score: Double)] = (0..<clusterCount).map { ($0, vector.dot(clustering.centroids[$0])) }
        let primaryScore = scores[primary].score
        scores.sort { $0.score != $1.score ? $0.score > $1.score : $0.topic < $1.topic }
        var list = [TopicMembership(topic: primary, score: primaryScore, isPrimary: true,
                                    becauseOf: explainingTerms(vector, centroid: clustering.centroids[primary], corpus: corpus))]
        for candidate in scores where candidate.topic != primary && list.count < 3 {
            guard candidate.score >= options.secondaryMinScore, candidate.score >= primaryScore * options.secondaryRelativeScore else { break }
            list.append(TopicMembership(topic: candidate.topic, score: candidate.score, isPrimary: false,
                                        becauseOf: explainingTerms(vector, centroid: clustering.centroids[candidate.topic], corpus: corpus)))
        }
        canonicalMemberships.append(list)
    }

    // Topics ordered by size (largest first), then by name, and renumbered.
    var primaryCounts = [Int](repeating: 0, count: clusterCount)
    var sizes = [Int](repeating: 0, count: clusterCount)
    for list in canonicalMemberships {
        primaryCounts[list[0].topic] += 1
        for membership in list { sizes[membership.topic] += 1 }
    }
    var names = (0..<clusterCount).map { seedOfCluster[$0] ?? topicName(from: termsByCluster[$0]) }
    disambiguate(&names, terms: termsByCluster)
    let ranking = (0..<clusterCount).sorted { primaryCounts[$0] != primaryCounts[$1] ? primaryCounts[$0] > primaryCounts[$1] : names[$0] < names[$1] }
    var newID = [Int](repeating: 0, count: clusterCount)
    for (rank, cluster) in ranking.enumerated() { newID[cluster] = rank }
    var slugs = UniqueSlugs()
    let topics = ranking.enumerated().map { rank, cluster in
        Topic(id: rank, name: names[cluster], slug: slugs.make(names[cluster]), terms: termsByCluster[cluster],
              seedName: seedOfCluster[cluster], primaryCount: primaryCounts[cluster], size: sizes[cluster])
    }

    // Back to input order.
    let canonicalRelated = relatedPapers(vectors, dimension: dimension, count: options.relatedCount)
    var memberships = [[TopicMembership]](repeating: [], count: n)
    var related = [[RelatedPaper]](repeating: [], count: n)
    var inputVectors = [SparseVector](repeating: SparseVector(), count: n)
    for (canonical, input) in order.enumerated() {
        memberships[input] = canonicalMemberships[canonical].map { var m = $0; m.topic = newID[m.topic]; return m }
        related[input] = canonicalRelated[canonical].map { RelatedPaper(paper: order[$0.paper], score: $0.score) }
        inputVectors[input] = vectors[canonical]
    }
    var inputCorpus = corpus
    inputCorpus.documents = order.indices.map { _ in [] }
    for (canonical, input) in order.enumerated() { inputCorpus.documents[input] = corpus.documents[canonical] }
    return TopicModel(topics: topics, memberships: memberships, related: related, corpus: inputCorpus, vectors: inputVectors, warnings: warnings)
}

/// The labels of the paper's terms that contribute most to its similarity with a centroid.
func explainingTerms(_ vector: SparseVector, centroid: [Double], corpus: AnalyzedCorpus, limit: Int = 5) -> [String] {
    var contributions: [(term: Int, value: Double)] = []
    for k in vector.indices.indices {
        let value = vector.values[k] * centroid[vector.indices[k]]
        if value > 0 { contributions.append((vector.indices[k], value)) }
    }
    contributions.sort { $0.value != $1.value ? $0.value > $1.value : $0.term < $1.term }
    return contributions.prefix(limit).map { corpus.terms[$0.term].label }
}

/// Gives two topics that would share a name the next distinctive term of each as a qualifier.
func disambiguate(_ names: inout [String], terms: [[TopicTerm]]) {
    var byName: [String: [Int]] = [:]
    for (index, name) in names.enumerated() { byName[name, default: []].append(index) }
    for (name, clusters) in byName where clusters.count > 1 {
        for cluster in clusters {
            let extra = terms[cluster].first { !name.lowercased().contains($0.label.lowercased()) }?.label ?? "\(cluster + 1)"
            names[cluster] = "\(name) (\(extra))"
        }
    }
}

/// Merges the two most similar clusters while their centroids are at least `threshold` alike and
/// the merged cluster stays within `maxSize`.
func mergeCloseClusters(_ start: Clustering, vectors: [SparseVector], dimension: Int, threshold: Double, maxSize: Int) -> Clustering {
    var clustering = start
    while clustering.centroids.count > 2 {
        var sizes = [Int](repeating: 0, count: clustering.centroids.count)
        for label in clustering.labels { sizes[label] += 1 }
        var best: (a: Int, b: Int, similarity: Double)?
        for a in clustering.centroids.indices {
            for b in (a + 1)..<clustering.centroids.count where sizes[a] + sizes[b] <= maxSize {
                let similarity = zip(clustering.centroids[a], clustering.centroids[b]).reduce(0) { $0 + $1.0 * $1.1 }
                if similarity >= threshold, best == nil || similarity > best!.similarity { best = (a, b, similarity) }
            }
        }
        guard let (a, b, _) = best else { break }
        let labels = clustering.labels.map { $0 == b ? a : ($0 > b ? $0 - 1 : $0) }
        var previous = clustering.centroids
        previous.remove(at: b)
        let centroids = computeCentroids(vectors, labels: labels, k: previous.count, dimension: dimension, previous: previous)
        clustering = lloyd(vectors, dimension: dimension, centroids: centroids, maxIterations: 10)
    }
    return clustering
}

/// Dissolves clusters smaller than `minSize`, moving their papers to the nearest remaining cluster.
func dissolveSmallClusters(_ start: Clustering, vectors: [SparseVector], dimension: Int, minSize: Int) -> Clustering {
    var clustering = start
    for _ in 0..<10 {
        var sizes = [Int](repeating: 0, count: clustering.centroids.count)
        for label in clustering.labels { sizes[label] += 1 }
        guard clustering.centroids.count > 1,
              let smallest = sizes.indices.filter({ sizes[$0] < minSize }).min(by: { sizes[$0] < sizes[$1] || sizes[$0] == sizes[$1] && $0 < $1 })
        else { break }
        var centroids = clustering.centroids
        centroids.remove(at: smallest)
        clustering = lloyd(vectors, dimension: dimension, centroids: centroids, maxIterations: 10)
    }
    return clustering
}

/// Splits clusters larger than `maxSize` in two with 2-means over their members.
func splitLargeClusters(_ start: Clustering, vectors: [SparseVector], dimension: Int, maxSize: Int, minSize: Int, seed: UInt64) -> Clustering {
    var clustering = start
    for _ in 0..<8 {
        var sizes = [Int](repeating: 0, count: clustering.centroids.count)
        for label in clustering.labels { sizes[label] += 1 }
        guard let largest = sizes.indices.max(by: { sizes[$0] < sizes[$1] || sizes[$0] == sizes[$1] && $0 > $1 }),
              sizes[largest] > maxSize else { break }
        let members = clustering.labels.indices.filter { clustering.labels[$0] == largest }
        let halves = sphericalKMeans(members.map { vectors[$0] }, dimension: dimension, k: 2, seed: seed)
        var centroids = clustering.centroids
        centroids[largest] = halves.centroids[0]
        centroids.append(halves.centroids[1])
        let next = lloyd(vectors, dimension: dimension, centroids: centroids, maxIterations: 10)
        var nextSizes = [Int](repeating: 0, count: next.centroids.count)
        for label in next.labels { nextSizes[label] += 1 }
        if nextSizes.contains(where: { $0 < minSize }) { break }
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
    return Clustering(centroids: kept.map { clustering.centroids[$0] }, labels: clustering.labels.map { newIndex[$0] }, objective: clustering.objective)
}
