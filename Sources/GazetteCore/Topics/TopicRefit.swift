/// Re-clusters from scratch, then carries the map's identities over: a new cluster and a mapped topic
/// that are each other's best match (by shared papers) are the same topic and keep its id and slug;
/// it keeps its name too when they share at least `keepNameOverlap` of the smaller one's papers, and
/// is renamed from its terms otherwise. Other clusters are born; mapped topics left without a match
/// retire into the cluster that took most of their papers.
public func refitTopics(_ papers: [Paper], map: TopicMap, options: TopicOptions = TopicOptions(), analyzer: AnalyzerOptions = AnalyzerOptions(),
                        keepNameOverlap: Double = 0.5, includeRelated: Bool = true) -> (model: TopicModel, map: TopicMap, changes: TopicMapChanges) {
    let input = TopicInput(papers, analyzer: analyzer)
    var changes = TopicMapChanges()
    let hashes = papers.map { placementHash(title: $0.title, abstract: $0.abstract) }
    guard input.count > 0 else { return (input.emptyModel(), TopicMap(topics: map.topics), changes) }
    var warnings: [String] = []
    let fit = fitClusters(input, papers: papers, options: options, warnings: &warnings)
    let k = fit.seedOfCluster.count
    let live = map.liveTopics
    let indexOfID = Dictionary(live.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    // Shared papers of each new cluster and each mapped topic.
    let mappedTopic = papers.map { map.papers[$0.slug].flatMap { indexOfID[$0.topic] } }
    var overlap = [[Int]](repeating: [Int](repeating: 0, count: live.count), count: k)
    var newSize = [Int](repeating: 0, count: k), oldSize = [Int](repeating: 0, count: live.count)
    for (paper, cluster) in fit.inputLabels.enumerated() {
        newSize[cluster] += 1
        if let t = mappedTopic[paper] { overlap[cluster][t] += 1; oldSize[t] += 1 }
    }
    func best(_ values: [Int]) -> Int? {
        guard let top = values.indices.max(by: { (values[$0], $1) < (values[$1], $0) }), values[top] > 0 else { return nil }
        return top
    }
    let bestOld = (0..<k).map { best(overlap[$0]) }
    let bestNew = (0..<live.count).map { t in best((0..<k).map { overlap[$0][t] }) }
    var identities = fit.seedOfCluster.map { ClusterIdentity(name: $0, seed: $0) }
    var continuing: [Int: Int] = [:]   // mapped topic → cluster
    var renamedFrom: [Int: String] = [:]
    // A seed names one cluster only: a continuing topic that was the seed's keeps neither its
    // seed nor (if it is the seed's) its name when the refit gives that seed to another cluster.
    let seedsOfFit = Set(fit.seedOfCluster.compactMap { $0 })
    for c in 0..<k {
        guard let t = bestOld[c], bestNew[t] == c else { continue }
        continuing[t] = c
        let shared = Double(overlap[c][t]) / Double(max(1, min(newSize[c], oldSize[t])))
        let seed = fit.seedOfCluster[c] ?? live[t].seed.flatMap { seedsOfFit.contains($0) ? nil : $0 }
        let nameTaken = fit.seedOfCluster[c] == nil && seedsOfFit.contains(live[t].name)
        let keepsName = shared >= keepNameOverlap && !nameTaken
        identities[c] = ClusterIdentity(id: live[t].id, slug: live[t].slug, name: keepsName ? live[t].name : fit.seedOfCluster[c], seed: seed)
        if !keepsName { renamedFrom[c] = live[t].name }
    }
    var nextID = map.nextID
    for c in 0..<k where identities[c].id == nil {
        identities[c].id = nextID
        nextID += 1
    }
    var model = assembleTopicModel(input, papers: papers, labels: fit.inputLabels, identities: identities,
                                   takenSlugs: Set(map.topics.map(\.slug)), firstNewID: nextID, options: options, warnings: warnings)
    let topicOfID = Dictionary(model.topics.map { ($0.mapID, $0) }, uniquingKeysWith: { a, _ in a })
    for c in 0..<k {
        let topic = topicOfID[identities[c].id!]!
        if let old = renamedFrom[c], old != topic.name { changes.renamed.append((old, topic.name)) }
        if !live.contains(where: { $0.id == topic.mapID }) {
            changes.born.append(.init(name: topic.name, slug: topic.slug, papers: topic.primaryCount, reason: "a group the refit found"))
        }
    }
    // Mapped topics without a match retire into the cluster holding most of their papers.
    let newest = papers.compactMap(\.published).max()
    var retiredEntries = map.retiredTopics
    let publishedCounts = map.paperCounts()
    for (t, topic) in live.enumerated() where continuing[t] == nil {
        let into = best((0..<k).map { overlap[$0][t] }).map { topicOfID[identities[$0].id!]! }
        var entry = topic
        entry.isRetired = true
        entry.successor = into?.mapID
        entry.retiredOn = newest
        entry.retiredPapers = publishedCounts[topic.id] ?? 0
        retiredEntries.append(entry)
        changes.retired.append(.init(name: topic.name, slug: topic.slug, into: into?.name,
                                     reason: "no group of the refit is mostly its papers"))
    }
    let nameOfID = Dictionary(map.topics.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    for paper in input.order {
        guard let placement = map.papers[papers[paper].slug], map.topic(placement.topic)?.isRetired == false else {
            changes.placed += 1
            continue
        }
        let now = model.topics[model.memberships[paper][0].topic]
        if now.mapID == placement.topic { changes.kept += 1 } else {
            changes.moved.append(.init(paper: papers[paper].slug, from: nameOfID[placement.topic] ?? "?", to: now.name))
        }
    }
    let revived = reviveRetired(&model, retired: &retiredEntries, born: Set(changes.born.compactMap { born in model.topics.first { $0.slug == born.slug }?.mapID }))
    for b in changes.born.indices {
        if let topic = model.topics.first(where: { $0.name == changes.born[b].name }), revived.contains(topic.slug) {
            changes.born[b].slug = topic.slug
            changes.born[b].reason += "; it takes back the address of the retired topic of that name"
        }
    }
    if includeRelated { model.related = relatedPapers(in: model, count: options.relatedCount) }
    let recorded = recordTopicMap(model, papers: papers, hashes: hashes, retired: retiredEntries)
    model.retired = retiredTopics(recorded, model: model)
    return (model, recorded, changes)
}
