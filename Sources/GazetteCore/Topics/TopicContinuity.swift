import Foundation

/// The thresholds by which a kept topic map changes as the digest grows (README, "Topics that last").
public struct ContinuityRules: Hashable, Sendable {
    /// New papers less alike their nearest topic than this share of the mapped papers are to theirs
    /// (a quantile) may found a new topic...
    public var birthFitQuantile = 0.2
    /// ...when at least `min_size` of them form a group as cohesive as the median topic, and no
    /// topic's centre is `mergeSimilarity` alike the group's.
    /// A topic holding more than this multiple of `max_share` of the papers is split in two, if both
    /// halves keep `min_size` papers and differ (less alike than `mergeSimilarity`).
    public var splitShareFactor = 1.5
    /// Two topics whose centres are at least this alike merge: above the fit's 0.5, so a map just
    /// written never merges at once. Two seeded topics never merge.
    public var mergeSimilarity = 0.6
    /// A topic left with fewer main papers than this share of `min_size` (papers removed or rewritten)
    /// retires into its nearest topic.
    public var retireShareOfMinSize = 0.5
    /// A kept topic whose terms are less alike the map's than this has drifted: a warning suggests a refit.
    public var driftSimilarity = 0.5
    /// A mapped paper whose text changed (a dump re-lists it with a longer abstract) keeps its topic
    /// while it is at least this share as alike that topic as the topic it fits best; below, the
    /// evidence has changed substantially and it is placed again like a new paper.
    public var changedTextKeepShare = 0.8
    /// Related papers weigh terms by the papers of the map as it was when the weights were last
    /// taken, so that a new issue does not reorder the related lists of the earlier papers; the
    /// weights are taken again from every paper once the papers added since are more than this
    /// share of those.
    public var weightsRefreshShare = 0.2

    public init() {}
}

