import XCTest
@testable import GazetteCore

final class RelatedPapersTests: XCTestCase {
    /// Random sparse unit vectors over a small vocabulary, from a fixed seed.
    func randomVectors(count: Int, dimension: Int, seed: UInt64) -> [SparseVector] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in
            let indices = Set((0..<6).map { _ in Int(random.next() % UInt64(dimension)) }).sorted()
            var values = indices.map { _ in random.unit() + 0.1 }
            let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            values = values.map { $0 / norm }
            return SparseVector(indices: indices, values: values)
        }
    }

    func testNeverListsThePaperItself() {
        let vectors = randomVectors(count: 60, dimension: 30, seed: 1)
        let related = relatedPapers(vectors, dimension: 30, count: 5)
        for (paper, list) in related.enumerated() {
            XCTAssertFalse(list.contains { $0.paper == paper })
            XCTAssertLessThanOrEqual(list.count, 5)
        }
    }

    func testScoresAreSymmetric() {
        let vectors = randomVectors(count: 40, dimension: 25, seed: 2)
        let related = relatedPapers(vectors, dimension: 25, count: 39)
        var score: [Int: [Int: Double]] = [:]
        for (a, list) in related.enumerated() { for entry in list { score[a, default: [:]][entry.paper] = entry.score } }
        var checked = 0
        for (a, row) in score {
            for (b, s) in row {
                XCTAssertEqual(score[b]?[a] ?? -1, s, accuracy: 1e-6)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 100)
    }

    func testMatchesBruteForceTopFive() {
        let vectors = randomVectors(count: 80, dimension: 40, seed: 3)
        let related = relatedPapers(vectors, dimension: 40, count: 5)
        for a in vectors.indices {
            var brute: [(paper: Int, score: Double)] = []
            for b in vectors.indices where b != a {
                let score = vectors[a].dot(vectors[b])
                if score > 0 { brute.append((b, score)) }
            }
            brute.sort { $0.score != $1.score ? $0.score > $1.score : $0.paper < $1.paper }
            let expected: [Int] = brute.prefix(5).map { $0.paper }
            XCTAssertEqual(related[a].map { $0.paper }, expected, "paper \(a)")
        }
    }

    func testPruningKeepsTheHeaviestTermsTiesToTheLowerTermInTermOrder() {
        let vector = SparseVector(indices: [1, 3, 4, 7, 8, 9, 12], values: [0.1, 0.5, 0.2, 0.5, 0.9, 0.2, 0.05])
        let pruned = prunedVector(vector, keeping: 4)
        // 0.9 (8), then 0.5 (3 and 7), then 0.2: term 4 before term 9.
        XCTAssertEqual(pruned.indices, [3, 4, 7, 8])
        XCTAssertEqual(pruned.values, [0.5, 0.2, 0.5, 0.9])
        XCTAssertEqual(prunedVector(vector, keeping: 7), vector)
        XCTAssertEqual(prunedVector(vector, keeping: 0).indices, [])
        // Against a plain sort on many random vectors.
        var random = SeededRandom(seed: 11)
        for _ in 0..<200 {
            let terms = Array(Set((0..<60).map { _ in Int(random.next() % 500) })).sorted()
            let values = terms.map { _ in Double(random.next() % 8) / 8 }
            let v = SparseVector(indices: terms, values: values)
            let expected = terms.indices.sorted { (values[$0], -terms[$0]) > (values[$1], -terms[$1]) }.prefix(24).sorted()
            XCTAssertEqual(prunedVector(v, keeping: 24).indices, expected.map { Int32(terms[$0]) })
        }
    }
}
