/// A term that characterises a topic, with its class-based TF-IDF weight.
public struct TopicTerm: Hashable, Sendable {
    public var key: String
    public var label: String
    public var weight: Double
    /// Share of the topic's main papers that use the term.
    public var coverage: Double = 0
}

/// A group of papers inferred from their text.
public struct Topic: Hashable, Sendable {
    public var id: Int
    public var name: String
    public var slug: String
    /// The ten most distinctive terms, strongest first.
    public var terms: [TopicTerm]
    /// The seed topic from `site.yml` this cluster matched, if any.
    public var seedName: String?
    /// Papers whose primary topic this is.
    public var primaryCount: Int
    /// Papers that carry the topic at all (primary or secondary).
    public var size: Int
    /// The topic's number in the topic map, which never changes or passes to another topic.
    public var mapID: Int = 0
}

/// A topic that was merged into another or retired: its URL lives on as a redirect.
public struct RetiredTopic: Hashable, Sendable {
    public var name: String
    public var slug: String
    /// Index into `TopicModel.topics` of the live topic that took its papers, if one did.
    public var successor: Int?
    /// The newest paper date when it retired; its feed's last entry carries it.
    public var retiredOn: PaperDate?
    /// Its main papers when it retired (nil: unknown), for redirecting its list's later pages.
    public var paperCount: Int? = nil
}

/// A paper's place in one topic: how close it is and the terms that put it there.
public struct TopicMembership: Hashable, Sendable {
    public var topic: Int
    /// Cosine similarity between the paper and the topic's centroid.
    public var score: Double
    public var isPrimary: Bool
    /// Labels of the paper's terms that weigh most in the topic, strongest first.
    public var becauseOf: [String]
}

/// One entry of a paper's related list.
public struct RelatedPaper: Hashable, Sendable {
    /// Index of the other paper in the input order.
    public var paper: Int
    /// Cosine similarity of the two papers' TF-IDF vectors.
    public var score: Double
}

/// A topic given in `site.yml`: its name and a few terms that describe it.
public struct SeedTopic: Hashable, Sendable, Codable {
    public var name: String
    public var terms: [String]

    public init(name: String, terms: [String]) {
        self.name = name
        self.terms = terms
    }
}

/// How topics are inferred; `site.yml`'s `topics:` section fills it.
public struct TopicOptions: Hashable, Sendable {
    /// A fixed number of topics, or nil to choose it from the data.
    public var count: Int?
    public var seeds: [SeedTopic] = []
    /// Smaller clusters are dissolved into their neighbours.
    public var minTopicSize = 5
    /// Larger clusters are split in two.
    public var maxTopicShare = 0.2
    /// Clusters whose centroids are at least this similar are merged (automatic count only).
    public var mergeSimilarity = 0.5
    /// A secondary topic needs at least this similarity...
    public var secondaryMinScore = 0.12
    /// ...and at least this fraction of the primary topic's similarity.
    public var secondaryRelativeScore = 0.6
    /// A seed names a cluster only when its starting centroid and the cluster's are at least this alike.
    public var seedNameMinSimilarity = 0.3
    /// Rounds of the factorisation that refines the clusters' centres (0: plain k-means).
    public var nmfIterations = 100
    /// How many related papers each paper lists.
    public var relatedCount = 5
    public var seed: UInt64 = 0x6A7E_77E
    /// How a kept topic map may change as the digest grows.
    public var continuity = ContinuityRules()

    public init(count: Int? = nil, seeds: [SeedTopic] = []) {
        self.count = count
        self.seeds = seeds
    }
}

/// Everything the topic stage learns: topics, each paper's memberships and related papers.
public struct TopicModel: Sendable {
    public var topics: [Topic]
    /// Per paper, in input order: primary first, then up to two secondary topics.
    public var memberships: [[TopicMembership]]
    /// Per paper, in input order: the most similar other papers, best first.
    public var related: [[RelatedPaper]]
    /// The analysed text, for exports and quality measures.
    public var corpus: AnalyzedCorpus
    /// Per paper, in input order: its TF-IDF vector.
    public var vectors: [SparseVector]
    /// Input indices in the canonical (title) order the model was computed in.
    public var canonicalOrder: [Int]
    /// Notes for the maintainer (a seed with no known terms, ...).
    public var warnings: [String]
    /// Topics of the topic map that no longer stand on their own, for their redirects.
    public var retired: [RetiredTopic] = []
    /// Per paper, in input order: whether its words count in the term weights of related papers
    /// (nil: every paper's do). A continued map leaves out the papers added since the weights
    /// were last taken, so that a new issue does not reorder the related lists of earlier papers.
    public var relatedWeights: [Bool]? = nil
    /// What the next build's word cache is made from, when the analysis kept the papers' words.
    var wordUpdate: WordCacheUpdate? = nil
}