/// Continues a digest's topic map. Papers already in the map keep their main topic (unless their
/// text changed); new papers join the nearest topic; topics are born, split, merged or retired only
/// by `ContinuityRules`. Kept topics keep their id, slug and name. Returns the model, the map to
/// record and what changed. `hashes`, when given, are the papers' `placementHashes`. With
/// `keepsWords`, the words of papers in `words` are counted from it (see `WordCache`), and the
/// model's `wordUpdate` makes the next build's cache.
public func continueTopics(_ papers: [Paper], map: TopicMap, options: TopicOptions = TopicOptions(),
                           analyzer: AnalyzerOptions = AnalyzerOptions(),
                           includeRelated: Bool = true, hashes: [String]? = nil, keepsWords: Bool = false,
                           words: WordCache? = nil) -> (model: TopicModel, map: TopicMap, changes: TopicMapChanges) {
    let input = TopicInput(papers, analyzer: analyzer, words: keepsWords ? (words, hashes) : nil)
    let rules = options.continuity
    var changes = TopicMapChanges()
    var warnings: [String] = []
    let live = map.liveTopics
    let n = input.count
    let hashes = hashes ?? placementHashes(papers)
    // No papers at all (every dump moved away for a moment): the map stays exactly as it was.
    guard n > 0 else { return (input.emptyModel(), map, changes) }
    guard !live.isEmpty else {
        // Nothing to continue: a fresh fit, whose ids and slugs stay clear of the map's.
        var model = assembleFreshFit(input, papers: papers, map: map, options: options)
        model.wordUpdate = input.wordUpdate
        if includeRelated { model.related = relatedPapers(in: model, count: options.relatedCount) }
        changes.placed = n
        for topic in model.topics { changes.born.append(.init(name: topic.name, slug: topic.slug, papers: topic.primaryCount, reason: "the map had no live topic")) }
        return (model, recordTopicMap(model, papers: papers, hashes: hashes, retired: map.retiredTopics), changes)
    }
    let minSize = min(options.minTopicSize, max(1, n / 4))
    let dimension = input.corpus.terms.count
    var identities = live.map { ClusterIdentity(id: $0.id, slug: $0.slug, name: $0.name, seed: $0.seed) }
    var clusterOfID: [Int: Int] = [:]
    for (c, topic) in live.enumerated() { clusterOfID[topic.id] = c }
    // Papers of the map missing from this build (a dump moved away) keep their placement: they
    // still count for their topic, so a topic is not retired because a dump is gone for a while.
    let present = Set(papers.map(\.slug))
    let absent = map.papers.filter { !present.contains($0.key) && clusterOfID[$0.value.topic] != nil }
    var absentCount = [Int](repeating: 0, count: live.count)
    for placement in absent.values { absentCount[clusterOfID[placement.topic]!] += 1 }

    // Mapped papers keep their topic; the rest are placed.
    var labels = [Int](repeating: -1, count: n)
    var fresh: [Int] = []
    var rewritten: [(paper: Int, topic: Int)] = []
    for paper in input.order {
        guard let placement = map.papers[papers[paper].slug], let c = clusterOfID[placement.topic] else {
            fresh.append(paper)
            continue
        }
        if placement.textHash == hashes[paper] { labels[paper] = c } else { rewritten.append((paper, c)) }
    }
    var (centres, norms) = meanCentres(input, labels: labels, count: identities.count)
    // Papers whose text changed stay unless another topic now fits them substantially better.
    if !rewritten.isEmpty {
        var scores = [Float](repeating: 0, count: identities.count)
        var stayed = false
        for (paper, c) in rewritten {
            centres.scores(input.inputVectors[paper], into: &scores)
            if Double(scores[c]) >= rules.changedTextKeepShare * Double(scores.max() ?? 0) {
                labels[paper] = c
                stayed = true
            }
        }
        fresh = input.order.filter { labels[$0] < 0 }
        if stayed { (centres, norms) = meanCentres(input, labels: labels, count: identities.count) }
    }
    // `mapped` remembers where the map had each paper, for moves and splits.
    var mapped = labels
    for (paper, c) in rewritten { mapped[paper] = c }
    changes.placed = fresh.count

    // Why each cluster born in this build was born, and the topics retired, in order.
    var bornReasons: [Int: String] = [:]
    var retirements: [(from: Int, reason: String)] = []
    // Births: new papers that fit no topic well and hang together.
    var bestFit: [Int: (cluster: Int, score: Double)] = [:]
    var scores = [Float](repeating: 0, count: identities.count)
    for paper in fresh {
        centres.scores(input.inputVectors[paper], into: &scores)
        let best = scores.indices.max { (scores[$0], $1) < (scores[$1], $0) }!
        bestFit[paper] = (best, Double(scores[best]))
    }
    // A fixed `topics.count` fixes the topics too: no births, splits or merges (a refit changes them).
    let fixedCount = options.count != nil
    if fresh.count >= minSize && !fixedCount {
        let fit = mappedFit(input, labels: labels, centres: (centres, norms), clusterCount: identities.count)
        let pool = fresh.filter { bestFit[$0]!.score < quantile(fit.scores, rules.birthFitQuantile) }
        if pool.count >= minSize {
            let groups = sphericalKMeans(pool.map { input.inputVectors[$0] }, dimension: dimension,
                                         k: max(1, min(16, pool.count / (2 * minSize))), restarts: 2, seed: options.seed)
            for g in 0..<groups.centroids.count {
                // A group is the papers nearer its centre than any topic's: the pool also holds the
                // least fitting of the new papers on existing topics, which must not dilute it.
                let members = pool.indices.filter {
                    groups.labels[$0] == g && groups.centroids.score(input.inputVectors[pool[$0]], cluster: g) > bestFit[pool[$0]]!.score
                }.map { pool[$0] }
                guard members.count >= minSize else { continue }
                let group = meanCentres(members.map { input.inputVectors[$0] }, labels: [Int](repeating: 0, count: members.count), count: 1, dimension: dimension)
                let cohesion = members.reduce(0.0) {
                    $0 + leaveOneOut(score: group.centres.score(input.inputVectors[$1], cluster: 0), norm: group.norms[0])
                } / Double(members.count)
                centres.scores(group.centres.column(0), into: &scores)
                guard cohesion >= median(fit.cohesion), Double(scores.max() ?? 0) < rules.mergeSimilarity else { continue }
                identities.append(ClusterIdentity())
                for paper in members { labels[paper] = identities.count - 1 }
                bornReasons[identities.count - 1] = "\(members.count) new papers far from every topic, as cohesive as a typical topic (\(String(format: "%.2f", cohesion)))"
            }
            if identities.count > centres.count {
                centres = meanCentres(input, labels: labels, count: identities.count).centres
            }
        }
    }
    // Every other new paper joins its nearest topic.
    for paper in fresh where labels[paper] < 0 {
        labels[paper] = centres.count == live.count ? bestFit[paper]!.cluster : nearest(input.inputVectors[paper], centres)
    }

    // Splits: a topic grown far past `max_share`.
    let splitAbove = Int(Double(n) * min(1, options.maxTopicShare * rules.splitShareFactor))
    var retiredInto = [Int?](repeating: nil, count: identities.count)
    var isRetired = [Bool](repeating: false, count: identities.count)
    // Only a topic that took new papers has grown: a fit may leave a topic above the threshold (a
    // fixed topic count, halves below min_size), and a map just written must not split at once.
    var grew = [Bool](repeating: false, count: identities.count)
    for paper in fresh { grew[labels[paper]] = true }
    for _ in 0..<(fixedCount ? 0 : 8) {
        var sizes = [Int](repeating: 0, count: identities.count)
        for label in labels { sizes[label] += 1 }
        let candidates = sizes.indices.filter { grew[$0] && sizes[$0] > splitAbove && sizes[$0] >= 2 * minSize }.sorted { (sizes[$0], $1) > (sizes[$1], $0) }
        var didSplit = false
        for c in candidates {
            let members = input.order.filter { labels[$0] == c }
            let halves = sphericalKMeans(members.map { input.inputVectors[$0] }, dimension: dimension, k: 2, restarts: 2, seed: options.seed)
            let halfSizes = clusterSizes(halves)
            guard halves.centroids.count == 2, halfSizes.allSatisfy({ $0 >= minSize }),
                  halves.centroids.score(halves.centroids.column(0), cluster: 1) < rules.mergeSimilarity else { continue }
            // The half holding more of the topic's mapped papers keeps its identity.
            let mappedIn = (0..<2).map { h in members.indices.filter { halves.labels[$0] == h && mapped[members[$0]] == c }.count }
            let keep = (mappedIn[0], halfSizes[0]) >= (mappedIn[1], halfSizes[1]) ? 0 : 1
            identities.append(ClusterIdentity())
            retiredInto.append(nil)
            isRetired.append(false)
            grew.append(true)
            for (i, paper) in members.enumerated() where halves.labels[i] != keep { labels[paper] = identities.count - 1 }
            bornReasons[identities.count - 1] = "split from \(identities[c].name ?? "a topic born in this build"), which held \(sizes[c]) of \(n) papers (over \(splitAbove))"
            didSplit = true
            break
        }
        if !didSplit { break }
    }

    // Merges and retirements.
    let retireBelow = max(1, Int((Double(minSize) * rules.retireShareOfMinSize).rounded(.up)))
    for _ in 0..<identities.count {
        centres = meanCentres(input, labels: labels, count: identities.count).centres
        var sizes = [Int](repeating: 0, count: identities.count)
        for label in labels { sizes[label] += 1 }
        let alive = identities.indices.filter { !isRetired[$0] }
        let similarity = centres.pairwiseSimilarities()
        var merge: (from: Int, into: Int, reason: String)?
        let held = { (c: Int) in sizes[c] + (c < live.count ? absentCount[c] : 0) }
        if let small = alive.filter({ held($0) < retireBelow }).min(by: { (held($0), $0) < (held($1), $1) }), alive.count > 1 {
            // Its papers join the topics nearest to each; the one that takes most is its successor.
            // A topic left with no paper at all retires without one.
            var taken = [Int](repeating: 0, count: identities.count)
            let others = alive.filter { $0 != small }
            var scores = [Float](repeating: 0, count: centres.count)
            for paper in labels.indices where labels[paper] == small {
                centres.scores(input.inputVectors[paper], into: &scores)
                labels[paper] = others.max { (scores[$0], $1) < (scores[$1], $0) }!
                taken[labels[paper]] += 1
            }
            let into = taken.indices.max { (taken[$0], $1) < (taken[$1], $0) }.flatMap { taken[$0] > 0 ? $0 : nil }
            merge = (small, into ?? -1, "only \(held(small)) main papers left (fewer than \(retireBelow))")
        } else {
            var best: (a: Int, b: Int, similarity: Float)?
            for a in alive where !fixedCount { for b in alive where b > a && (identities[a].seed == nil || identities[b].seed == nil) {
                let s = similarity[a * centres.count + b]
                if s >= Float(rules.mergeSimilarity) && (best == nil || s > best!.similarity) { best = (a, b, s) }
            } }
            if let (a, b, s) = best {
                // The smaller goes, unless only it was seeded.
                let aGoes = identities[a].seed != nil ? false : identities[b].seed != nil ? true : (sizes[a], b) < (sizes[b], a)
                merge = aGoes ? (a, b, "") : (b, a, "")
                merge!.reason = "its centre is \(String(format: "%.2f", s)) alike that topic's (merging at \(rules.mergeSimilarity))"
            }
        }
        guard let (from, into, reason) = merge else { break }
        isRetired[from] = true
        retiredInto[from] = into >= 0 ? into : nil
        for paper in labels.indices where labels[paper] == from && into >= 0 { labels[paper] = into }
        retirements.append((from, reason))
    }

    // Compact the surviving clusters; new ones get the next ids.
    var nextID = map.nextID
    for c in identities.indices where identities[c].id == nil {
        identities[c].id = nextID
        nextID += 1
    }
    var finalSizes = [Int](repeating: 0, count: identities.count)
    for label in labels { finalSizes[label] += 1 }
    // A topic whose papers are all absent from this build is dormant: no page now (its address sends
    // readers to the topics), still live in the map for when its papers return.
    let dormant = identities.indices.filter { !isRetired[$0] && finalSizes[$0] == 0 && $0 < live.count }.map { live[$0] }
    let alive = identities.indices.filter { !isRetired[$0] && finalSizes[$0] > 0 }
    var compact = [Int](repeating: -1, count: identities.count)
    for (new, old) in alive.enumerated() { compact[old] = new }
    let finalLabels = labels.map { compact[$0] }
    let takenSlugs = Set(map.topics.map(\.slug))
    var model = assembleTopicModel(input, papers: papers, labels: finalLabels, identities: alive.map { identities[$0] },
                                   takenSlugs: takenSlugs, firstNewID: nextID, options: options, warnings: warnings)

    // Report births and retirements by the final names (a topic born here may take a new name, or
    // merge away again, in which case it is not reported at all), then moves and drift.
    let topicOfID = Dictionary(model.topics.map { ($0.mapID, $0) }, uniquingKeysWith: { a, _ in a })
    for c in alive where c >= live.count {
        guard let topic = topicOfID[identities[c].id!] else { continue }
        changes.born.append(.init(name: topic.name, slug: topic.slug, papers: topic.primaryCount, reason: bornReasons[c] ?? ""))
    }
    let bornIDs = Set(alive.filter { $0 >= live.count }.map { identities[$0].id! })
    for (from, reason) in retirements where from < live.count {
        var into = retiredInto[from]
        var seen: Set<Int> = []
        while let next = into, isRetired[next], seen.insert(next).inserted { into = retiredInto[next] }
        let successor = into.flatMap { topicOfID[identities[$0].id!]?.name }
        changes.retired.append(.init(name: live[from].name, slug: live[from].slug, into: successor, reason: reason))
    }
    for paper in input.order where mapped[paper] >= 0 {
        let now = model.topics[model.memberships[paper][0].topic]
        if now.mapID == live[mapped[paper]].id { changes.kept += 1 } else {
            changes.moved.append(.init(paper: papers[paper].slug, from: live[mapped[paper]].name, to: now.name))
        }
    }
    var drifted: [String] = []
    for topic in model.topics {
        guard let entry = map.topic(topic.mapID), !entry.definition.isEmpty else { continue }
        let alike = termSimilarity(entry.definition, topic.terms.map { ($0.key, $0.weight) })
        if alike < rules.driftSimilarity { drifted.append("`\(topic.name)` (\(String(format: "%.2f", alike)))") }
    }
    if !drifted.isEmpty {
        // One line for all of them: a digest that doubled may see many, and each says the same.
        warnings.append("\(drifted.count) topic\(drifted.count == 1 ? " has" : "s have") drifted from \(drifted.count == 1 ? "its" : "their") terms in the topic map (alike below \(rules.driftSimilarity)): "
                        + drifted.joined(separator: ", ") + "; `gazette topics --refit --dry-run` shows what a refit would change")
    }
    model.warnings = warnings
    model.wordUpdate = input.wordUpdate

    // The retired: the map's own, and those retired now.
    let newest = papers.compactMap(\.published).max()
    var retiredEntries = map.retiredTopics
    let publishedCounts = map.paperCounts()
    for c in identities.indices where isRetired[c] && c < live.count {
        var entry = live[c]
        entry.isRetired = true
        // Through topics that retired in this build too, to one that lives (born ones included).
        var into = retiredInto[c]
        var seen: Set<Int> = []
        while let next = into, isRetired[next], seen.insert(next).inserted { into = retiredInto[next] }
        entry.successor = into.map { identities[$0].id! }
        entry.retiredOn = newest
        entry.retiredPapers = publishedCounts[entry.id] ?? 0
        retiredEntries.append(entry)
    }
    let revived = reviveRetired(&model, retired: &retiredEntries, born: bornIDs)
    for b in changes.born.indices {
        if let topic = model.topics.first(where: { $0.name == changes.born[b].name }), revived.contains(topic.slug) {
            changes.born[b].slug = topic.slug
            changes.born[b].reason += "; it takes back the address of the retired topic of that name"
        }
    }
    model.relatedWeights = relatedWeights(papers, map: map, refreshShare: rules.weightsRefreshShare)
    if includeRelated { model.related = relatedPapers(in: model, count: options.relatedCount, analyzer: analyzer) }
    // Absent papers stay where they were, or follow their topic to its successor.
    let liveIDs = Set(model.topics.map(\.mapID) + dormant.map(\.id))
    let successorOf = Dictionary(retiredEntries.map { ($0.id, $0.successor) }, uniquingKeysWith: { a, _ in a })
    var kept: [String: TopicMap.Placement] = [:]
    for (slug, placement) in absent {
        var topic: Int? = placement.topic
        if let id = topic, !liveIDs.contains(id) { topic = successorOf[id] ?? nil }
        if let topic, liveIDs.contains(topic) { kept[slug] = TopicMap.Placement(topic: topic, textHash: placement.textHash, inWeights: placement.inWeights) }
    }
    let recorded = recordTopicMap(model, papers: papers, hashes: hashes, retired: retiredEntries + dormant, absent: kept)
    model.retired = retiredTopics(recorded, model: model)
        + dormant.map { RetiredTopic(name: $0.name, slug: $0.slug, successor: nil, retiredOn: nil, paperCount: absentCount[clusterOfID[$0.id]!]) }
    return (model, recorded, changes)
}

