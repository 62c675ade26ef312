import Foundation

/// Unit-length cluster centroids stored term-major: the weights of one term for every cluster sit
/// side by side, so scoring a sparse document against all centroids is one pass over its terms.
public struct CentroidMatrix: Sendable, Equatable {
    public private(set) var count: Int
    public let dimension: Int
    /// `weights[term * count + cluster]`.
    private(set) var weights: [Float]

    /// An all-zero matrix of `count` centroids.
    public init(count: Int, dimension: Int) {
        self.count = count
        self.dimension = dimension
        weights = [Float](repeating: 0, count: count * dimension)
    }

    /// Centroids from per-cluster sums of member vectors (term-major), each normalised; a cluster
    /// with no weight keeps its column from `fallback`.
    init(sums: [Float], count: Int, dimension: Int, fallback: CentroidMatrix?) {
        self.count = count
        self.dimension = dimension
        weights = sums
        var norms = [Float](repeating: 0, count: count)
        // Unsafe buffers throughout: these passes run over every weight on each Lloyd iteration.
        weights.withUnsafeBufferPointer { w in
            norms.withUnsafeMutableBufferPointer { norms in
                for t in 0..<dimension {
                    let row = w.baseAddress! + t * count
                    for c in 0..<count { norms[c] += row[c] * row[c] }
                }
            }
        }
        let scale = norms.map { $0 > 0 ? 1 / $0.squareRoot() : 0 }
        weights.withUnsafeMutableBufferPointer { w in
            scale.withUnsafeBufferPointer { scale in
                for t in 0..<dimension {
                    let row = w.baseAddress! + t * count
                    for c in 0..<count { row[c] *= scale[c] }
                }
            }
        }
        if let fallback {
            for c in 0..<count where norms[c] == 0 && c < fallback.count { setColumn(c, from: fallback, column: c) }
        }
    }

    /// The weight of `term` in cluster `cluster`.
    public func weight(term: Int, cluster: Int) -> Double { Double(weights[term * count + cluster]) }

    /// Cosine similarity of `vector` with every centroid, written into `scores` (length `count`).
    public func scores(_ vector: SparseVector, into scores: inout [Float]) {
        let k = count
        weights.withUnsafeBufferPointer { w in
            scores.withUnsafeMutableBufferPointer { s in
                let base = UnsafeRawPointer(w.baseAddress!)
                let out = UnsafeMutableRawPointer(s.baseAddress!)
                // 32 clusters at a time, summed in registers rather than loaded and stored for every
                // term. Each cluster still adds its products in term order, so the sums are the same.
                // Offsets wrap rather than trap: a term id times k is within the matrix.
                var c = 0
                while c + 32 <= k {
                    var low = SIMD16<Float>(), high = SIMD16<Float>()
                    for i in vector.indices.indices {
                        let value = Float(vector.values[i])
                        let row = base + (Int(vector.indices[i]) &* k &+ c) &* MemoryLayout<Float>.stride
                        low += value * row.loadUnaligned(as: SIMD16<Float>.self)
                        high += value * row.loadUnaligned(fromByteOffset: 16 * MemoryLayout<Float>.stride, as: SIMD16<Float>.self)
                    }
                    out.storeBytes(of: low, toByteOffset: c * MemoryLayout<Float>.stride, as: SIMD16<Float>.self)
                    out.storeBytes(of: high, toByteOffset: (c + 16) * MemoryLayout<Float>.stride, as: SIMD16<Float>.self)
                    c += 32
                }
                while c + 16 <= k {
                    var sum = SIMD16<Float>()
                    for i in vector.indices.indices {
                        let row = base + (Int(vector.indices[i]) &* k &+ c) &* MemoryLayout<Float>.stride
                        sum += Float(vector.values[i]) * row.loadUnaligned(as: SIMD16<Float>.self)
                    }
                    out.storeBytes(of: sum, toByteOffset: c * MemoryLayout<Float>.stride, as: SIMD16<Float>.self)
                    c += 16
                }
                for rest in c..<k {
                    var sum: Float = 0
                    for i in vector.indices.indices { sum += Float(vector.values[i]) * w[Int(vector.indices[i]) * k + rest] }
                    s[rest] = sum
                }
            }
        }
    }

