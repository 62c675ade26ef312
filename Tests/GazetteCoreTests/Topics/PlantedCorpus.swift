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
