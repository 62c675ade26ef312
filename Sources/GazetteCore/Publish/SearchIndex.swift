import Foundation

/// One paper as search sees it: the words it is found by and what a hit shows.
public struct SearchDocument: Sendable, Equatable {
    public var title: String
    public var abstract: String
    /// Path from the site root, `papers/<slug>/index.html`.
    public var path: String
    public var topic: String
    public var date: String
    public var dateISO: String

    public init(title: String, abstract: String, path: String, topic: String, date: String, dateISO: String) {
        self.title = title
        self.abstract = abstract
        self.path = path
        self.topic = topic
        self.date = date
        self.dateISO = dateISO
    }
}

/// The static search index, split into pieces the page loads on demand:
/// - `search/manifest.json`: the number of documents, documents per metadata shard, and the term shard keys;
/// - `search/docs-<n>.json`: metadata of documents `n*perShard ..< (n+1)*perShard` as `[title, path, topic, date, iso]`;
/// - `search/t-<key>.json`: `{word: [[title ids], [abstract ids]]}` for the words starting with `key`,
///   each ascending list written as gaps (the first id, then differences), which keeps long lists short.
/// A query word loads only the term shards whose key it starts with (or that start with it), then
/// the metadata shards of its best hits. Keys are two characters; a shard with more than
/// `maxPostings` postings is split by one more character, so shards stay small at any corpus size.
/// Metadata shards hold 100 documents (about 6 KB gzipped), so the twenty hits a query shows cost
/// at most twenty small shards however large the digest.
public struct SearchIndex: Sendable {
    public static let version = 1
    /// Documents in order; a document's id is its position.
    public var documents: [SearchDocument]
    public var docsPerShard: Int
    public var maxPostings: Int

    public init(documents: [SearchDocument], docsPerShard: Int = 100, maxPostings: Int = 6000) {
        self.documents = documents
        self.docsPerShard = max(1, docsPerShard)
        self.maxPostings = max(1, maxPostings)
    }

    /// Lowercase ASCII words of two or more letters or digits, accents folded; stop words dropped.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        func flush() {
            if word.count >= 2 {
                let w = String(decoding: word, as: UTF8.self)
                if !functionWords.contains(w) { words.append(w) }
            }
            word.removeAll(keepingCapacity: true)
        }
        for byte in foldToASCII(text).utf8 {
            switch byte {
            case 0x30...0x39, 0x61...0x7A: word.append(byte)
            case 0x41...0x5A: word.append(byte + 0x20)
            default: flush()
            }
        }
        flush()
        return words
    }

    /// Words too common to search by. Only function words: the topic engine's longer list also drops
    /// words such as "study" or "model", which readers do search for.
    static let functionWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "has", "have", "in", "into", "is", "it",
        "its", "of", "on", "or", "our", "that", "the", "their", "these", "this", "to", "was", "we", "were", "which", "with",
    ]

    /// Every file of the index, path (under the site root) → bytes, in path order.
    public func files() throws -> [(path: String, bytes: [UInt8])] {
        // word → (title ids, abstract ids); ids ascend because documents are visited in order.
        var postings: [String: (title: [Int], abstract: [Int])] = [:]
        for (id, document) in documents.enumerated() {
            let titleWords = Set(Self.words(document.title))
            for word in titleWords { postings[word, default: ([], [])].title.append(id) }
            for word in Set(Self.words(document.abstract)).subtracting(titleWords) {
                postings[word, default: ([], [])].abstract.append(id)
            }
        }
        let shards = Self.shardKeys(postings.mapValues { $0.title.count + $0.abstract.count }, maxPostings: maxPostings)
        var out: [(path: String, bytes: [UInt8])] = []
        for (key, words) in shards {
            var object: [String: [[Int]]] = [:]
            for word in words { object[word] = [Self.gaps(postings[word]!.title), Self.gaps(postings[word]!.abstract)] }
            out.append(("search/t-\(key).json", try compactJSON(object)))
        }
        var shardIndex = 0
        var start = 0
        while start < documents.count {
            let slice = documents[start..<min(documents.count, start + docsPerShard)]
            out.append(("search/docs-\(shardIndex).json", try compactJSON(slice.map { [$0.title, $0.path, $0.topic, $0.date, $0.dateISO] })))
            shardIndex += 1
            start += docsPerShard
        }
        struct Manifest: Encodable {
            let version: Int
            let documents: Int
            let docs_per_shard: Int
            let shards: [String]
        }
        out.append(("search/manifest.json", try compactJSON(Manifest(version: Self.version, documents: documents.count,
                                                                     docs_per_shard: docsPerShard, shards: shards.map(\.key)))))
        return out.sorted { $0.path < $1.path }
    }

    /// `[3, 5, 9]` → `[3, 2, 4]`.
    static func gaps(_ ids: [Int]) -> [Int] {
        zip(ids, [0] + ids).map { $0 - $1 }
    }

    /// Groups words into shards keyed by a prefix: two characters, one more while a shard holds more
    /// than `maxPostings` postings (up to six). Words as long as a split key stay in that key's shard.
    static func shardKeys(_ sizes: [String: Int], maxPostings: Int) -> [(key: String, words: [String])] {
        var result: [(key: String, words: [String])] = []
        func place(_ words: [String], keyLength: Int) {
            let groups = Dictionary(grouping: words) { String($0.prefix(keyLength)) }
            for key in groups.keys.sorted() {
                let group = groups[key]!.sorted()
                let total = group.reduce(0) { $0 + sizes[$1]! }
                if total > maxPostings && keyLength < 6 {
                    let exact = group.filter { $0.count <= keyLength }
                    if !exact.isEmpty { result.append((key, exact)) }
                    place(group.filter { $0.count > keyLength }, keyLength: keyLength + 1)
                } else {
                    result.append((key, group))
                }
            }
        }
        place(Array(sizes.keys), keyLength: 2)
        return result.sorted { $0.key < $1.key }
    }
}

/// One line of JSON with sorted keys (the index is read by a script, not by people), with `<`, `>`
/// and `&` escaped like every export.
func compactJSON<T: Encodable>(_ value: T) throws -> [UInt8] {
    try encodeJSON(value, pretty: false)
}

extension SiteModel {
    /// The search documents, newest paper first (ties and undated papers by title), so that equal
    /// scores list newer papers first.
    func searchDocuments() -> [SearchDocument] {
        newestFirst().map { index in
            let paper = papers[index]
            let topic = topics.memberships[index].first.map { topics.topics[$0.topic].name } ?? ""
            return SearchDocument(title: cleanLatex(paper.title, markdown: false), abstract: cleanLatex(paper.abstract ?? "", markdown: false),
                                  path: PageContexts.paperPath(paper), topic: topic,
                                  date: paper.published?.display ?? "", dateISO: paper.published?.iso ?? "")
        }
    }
}