    /// The weights cluster-major (`[cluster * dimension + term]`): one centroid's weights side by
    /// side, so scoring many vectors against their own centroid reads a small, cached column.
    func clusterMajorWeights() -> [Float] {
        var out = [Float](repeating: 0, count: weights.count)
        let k = count, d = dimension
        weights.withUnsafeBufferPointer { w in
            out.withUnsafeMutableBufferPointer { out in
                // In tiles of 64 terms, so that the writes of one tile stay in cache.
                for tile in stride(from: 0, to: d, by: 64) {
                    let end = min(d, tile + 64)
                    for c in 0..<k { for t in tile..<end { out[c * d + t] = w[t * k + c] } }
                }
            }
        }
        return out
    }

    /// How far each centroid moved from `other`'s (same count and dimension): Euclidean distances.
    func distances(to other: CentroidMatrix) -> [Double] {
        let k = count
        var result = [Double](repeating: 0, count: k)
        weights.withUnsafeBufferPointer { a in
            other.weights.withUnsafeBufferPointer { b in
                result.withUnsafeMutableBufferPointer { result in
                    for t in 0..<dimension {
                        for c in 0..<k {
                            let d = Double(a[t * k + c]) - Double(b[t * k + c])
                            result[c] += d * d
                        }
                    }
                }
            }
        }
        return result.map { $0.squareRoot() }
    }

    /// Cosine similarity of two centroids.
    public func similarity(_ a: Int, _ b: Int) -> Double {
        var sum: Float = 0
        for t in 0..<dimension { sum += weights[t * count + a] * weights[t * count + b] }
        return Double(sum)
    }

    /// Cosine similarity of every pair of centroids in one pass over the terms (a pair at a time
    /// would stride through the whole matrix k² / 2 times): `result[a * count + b]` for a < b.
    /// Each pair is summed in term order, as `similarity(_:_:)` does, so the values are the same.
    func pairwiseSimilarities() -> [Float] {
        let k = count
        var result = [Float](repeating: 0, count: k * k)
        var nonzero = [Int](repeating: 0, count: k)
        weights.withUnsafeBufferPointer { w in
            result.withUnsafeMutableBufferPointer { result in
                for t in 0..<dimension {
                    let row = w.baseAddress! + t * k
                    // A zero weight adds exact zeros: skip it.
                    var m = 0
                    for c in 0..<k where row[c] != 0 { nonzero[m] = c; m += 1 }
                    for i in 0..<m {
                        let a = nonzero[i], wa = row[a]
                        for j in (i + 1)..<max(i + 1, m) { result[a * k + nonzero[j]] += wa * row[nonzero[j]] }
                    }
                }
            }
        }
        return result
    }

    /// Cosine similarity of centroid `a` with every centroid, in one pass over the terms.
    func similarities(of a: Int) -> [Float] {
        let k = count
        var result = [Float](repeating: 0, count: k)
        weights.withUnsafeBufferPointer { w in
            result.withUnsafeMutableBufferPointer { result in
                for t in 0..<dimension {
                    let row = w.baseAddress! + t * k
                    let wa = row[a]
                    if wa != 0 { for c in 0..<k { result[c] += wa * row[c] } }
                }
            }
        }
        return result
    }

    /// Cosine similarity of a centroid and a sparse vector.
    public func similarity(_ cluster: Int, _ vector: SparseVector) -> Double {
        var sum = 0.0
        for i in vector.indices.indices { sum += vector.values[i] * Double(weights[Int(vector.indices[i]) * count + cluster]) }
        return sum
    }

    mutating func setColumn(_ c: Int, from other: CentroidMatrix, column: Int) {
        for t in 0..<dimension { weights[t * count + c] = other.weights[t * other.count + column] }
    }

