import XCTest
@testable import GazetteCore

/// `continueTopics`: a kept topic map carried on to a grown or edited digest, by `ContinuityRules`.
final class TopicContinuityTests: XCTestCase {
    let options = TopicInferenceTests.plantedOptions
    let papers = PlantedCorpus.papers()

    /// The planted digest's topics, and the map a first build records from them.
    func firstBuild() -> (model: TopicModel, map: TopicMap) { PlantedCorpus.firstBuild(papers, options: options) }

    /// The map id of the topic holding each paper first, by slug.
    func topicIDs(_ model: TopicModel, _ input: [Paper]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: zip(input.map(\.slug), model.memberships.map { model.topics[$0[0].topic].mapID }))
    }

    func topic(_ model: TopicModel, id: Int) -> Topic? { model.topics.first { $0.mapID == id } }

    func testContinuingOnTheSamePapersChangesNothing() throws {
        let (first, map) = firstBuild()
        XCTAssertEqual(first.topics.count, 3)
        XCTAssertEqual(first.topics.map(\.mapID).sorted(), [1, 2, 3])
        let next = continueTopics(papers, map: map, options: options)
        XCTAssertEqual(next.model.topics, first.topics, "names, slugs, map ids, terms and sizes")
        XCTAssertEqual(next.model.memberships, first.memberships)
        XCTAssertEqual(next.model.related, first.related)
        XCTAssertEqual(next.map, map)
        XCTAssertEqual(TopicMapFile.text(next.map), TopicMapFile.text(map))
        XCTAssertEqual(next.changes.kept, papers.count)
        XCTAssertEqual(next.changes.placed, 0)
        XCTAssertTrue(next.changes.isEmpty, next.changes.report())
        XCTAssertTrue(next.model.retired.isEmpty)
        // And once more from the map just recorded.
        XCTAssertEqual(continueTopics(papers, map: next.map, options: options).map, map)
    }

    func testNewPapersJoinTheTopicTheyResembleAndMappedPapersStay() {
        let (first, map) = firstBuild()
        let before = topicIDs(first, papers)
        let astronomy = before["paper-0"]!
        let added = PlantedCorpus.papers(on: PlantedCorpus.themes[0].words, count: 6, prefix: "new-star", seed: 31)
        let grown = papers + added
        let next = continueTopics(grown, map: map, options: options)
        let after = topicIDs(next.model, grown)
        for paper in papers { XCTAssertEqual(after[paper.slug], before[paper.slug], paper.slug) }
        for paper in added { XCTAssertEqual(after[paper.slug], astronomy, paper.slug) }
        XCTAssertEqual(next.model.topics.map(\.name).sorted(), first.topics.map(\.name).sorted())
        XCTAssertEqual(next.changes.kept, papers.count)
        XCTAssertEqual(next.changes.placed, added.count)
        XCTAssertTrue(next.changes.isEmpty, next.changes.report())
        XCTAssertEqual(next.map.papers.count, grown.count)
        XCTAssertEqual(next.map.papers["new-star-0"]?.topic, astronomy)
    }

    func testAPaperWhoseTextChangedIsPlacedAgain() {
        let (first, map) = firstBuild()
        let cooking = topicIDs(first, papers)["paper-1"]!
        XCTAssertNotEqual(topicIDs(first, papers)["paper-0"], cooking)
        var edited = papers
        // paper-0 was about astronomy; its corrected text is about cooking.
        let rewritten = PlantedCorpus.papers(on: PlantedCorpus.themes[1].words, count: 1, prefix: "x", seed: 5)[0]
        edited[0].title = rewritten.title
        edited[0].abstract = rewritten.abstract
        let next = continueTopics(edited, map: map, options: options)
        XCTAssertEqual(topicIDs(next.model, edited)["paper-0"], cooking)
        XCTAssertEqual(next.changes.placed, 1)
        XCTAssertEqual(next.changes.kept, papers.count - 1)
        XCTAssertEqual(next.map.papers["paper-0"], TopicMap.Placement(topic: cooking, textHash: placementHash(title: rewritten.title, abstract: rewritten.abstract)))
    }

    func testAMappedPaperKeepsItsTopicEvenWhereTheTextAloneWouldPlaceItElsewhere() {
        // The map (a maintainer's word) files paper-0, an astronomy paper, under cooking: it stays there.
        let (first, map) = firstBuild()
        let cooking = topicIDs(first, papers)["paper-1"]!
        var moved = map
        moved.papers["paper-0"]!.topic = cooking
        let next = continueTopics(papers, map: moved, options: options)
        XCTAssertEqual(topicIDs(next.model, papers)["paper-0"], cooking)
        XCTAssertEqual(next.changes.kept, papers.count)
    }

    func testARenamedTopicKeepsItsSlugAndShowsTheNewName() throws {
        let (first, map) = firstBuild()
        let astronomy = first.topics[first.memberships[0][0].topic]
        var edited = map
        let index = try XCTUnwrap(edited.topics.firstIndex { $0.id == astronomy.mapID })
        edited.topics[index].name = "Star gazing"
        let next = continueTopics(papers, map: edited, options: options)
        let renamed = try XCTUnwrap(topic(next.model, id: astronomy.mapID))
        XCTAssertEqual(renamed.name, "Star gazing")
        XCTAssertEqual(renamed.slug, astronomy.slug)
        XCTAssertNotEqual(astronomy.name, "Star gazing")
        XCTAssertEqual(next.map.topic(astronomy.mapID)?.name, "Star gazing")
        XCTAssertEqual(topicIDs(next.model, papers), topicIDs(first, papers))
    }

    /// The planted digest grown by 15 papers on sailing, a subject no topic covers.
    var sailing: [Paper] { PlantedCorpus.papers(on: PlantedCorpus.sailing, count: 15, prefix: "voyage", seed: 41) }

    func testAFixedTopicCountKeepsTheTopicsAsTheyAre() {
        var fixed = options
        fixed.count = 3
        let (first, map) = firstBuild()
        let next = continueTopics(papers + sailing, map: map, options: fixed)
        XCTAssertEqual(next.model.topics.map(\.mapID).sorted(), first.topics.map(\.mapID).sorted(), "no birth while topics.count is fixed")
        XCTAssertTrue(next.changes.born.isEmpty && next.changes.retired.isEmpty, next.changes.report())
        XCTAssertEqual(next.changes.placed, sailing.count)
    }

    func testNewPapersOnANewSubjectFoundANewTopic() throws {
        let (first, map) = firstBuild()
        let grown = papers + sailing
        let next = continueTopics(grown, map: map, options: options)
        XCTAssertEqual(next.model.topics.count, 4)
        let born = try XCTUnwrap(next.model.topics.first { $0.mapID == map.nextID })
        XCTAssertFalse(map.topics.contains { $0.slug == born.slug }, born.slug)
        let after = topicIDs(next.model, grown)
        for paper in sailing { XCTAssertEqual(after[paper.slug], born.mapID, paper.slug) }
        let before = topicIDs(first, papers)
        for paper in papers { XCTAssertEqual(after[paper.slug], before[paper.slug], paper.slug) }
        XCTAssertEqual(next.changes.born.count, 1)
        XCTAssertEqual(next.changes.born.first?.slug, born.slug)
        XCTAssertEqual(next.changes.born.first?.name, born.name)
        XCTAssertEqual(next.changes.born.first?.papers, sailing.count)
        XCTAssertTrue(next.changes.moved.isEmpty)
        XCTAssertEqual(next.map.topic(born.mapID)?.slug, born.slug)
    }

    func testOrdinaryNewPapersInTheSameIssueDoNotKeepANewSubjectFromBeingBorn() throws {
        // Some of the new papers on music fit it less well than most mapped papers do theirs, so they
        // are candidates too; they must not dilute the sailing group below a topic's cohesion.
        let (first, map) = firstBuild()
        let music = topicIDs(first, papers)["paper-2"]!
        let tunes = PlantedCorpus.papers(on: PlantedCorpus.themes[2].words, count: 4, prefix: "new-tune", seed: 8)
        let grown = papers + sailing + tunes
        let next = continueTopics(grown, map: map, options: options)
        let born = try XCTUnwrap(topic(next.model, id: map.nextID), "\(next.model.topics.map(\.name))")
        let after = topicIDs(next.model, grown)
        for paper in sailing { XCTAssertEqual(after[paper.slug], born.mapID, paper.slug) }
        for paper in tunes { XCTAssertEqual(after[paper.slug], music, paper.slug) }
        XCTAssertEqual(next.changes.born.map(\.papers), [sailing.count])
    }

    func testABornTopicNeverTakesARetiredTopicsSlugOrId() throws {
        let (_, map) = firstBuild()
        let grown = papers + sailing
        let unhindered = try XCTUnwrap(continueTopics(grown, map: map, options: options).model.topics.first { $0.mapID == map.nextID })
        // The same slug was once another topic's (another name), retired since: the new topic must get another.
        var withRetired = map
        withRetired.topics.append(TopicMap.Entry(id: 9, slug: unhindered.slug, name: "Old voyages", isRetired: true, successor: 1))
        let next = continueTopics(grown, map: withRetired, options: options)
        let born = try XCTUnwrap(next.model.topics.first { $0.mapID == 10 }, "\(next.model.topics.map(\.mapID))")
        XCTAssertNotEqual(born.slug, unhindered.slug)
        XCTAssertFalse(withRetired.topics.contains { $0.slug == born.slug }, born.slug)
        XCTAssertFalse(next.model.topics.contains { $0.slug == unhindered.slug })
        XCTAssertEqual(next.map.topic(9)?.isRetired, true, "the retired entry is kept")
        XCTAssertEqual(next.model.retired.map(\.slug), [unhindered.slug])
    }

    func testABornTopicWithARetiredTopicsNameTakesItBack() throws {
        let (_, map) = firstBuild()
        let grown = papers + sailing
        let unhindered = try XCTUnwrap(continueTopics(grown, map: map, options: options).model.topics.first { $0.mapID == map.nextID })
        var withRetired = map
        withRetired.topics.append(TopicMap.Entry(id: 9, slug: "voyages", name: unhindered.name, isRetired: true, successor: 1))
        let next = continueTopics(grown, map: withRetired, options: options)
        let revived = try XCTUnwrap(next.model.topics.first { $0.mapID == 9 }, "\(next.model.topics.map(\.mapID))")
        XCTAssertEqual(revived.slug, "voyages")
        XCTAssertTrue(next.model.retired.isEmpty)
        XCTAssertEqual(next.map.topic(9)?.isRetired, false)
        XCTAssertEqual(next.changes.born.map(\.slug), ["voyages"])
    }

    func testATopicGrownFarPastMaxShareSplitsAndTheHalfWithItsMappedPapersKeepsItsIdentity() throws {
        // Astronomy holds 8 papers on sailing and takes 4 more: 27 of 57 papers, over 1.5 × 25%.
        let voyages = Array(sailing.prefix(12))
        let all = papers + voyages
        let map = PlantedCorpus.map([TopicMap.Entry(id: 1, slug: "astronomy", name: "Astronomy"),
                                     TopicMap.Entry(id: 2, slug: "cooking", name: "Cooking"),
                                     TopicMap.Entry(id: 3, slug: "music", name: "Music")], papers: all) { index, _ in
            index >= papers.count + 8 ? nil : index >= papers.count ? 1 : PlantedCorpus.theme(of: index) + 1
        }
        var split = options
        split.maxTopicShare = 0.25
        let next = continueTopics(all, map: map, options: split)
        XCTAssertEqual(next.model.topics.count, 4, "\(next.model.topics.map(\.name))")
        let kept = try XCTUnwrap(topic(next.model, id: 1))
        XCTAssertEqual(kept.slug, "astronomy")
        XCTAssertEqual(kept.name, "Astronomy")
        let born = try XCTUnwrap(topic(next.model, id: 4))
        XCTAssertFalse(["astronomy", "cooking", "music"].contains(born.slug))
        let after = topicIDs(next.model, all)
        for (index, paper) in papers.enumerated() { XCTAssertEqual(after[paper.slug], PlantedCorpus.theme(of: index) + 1, paper.slug) }
        for paper in voyages { XCTAssertEqual(after[paper.slug], 4, paper.slug) }
        XCTAssertEqual(next.changes.born.count, 1)
        XCTAssertTrue(next.changes.born[0].reason.contains("split from Astronomy"), next.changes.born[0].reason)
        XCTAssertEqual(next.changes.moved.count, 8)
        XCTAssertEqual(next.changes.placed, 4)
        // Below the threshold nothing splits.
        XCTAssertEqual(continueTopics(all, map: map, options: options).model.topics.count, 3)
        // Nor does a topic that took no new paper: it did not grow.
        let settled = PlantedCorpus.map(map.topics, papers: all) { index, _ in index >= papers.count ? 1 : PlantedCorpus.theme(of: index) + 1 }
        XCTAssertEqual(continueTopics(all, map: settled, options: split).model.topics.count, 3)
    }

    func testAMapJustWrittenWithAFixedTopicCountIsNotSplitAtTheNextBuild() {
        // Two topics for three themes: one holds two thirds of the papers, far over 1.5 × max_share.
        let fixed = TopicOptions(count: 2)
        let first = inferTopics(papers, options: fixed)
        XCTAssertEqual(first.topics.count, 2)
        XCTAssertGreaterThan(first.topics.map(\.primaryCount).max()!, Int(Double(papers.count) * fixed.maxTopicShare * 1.5))
        let map = recordTopicMap(first, papers: papers, retired: [])
        let next = continueTopics(papers, map: map, options: fixed)
        XCTAssertEqual(next.model.topics, first.topics)
        XCTAssertEqual(next.map, map)
        XCTAssertTrue(next.changes.isEmpty, next.changes.report())
    }

    func testATopicTooSmallAndUnlikeEveryOtherRetiresAndItsPapersFindATopic() throws {
        // One sailing paper filed by hand under a topic of its own: nothing else is near it.
        let voyage = sailing[0]
        let grown = papers + [voyage]
        var map = twoAstronomyTopics(seeded: false)
        map.topics.append(TopicMap.Entry(id: 9, slug: "zorblax", name: "Zorblax"))
        map.papers[voyage.slug] = TopicMap.Placement(topic: 9, textHash: placementHash(title: voyage.title, abstract: voyage.abstract))
        let next = continueTopics(grown, map: map, options: options)
        XCTAssertFalse(next.model.topics.contains { $0.mapID == 9 })
        XCTAssertEqual(next.map.topic(9)?.isRetired, true)
        let placed = try XCTUnwrap(next.map.papers[voyage.slug])
        XCTAssertEqual(next.map.topic(placed.topic)?.isRetired, false, "the paper lives in a live topic")
        XCTAssertEqual(next.map.topic(9)?.successor, placed.topic)
        XCTAssertEqual(next.model.memberships.count, grown.count)
    }

    func testABuildWithoutPapersLeavesTheMapAsItWas() {
        let (_, map) = firstBuild()
        let next = continueTopics([], map: map, options: options)
        XCTAssertEqual(next.map, map)
        XCTAssertTrue(next.model.topics.isEmpty)
    }

    func testPapersMissingFromABuildKeepTheirPlaceAndTheirTopicSleepsUntilTheyReturn() throws {
        let (first, map) = firstBuild()
        let music = try XCTUnwrap(topicIDs(first, papers)["paper-2"])
        let without = papers.enumerated().filter { PlantedCorpus.theme(of: $0.offset) != 2 }.map(\.element)
        let away = continueTopics(without, map: map, options: options)
        XCTAssertFalse(away.model.topics.contains { $0.mapID == music }, "no page without papers")
        XCTAssertEqual(away.map.topic(music)?.isRetired, false, "still live in the map")
        XCTAssertEqual(away.map.papers, map.papers, "the absent papers keep their placements")
        let dormant = try XCTUnwrap(away.model.retired.first)
        XCTAssertEqual(dormant.slug, map.topic(music)?.slug)
        XCTAssertNil(dormant.successor, "its address sends readers to the topics")
        XCTAssertTrue(away.changes.retired.isEmpty, away.changes.report())
        // When the papers come back, everything is as it was.
        let back = continueTopics(papers, map: away.map, options: options)
        XCTAssertEqual(back.map, map)
        XCTAssertEqual(back.model.topics, first.topics)
    }

    /// Astronomy's papers filed under two topics of the map (8 and 7 papers), cooking and music under one each.
    func twoAstronomyTopics(seeded: Bool) -> TopicMap {
        PlantedCorpus.map([TopicMap.Entry(id: 1, slug: "astronomy", name: "Astronomy", seed: seeded ? "Astronomy" : nil),
                           TopicMap.Entry(id: 2, slug: "stars", name: "Stars", seed: seeded ? "Stars" : nil),
                           TopicMap.Entry(id: 3, slug: "cooking", name: "Cooking"),
                           TopicMap.Entry(id: 4, slug: "music", name: "Music")], papers: papers) { index, _ in
            PlantedCorpus.theme(of: index) == 0 ? (index < 24 ? 1 : 2) : PlantedCorpus.theme(of: index) + 2
        }
    }

    func testTwoTopicsWhosePapersAreAlikeMergeAndTheSmallerRetiresWithARedirect() throws {
        let map = twoAstronomyTopics(seeded: false)
        XCTAssertEqual(map.papers.values.filter { $0.topic == 2 }.count, 7)
        var dated = papers
        dated[5].published = PaperDate(year: 2024, month: 3, day: 1)
        let next = continueTopics(dated, map: map, options: options)
        XCTAssertEqual(next.model.topics.map(\.mapID).sorted(), [1, 3, 4])
        let after = topicIDs(next.model, dated)
        for index in papers.indices where PlantedCorpus.theme(of: index) == 0 { XCTAssertEqual(after["paper-\(index)"], 1) }
        let retired = try XCTUnwrap(next.map.topic(2))
        XCTAssertTrue(retired.isRetired)
        XCTAssertEqual(retired.successor, 1)
        XCTAssertEqual(retired.retiredOn, PaperDate(year: 2024, month: 3, day: 1))
        XCTAssertEqual(retired.retiredPapers, 7, "what its list held, for redirecting its later pages")
        XCTAssertFalse(next.map.papers.values.contains { $0.topic == 2 })
        let successor = try XCTUnwrap(next.model.topics.firstIndex { $0.mapID == 1 })
        XCTAssertEqual(next.model.retired, [RetiredTopic(name: "Stars", slug: "stars", successor: successor, retiredOn: retired.retiredOn, paperCount: 7)])
        XCTAssertEqual(next.changes.retired.map(\.slug), ["stars"])
        XCTAssertEqual(next.changes.retired.first?.into, "Astronomy")
        XCTAssertEqual(next.changes.moved.count, 7)
        // The recorded map is a valid file.
        XCTAssertNoThrow(try TopicMapFile.parse(TopicMapFile.text(next.map), path: "m"))
    }

    func testTwoSeededTopicsNeverMerge() {
        let next = continueTopics(papers, map: twoAstronomyTopics(seeded: true), options: options)
        XCTAssertEqual(next.model.topics.map(\.mapID).sorted(), [1, 2, 3, 4])
        XCTAssertTrue(next.changes.retired.isEmpty)
        XCTAssertTrue(next.model.retired.isEmpty)
        XCTAssertEqual(next.model.topics.first { $0.mapID == 2 }?.primaryCount, 7)
    }

    func testATopicWhosePapersAllVanishedRetires() throws {
        let (first, map) = firstBuild()
        var withGone = map
        withGone.topics.append(TopicMap.Entry(id: 4, slug: "volcanoes", name: "Volcanoes"))
        withGone.topics.append(TopicMap.Entry(id: 5, slug: "earlier", name: "Earlier", isRetired: true, successor: 4))
        withGone.papers["lava-flows"] = TopicMap.Placement(topic: 4, textHash: "0000000000000001")
        withGone.papers["ash-clouds"] = TopicMap.Placement(topic: 4, textHash: "0000000000000002")
        let next = continueTopics(papers, map: withGone, options: options)
        XCTAssertEqual(next.model.topics.map(\.mapID).sorted(), [1, 2, 3])
        XCTAssertEqual(next.map.topic(4)?.isRetired, true)
        XCTAssertEqual(next.map.topic(5)?.isRetired, true)
        XCTAssertNil(next.map.papers["lava-flows"])
        XCTAssertEqual(Set(next.model.retired.map(\.slug)), ["volcanoes", "earlier"])
        // With no paper left it is near no topic: it retires without successor, and so, following it,
        // does the topic retired into it earlier. Their redirects lead to the topics index.
        XCTAssertNil(next.map.topic(4)?.successor)
        XCTAssertEqual(next.map.topic(5)?.successor, 4)
        XCTAssertEqual(next.model.retired.map(\.successor), [nil, nil])
        XCTAssertEqual(next.changes.retired.map(\.slug), ["volcanoes"])
        XCTAssertNil(next.changes.retired.first?.into)
        XCTAssertTrue(next.changes.report().contains("retired: Volcanoes (topics/volcanoes/) → no successor"), next.changes.report())
        XCTAssertEqual(topicIDs(next.model, papers), topicIDs(first, papers))
        XCTAssertNoThrow(try TopicMapFile.parse(TopicMapFile.text(next.map), path: "m"))
    }

    func testAMapWithoutLiveTopicsGivesAFreshFitClearOfItsIdsAndSlugs() throws {
        let fresh = inferTopics(papers, options: options)
        let taken = fresh.topics[0].slug
        let map = TopicMap(topics: [TopicMap.Entry(id: 7, slug: taken, name: "Old", isRetired: true)])
        let next = continueTopics(papers, map: map, options: options)
        XCTAssertEqual(next.model.topics.map(\.mapID).sorted(), [8, 9, 10])
        XCTAssertFalse(next.model.topics.contains { $0.slug == taken })
        XCTAssertEqual(next.changes.born.count, 3)
        XCTAssertEqual(next.map.topic(7)?.isRetired, true)
        XCTAssertEqual(next.model.retired.map(\.slug), [taken])
    }

    func testTheResultDoesNotDependOnTheInputOrder() {
        let (_, map) = firstBuild()
        let grown = papers + sailing + PlantedCorpus.papers(on: PlantedCorpus.themes[2].words, count: 4, prefix: "new-tune", seed: 8)
        var random = SeededRandom(seed: 3)
        let shuffled = grown.shuffled(using: &random)
        XCTAssertNotEqual(shuffled.map(\.slug), grown.map(\.slug))
        let a = continueTopics(grown, map: map, options: options), b = continueTopics(shuffled, map: map, options: options)
        XCTAssertEqual(a.model.topics, b.model.topics)
        XCTAssertEqual(a.map, b.map)
        XCTAssertEqual(a.changes, b.changes)
        func bySlug(_ model: TopicModel, _ input: [Paper]) -> [String: [TopicMembership]] {
            Dictionary(uniqueKeysWithValues: zip(input.map(\.slug), model.memberships))
        }
        XCTAssertEqual(bySlug(a.model, grown), bySlug(b.model, shuffled))
        XCTAssertEqual(a.model.topics.count, 4, "the sailing papers found a topic")
    }
}
