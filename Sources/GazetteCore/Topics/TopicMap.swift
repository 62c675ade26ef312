/// The topics a digest has published and each paper's main topic, kept in `content/topics.map`
/// between builds so that topic URLs, names and memberships last as the digest grows.
public struct TopicMap: Equatable, Sendable {
    /// One topic, live or retired. Its id and slug are never given to another topic.
    public struct Entry: Equatable, Sendable {
        /// Stable number, never reused.
        public var id: Int
        /// The topic's URL segment, fixed for good.
        public var slug: String
        /// The name readers see; editing it in the file renames the topic.
        public var name: String
        /// The `site.yml` seed this topic grew from, if any: seeded topics are never merged.
        public var seed: String?
        /// What defines the topic: its centre's strongest terms (keys) and their weights.
        public var definition: [(key: String, weight: Double)]
        /// For a retired topic: true, with the topic that took its papers (nil: none did).
        public var isRetired = false
        public var successor: Int?
        /// For a retired topic: the newest paper date of the digest when it was retired (its feed's date).
        public var retiredOn: PaperDate?
        /// For a retired topic: how many main papers it had then, so its list's later pages redirect too.
        public var retiredPapers: Int?

        public init(id: Int, slug: String, name: String, seed: String? = nil, definition: [(key: String, weight: Double)] = [],
                    isRetired: Bool = false, successor: Int? = nil, retiredOn: PaperDate? = nil, retiredPapers: Int? = nil) {
            self.id = id
            self.slug = slug
            self.name = name
            self.seed = seed
            self.definition = definition
            self.isRetired = isRetired
            self.successor = successor
            self.retiredOn = retiredOn
            self.retiredPapers = retiredPapers
        }

        public static func == (a: Entry, b: Entry) -> Bool {
            a.id == b.id && a.slug == b.slug && a.name == b.name && a.seed == b.seed && a.isRetired == b.isRetired
                && a.successor == b.successor && a.retiredOn == b.retiredOn && a.retiredPapers == b.retiredPapers
                && a.definition.map(\.key) == b.definition.map(\.key) && a.definition.map(\.weight) == b.definition.map(\.weight)
        }
    }

    /// Where a paper was placed, and a hash of the text it was placed by.
    public struct Placement: Equatable, Sendable {
        public var topic: Int
        public var textHash: String
        /// False for a paper added since the related papers' term weights were last taken: its
        /// words count in them from the next refresh on (`new` on its line).
        public var inWeights: Bool

        public init(topic: Int, textHash: String, inWeights: Bool = true) {
            self.topic = topic
            self.textHash = textHash
            self.inWeights = inWeights
        }
    }

    /// Every topic, by id.
    public var topics: [Entry]
    /// Each paper's main topic, by paper slug.
    public var papers: [String: Placement]

    public init(topics: [Entry] = [], papers: [String: Placement] = [:]) {
        self.topics = topics.sorted { $0.id < $1.id }
        self.papers = papers
    }

    public var liveTopics: [Entry] { topics.filter { !$0.isRetired } }
    public var retiredTopics: [Entry] { topics.filter(\.isRetired) }

    /// The topic with this id.
    public func topic(_ id: Int) -> Entry? { topics.first { $0.id == id } }

    /// How many papers the map places in each topic, by id: what its pages listed when last built.
    public func paperCounts() -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for placement in papers.values { counts[placement.topic, default: 0] += 1 }
        return counts
    }

    /// The first id no topic has had.
    public var nextID: Int { (topics.map(\.id).max() ?? 0) + 1 }

    /// The live topic a retired one now lives on in, following successors that retired in turn.
    public func liveSuccessor(of id: Int) -> Entry? {
        var seen: Set<Int> = []
        var current = topic(id)
        while let entry = current, entry.isRetired {
            guard let next = entry.successor, seen.insert(next).inserted else { return nil }
            current = topic(next)
        }
        return current
    }
}

/// The hash a paper's placement is kept with: its title and abstract, so a paper whose text changes
/// is placed again like a new one.
public func placementHash(title: String, abstract: String?) -> String {
    let hex = String(textKey(title: title, abstract: abstract), radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}

/// `placementHash` as a number: what the word cache finds a paper's words by.
func textKey(title: String, abstract: String?) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    // FNV-1a, as the maps already committed recorded it; over each string's UTF-8 buffer, which
    // is several times faster than stepping through its UTF-8 view.
    func fold(_ string: String) {
        var string = string
        string.withUTF8 { for byte in $0 { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01B3 } }
    }
    fold(title)
    hash = (hash ^ 0x0A) &* 0x0100_0000_01B3
    fold(abstract ?? "")
    return hash
}

/// Every paper's `placementHash`, in order, on all cores: slugs and topics both compare them with
/// the map's, and each is a pass over a whole abstract.
public func placementHashes(_ papers: [Paper]) -> [String] {
    concurrentChunks(papers.count) { range in range.map { placementHash(title: papers[$0].title, abstract: papers[$0].abstract) } }.flatMap { $0 }
}