/// Which papers' words count in the related papers' term weights (input order): those of the map
/// not marked as added since the weights were last taken. Nil (every paper's) when the others are
/// more than `refreshShare` of them, or none of the papers is one of them.
func relatedWeights(_ papers: [Paper], map: TopicMap, refreshShare: Double) -> [Bool]? {
    let counted = papers.map { map.papers[$0.slug]?.inWeights == true }
    let inWeights = counted.filter { $0 }.count
    guard inWeights > 0, Double(papers.count - inWeights) <= refreshShare * Double(inWeights) else { return nil }
    return counted
}

/// Topics born in this build that carry the name of a retired topic take that topic's id and slug
/// back (its address serves its papers again instead of redirecting), and leave `retired`; topics
/// retired into a born one follow it. Returns the revived topics' slugs.
@discardableResult
func reviveRetired(_ model: inout TopicModel, retired: inout [TopicMap.Entry], born: Set<Int>) -> Set<String> {
    var revived: Set<String> = []
    for index in model.topics.indices where born.contains(model.topics[index].mapID) {
        guard let old = retired.firstIndex(where: { $0.name == model.topics[index].name }) else { continue }
        let bornID = model.topics[index].mapID
        model.topics[index].mapID = retired[old].id
        model.topics[index].slug = retired[old].slug
        revived.insert(retired[old].slug)
        retired.remove(at: old)
        for r in retired.indices where retired[r].successor == bornID { retired[r].successor = model.topics[index].mapID }
    }
    return revived
}