    /// Sets centroid `c` to the normalised dense vector `vector`.
    mutating func setColumn(_ c: Int, dense vector: [Double]) {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        for t in 0..<dimension { weights[t * count + c] = norm > 0 ? Float(vector[t] / norm) : 0 }
    }

    /// Sets centroid `c` to the (unit) sparse vector `vector`.
    mutating func setColumn(_ c: Int, sparse vector: SparseVector) {
        for t in 0..<dimension { weights[t * count + c] = 0 }
        for i in vector.indices.indices { weights[Int(vector.indices[i]) * count + c] = Float(vector.values[i]) }
    }

    /// The matrix with only the listed centroids, in that order.
    func selecting(_ clusters: [Int]) -> CentroidMatrix {
        var out = CentroidMatrix(count: clusters.count, dimension: dimension)
        for (new, old) in clusters.enumerated() { out.setColumn(new, from: self, column: old) }
        return out
    }

    /// The matrix with one more centroid appended.
    func appending(_ other: CentroidMatrix, column: Int) -> CentroidMatrix {
        var out = CentroidMatrix(count: count + 1, dimension: dimension)
        for c in 0..<count { out.setColumn(c, from: self, column: c) }
        out.setColumn(count, from: other, column: column)
        return out
    }
}

/// The outcome of clustering unit vectors by cosine similarity.
public struct Clustering: Sendable {
    public var centroids: CentroidMatrix
    /// Cluster of each vector.
    public var labels: [Int]
    /// Sum over vectors of the cosine to their centroid: higher is tighter.
    public var objective: Double
}

/// Spherical k-means: k-means++ seeding after any fixed initial centroids, Lloyd iterations on cosine
/// similarity, several restarts keeping the best objective; deterministic for a given seed. Large
/// inputs are fitted on an evenly spaced sample of `sampleSize` vectors, then every vector is
/// assigned and a few Lloyd iterations run on all of them, so the cost stays linear in the input.
public func sphericalKMeans(
    _ vectors: [SparseVector], dimension: Int, k: Int, fixedInitial: [[Double]] = [],
    restarts: Int = 4, maxIterations: Int = 40, seed: UInt64 = 0x6A7E_77E, sampleSize: Int = 8000
) -> Clustering {
    precondition(k >= 1 && !vectors.isEmpty)
    let sample: [SparseVector]
    if vectors.count > sampleSize {
        let step = Double(vectors.count) / Double(sampleSize)
        sample = (0..<sampleSize).map { vectors[Int(Double($0) * step)] }
    } else {
        sample = vectors
    }
    let postings = TermPostings<Double>(sample, dimension: dimension)
    // Restarts are independent: run them side by side, then keep the best in restart order.
    let results = (try? concurrentMap(Array(0..<max(1, restarts))) { restart -> Clustering in
        var random = SeededRandom(seed: seed &+ UInt64(restart) &* 0x1000_0001)
        var centroids = CentroidMatrix(count: k, dimension: dimension)
        let fixed = fixedInitial.prefix(k)
        for (c, vector) in fixed.enumerated() { centroids.setColumn(c, dense: vector) }
        let picks = kMeansPlusPlus(sample, postings: postings, count: k - fixed.count, existing: centroids, existingCount: fixed.count, random: &random)
        for (offset, pick) in picks.enumerated() { centroids.setColumn(fixed.count + offset, sparse: sample[pick]) }
        return lloyd(sample, centroids: centroids, maxIterations: maxIterations)
    }) ?? []
    var best: Clustering?
    for result in results where best == nil || result.objective > best!.objective + 1e-9 { best = result }
    guard sample.count != vectors.count else { return best! }
    return lloyd(vectors, centroids: best!.centroids, maxIterations: 3)
}

/// Assigns every vector to its most similar centroid, in parallel: (labels, objective). The
/// objective is summed in vector order, so it does not depend on the number of threads.
public func assign(_ vectors: [SparseVector], to centroids: CentroidMatrix) -> (labels: [Int], objective: Double) {
    let state = Assignment(vectors, to: centroids)
    return (state.labels, state.objective)
}

