import XCTest
@testable import GazetteCore

final class TopicInferenceTests: XCTestCase {
    /// Three equal themes hold a third of the papers each, above the default 25% cap on a topic's
    /// share (which would split them); the cap is lifted so the themes can stand as they are.
    static let plantedOptions: TopicOptions = {
        var options = TopicOptions()
        options.maxTopicShare = 0.4
        return options
    }()

    func testRecoversThreePlantedThemesAsThreeTopics() {
        let papers = PlantedCorpus.papers()
        let model = inferTopics(papers, options: Self.plantedOptions)
        XCTAssertEqual(model.topics.count, 3)
        // Every topic's main papers come from one theme, and every theme has one topic.
        var themeOfTopic: [Int: Int] = [:]
        for (index, memberships) in model.memberships.enumerated() {
            let topic = memberships[0].topic
            if let theme = themeOfTopic[topic] {
                XCTAssertEqual(theme, PlantedCorpus.theme(of: index), "paper \(index) misfiled")
            } else {
                themeOfTopic[topic] = PlantedCorpus.theme(of: index)
            }
        }
        XCTAssertEqual(Set(themeOfTopic.values), [0, 1, 2])
    }

    func testTopicsAreNamedFromTheirThemesWords() {
        let model = inferTopics(PlantedCorpus.papers(), options: Self.plantedOptions)
        XCTAssertEqual(model.topics.count, 3)
        for topic in model.topics {
            let words = topic.terms[0].label.split(separator: " ").map(String.init)
            let theme = PlantedCorpus.themes.first { theme in words.allSatisfy { theme.words.contains($0) } }
            XCTAssertNotNil(theme, "top term \(topic.terms[0].label) of \(topic.name)")
            // The name is made of the theme's own words (a phrase or two of its words).
            let nameWords = topic.name.lowercased().split(separator: " ").map(String.init).filter { $0 != "and" }
            XCTAssertTrue(nameWords.allSatisfy { theme?.words.contains($0) == true }, topic.name)
            XCTAssertNil(nameShapeProblem(topic.name), topic.name)
            XCTAssertLessThanOrEqual(topic.terms.count, 10)
        }
    }

    func testSameInputGivesTheSameTopicsAndAssignments() {
        let papers = PlantedCorpus.papers()
        let a = inferTopics(papers), b = inferTopics(papers)
        XCTAssertEqual(a.topics, b.topics)
        XCTAssertEqual(a.memberships, b.memberships)
        XCTAssertEqual(a.related, b.related)
    }

    func testShuffledInputGivesTheSameResult() {
        let papers = PlantedCorpus.papers()
        var random = SeededRandom(seed: 99)
        let shuffled = papers.shuffled(using: &random)
        XCTAssertNotEqual(shuffled.map(\.slug), papers.map(\.slug))
        let a = inferTopics(papers), b = inferTopics(shuffled)
        XCTAssertEqual(a.topics, b.topics)
        func bySlug(_ model: TopicModel, _ input: [Paper]) -> [String: [TopicMembership]] {
            Dictionary(uniqueKeysWithValues: zip(input.map(\.slug), model.memberships))
        }
        XCTAssertEqual(bySlug(a, papers), bySlug(b, shuffled))
        func relatedBySlug(_ model: TopicModel, _ input: [Paper]) -> [String: [String]] {
            Dictionary(uniqueKeysWithValues: zip(input.map(\.slug), model.related.map { $0.map { input[$0.paper].slug } }))
        }
        XCTAssertEqual(relatedBySlug(a, papers), relatedBySlug(b, shuffled))
    }

    func testModelRowsAndVectorsAreThoseOfEachInputPaper() {
        var random = SeededRandom(seed: 7)
        let papers = PlantedCorpus.papers().shuffled(using: &random)
        let model = inferTopics(papers, includeRelated: false)
        let corpus = analyzeCorpus(papers.map { (title: $0.title, body: latexFree($0.abstract ?? "")) })
        XCTAssertEqual(model.corpus.documents.count, papers.count)
        for index in papers.indices {
            XCTAssertEqual(model.corpus.documents[index].map(\.term), corpus.documents[index].map(\.term), "paper \(index)")
            XCTAssertEqual(model.corpus.documents[index].map(\.count), corpus.documents[index].map(\.count), "paper \(index)")
        }
        XCTAssertEqual(model.vectors, tfidfVectors(corpus))
    }

    func testSeedTopicsNameTheClustersTheyMatch() {
        var options = Self.plantedOptions
        options.seeds = [
            SeedTopic(name: "Kitchen science", terms: ["recipe", "garlic sauce", "oven"]),
            SeedTopic(name: "Unknown", terms: ["zeppelin"]),
        ]
        let model = inferTopics(PlantedCorpus.papers(), options: options)
        let seeded = model.topics.first { $0.name == "Kitchen science" }
        XCTAssertNotNil(seeded)
        XCTAssertEqual(seeded?.seedName, "Kitchen science")
        XCTAssertTrue(seeded?.terms.prefix(10).contains { ["recipe", "garlic", "oven", "sauce"].contains($0.label) } ?? false)
        XCTAssertTrue(model.warnings.contains { $0.contains("Unknown") }, "a seed whose terms never occur is reported")
    }

