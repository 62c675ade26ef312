@testable import GazetteCore

/// A synthetic digest with three planted themes (astronomy, cooking, music), each paper drawing
/// its words from its theme's pool plus words every theme shares, from a fixed seed.
enum PlantedCorpus {
    static let themes: [(name: String, words: [String])] = [
        ("astronomy", ["galaxy", "telescope", "stellar", "orbit", "planet", "cosmic", "nebula", "redshift", "comet", "asteroid"]),
        ("cooking", ["recipe", "flavor", "oven", "spice", "dough", "simmer", "garlic", "sauce", "pastry", "kitchen"]),
        ("music", ["melody", "rhythm", "chord", "guitar", "tempo", "harmony", "piano", "concert", "violin", "orchestra"]),
    ]
    static let shared = ["analysis", "system", "measurement", "framework", "dataset", "quality"]

    /// `perTheme` papers per theme; paper i's theme is `i % 3`.
    static func papers(perTheme: Int = 15, seed: UInt64 = 7) -> [Paper] {
        var random = SeededRandom(seed: seed)
        func pick(_ pool: [String]) -> String { pool[Int(random.next() % UInt64(pool.count))] }
        return (0..<(3 * perTheme)).map { i in
            let theme = themes[i % 3]
            let title = "\(pick(theme.words).capitalized) and \(pick(theme.words)) study \(i)"
            let words = (0..<40).map { k in k % 5 == 4 ? pick(shared) : pick(theme.words) }
            return Paper(slug: "paper-\(i)", title: title, abstract: words.joined(separator: " ") + ".")
        }
    }

    static func theme(of paperIndex: Int) -> Int { paperIndex % 3 }
}

extension PlantedCorpus {
    /// A fourth subject no planted theme touches, with a smaller pool so its papers hang together.
    static let sailing = ["sail", "harbor", "keel", "regatta", "anchor", "mast"]

    /// `count` more papers whose words come from `words` (plus the shared ones), slugs `<prefix>-<i>`.
    static func papers(on words: [String], count: Int, prefix: String, seed: UInt64) -> [Paper] {
        var random = SeededRandom(seed: seed)
        func pick(_ pool: [String]) -> String { pool[Int(random.next() % UInt64(pool.count))] }
        return (0..<count).map { i in
            let title = "\(pick(words).capitalized) and \(pick(words)) \(prefix) \(i)"
            let abstract = (0..<40).map { k in k % 5 == 4 ? pick(shared) : pick(words) }
            return Paper(slug: "\(prefix)-\(i)", title: title, abstract: abstract.joined(separator: " ") + ".")
        }
    }

    /// A topic map as a maintainer might have it: these topics, and each paper that `topic` gives
    /// a topic id placed there with the hash of its present text.
    static func map(_ topics: [TopicMap.Entry], papers: [Paper], topic: (Int, Paper) -> Int?) -> TopicMap {
        var placements: [String: TopicMap.Placement] = [:]
        for (index, paper) in papers.enumerated() {
            if let id = topic(index, paper) {
                placements[paper.slug] = TopicMap.Placement(topic: id, textHash: placementHash(title: paper.title, abstract: paper.abstract))
            }
        }
        return TopicMap(topics: topics, papers: placements)
    }
}

extension PlantedCorpus {
    /// The planted digest's topics, and the map a first build records from them.
    static func firstBuild(_ papers: [Paper], options: TopicOptions) -> (model: TopicModel, map: TopicMap) {
        let model = inferTopics(papers, options: options)
        return (model, recordTopicMap(model, papers: papers, retired: []))
    }
}
