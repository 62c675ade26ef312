import XCTest
@testable import GazetteCore

final class SphericalKMeansTests: XCTestCase {
    /// Unit vectors around `groups` directions with some noise, from a fixed seed.
    static func vectors(count: Int, groups: Int, dimension: Int = 40, seed: UInt64 = 11) -> [SparseVector] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { i in
            let base = (i % groups) * (dimension / groups)
            var weights: [Int: Double] = [:]
            for _ in 0..<6 { weights[base + Int(random.next() % UInt64(dimension / groups)), default: 0] += 1 }
            weights[Int(random.next() % UInt64(dimension)), default: 0] += 0.5
            let indices = weights.keys.sorted()
            let norm = weights.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return SparseVector(indices: indices, values: indices.map { weights[$0]! / norm })
        }
    }

    func testKeepsTheBestRestartInRestartOrder() {
        let vectors = Self.vectors(count: 600, groups: 5)
        let seed: UInt64 = 42
        let combined = sphericalKMeans(vectors, dimension: 40, k: 5, restarts: 3, seed: seed)
        let single = (0..<3).map { r in sphericalKMeans(vectors, dimension: 40, k: 5, restarts: 1, seed: seed &+ UInt64(r) &* 0x1000_0001) }
        var best = single[0]
        for result in single.dropFirst() where result.objective > best.objective + 1e-9 { best = result }
        XCTAssertEqual(combined.labels, best.labels)
        XCTAssertEqual(combined.objective, best.objective)
    }

    func testAssignmentObjectiveIsTheSumOfBestScoresInOrder() {
        let vectors = Self.vectors(count: 2000, groups: 4)
        let clustering = sphericalKMeans(vectors, dimension: 40, k: 4, restarts: 1)
        let (labels, objective) = assign(vectors, to: clustering.centroids)
        var scores = [Float](repeating: 0, count: 4)
        var expected = 0.0
        for (vector, label) in zip(vectors, labels) {
            clustering.centroids.scores(vector, into: &scores)
            XCTAssertEqual(scores[label], scores.max())
            expected += Double(scores[label])
        }
        XCTAssertEqual(objective, expected)
    }

    func testBoundedAssignmentEqualsAFullPassAfterEachLloydStep() {
        let vectors = Self.vectors(count: 1500, groups: 6, seed: 5)
        var centroids = CentroidMatrix(count: 6, dimension: 40)
        for c in 0..<6 { centroids.setColumn(c, sparse: vectors[c * 7]) }
        var state = Assignment(vectors, to: centroids)
        var skippedSome = false, changedSome = false
        for _ in 0..<6 {
            let sums = clusterSums(vectors, labels: state.labels, k: 6, dimension: 40)
            let next = CentroidMatrix(sums: sums.sums, count: 6, dimension: 40, fallback: centroids)
            let bounded = Assignment(vectors, to: next, previous: state, moved: centroids.distances(to: next))
            let full = Assignment(vectors, to: next)
            XCTAssertEqual(bounded.labels, full.labels)
            XCTAssertEqual(bounded.scores, full.scores)
            changedSome = changedSome || bounded.labels != state.labels
            // A skipped vector keeps a looser bound than the full pass's runner-up score.
            skippedSome = skippedSome || zip(bounded.upper, full.upper).contains { $0 > $1 }
            state = bounded
            centroids = next
        }
        XCTAssertTrue(changedSome)
        XCTAssertTrue(skippedSome)
    }

    func testClusterMajorWeightsAreTheTransposeAcrossTiles() {
        var matrix = CentroidMatrix(count: 3, dimension: 130)
        for c in 0..<3 { matrix.setColumn(c, dense: (0..<130).map { Double(($0 * 7 + c * 13) % 11) }) }
        let columns = matrix.clusterMajorWeights()
        for c in 0..<3 { for t in 0..<130 { XCTAssertEqual(Double(columns[c * 130 + t]), matrix.weight(term: t, cluster: c)) } }
    }

    func testCentroidDistancesAreEuclideanPerColumn() {
        var a = CentroidMatrix(count: 2, dimension: 3), b = CentroidMatrix(count: 2, dimension: 3)
        a.setColumn(0, dense: [1, 0, 0])
        b.setColumn(0, dense: [0, 1, 0])
        a.setColumn(1, dense: [0, 0, 1])
        b.setColumn(1, dense: [0, 0, 1])
        let d = a.distances(to: b)
        XCTAssertEqual(d[0], 2.0.squareRoot(), accuracy: 1e-9)
        XCTAssertEqual(d[1], 0)
    }

    func testPairwiseSimilaritiesMatchOnePairAtATime() {
        let vectors = Self.vectors(count: 300, groups: 6)
        let centroids = sphericalKMeans(vectors, dimension: 40, k: 6, restarts: 1).centroids
        let pairwise = centroids.pairwiseSimilarities()
        for a in 0..<6 {
            let ofA = centroids.similarities(of: a)
            for b in 0..<6 {
                XCTAssertEqual(Double(ofA[b]), centroids.similarity(min(a, b), max(a, b)))
                if a < b { XCTAssertEqual(Double(pairwise[a * 6 + b]), centroids.similarity(a, b)) }
            }
        }
    }
}
