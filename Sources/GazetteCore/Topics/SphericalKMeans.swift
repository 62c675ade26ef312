/// The outcome of clustering unit vectors by cosine similarity.
public struct Clustering: Sendable {
    /// Unit-length centroids, each dense over the vocabulary.
    public var centroids: [[Double]]
    /// Cluster of each vector.
    public var labels: [Int]
    /// Sum over vectors of the cosine to their centroid: higher is tighter.
    public var objective: Double
}

/// Spherical k-means: k-means++ seeding (after any fixed initial centroids), Lloyd iterations on
/// cosine similarity, several restarts keeping the best objective. Deterministic for a given seed.
public func sphericalKMeans(
    _ vectors: [SparseVector], dimension: Int, k: Int, fixedInitial: [[Double]] = [],
    restarts: Int = 4, maxIterations: Int = 40, seed: UInt64 = 0x6A7E_77E
) -> Clustering {
    precondition(k >= 1 && !vectors.isEmpty)
    var best: Clustering?
    for restart in 0..<max(1, restarts) {
        var random = SeededRandom(seed: seed &+ UInt64(restart) &* 0x1000_0001)
        var centroids = Array(fixedInitial.prefix(k))
        centroids += kMeansPlusPlus(vectors, dimension: dimension, count: k - centroids.count, existing: centroids, random: &random)
        let result = lloyd(vectors, dimension: dimension, centroids: centroids, maxIterations: maxIterations)
        if best == nil || result.objective > best!.objective + 1e-12 { best = result }
    }
    return best!
}

/// Runs Lloyd iterations from the given centroids until assignments stop changing.
public func lloyd(_ vectors: [SparseVector], dimension: Int, centroids start: [[Double]], maxIterations: Int) -> Clustering {
    var centroids = start
    let k = centroids.count
    var labels = [Int](repeating: -1, count: vectors.count)
    var objective = 0.0
    for _ in 0..<maxIterations {
        var changed = false
        objective = 0
        for (index, vector) in vectors.enumerated() {
            var bestCluster = 0
            var bestScore = -Double.infinity
            for c in 0..<k {
                let score = vector.dot(centroids[c])
                if score > bestScore + 1e-12 { bestScore = score; bestCluster = c }
            }
            objective += bestScore
            if labels[index] != bestCluster { labels[index] = bestCluster; changed = true }
        }
        if !changed { break }
        centroids = computeCentroids(vectors, labels: labels, k: k, dimension: dimension, previous: centroids)
    }
    return Clustering(centroids: centroids, labels: labels, objective: objective)
}

/// Mean direction of each cluster's members, normalised; an empty cluster keeps its old centroid.
public func computeCentroids(_ vectors: [SparseVector], labels: [Int], k: Int, dimension: Int, previous: [[Double]]) -> [[Double]] {
    var sums = [[Double]](repeating: [Double](repeating: 0, count: dimension), count: k)
    var counts = [Int](repeating: 0, count: k)
    for (vector, label) in zip(vectors, labels) where label >= 0 {
        counts[label] += 1
        for i in vector.indices.indices { sums[label][vector.indices[i]] += vector.values[i] }
    }
    for c in 0..<k {
        if counts[c] == 0 { sums[c] = previous[c]; continue }
        normalize(&sums[c])
    }
    return sums
}

func normalize(_ vector: inout [Double]) {
    let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
    if norm > 0 { for i in vector.indices { vector[i] /= norm } }
}

func dense(_ vector: SparseVector, dimension: Int) -> [Double] {
    var out = [Double](repeating: 0, count: dimension)
    for i in vector.indices.indices { out[vector.indices[i]] = vector.values[i] }
    return out
}

/// k-means++ on cosine distance: each new seed is drawn with probability proportional to its
/// distance from the nearest seed so far.
func kMeansPlusPlus(_ vectors: [SparseVector], dimension: Int, count: Int, existing: [[Double]], random: inout SeededRandom) -> [[Double]] {
    guard count > 0 else { return [] }
    var chosen: [[Double]] = []
    var distance = [Double](repeating: 1, count: vectors.count)
    for centroid in existing {
        for (i, v) in vectors.enumerated() { distance[i] = min(distance[i], max(0, 1 - v.dot(centroid))) }
    }
    if existing.isEmpty {
        let first = Int(random.unit() * Double(vectors.count))
        chosen.append(dense(vectors[min(first, vectors.count - 1)], dimension: dimension))
        for (i, v) in vectors.enumerated() { distance[i] = min(distance[i], max(0, 1 - v.dot(chosen[0]))) }
    }
    while chosen.count < count {
        let total = distance.reduce(0, +)
        var pick = 0
        if total > 0 {
            var target = random.unit() * total
            for (i, d) in distance.enumerated() {
                target -= d
                if target <= 0 { pick = i; break }
                pick = i
            }
        } else {
            pick = Int(random.unit() * Double(vectors.count)) % vectors.count
        }
        let centroid = dense(vectors[pick], dimension: dimension)
        chosen.append(centroid)
        for (i, v) in vectors.enumerated() { distance[i] = min(distance[i], max(0, 1 - v.dot(centroid))) }
    }
    return chosen
}
