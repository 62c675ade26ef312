import XCTest
@testable import GazetteCore

final class NMFRefinementTests: XCTestCase {
    func testFactorRowsRecoverThemesFromAPoorStart() {
        let papers = PlantedCorpus.papers(perTheme: 30)
        let corpus = analyzeCorpus(papers.map { (title: $0.title, body: $0.abstract ?? "") })
        let vectors = tfidfVectors(corpus)
        // A start that mixes the themes: each cluster holds two thirds of one theme and a sixth of each other.
        let labels = vectors.indices.map { i in i % 6 < 4 ? PlantedCorpus.theme(of: i) : (PlantedCorpus.theme(of: i) + 1) % 3 }
        let (sums, _) = clusterSums(vectors, labels: labels, k: 3, dimension: corpus.terms.count)
        let start = Clustering(centroids: CentroidMatrix(sums: sums, count: 3, dimension: corpus.terms.count, fallback: nil),
                               labels: labels, objective: 0)
        let refined = nmfCentroids(start, vectors: vectors)
        let assigned = assign(vectors, to: refined).labels
        // Every cluster now holds one theme only.
        for c in 0..<3 {
            let themes = Set(assigned.indices.filter { assigned[$0] == c }.map { PlantedCorpus.theme(of: $0) })
            XCTAssertEqual(themes.count, 1, "cluster \(c): \(themes)")
        }
        XCTAssertEqual(Set(assigned), [0, 1, 2])
    }

    func testRefinementIsDeterministicAndGivesUnitCentroids() {
        let papers = PlantedCorpus.papers(perTheme: 20)
        let corpus = analyzeCorpus(papers.map { (title: $0.title, body: $0.abstract ?? "") })
        let vectors = tfidfVectors(corpus)
        let start = sphericalKMeans(vectors, dimension: corpus.terms.count, k: 4, restarts: 1)
        let a = nmfCentroids(start, vectors: vectors), b = nmfCentroids(start, vectors: vectors)
        XCTAssertEqual(a, b)
        for c in 0..<a.count {
            let norm = (0..<a.dimension).reduce(0.0) { $0 + a.weight(term: $1, cluster: c) * a.weight(term: $1, cluster: c) }
            XCTAssertEqual(norm, 1, accuracy: 1e-4)
        }
    }

    func testASampleBoundsTheWorkOnLargeInputs() {
        let papers = PlantedCorpus.papers(perTheme: 40)
        let corpus = analyzeCorpus(papers.map { (title: $0.title, body: $0.abstract ?? "") })
        let vectors = tfidfVectors(corpus)
        let start = sphericalKMeans(vectors, dimension: corpus.terms.count, k: 3, restarts: 1)
        // Factorising 30 evenly spaced papers still separates the three themes for all 120.
        let refined = nmfCentroids(start, vectors: vectors, sampleLimit: 30)
        let assigned = assign(vectors, to: refined).labels
        for c in 0..<3 {
            XCTAssertEqual(Set(assigned.indices.filter { assigned[$0] == c }.map { PlantedCorpus.theme(of: $0) }).count, 1)
        }
    }
}