/// A full fit for a digest whose map has no live topic: ids and slugs continue after the map's.
func assembleFreshFit(_ input: TopicInput, papers: [Paper], map: TopicMap, options: TopicOptions) -> TopicModel {
    var warnings: [String] = []
    let fit = fitClusters(input, papers: papers, options: options, warnings: &warnings)
    var model = assembleTopicModel(input, papers: papers, labels: fit.inputLabels, identities: fit.seedOfCluster.map { ClusterIdentity(name: $0, seed: $0) },
                                   takenSlugs: Set(map.topics.map(\.slug)), firstNewID: map.nextID, options: options, warnings: warnings)
    model.retired = retiredTopics(TopicMap(topics: map.retiredTopics), model: model)
    return model
}

/// The map a build records: every topic of the model with its terms, then `retired` (the retired
/// topics, and live ones without a paper in this build), each paper's main topic and the `absent`
/// papers' placements.
public func recordTopicMap(_ model: TopicModel, papers: [Paper], hashes: [String]? = nil, retired: [TopicMap.Entry],
                           absent: [String: TopicMap.Placement] = [:]) -> TopicMap {
    var entries = model.topics.map {
        TopicMap.Entry(id: $0.mapID, slug: $0.slug, name: $0.name, seed: $0.seedName, definition: $0.terms.map { ($0.key, $0.weight) })
    }
    entries += retired
    // Weights taken again from every paper (nil) count the absent papers too once they return.
    var placements = model.relatedWeights == nil ? absent.mapValues { TopicMap.Placement(topic: $0.topic, textHash: $0.textHash) } : absent
    placements.reserveCapacity(papers.count + absent.count)
    for (index, paper) in papers.enumerated() {
        guard let primary = model.memberships[index].first else { continue }
        placements[paper.slug] = TopicMap.Placement(topic: model.topics[primary.topic].mapID,
                                                    textHash: hashes?[index] ?? placementHash(title: paper.title, abstract: paper.abstract),
                                                    inWeights: model.relatedWeights?[index] ?? true)
    }
    return TopicMap(topics: entries, papers: placements)
}

