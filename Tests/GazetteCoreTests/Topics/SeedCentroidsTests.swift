import XCTest
@testable import GazetteCore

final class SeedCentroidsTests: XCTestCase {
    /// Six papers: two titled with "telescope", one using it only in its abstract, three about cooking.
    let documents = [
        (title: "A telescope survey", body: "galaxy orbit telescope"), (title: "Telescope optics", body: "galaxy lens mirror"),
        (title: "Orbit of a comet", body: "galaxy telescope comet"), (title: "Garlic sauce", body: "recipe oven garlic"),
        (title: "Bread dough", body: "recipe oven dough"), (title: "Spice mixes", body: "recipe spice garlic"),
    ]

    func testASeedStartsFromThePapersWhoseTitlesUseItsTerms() {
        let corpus = analyzeCorpus(documents)
        let vectors = tfidfVectors(corpus)
        var warnings: [String] = []
        let starts = seedCentroids([SeedTopic(name: "Astronomy", terms: ["telescope"])], corpus: corpus,
                                   titles: documents.map(\.title), vectors: vectors, warnings: &warnings)
        XCTAssertEqual(starts.count, 1)
        XCTAssertEqual(starts[0].titleMatches, 2, "the third paper has the word in its abstract only")
        // The normalised mean of the first two papers' vectors.
        var expected = [Double](repeating: 0, count: corpus.terms.count)
        for vector in vectors.prefix(2) { for k in vector.indices.indices { expected[Int(vector.indices[k])] += vector.values[k] } }
        let norm = expected.reduce(0) { $0 + $1 * $1 }.squareRoot()
        for t in expected.indices { XCTAssertEqual(starts[0].vector[t], expected[t] / norm, accuracy: 1e-12) }
        XCTAssertTrue(warnings.isEmpty)
    }

    func testASeedNoTitleUsesStartsFromItsTerms() {
        let corpus = analyzeCorpus(documents)
        var warnings: [String] = []
        let starts = seedCentroids([SeedTopic(name: "Cooking", terms: ["recipe", "oven"])], corpus: corpus,
                                   titles: documents.map(\.title), vectors: tfidfVectors(corpus), warnings: &warnings)
        XCTAssertEqual(starts[0].titleMatches, 0)
        let nonzero = starts[0].vector.indices.filter { starts[0].vector[$0] > 0 }
        XCTAssertEqual(nonzero, [corpus.termIndex["recip"]!, corpus.termIndex["oven"]!].sorted())
    }

    func testASeedWithUnknownTermsIsLeftOutWithAWarning() {
        let corpus = analyzeCorpus(documents)
        var warnings: [String] = []
        let starts = seedCentroids([SeedTopic(name: "Sailing", terms: ["boat", "harbour"])], corpus: corpus,
                                   titles: documents.map(\.title), vectors: tfidfVectors(corpus), warnings: &warnings)
        XCTAssertTrue(starts.isEmpty)
        XCTAssertEqual(warnings, ["seed topic \"Sailing\": none of its terms occur in enough papers; ignored"])
    }

    func testTwoSeededTopicsAreNeverMergedEvenWhenAlike() {
        let papers = PlantedCorpus.papers()
        // Two seeds on the same theme: without the rule, their clusters would merge into one.
        var options = TopicOptions(seeds: [SeedTopic(name: "Stars", terms: ["galaxy", "telescope"]),
                                           SeedTopic(name: "Space", terms: ["orbit", "planet"])])
        options.maxTopicShare = 0.4
        options.minTopicSize = 2
        let model = inferTopics(papers, options: options)
        let names = model.topics.map(\.name)
        XCTAssertTrue(names.contains("Stars") && names.contains("Space"), "\(names)")
    }
}

final class SeededOrderTests: XCTestCase {
    func testShuffledInputGivesTheSameSeededTopics() {
        let papers = PlantedCorpus.papers()
        var random = SeededRandom(seed: 5)
        let shuffled = papers.shuffled(using: &random)
        XCTAssertNotEqual(shuffled.map(\.slug), papers.map(\.slug))
        var options = TopicOptions(seeds: [SeedTopic(name: "Astronomy", terms: ["telescope", "galaxy"]),
                                           SeedTopic(name: "Cooking", terms: ["recipe"])])
        options.maxTopicShare = 0.4
        let a = inferTopics(papers, options: options), b = inferTopics(shuffled, options: options)
        XCTAssertEqual(a.topics, b.topics)
        XCTAssertTrue(a.topics.contains { $0.name == "Astronomy" } && a.topics.contains { $0.name == "Cooking" })
        let bySlug = { (model: TopicModel, input: [Paper]) in Dictionary(uniqueKeysWithValues: zip(input.map(\.slug), model.memberships)) }
        XCTAssertEqual(bySlug(a, papers), bySlug(b, shuffled))
    }
}

final class SeedNamingTests: XCTestCase {
    func testASeedWhoseClusterWasFoldedAwayNamesNoOtherTopic() {
        // Two papers about volcanoes among three themes of 15: below min_size, their cluster is folded away.
        let odd = (0..<2).map { i in
            Paper(slug: "odd-\(i)", title: "Volcano and magma \(i)", abstract: "volcano lava magma eruption crater volcano lava magma.")
        }
        var options = TopicOptions(seeds: [SeedTopic(name: "Volcanoes", terms: ["volcano", "magma"])])
        options.maxTopicShare = 0.4
        let model = inferTopics(PlantedCorpus.papers() + odd, options: options)
        XCTAssertFalse(model.topics.contains { $0.name == "Volcanoes" }, "\(model.topics.map(\.name))")
        XCTAssertTrue(model.topics.allSatisfy { $0.primaryCount >= 5 })
    }
}

final class SeedCountTests: XCTestCase {
    func testACountBelowTheSeedsKeepsEverySeedAndSaysSo() {
        var options = TopicOptions(count: 1, seeds: [SeedTopic(name: "Astronomy", terms: ["telescope"]),
                                                     SeedTopic(name: "Cooking", terms: ["recipe"])])
        options.maxTopicShare = 0.6
        let model = inferTopics(PlantedCorpus.papers(), options: options)
        XCTAssertEqual(model.topics.count, 2)
        XCTAssertEqual(model.warnings, ["topics.count is 1, but each of the 2 seed topics keeps a topic of its own: making 2 topics"])
    }
}
