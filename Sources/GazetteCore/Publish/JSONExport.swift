import Foundation

/// `papers.json`: every paper with its metadata, topics (primary first, with scores), related papers
/// and provenance, as a data export.
func papersJSON(_ model: SiteModel) throws -> [UInt8] {
    struct Source: Encodable { let dump: String; let line: Int }
    struct TopicRef: Encodable { let id: Int; let slug: String; let name: String; let score: Double; let primary: Bool }
    struct Related: Encodable { let id: String; let score: Double }
    struct Record: Encodable {
        let id: String
        let title: String
        let abstract: String?
        let authors: Int?
        let published: String?
        let upvotes: Int?
        let code_links: [String]
        let other_links: [String]
        let sources: [Source]
        let topics: [TopicRef]
        let related: [Related]
        let url: String
    }
    let records = model.papers.indices.sorted { model.papers[$0].slug < model.papers[$1].slug }.map { index -> Record in
        let paper = model.papers[index]
        return Record(
            id: paper.slug, title: paper.title, abstract: paper.abstract, authors: paper.authorCount,
            published: paper.published?.iso, upvotes: paper.upvotes, code_links: paper.codeLinks, other_links: paper.otherLinks,
            sources: paper.sources.map { Source(dump: $0.dump, line: $0.line) },
            topics: model.topics.memberships[index].map { m in
                let topic = model.topics.topics[m.topic]
                return TopicRef(id: topic.id, slug: topic.slug, name: topic.name, score: rounded(m.score), primary: m.isPrimary)
            },
            related: model.topics.related[index].map { Related(id: model.papers[$0.paper].slug, score: rounded($0.score)) },
            url: "papers/\(paper.slug)/")
    }
    return try encodeJSON(records)
}

/// `topics.json`: each topic's id, name, slug, size and top ten terms.
func topicsJSON(_ model: SiteModel) throws -> [UInt8] {
    struct TermRecord: Encodable { let term: String; let key: String; let weight: Double }
    struct Record: Encodable {
        let id: Int
        let name: String
        let slug: String
        let size: Int
        let primary_size: Int
        let seed: String?
        let terms: [TermRecord]
        let url: String
    }
    return try encodeJSON(model.topics.topics.map { topic in
        Record(id: topic.id, name: topic.name, slug: topic.slug, size: topic.size, primary_size: topic.primaryCount,
               seed: topic.seedName, terms: topic.terms.map { TermRecord(term: $0.label, key: $0.key, weight: rounded($0.weight)) },
               url: "topics/\(topic.slug)/")
    })
}

func rounded(_ x: Double) -> Double { (x * 10000).rounded() / 10000 }

/// Pretty, key-sorted JSON with `<`, `>` and `&` as `\u` escapes, so the file is safe to inline
/// into a page and byte-identical across builds.
func encodeJSON<T: Encodable>(_ value: T, pretty: Bool = true) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    var out: [UInt8] = []
    out.reserveCapacity(data.count + 64)
    for byte in data {
        switch byte {
        case UInt8(ascii: "<"): out += Array("\\u003c".utf8)
        case UInt8(ascii: ">"): out += Array("\\u003e".utf8)
        case UInt8(ascii: "&"): out += Array("\\u0026".utf8)
        default: out.append(byte)
        }
    }
    out.append(0x0A)
    return out
}

/// The topic analysis for quality measures: each paper's terms (keys, with repetition by count),
/// each topic's top ten keys, and each paper's primary topic.
public func topicAnalysisJSON(papers: [Paper], model: TopicModel) throws -> [UInt8] {
    struct PaperTerms: Encodable { let id: String; let terms: [String] }
    struct TopicKeys: Encodable {
        let id: Int; let name: String; let slug: String; let size: Int; let terms: [String]; let keys: [String]
        let distinctive_keys: [String]
    }
    struct Assignment: Encodable { let id: String; let primary: Int? }
    struct Analysis: Encodable { let papers: [PaperTerms]; let topics: [TopicKeys]; let assignments: [Assignment] }
    let order = papers.indices.sorted { papers[$0].slug < papers[$1].slug }
    let labels = model.memberships.map { $0.first?.topic ?? -1 }
    let distinctive = distinctivenessRanking(corpus: model.corpus, labels: labels, clusterCount: model.topics.count, limit: 10)
    let analysis = Analysis(
        papers: order.map { index in
            PaperTerms(id: papers[index].slug, terms: model.corpus.documents[index].flatMap { entry in
                // Counts carry the title weight; the measures want plain occurrences.
                [String](repeating: model.corpus.terms[entry.term].key, count: max(1, Int(entry.count.rounded())))
            })
        },
        topics: model.topics.map { topic in
            TopicKeys(id: topic.id, name: topic.name, slug: topic.slug, size: topic.primaryCount, terms: topic.terms.map(\.label),
                      keys: topic.terms.map(\.key), distinctive_keys: distinctive[topic.id].map(\.key))
        },
        assignments: order.map { Assignment(id: papers[$0].slug, primary: model.memberships[$0].first?.topic) })
    return try encodeJSON(analysis)
}