/// The redirects a map's retired topics need, each pointing at its live successor in `model`.
func retiredTopics(_ map: TopicMap, model: TopicModel) -> [RetiredTopic] {
    let indexOfID = Dictionary(model.topics.enumerated().map { ($1.mapID, $0) }, uniquingKeysWith: { a, _ in a })
    let full = TopicMap(topics: map.topics + model.topics.map { TopicMap.Entry(id: $0.mapID, slug: $0.slug, name: $0.name) })
    return map.retiredTopics.map { entry in
        RetiredTopic(name: entry.name, slug: entry.slug, successor: full.liveSuccessor(of: entry.id).flatMap { indexOfID[$0.id] },
                     retiredOn: entry.retiredOn, paperCount: entry.retiredPapers)
    }
}

/// Normalised means of the vectors of each cluster's papers (labels below 0 are left out), and the
/// length of each cluster's sum, for leave-one-out scores.
/// Sums run in canonical order, so the centres do not depend on the input order.
func meanCentres(_ input: TopicInput, labels: [Int], count: Int) -> (centres: CentroidMatrix, norms: [Double]) {
    meanCentres(input.vectors, labels: input.order.map { labels[$0] }, count: count, dimension: input.corpus.terms.count)
}

/// `meanCentres` of vectors and their labels as given.
func meanCentres(_ vectors: [SparseVector], labels: [Int], count: Int, dimension: Int) -> (centres: CentroidMatrix, norms: [Double]) {
    let (sums, _) = clusterSums(vectors, labels: labels, k: count, dimension: dimension)
    var norms = [Double](repeating: 0, count: count)
    for t in 0..<dimension { for c in 0..<count { let v = Double(sums[t * count + c]); norms[c] += v * v } }
    return (CentroidMatrix(sums: sums, count: count, dimension: dimension, fallback: nil), norms.map { $0.squareRoot() })
}

