import XCTest
@testable import GazetteCore

/// `refitTopics`: a fit from scratch that carries the map's identities over, and what it reports.
final class TopicRefitTests: XCTestCase {
    let options = TopicInferenceTests.plantedOptions
    let papers = PlantedCorpus.papers()

    func topicIDs(_ model: TopicModel) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: zip(papers.map(\.slug), model.memberships.map { model.topics[$0[0].topic].mapID }))
    }

    func testARefitAgainstItsOwnMapKeepsEveryTopic() {
        let first = inferTopics(papers, options: options)
        let map = recordTopicMap(first, papers: papers, retired: [])
        let refit = refitTopics(papers, map: map, options: options)
        XCTAssertEqual(refit.model.topics, first.topics)
        XCTAssertEqual(refit.model.memberships, first.memberships)
        XCTAssertEqual(refit.map, map)
        XCTAssertTrue(refit.changes.isEmpty, refit.changes.report())
        XCTAssertEqual(refit.changes.kept, papers.count)
        XCTAssertEqual(refit.changes.placed, 0)
        XCTAssertTrue(refit.model.retired.isEmpty)
        XCTAssertEqual(refit.changes.report(), "0 of 45 mapped papers move to another topic; 0 papers placed for the first time")
    }

    func testATopicBornWithARetiredTopicsNameTakesBackItsAddress() throws {
        let fresh = inferTopics(papers, options: options)
        let musicName = try XCTUnwrap(fresh.topics.first { $0.mapID != 0 && fresh.memberships[2][0].topic == fresh.topics.firstIndex(of: $0) }?.name)
        // Music's topic was retired into astronomy's; five music papers were filed there, ten not at all.
        let map = PlantedCorpus.map([TopicMap.Entry(id: 1, slug: "astronomy", name: "Astronomy"),
                                     TopicMap.Entry(id: 2, slug: "cooking", name: "Cooking"),
                                     TopicMap.Entry(id: 3, slug: "old-music", name: musicName, isRetired: true, successor: 1)], papers: papers) { index, _ in
            switch PlantedCorpus.theme(of: index) { case 0: return 1; case 1: return 2; default: return index < 15 ? 1 : nil }
        }
        let refit = refitTopics(papers, map: map, options: options)
        let music = try XCTUnwrap(refit.model.topics.first { $0.name == musicName })
        XCTAssertEqual(music.mapID, 3)
        XCTAssertEqual(music.slug, "old-music")
        XCTAssertFalse(refit.model.retired.contains { $0.slug == "old-music" }, "no redirect over a live page")
        XCTAssertEqual(refit.map.topic(3)?.isRetired, false)
        XCTAssertEqual(refit.changes.born.map(\.slug), ["old-music"])
        XCTAssertTrue(refit.changes.born[0].reason.contains("takes back the address"), refit.changes.born[0].reason)
        XCTAssertNoThrow(try TopicMapFile.parse(TopicMapFile.text(refit.map), path: "m"))
    }

    func testASeedNamesOneTopicOnlyAfterARefit() throws {
        // The map filed the music papers under the Astronomy seed's topic, and astronomy under "Sky".
        var seeded = options
        seeded.seeds = [SeedTopic(name: "Astronomy", terms: ["galaxy", "telescope", "planet"])]
        let map = PlantedCorpus.map([TopicMap.Entry(id: 1, slug: "astronomy", name: "Astronomy", seed: "Astronomy"),
                                     TopicMap.Entry(id: 2, slug: "sky", name: "Sky"),
                                     TopicMap.Entry(id: 3, slug: "cooking", name: "Cooking")], papers: papers) { index, _ in
            [2, 3, 1][PlantedCorpus.theme(of: index)]
        }
        let refit = refitTopics(papers, map: map, options: seeded)
        let names = refit.model.topics.map(\.name)
        XCTAssertEqual(Set(names).count, names.count, "no two topics share a name: \(names)")
        XCTAssertEqual(refit.model.topics.filter { $0.seedName == "Astronomy" }.count, 1)
        let music = try XCTUnwrap(refit.model.topics.first { $0.mapID == 1 }, "the music papers' topic keeps its id and URL")
        XCTAssertNil(music.seedName)
        XCTAssertNotEqual(music.name, "Astronomy", "the seed's name went with the seed")
        XCTAssertEqual(refit.changes.renamed.map(\.from), ["Astronomy"])
    }

    /// The map a maintainer might have: astronomy, cooking and music, and a bogus fourth topic that
    /// holds four astronomy papers and two on cooking.
    func mapWithBogusTopic() -> TopicMap {
        PlantedCorpus.map([TopicMap.Entry(id: 1, slug: "astronomy", name: "Astronomy"),
                           TopicMap.Entry(id: 2, slug: "cooking", name: "Cooking"),
                           TopicMap.Entry(id: 3, slug: "music", name: "Music"),
                           TopicMap.Entry(id: 4, slug: "bogus", name: "Bogus")], papers: papers) { index, _ in
            [0, 3, 6, 9, 1, 4].contains(index) ? 4 : PlantedCorpus.theme(of: index) + 1
        }
    }

    func testABogusExtraTopicRetiresIntoTheClusterHoldingMostOfItsPapers() throws {
        let refit = refitTopics(papers, map: mapWithBogusTopic(), options: options)
        XCTAssertEqual(refit.model.topics.map(\.mapID).sorted(), [1, 2, 3])
        XCTAssertEqual(Set(refit.model.topics.map(\.slug)), ["astronomy", "cooking", "music"])
        XCTAssertEqual(Set(refit.model.topics.map(\.name)), ["Astronomy", "Cooking", "Music"])
        let bogus = try XCTUnwrap(refit.map.topic(4))
        XCTAssertTrue(bogus.isRetired)
        XCTAssertEqual(bogus.successor, 1)
        let astronomy = try XCTUnwrap(refit.model.topics.firstIndex { $0.mapID == 1 })
        XCTAssertEqual(refit.model.retired, [RetiredTopic(name: "Bogus", slug: "bogus", successor: astronomy, retiredOn: nil, paperCount: 6)])
        XCTAssertEqual(refit.changes.retired.map(\.slug), ["bogus"])
        XCTAssertEqual(refit.changes.retired.first?.into, "Astronomy")
        XCTAssertTrue(refit.changes.born.isEmpty)
        XCTAssertTrue(refit.changes.renamed.isEmpty)
        for (index, paper) in papers.enumerated() { XCTAssertEqual(topicIDs(refit.model)[paper.slug], PlantedCorpus.theme(of: index) + 1) }
        XCTAssertNoThrow(try TopicMapFile.parse(TopicMapFile.text(refit.map), path: "m"))
    }

    func testTheReportListsRetiredTopicsAndEveryPaperThatMoves() {
        let changes = refitTopics(papers, map: mapWithBogusTopic(), options: options).changes
        XCTAssertEqual(changes.moved.map(\.paper).sorted(), ["paper-0", "paper-1", "paper-3", "paper-4", "paper-6", "paper-9"])
        XCTAssertEqual(changes.kept, 39)
        let report = changes.report()
        XCTAssertTrue(report.contains("retired: Bogus (topics/bogus/) → merged into Astronomy"), report)
        XCTAssertTrue(report.contains("6 of 45 mapped papers move to another topic; 0 papers placed for the first time"), report)
        XCTAssertTrue(report.contains("  paper-1: Bogus → Cooking"), report)
        XCTAssertTrue(report.contains("  paper-9: Bogus → Astronomy"), report)
        let short = changes.report(limit: 2)
        XCTAssertEqual(short.split(separator: "\n").filter { $0.hasPrefix("  paper-") }.count, 2, short)
        XCTAssertTrue(short.hasSuffix("  … and 4 more"), short)
    }

    func testATopicWhosePapersMostlyGoElsewhereKeepsItsURLButIsRenamed() throws {
        // "Old sky" holds five astronomy papers and four each on cooking and music; ten astronomy
        // papers are not in the map yet.
        let map = PlantedCorpus.map([TopicMap.Entry(id: 1, slug: "old-sky", name: "Old sky"),
                                     TopicMap.Entry(id: 2, slug: "cooking", name: "Cooking"),
                                     TopicMap.Entry(id: 3, slug: "music", name: "Music")], papers: papers) { index, _ in
            switch PlantedCorpus.theme(of: index) {
            case 0: return index < 15 ? 1 : nil
            default: return index < 12 ? 1 : PlantedCorpus.theme(of: index) + 1
            }
        }
        XCTAssertEqual(map.papers.values.filter { $0.topic == 1 }.count, 13)
        let refit = refitTopics(papers, map: map, options: options)
        let sky = try XCTUnwrap(refit.model.topics.first { $0.mapID == 1 })
        XCTAssertEqual(sky.slug, "old-sky")
        XCTAssertNotEqual(sky.name, "Old sky")
        XCTAssertEqual(refit.changes.renamed.map(\.from), ["Old sky"])
        XCTAssertEqual(refit.changes.renamed.map(\.to), [sky.name])
        XCTAssertEqual(refit.map.topic(1)?.name, sky.name)
        XCTAssertEqual(refit.model.topics.first { $0.mapID == 2 }?.name, "Cooking", "a topic that is mostly its papers keeps its name")
        XCTAssertTrue(refit.changes.born.isEmpty && refit.changes.retired.isEmpty, refit.changes.report())
        XCTAssertEqual(refit.changes.placed, 10)
        XCTAssertEqual(refit.changes.moved.count, 8)
        XCTAssertTrue(refit.changes.report().contains("renamed: Old sky → \(sky.name) (same URL)"), refit.changes.report())
        // With a lower bar the name is kept.
        XCTAssertEqual(refitTopics(papers, map: map, options: options, keepNameOverlap: 0.3).model.topics.first { $0.mapID == 1 }?.name, "Old sky")
    }

    func testARefitWithoutAMapBearsEveryTopic() {
        let refit = refitTopics(papers, map: TopicMap(), options: options)
        let fresh = inferTopics(papers, options: options)
        XCTAssertEqual(refit.model.topics.map(\.slug), fresh.topics.map(\.slug))
        XCTAssertEqual(refit.model.topics.map(\.name), fresh.topics.map(\.name))
        XCTAssertEqual(refit.model.memberships, fresh.memberships)
        XCTAssertEqual(refit.model.topics.map(\.mapID).sorted(), [1, 2, 3])
        XCTAssertEqual(refit.changes.born.map(\.slug).sorted(), fresh.topics.map(\.slug).sorted())
        XCTAssertEqual(refit.changes.placed, papers.count)
        XCTAssertEqual(refit.map.papers.count, papers.count)
    }
}