/// Each vector's cluster and its similarity to it, with a bound on its similarity to every other
/// cluster so that the next Lloyd iteration can skip the vectors whose cluster cannot change.
struct Assignment {
    var labels: [Int]
    /// Similarity to the own centroid, exactly as a full scoring pass computes it.
    var scores: [Float]
    /// At least the similarity to any other centroid.
    var upper: [Double]

    /// Sum of the own-cluster similarities in vector order.
    var objective: Double { scores.reduce(0) { $0 + Double($1) } }

    /// Scores every vector against every centroid.
    init(_ vectors: [SparseVector], to centroids: CentroidMatrix) {
        self.init(vectors, to: centroids, previous: nil, moved: [])
    }

    /// With `previous` and how far each centroid `moved` since (Euclidean), a vector is scored
    /// against its old cluster only, as long as that similarity still beats the bound on the
    /// others; otherwise against all. Labels and scores are those of a full pass: a centroid that
    /// moved by d changes a unit vector's similarity by at most d, and the margin covers Float
    /// rounding (a 100-term dot product is off by ~1e-5 at most).
    init(_ vectors: [SparseVector], to centroids: CentroidMatrix, previous: Assignment?, moved: [Double]) {
        let k = centroids.count, n = vectors.count
        // The largest move among the other clusters, for each cluster.
        var otherMove = [Double](repeating: 0, count: k)
        if previous != nil, k > 1 {
            let first = moved.indices.max { moved[$0] < moved[$1] }!
            let second = moved.indices.filter { $0 != first }.map { moved[$0] }.max()!
            for c in 0..<k { otherMove[c] = c == first ? second : moved[first] }
        }
        let margin = 1e-3
        let columns = previous == nil ? [] : centroids.clusterMajorWeights()
        let dimension = centroids.dimension
        let previousLabels = previous?.labels ?? [], previousUpper = previous?.upper ?? []
        let chunkCount = max(1, min(n / 256, ProcessInfo.processInfo.activeProcessorCount * 4))
        var labels = [Int](repeating: 0, count: n)
        var scores = [Float](repeating: 0, count: n)
        var upper = [Double](repeating: -.infinity, count: n)
        labels.withUnsafeMutableBufferPointer { labelBuffer in
            scores.withUnsafeMutableBufferPointer { scoreBuffer in
                upper.withUnsafeMutableBufferPointer { upperBuffer in
                    let labels = labelBuffer, bestScores = scoreBuffer, upper = upperBuffer
                    DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                        var all = [Float](repeating: 0, count: k)
                        for index in (chunk * n / chunkCount)..<((chunk + 1) * n / chunkCount) {
                            if !previousLabels.isEmpty {
                                let own = previousLabels[index]
                                let bound = previousUpper[index] + otherMove[own]
                                // Summed in the order and precision of `scores(_:into:)`: the same Float.
                                let vector = vectors[index]
                                var score: Float = 0
                                columns.withUnsafeBufferPointer { columns in
                                    let column = columns.baseAddress! + own * dimension
                                    for i in vector.indices.indices { score += Float(vector.values[i]) * column[Int(vector.indices[i])] }
                                }
                                if Double(score) - bound > margin {
                                    labels[index] = own
                                    bestScores[index] = score
                                    upper[index] = bound
                                    continue
                                }
                            }
                            centroids.scores(vectors[index], into: &all)
                            var best = 0
                            for c in 1..<max(1, k) where all[c] > all[best] { best = c }
                            var runnerUp = -Double.infinity
                            for c in 0..<k where c != best { runnerUp = max(runnerUp, Double(all[c])) }
                            labels[index] = best
                            bestScores[index] = all[best]
                            upper[index] = runnerUp
                        }
                    }
                }
            }
        }
        self.labels = labels
        self.scores = scores
        self.upper = upper
    }
}