/// A member's similarity to its cluster's centre with itself left out: a member is part of the mean
/// it is compared with, which flatters small clusters. `score` is its cosine with the centre and
/// `norm` the length of the cluster's sum (rows are unit vectors).
func leaveOneOut(score: Double, norm: Double) -> Double {
    let dot = score * norm
    let rest = norm * norm - 2 * dot + 1
    return rest > 1e-9 ? (dot - 1) / rest.squareRoot() : 0
}

/// How well mapped papers fit their topics, left out of the centres they are compared with: each
/// sampled paper's score, and each topic's mean (its cohesion). At most 4,000 evenly spaced papers are read.
func mappedFit(_ input: TopicInput, labels: [Int], centres: (centres: CentroidMatrix, norms: [Double]), clusterCount: Int) -> (scores: [Double], cohesion: [Double]) {
    let mapped = input.order.filter { labels[$0] >= 0 }
    let sample = mapped.count <= 4000 ? mapped : (0..<4000).map { mapped[$0 * mapped.count / 4000] }
    var sums = [Double](repeating: 0, count: clusterCount), counts = [Int](repeating: 0, count: clusterCount)
    let scores = sample.map { paper -> Double in
        let c = labels[paper]
        let score = leaveOneOut(score: centres.centres.score(input.inputVectors[paper], cluster: c), norm: centres.norms[c])
        sums[c] += score
        counts[c] += 1
        return score
    }
    return (scores, (0..<clusterCount).filter { counts[$0] > 0 }.map { sums[$0] / Double(counts[$0]) })
}

