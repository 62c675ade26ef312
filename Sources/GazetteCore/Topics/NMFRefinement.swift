import Foundation

/// Refines a clustering's centroids by non-negative matrix factorisation: X ≈ W·H, started from the
/// clusters (H from their mean vectors, W from each paper's similarity to them) and improved with
/// Lee and Seung's multiplicative updates for the Frobenius norm. Each returned centroid is a row of
/// H, normalised. On labelled papers, factor rows group papers the way readers do more often than
/// k-means means: a paper is explained as a mix of topics, so a topic's row is not pulled towards
/// the papers that merely touch on it.
///
/// The factorisation runs on at most `sampleLimit` papers (evenly spaced, in the given order) over
/// the terms at least two of them use, and for at most `iterations` rounds, fewer (but at least 5)
/// when the rounds would cost more than `budget` multiply-adds in all; so its cost is bounded
/// whatever the size of the digest.
func nmfCentroids(_ clustering: Clustering, vectors: [SparseVector], iterations: Int = 100, sampleLimit: Int = 600,
                  budget: Double = 2.5e8) -> CentroidMatrix {
    let k = clustering.centroids.count
    let dimension = clustering.centroids.dimension
    guard k > 1, !vectors.isEmpty else { return clustering.centroids }
    let sample: [Int] = vectors.count <= sampleLimit
        ? Array(vectors.indices)
        : (0..<sampleLimit).map { $0 * vectors.count / sampleLimit }

    // Compact term ids: the factor H covers only the terms that at least two papers of the sample
    // use (a term of one paper cannot shape a topic, and the long tail would dominate the cost).
    var uses = [Int32](repeating: 0, count: dimension)
    for d in sample { for t in vectors[d].indices { uses[Int(t)] += 1 } }
    var compact = [Int32](repeating: -1, count: dimension)
    var terms: [Int] = []
    for d in sample {
        for t in vectors[d].indices where compact[Int(t)] < 0 && uses[Int(t)] >= 2 {
            compact[Int(t)] = Int32(terms.count)
            terms.append(Int(t))
        }
    }
    let v = terms.count
    guard v > 0 else { return clustering.centroids }
    let rows = sample.map { d -> (terms: [Int], values: [Float]) in
        let kept = vectors[d].indices.indices.filter { compact[Int(vectors[d].indices[$0])] >= 0 }
        return (kept.map { Int(compact[Int(vectors[d].indices[$0])]) }, kept.map { Float(vectors[d].values[$0]) })
    }
    let n = rows.count
    let nonzeros = rows.reduce(0) { $0 + $1.terms.count }

    // H (term-major, `h[t * k + c]`) starts as each cluster's mean vector.
    var h = [Float](repeating: 0, count: v * k)
    var sizes = [Float](repeating: 0, count: k)
    for (row, d) in zip(rows, sample) {
        let c = clustering.labels[d]
        sizes[c] += 1
        for (t, x) in zip(row.terms, row.values) { h[t * k + c] += x }
    }
    for t in 0..<v { for c in 0..<k { h[t * k + c] = h[t * k + c] / max(1, sizes[c]) + 1e-4 } }
    // W (paper-major, `w[d * k + c]`) starts as each paper's similarity to those means.
    var w = [Float](repeating: 0, count: n * k)
    productXH(rows, h, k: k, into: &w)
    for i in w.indices { w[i] = max(w[i], 0) + 1e-4 }

    // Per round: X·Hᵀ and Wᵀ·X over the nonzeros, two Gram matrices and two k×k products per row.
    let perRound = Double(nonzeros * k * 2 + (n + v) * k * k * 2)
    let rounds = max(5, min(iterations, Int(budget / max(1, perRound))))
    var xh = [Float](repeating: 0, count: n * k)
    for _ in 0..<rounds {
        // H ← H ∘ (WᵀX) / (WᵀW H)
        let wtx = productWtX(rows, w, k: k, terms: v)
        let wtw = gram(w, rows: n, k: k)
        multiplicativeStep(&h, numerator: wtx, gram: wtw, rows: v, k: k)
        // W ← W ∘ (X Hᵀ) / (W H Hᵀ)
        productXH(rows, h, k: k, into: &xh)
        let hht = gram(h, rows: v, k: k)
        multiplicativeStep(&w, numerator: xh, gram: hht, rows: n, k: k)
    }

    // Rows of H back in the full vocabulary, term-major, as centroids.
    var sums = [Float](repeating: 0, count: dimension * k)
    for (compactID, term) in terms.enumerated() {
        for c in 0..<k { sums[term * k + c] = h[compactID * k + c] }
    }
    return CentroidMatrix(sums: sums, count: k, dimension: dimension, fallback: clustering.centroids)
}

