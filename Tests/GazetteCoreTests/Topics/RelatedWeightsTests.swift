import XCTest
@testable import GazetteCore

/// Related papers' term weights kept with the topic map: a new issue adds related papers where it
/// should, and leaves the similarities between earlier papers as they were.
final class RelatedWeightsTests: XCTestCase {
    let options = TopicInferenceTests.plantedOptions
    let papers = PlantedCorpus.papers()

    func firstBuild() -> (model: TopicModel, map: TopicMap) { PlantedCorpus.firstBuild(papers, options: options) }

    /// `count` astronomy papers that also use words no earlier paper does.
    func added(_ count: Int, prefix: String = "new", seed: UInt64 = 5) -> [Paper] {
        PlantedCorpus.papers(on: PlantedCorpus.themes[0].words + PlantedCorpus.sailing, count: count, prefix: prefix, seed: seed)
    }

    /// The related papers among the first `earlier` papers, in order, with their scores.
    func earlierOnly(_ related: [[RelatedPaper]], _ earlier: Int) -> [[RelatedPaper]] {
        related.prefix(earlier).map { $0.filter { $0.paper < earlier } }
    }

    func testAnIssueLeavesTheSimilaritiesOfEarlierPapersAsTheyWere() {
        let (first, map) = firstBuild()
        let new = added(6)
        let grown = papers + new
        let next = continueTopics(grown, map: map, options: options)
        XCTAssertEqual(next.model.relatedWeights, papers.map { _ in true } + new.map { _ in false })
        // Each earlier paper's list, new papers left out, is the start of its list before, scores and all.
        for (index, (now, before)) in zip(earlierOnly(next.model.related, papers.count), first.related).enumerated() {
            XCTAssertEqual(now, Array(before.prefix(now.count)), papers[index].slug)
        }
        // New papers do join the lists of the earlier papers they resemble.
        XCTAssertTrue(next.model.related.prefix(papers.count).contains { $0.contains { $0.paper >= papers.count } })
        XCTAssertTrue(next.model.related.suffix(new.count).allSatisfy { $0.count == options.relatedCount })
        // With weights taken from every paper, the new papers' words and number would move them.
        var everyPaper = next.model
        everyPaper.relatedWeights = nil
        XCTAssertNotEqual(earlierOnly(relatedPapers(in: everyPaper, count: options.relatedCount), papers.count),
                          earlierOnly(next.model.related, papers.count))
    }

    func testTheMapMarksThePapersAddedSinceTheWeightsWereTakenAndKeepsTheMarks() throws {
        let (_, map) = firstBuild()
        let grown = papers + added(6)
        let next = continueTopics(grown, map: map, options: options)
        XCTAssertEqual(next.map.papers.filter { !$0.value.inWeights }.keys.sorted(), (0..<6).map { "new-\($0)" })
        XCTAssertEqual(TopicMapFile.text(next.map).components(separatedBy: " new\n").count - 1, 6)
        XCTAssertEqual(try TopicMapFile.parse(TopicMapFile.text(next.map), path: "m").papers, next.map.papers)
        // A build of the same papers from that map changes nothing.
        let again = continueTopics(grown, map: next.map, options: options)
        XCTAssertEqual(again.map, next.map)
        XCTAssertEqual(again.model.related, next.model.related)
        XCTAssertEqual(again.model.relatedWeights, next.model.relatedWeights)
    }

    func testWeightsAreTakenAgainFromEveryPaperOnceTheAddedPassTheirShare() {
        let (_, map) = firstBuild()
        // 6 of 45 (13%) keep the weights; 10 more than a fifth of 45 take them again.
        let next = continueTopics(papers + added(6), map: map, options: options)
        let grown = papers + added(6) + added(4, prefix: "later", seed: 9)
        let refreshed = continueTopics(grown, map: next.map, options: options)
        XCTAssertNil(refreshed.model.relatedWeights)
        XCTAssertTrue(refreshed.map.papers.values.allSatisfy(\.inWeights))
        XCTAssertFalse(TopicMapFile.text(refreshed.map).contains(" new\n"))
        // Directly too: 10 added at once.
        XCTAssertNil(continueTopics(papers + added(10), map: map, options: options).model.relatedWeights)
    }

    func testAbsentPapersKeepTheirMarkUntilTheWeightsAreTakenAgain() {
        let (_, map) = firstBuild()
        let new = added(6)
        let next = continueTopics(papers + new, map: map, options: options)
        // Two of the new papers' dump moved away for a while.
        let away = continueTopics(papers + new.prefix(4), map: next.map, options: options)
        XCTAssertEqual(away.map.papers["new-5"]?.inWeights, false)
        XCTAssertEqual(away.map.papers["new-4"]?.inWeights, false)
        XCTAssertEqual(away.model.relatedWeights, papers.map { _ in true } + [false, false, false, false])
        // Enough new papers take the weights again, for the absent ones too.
        let refreshed = continueTopics(papers + new.prefix(4) + added(6, prefix: "later", seed: 9), map: away.map, options: options)
        XCTAssertNil(refreshed.model.relatedWeights)
        XCTAssertEqual(refreshed.map.papers["new-5"]?.inWeights, true)
    }

    func testWeightsFromSomeDocumentsLeaveOutTermsTheyUseLessThanTwice() throws {
        var everyTerm = AnalyzerOptions()
        everyTerm.maxDocumentShare = 1
        let corpus = analyzeCorpus([
            (title: "comet orbit", body: "comet telescope orbit"),
            (title: "comet survey", body: "comet telescope survey"),
            (title: "orbit survey", body: "orbit survey telescope"),
            (title: "harbor sail", body: "harbor sail keel"),
            (title: "harbor keel", body: "harbor sail keel"),
        ], options: everyTerm)
        XCTAssertEqual(tfidfVectors(corpus, weightedBy: [Bool](repeating: true, count: 5), options: everyTerm), tfidfVectors(corpus))
        let counted = [true, true, true, false, false]
        let vectors = tfidfVectors(corpus, weightedBy: counted, options: everyTerm)
        let harbor = Int32(try XCTUnwrap(corpus.termIndex["harbor"]))
        // Harbor is used only by the papers left out: no vector has it, and theirs are empty.
        XCTAssertTrue(vectors.allSatisfy { !$0.indices.contains(harbor) })
        XCTAssertEqual(vectors[3].indices, [])
        // Orbit (in two counted papers) keeps a weight, from three documents, not five.
        let orbit = Int32(try XCTUnwrap(corpus.termIndex["orbit"]))
        XCTAssertTrue(vectors[0].indices.contains(orbit))
        XCTAssertNotEqual(vectors[0], tfidfVectors(corpus)[0])
    }
}
