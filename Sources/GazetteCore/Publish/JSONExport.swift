import Foundation

/// The data exports, `papers.json` and `topics.json`, unless `exports: false` leaves them out.
func dataExports(_ model: SiteModel) throws -> [(String, [UInt8])] {
    guard model.config.exports else { return [] }
    return [("papers.json", try papersJSON(model)), ("topics.json", try topicsJSON(model))]
}

/// `papers.json`: every paper with its metadata (with the arXiv id, authors' names and dates when a
/// source gave them), topics (by id, primary first, with scores), related papers (by position in
/// the file) and provenance, as a data export. Written by hand (in JSONEncoder's compact layout), in
/// parallel chunks: JSONEncoder took seconds on a large digest. Compact and without what another
/// file holds: the abstracts (each paper's page), topics' names and slugs (`topics.json`), the page's
/// address (`papers/<id>/`); related papers by position rather than by id, since five ids were half
/// of each record. With all of that, and pretty, it was a sixth of a large site's bytes.
func papersJSON(_ model: SiteModel) throws -> [UInt8] {
    let order = model.papers.indices.sorted { model.papers[$0].slug < model.papers[$1].slug }
    var positionOf = [Int](repeating: 0, count: order.count)
    for (i, index) in order.enumerated() { positionOf[index] = i }
    return jsonArray(count: order.count, pretty: false) { json, position in
        let index = order[position]
        let paper = model.papers[index]
        json.beginObject()
        let details = paper.details
        if paper.abstractIsAISummary { json.key("abstract_is_ai_summary"); json.bool(true) }
        if let id = details.arxivID { json.key("arxiv_id"); json.string(id) }
        if !details.authors.isEmpty {
            json.key("author_names"); json.beginArray(); for name in details.authors { json.string(name) }; json.endArray()
        }
        if let authors = paper.authorCount { json.key("authors"); json.int(authors) }
        if !paper.codeLinks.isEmpty {
            json.key("code_links"); json.beginArray(); for link in paper.codeLinks { json.string(link) }; json.endArray()
        }
        json.key("id"); json.string(paper.slug)
        if !paper.otherLinks.isEmpty {
            json.key("other_links"); json.beginArray(); for link in paper.otherLinks { json.string(link) }; json.endArray()
        }
        if let published = paper.published { json.key("published"); json.string(published.iso) }
        json.key("related"); json.beginArray()
        for related in model.topics.related[index] { json.int(positionOf[related.paper]) }
        json.endArray()
        json.key("sources"); json.beginArray()
        for source in paper.sources {
            json.beginObject(); json.key("dump"); json.string(source.dump); json.key("line"); json.int(source.line); json.endObject()
        }
        json.endArray()
        if let date = details.submittedOnDaily { json.key("submitted_on_daily"); json.string(date.iso) }
        json.key("title"); json.string(paper.title)
        json.key("topics"); json.beginArray()
        for membership in model.topics.memberships[index] {
            json.beginObject()
            json.key("id"); json.int(model.topics.topics[membership.topic].id)
            if membership.isPrimary { json.key("primary"); json.bool(true) }
            json.key("score"); json.double(rounded(membership.score))
            json.endObject()
        }
        json.endArray()
        if let date = details.updated { json.key("updated"); json.string(date.iso) }
        if let upvotes = paper.upvotes { json.key("upvotes"); json.int(upvotes) }
        json.endObject()
    }
}

/// `topics.json`: each topic's id, name, slug, size and top ten terms.
func topicsJSON(_ model: SiteModel) throws -> [UInt8] {
    jsonArray(count: model.topics.topics.count) { json, index in
        let topic = model.topics.topics[index]
        json.beginObject()
        json.key("id"); json.int(topic.id)
        json.key("name"); json.string(topic.name)
        json.key("primary_size"); json.int(topic.primaryCount)
        if let seed = topic.seedName { json.key("seed"); json.string(seed) }
        json.key("size"); json.int(topic.size)
        json.key("slug"); json.string(topic.slug)
        json.key("terms"); json.beginArray()
        for term in topic.terms {
            json.beginObject()
            json.key("key"); json.string(term.key)
            json.key("term"); json.string(term.label)
            json.key("weight"); json.double(rounded(term.weight))
            json.endObject()
        }
        json.endArray()
        json.key("url"); json.string("topics/\(topic.slug)/")
        json.endObject()
    }
}

/// A top-level JSON array of `count` elements, each written by `element` (pretty: one key a line,
/// as JSONEncoder prints it; else compact); chunks are written on all cores and joined in order, so the
/// bytes do not depend on the number of threads.
func jsonArray(count: Int, pretty: Bool = true, element: (inout JSONWriter, Int) -> Void) -> [UInt8] {
    guard count > 0 else { return Array((pretty ? "[\n\n]\n" : "[]\n").utf8) }
    var chunks = concurrentChunks(count, minimumChunk: 64) { range -> [UInt8] in
        var json = JSONWriter(pretty: pretty)
        json.beginArray()
        for index in range { element(&json, index) }
        // Drop the bracket: the chunks are elements of one array.
        return Array(json.bytes.dropFirst())
    }
    var out: [UInt8] = [0x5B]
    out.reserveCapacity(chunks.reduce(4) { $0 + $1.count + 1 })
    // Each chunk is freed once copied: a large export is held about once, not twice.
    for number in chunks.indices {
        if number > 0 { out.append(0x2C) }
        out += chunks[number]
        chunks[number] = []
    }
    out += Array((pretty ? "\n]\n" : "]\n").utf8)
    return out
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
    struct PaperTerms: Encodable { let id: String; let title: String; let abstract: String; let terms: [String] }
    struct TopicKeys: Encodable {
        let id: Int; let name: String; let slug: String; let size: Int; let terms: [String]; let keys: [String]
        let distinctive_keys: [String]
    }
    struct Assignment: Encodable { let id: String; let primary: Int?; let secondary: [Int] }
    struct Analysis: Encodable { let papers: [PaperTerms]; let topics: [TopicKeys]; let assignments: [Assignment] }
    let order = papers.indices.sorted { papers[$0].slug < papers[$1].slug }
    let labels = model.memberships.map { $0.first?.topic ?? -1 }
    let distinctive = distinctivenessRanking(corpus: model.corpus, labels: labels, clusterCount: model.topics.count, limit: 10)
    let analysis = Analysis(
        papers: order.map { index in
            PaperTerms(id: papers[index].slug, title: papers[index].title, abstract: papers[index].abstract ?? "", terms: model.corpus.documents[index].flatMap { entry in
                // Counts carry the title weight; the measures want plain occurrences.
                [String](repeating: model.corpus.terms[entry.term].key, count: max(1, Int(entry.count.rounded())))
            })
        },
        topics: model.topics.map { topic in
            TopicKeys(id: topic.id, name: topic.name, slug: topic.slug, size: topic.primaryCount, terms: topic.terms.map(\.label),
                      keys: topic.terms.map(\.key), distinctive_keys: distinctive[topic.id].map(\.key))
        },
        assignments: order.map { index in
            let memberships = model.memberships[index]
            return Assignment(id: papers[index].slug, primary: memberships.first?.topic, secondary: memberships.dropFirst().map(\.topic))
        })
    return try encodeJSON(analysis)
}