    func testConfiguredCountIsRespected() {
        let model = inferTopics(PlantedCorpus.papers(), options: TopicOptions(count: 5))
        XCTAssertEqual(model.topics.count, 5)
    }

    func testEachPaperHasOnePrimaryTopicFirstAndAtMostTwoMore() {
        let model = inferTopics(PlantedCorpus.papers())
        for memberships in model.memberships {
            XCTAssertTrue(memberships[0].isPrimary)
            XCTAssertLessThanOrEqual(memberships.count, 3)
            XCTAssertEqual(memberships.filter(\.isPrimary).count, 1)
            XCTAssertFalse(memberships[0].becauseOf.isEmpty, "each membership is explained by terms")
            XCTAssertEqual(Set(memberships.map(\.topic)).count, memberships.count)
        }
    }

    func testTopicSizesCountPrimaryAndSecondaryPapers() {
        let model = inferTopics(PlantedCorpus.papers())
        for topic in model.topics {
            XCTAssertEqual(topic.primaryCount, model.memberships.filter { $0[0].topic == topic.id }.count)
            XCTAssertEqual(topic.size, model.memberships.filter { $0.contains { $0.topic == topic.id } }.count)
        }
    }

    func testDefaultCapSplitsTopicsHoldingMoreThanAQuarter() {
        let model = inferTopics(PlantedCorpus.papers())
        let n = Double(model.memberships.count)
        for topic in model.topics { XCTAssertLessThanOrEqual(Double(topic.primaryCount), (0.25 * n).rounded(.up), topic.name) }
    }

    func testNoPapersGiveNoTopics() {
        let model = inferTopics([])
        XCTAssertTrue(model.topics.isEmpty)
        XCTAssertTrue(model.memberships.isEmpty)
    }

    func testStrongestTopicsAreTheBestOthersWithTiesToTheLowerTopic() {
        let scores: [Float] = [0.5, 0.9, 0.5, 0.9, 0.1, 0.7]
        let best = strongestTopics(scores, count: 2, excluding: 1)
        XCTAssertEqual(best.map(\.topic), [3, 5])
        XCTAssertEqual(strongestTopics(scores, count: 3, excluding: 3).map(\.topic), [1, 5, 0])
        XCTAssertEqual(strongestTopics([0.2], count: 2, excluding: 0).count, 0)
    }

    func testExplainingTermsAreThePapersStrongestContributionsTiesToTheLowerTermShownAlphabetically() {
        let words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"]
        let corpus = AnalyzedCorpus(terms: words.map { Term(key: $0, label: $0, documentFrequency: 2, isPhrase: false) },
                                    documents: [], termIndex: [:])
        var centroids = CentroidMatrix(count: 1, dimension: words.count)
        centroids.setColumn(0, dense: [1, 1, 1, 1, 1, 1, 0])
        let vector = SparseVector(indices: [0, 1, 2, 3, 4, 5, 6], values: [0.1, 0.3, 0.3, 0.05, 0.2, 0.4, 0.9])
        XCTAssertEqual(explainingTerms(vector, cluster: 0, centroids: centroids, corpus: corpus),
                       ["alpha", "beta", "epsilon", "gamma", "zeta"])
        // zeta is strongest; beta and gamma tie for second, and the lower term wins.
        XCTAssertEqual(explainingTerms(vector, cluster: 0, centroids: centroids, corpus: corpus, limit: 2), ["beta", "zeta"])
    }

    func testLatexFreeCleansOnlyTextThatNeedsIt() {
        XCTAssertEqual(latexFree("plain abstract, 100% text"), "plain abstract, 100% text")
        let latex = "We use \\textit{in-context} learning with ``quotes'' and 5\\% more"
        XCTAssertEqual(latexFree(latex), cleanLatex(latex, markdown: false))
        XCTAssertFalse(latexFree(latex).contains("textit"))
    }
}

final class FixedTopicCountTests: XCTestCase {
    func testAFixedCountKeepsEveryTopicAtTheMinimumSize() {
        // Three themes of 20 papers and two odd papers of their own: k-means gives the pair a cluster.
        let odd = (0..<2).map { i in
            Paper(slug: "odd-\(i)", title: "Volcano and magma \(i)", abstract: "volcano lava magma eruption crater volcano lava magma.")
        }
        let papers = PlantedCorpus.papers(perTheme: 20) + odd
        for count in [4, 6] {
            var options = TopicOptions(count: count)
            options.minTopicSize = 5
            let model = inferTopics(papers, options: options)
            XCTAssertEqual(model.topics.count, count, "count \(count)")
            for topic in model.topics { XCTAssertGreaterThanOrEqual(topic.primaryCount, 5, "count \(count): \(topic.name)") }
        }
    }
}