/// Per-cluster sums of member vectors, term-major, and the cluster sizes.
func clusterSums(_ vectors: [SparseVector], labels: [Int], k: Int, dimension: Int) -> (sums: [Float], sizes: [Int]) {
    var sums = [Float](repeating: 0, count: k * dimension)
    var sizes = [Int](repeating: 0, count: k)
    sums.withUnsafeMutableBufferPointer { s in
        for (vector, label) in zip(vectors, labels) where label >= 0 {
            sizes[label] += 1
            for i in vector.indices.indices { s[Int(vector.indices[i]) * k + label] += Float(vector.values[i]) }
        }
    }
    return (sums, sizes)
}

/// Runs Lloyd iterations from the given centroids until assignments (nearly) stop changing.
public func lloyd(_ vectors: [SparseVector], centroids start: CentroidMatrix, maxIterations: Int) -> Clustering {
    var centroids = start
    var state = Assignment(vectors, to: centroids)
    for _ in 0..<maxIterations {
        let sums = clusterSums(vectors, labels: state.labels, k: centroids.count, dimension: centroids.dimension)
        let next = CentroidMatrix(sums: sums.sums, count: centroids.count, dimension: centroids.dimension, fallback: centroids)
        let moved = centroids.distances(to: next)
        centroids = next
        let nextState = Assignment(vectors, to: centroids, previous: state, moved: moved)
        let changed = zip(state.labels, nextState.labels).reduce(0) { $0 + ($1.0 != $1.1 ? 1 : 0) }
        state = nextState
        // A thousandth of the papers changing cluster no longer changes the topics.
        if changed * 1000 <= vectors.count { break }
    }
    return Clustering(centroids: centroids, labels: state.labels, objective: state.objective)
}

/// k-means++ on cosine distance: each new seed is a vector drawn with probability proportional to
/// its distance from the nearest seed so far. Returns the chosen vectors' indices. `postings` index
/// `vectors` (built once, shared by restarts).
func kMeansPlusPlus(_ vectors: [SparseVector], postings: TermPostings<Double>, count: Int, existing: CentroidMatrix, existingCount: Int,
                    random: inout SeededRandom) -> [Int] {
    guard count > 0 else { return [] }
    let n = vectors.count
    var distance = [Double](repeating: 1, count: n)
    for c in 0..<existingCount {
        for (i, v) in vectors.enumerated() { distance[i] = min(distance[i], max(0, 1 - existing.similarity(c, v))) }
    }
    var dots = [Double](repeating: 0, count: n)
    var seen = [Bool](repeating: false, count: n)
    var touched: [Int32] = []
    /// Lowers each distance to the distance from vector `pick`. A vector sharing no term with it
    /// has a dot product of 0, distance 1, which never lowers a distance: only the vectors in the
    /// pick's posting lists are visited.
    func update(with pick: Int) {
        touched.removeAll(keepingCapacity: true)
        postings.accumulate(vectors[pick], into: &dots, touched: &touched, seen: &seen)
        for i32 in touched {
            let i = Int(i32)
            distance[i] = min(distance[i], max(0, 1 - dots[i]))
            dots[i] = 0
            seen[i] = false
        }
    }
    var chosen: [Int] = []
    if existingCount == 0 {
        let first = min(n - 1, Int(random.unit() * Double(n)))
        chosen.append(first)
        update(with: first)
    }
    while chosen.count < count {
        let total = distance.reduce(0, +)
        var pick = 0
        if total > 0 {
            var target = random.unit() * total
            for (i, d) in distance.enumerated() {
                pick = i
                target -= d
                if target <= 0 { break }
            }
        } else {
            pick = Int(random.next() % UInt64(n))
        }
        chosen.append(pick)
        update(with: pick)
    }
    return chosen
}

/// Scales a dense vector to unit length (a zero vector stays zero).
func normalize(_ vector: inout [Double]) {
    let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
    if norm > 0 { for i in vector.indices { vector[i] /= norm } }
}