func nearest(_ vector: SparseVector, _ centres: CentroidMatrix) -> Int {
    var scores = [Float](repeating: 0, count: centres.count)
    centres.scores(vector, into: &scores)
    return scores.indices.max { (scores[$0], $1) < (scores[$1], $0) } ?? 0
}

/// The `q` quantile (0...1) of `values`; 0 for none.
func quantile(_ values: [Double], _ q: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * q))]
}

func median(_ values: [Double]) -> Double { quantile(values, 0.5) }

/// The cosine of two weighted term lists, matched by key.
func termSimilarity(_ a: [(key: String, weight: Double)], _ b: [(key: String, weight: Double)]) -> Double {
    let weightsOfB = Dictionary(b.map { ($0.key, $0.weight) }, uniquingKeysWith: { x, _ in x })
    let dot = a.reduce(0) { $0 + $1.weight * (weightsOfB[$1.key] ?? 0) }
    let norms = (a.reduce(0) { $0 + $1.weight * $1.weight } * b.reduce(0) { $0 + $1.weight * $1.weight }).squareRoot()
    return norms > 0 ? dot / norms : 0
}

extension CentroidMatrix {
    /// The cosine of a vector with one centroid.
    func score(_ vector: SparseVector, cluster: Int) -> Double {
        var sum = 0.0
        for k in vector.indices.indices { sum += vector.values[k] * weight(term: Int(vector.indices[k]), cluster: cluster) }
        return sum
    }

    /// One centroid as a sparse vector.
    func column(_ cluster: Int) -> SparseVector {
        var terms: [Int32] = [], values: [Double] = []
        for term in 0..<dimension {
            let value = weight(term: term, cluster: cluster)
            if value != 0 { terms.append(Int32(term)); values.append(value) }
        }
        return SparseVector(terms: terms, values: values)
    }
}