/// X·Hᵀ for sparse rows of X and term-major H: one k-vector per row.
private func productXH(_ rows: [(terms: [Int], values: [Float])], _ h: [Float], k: Int, into out: inout [Float]) {
    let parts = concurrentChunks(rows.count, minimumChunk: 128) { range -> [Float] in
        var part = [Float](repeating: 0, count: range.count * k)
        h.withUnsafeBufferPointer { h in
            part.withUnsafeMutableBufferPointer { part in
                for (local, d) in range.enumerated() {
                    let target = part.baseAddress! + local * k
                    for (t, x) in zip(rows[d].terms, rows[d].values) {
                        let source = h.baseAddress! + t * k
                        for c in 0..<k { target[c] += x * source[c] }
                    }
                }
            }
        }
        return part
    }
    out = parts.flatMap { $0 }
}

/// Wᵀ·X, term-major (`[t * k + c]`): partial sums over blocks of a fixed 512 rows, added in block
/// order, so the rounding, and so the topics, do not depend on how many cores the machine has.
private func productWtX(_ rows: [(terms: [Int], values: [Float])], _ w: [Float], k: Int, terms: Int) -> [Float] {
    let blocks = stride(from: 0, to: rows.count, by: 512).map { $0..<min(rows.count, $0 + 512) }
    let parts = ((try? concurrentMap(blocks) { range -> [Float] in
        var part = [Float](repeating: 0, count: terms * k)
        w.withUnsafeBufferPointer { w in
            part.withUnsafeMutableBufferPointer { part in
                for d in range {
                    let weights = w.baseAddress! + d * k
                    for (t, x) in zip(rows[d].terms, rows[d].values) {
                        let target = part.baseAddress! + t * k
                        for c in 0..<k { target[c] += x * weights[c] }
                    }
                }
            }
        }
        return part
    }) ?? [])
    var total = parts[0]
    for part in parts.dropFirst() { for i in total.indices { total[i] += part[i] } }
    return total
}

/// AᵀA for a row-major `rows × k` matrix A: a k×k matrix.
private func gram(_ a: [Float], rows: Int, k: Int) -> [Float] {
    var out = [Float](repeating: 0, count: k * k)
    a.withUnsafeBufferPointer { a in
        out.withUnsafeMutableBufferPointer { out in
            for r in 0..<rows {
                let row = a.baseAddress! + r * k
                for i in 0..<k {
                    let scale = row[i]
                    guard scale != 0 else { continue }
                    let target = out.baseAddress! + i * k
                    for j in 0..<k { target[j] += scale * row[j] }
                }
            }
        }
    }
    return out
}

/// One multiplicative update of a row-major `rows × k` factor F: F ← F ∘ N / (F·G), with G symmetric.
private func multiplicativeStep(_ factor: inout [Float], numerator: [Float], gram g: [Float], rows: Int, k: Int) {
    let updated = concurrentChunks(rows, minimumChunk: 256) { range -> [Float] in
        var part = [Float](repeating: 0, count: range.count * k)
        var denominator = [Float](repeating: 0, count: k)
        // Unsafe buffers: this runs over every row times k² on each round.
        factor.withUnsafeBufferPointer { f in
            numerator.withUnsafeBufferPointer { numerator in
                g.withUnsafeBufferPointer { g in
                    part.withUnsafeMutableBufferPointer { part in
                        denominator.withUnsafeMutableBufferPointer { d in
                            for (local, r) in range.enumerated() {
                                let row = f.baseAddress! + r * k
                                for j in 0..<k { d[j] = 0 }
                                for i in 0..<k where row[i] != 0 {
                                    let scale = row[i], gRow = g.baseAddress! + i * k
                                    for j in 0..<k { d[j] += scale * gRow[j] }
                                }
                                let out = part.baseAddress! + local * k, n = numerator.baseAddress! + r * k
                                for j in 0..<k { out[j] = row[j] * n[j] / (d[j] + 1e-9) }
                            }
                        }
                    }
                }
            }
        }
        return part
    }
    factor = updated.flatMap { $0 }
}
