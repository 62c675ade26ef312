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
/// - `search/manifest.json`: the number of documents, documents per metadata shard, the most words a
///   query looks up (`max_words`), the first word of each term shard (`shards`, in order) and the
///   prefixes that have a prefix file (`prefixes`);
/// - `search/docs-<n>.json`: metadata of documents `n*perShard ..< (n+1)*perShard` as `[title, path, topic, date, iso]`;
/// - `search/t-<n>.json`: `{word: [[title ids], [abstract ids]]}` for a run of consecutive words (in
///   sorted order) from `shards[n]` up to the next shard's first word, holding together at most
///   `maxPostings` postings (a word with more has a shard of its own); each ascending list written as
///   gaps (the first id, then differences), which keeps long lists short;
/// - `search/p-<prefix>.json`: for a broad prefix (more than `3 * maxPostings` postings under it),
///   the merged lists of all its words, `[[title ids], [abstract-only ids]]`, then the lists of the
///   word equal to the prefix when there is one, so that a prefix such as "com" costs one file, not
///   dozens of shards.
/// `files(for:shards:prefixes:)` says which files a query word loads (search.js follows the same
/// rule): the shard holding the word, or for a prefix the few shards its words span, or its prefix
/// file; the page then loads the metadata of the best twenty hits only. Packing runs of words into
/// shards, rather than a shard per two-letter key, keeps the number of files near the postings over
/// `maxPostings` (a file per rare two-letter key was most of the index's files). Metadata shards hold
/// 40 documents (about 3 KB gzipped; 20 halved the files of a large index for 2 KB less a shard), so
/// the hits a query shows cost about 60 KB at most however large the digest.
public struct SearchIndex: Sendable {
    public static let version = 3
    /// Words shorter than this match exactly in search.js, not as prefixes, so they need no prefix file.
    public static let prefixMinimum = 3
    /// search.js looks up at most this many distinct words of a query (the first ones typed) and says
    /// which it left out. Each word loads its own index files, so without a cap a long query of
    /// common words could load a megabyte at 100,000 papers; with it, any query stays under 300 KB.
    public static let maxQueryWords = 6
    /// Documents in order; a document's id is its position.
    public var documents: [SearchDocument]
    public var docsPerShard: Int
    public var maxPostings: Int

    public init(documents: [SearchDocument], docsPerShard: Int = 40, maxPostings: Int = 6000) {
        self.documents = documents
        self.docsPerShard = max(1, docsPerShard)
        self.maxPostings = max(1, maxPostings)
    }

    /// Lowercase ASCII words of two or more letters or digits, accents folded; stop words dropped.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        forEachWord(text) { if !functionWords.contains($0) { words.append($0) } }
        return words
    }

    /// Calls `body` with each lowercase ASCII word of two or more letters or digits, accents
    /// folded, stop words included.
    static func forEachWord(_ text: String, _ body: (String) -> Void) {
        var folded = foldToASCII(text)
        folded.withUTF8 { bytes in
            var word: [UInt8] = []
            func flush() {
                if word.count >= 2 { body(String(decoding: word, as: UTF8.self)) }
                word.removeAll(keepingCapacity: true)
            }
            for byte in bytes {
                switch byte {
                case 0x30...0x39, 0x61...0x7A: word.append(byte)
                case 0x41...0x5A: word.append(byte + 0x20)
                default: flush()
                }
            }
            flush()
        }
    }

    /// `forEachWord` without making strings: each word's lowercase bytes and their `WordTable` hash.
    static func forEachWordBytes(_ text: String, _ body: (UnsafeBufferPointer<UInt8>, UInt64) -> Void) {
        var folded = foldToASCII(text)
        folded.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, bytes.count)) { word in
                var length = 0
                var hash = WordTable.fnvBasis
                for byte in bytes {
                    var letter = byte
                    switch byte {
                    case 0x30...0x39, 0x61...0x7A: break
                    case 0x41...0x5A: letter = byte + 0x20
                    default:
                        if length >= 2 { body(UnsafeBufferPointer(rebasing: word[..<length]), WordTable.mix(hash)) }
                        length = 0
                        hash = WordTable.fnvBasis
                        continue
                    }
                    word[length] = letter
                    length += 1
                    hash = WordTable.fnvStep(hash, letter)
                }
                if length >= 2 { body(UnsafeBufferPointer(rebasing: word[..<length]), WordTable.mix(hash)) }
            }
        }
    }

    /// Words too common to search by. Only function words: the topic engine's longer list also drops
    /// words such as "study" or "model", which readers do search for.
    static let functionWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "has", "have", "in", "into", "is", "it",
        "its", "of", "on", "or", "our", "that", "the", "their", "these", "this", "to", "was", "we", "were", "which", "with",
    ]

    /// Each word's ascending title ids and abstract ids (a word in the title is not repeated in the
    /// abstract list), the words sorted.
    struct Postings {
        var words: [String]
        var title: [[Int32]]
        var abstract: [[Int32]]

        func size(_ word: Int) -> Int { title[word].count + abstract[word].count }
    }

    func postings() -> Postings {
        // Each chunk of documents (on all cores) numbers its own words and builds its own lists; the
        // chunks are then joined in order, so ids stay ascending and only vocabularies are merged.
        struct Chunk {
            var words: [String] = []
            var title: [[Int32]] = []
            var abstract: [[Int32]] = []
        }
        let chunks = concurrentChunks(documents.count, minimumChunk: 64) { range -> Chunk in
            var chunk = Chunk()
            var table = WordTable()
            // Stop words take the first numbers: numbers below `stops` are never indexed.
            for word in Self.functionWords.sorted() {
                var word = word
                word.withUTF8 { _ = table.intern($0) }
            }
            let stops = table.count
            // The last document each word was added to, per list: a word repeated in a text counts once.
            var lastTitle: [Int32] = []
            var lastAbstract: [Int32] = []
            for index in range {
                let id = Int32(index)
                for inTitle in [true, false] {
                    Self.forEachWordBytes(inTitle ? documents[index].title : documents[index].abstract) { bytes, hash in
                        let number = table.intern(bytes, hash: hash).id
                        if number < stops { return }
                        let w = number - stops
                        if w == chunk.title.count {
                            chunk.title.append([]); chunk.abstract.append([]); lastTitle.append(-1); lastAbstract.append(-1)
                        }
                        if inTitle {
                            if lastTitle[w] != id { lastTitle[w] = id; chunk.title[w].append(id) }
                        } else if lastTitle[w] != id, lastAbstract[w] != id {
                            lastAbstract[w] = id
                            chunk.abstract[w].append(id)
                        }
                    }
                }
            }
            chunk.words = (stops..<table.count).map(table.string)
            return chunk
        }
        var number: [String: Int] = [:]
        var postings = Postings(words: [], title: [], abstract: [])
        for chunk in chunks {
            for (local, word) in chunk.words.enumerated() {
                let w: Int
                if let known = number[word] {
                    w = known
                } else {
                    w = postings.words.count
                    number[word] = w
                    postings.words.append(word)
                    postings.title.append([]); postings.abstract.append([])
                }
                postings.title[w] += chunk.title[local]
                postings.abstract[w] += chunk.abstract[local]
            }
        }
        let order = postings.words.indices.sorted { postings.words[$0] < postings.words[$1] }
        return Postings(words: order.map { postings.words[$0] }, title: order.map { postings.title[$0] }, abstract: order.map { postings.abstract[$0] })
    }

    /// Every file of the index, path (under the site root) → bytes, in path order.
    public func files() throws -> [(path: String, bytes: [UInt8])] {
        let postings = postings()
        let plan = Self.shardPlan(postings.words, sizes: postings.words.indices.map(postings.size), maxPostings: maxPostings)
        var jobs: [(path: String, make: () -> [UInt8])] = []
        for (number, shard) in plan.shards.enumerated() {
            jobs.append(("search/t-\(number).json", {
                var json = JSONWriter(pretty: false)
                json.beginObject()
                for word in shard {
                    json.key(postings.words[word])
                    json.beginArray(); json.gaps(postings.title[word]); json.gaps(postings.abstract[word]); json.endArray()
                }
                json.endObject()
                return json.finish()
            }))
        }
        for prefix in plan.prefixes {
            jobs.append(("search/p-\(prefix.key).json", {
                Self.prefixFile(prefix.words, exact: prefix.words.first { postings.words[$0] == prefix.key }, postings: postings, documents: documents.count)
            }))
        }
        var start = 0
        while start < documents.count {
            let range = start..<min(documents.count, start + docsPerShard)
            jobs.append(("search/docs-\(start / docsPerShard).json", {
                var json = JSONWriter(pretty: false)
                json.beginArray()
                for document in documents[range] {
                    json.beginArray()
                    for field in [document.title, document.path, document.topic, document.date, document.dateISO] { json.string(field) }
                    json.endArray()
                }
                json.endArray()
                return json.finish()
            }))
            start += docsPerShard
        }
        var manifest = JSONWriter(pretty: false)
        manifest.beginObject()
        manifest.key("docs_per_shard"); manifest.int(docsPerShard)
        manifest.key("documents"); manifest.int(documents.count)
        manifest.key("max_words"); manifest.int(Self.maxQueryWords)
        manifest.key("prefixes"); manifest.beginArray(); for prefix in plan.prefixes { manifest.string(prefix.key) }; manifest.endArray()
        manifest.key("shards"); manifest.beginArray(); for shard in plan.shards { manifest.string(postings.words[shard.first!]) }; manifest.endArray()
        manifest.key("version"); manifest.int(Self.version)
        manifest.endObject()
        var out: [(path: String, bytes: [UInt8])] = try concurrentMap(jobs) { (path: $0.path, bytes: $0.make()) }
        out.append(("search/manifest.json", manifest.finish()))
        return out.sorted { $0.path < $1.path }
    }

    /// `[3, 5, 9]` → `[3, 2, 4]`.
    static func gaps(_ ids: [Int]) -> [Int] {
        zip(ids, [0] + ids).map { $0 - $1 }
    }

    /// The words of an index grouped into files: `shards` are runs of consecutive words (indices
    /// into the sorted word list), `prefixes` the broad prefixes with a file of their own, each with
    /// every word under it.
    struct ShardPlan {
        var shards: [[Int]] = []
        var prefixes: [(key: String, words: [Int])] = []
    }

    /// Packs sorted `words` into shards of consecutive words holding at most `maxPostings` postings
    /// together (a word with more has one of its own), and finds the prefixes of `prefixMinimum` or
    /// more characters with several words and more than `3 * maxPostings` postings under them.
    static func shardPlan(_ words: [String], sizes: [Int], maxPostings: Int) -> ShardPlan {
        var plan = ShardPlan()
        var current: [Int] = []
        var total = 0
        for word in words.indices {
            if !current.isEmpty && total + sizes[word] > maxPostings {
                plan.shards.append(current)
                current = []
                total = 0
            }
            current.append(word)
            total += sizes[word]
        }
        if !current.isEmpty { plan.shards.append(current) }
        let bytes = words.map { Array($0.utf8) }
        // `range` holds words sharing their first `length - 1` bytes; those at least `length` long
        // are grouped by their first `length` bytes.
        func findPrefixes(_ range: Range<Int>, length: Int) {
            var start = range.lowerBound
            while start < range.upperBound {
                guard bytes[start].count >= length else { start += 1; continue }
                let key = bytes[start].prefix(length)
                var end = start + 1
                while end < range.upperBound, bytes[end].count >= length, bytes[end].prefix(length) == key { end += 1 }
                if end - start > 1, (start..<end).reduce(0, { $0 + sizes[$1] }) > 3 * maxPostings {
                    plan.prefixes.append((String(decoding: key, as: UTF8.self), Array(start..<end)))
                    findPrefixes(start..<end, length: length + 1)
                }
                start = end
            }
        }
        findPrefixes(0..<words.count, length: prefixMinimum)
        plan.prefixes.sort { $0.key < $1.key }
        return plan
    }

    /// The merged lists of a broad prefix: documents with any of its words in the title, then those
    /// with one in the abstract only; then, when the prefix is itself a word (`exact`), that word's
    /// own lists, so that the prefix file is all a query of the word loads.
    static func prefixFile(_ words: [Int], exact: Int?, postings: Postings, documents: Int) -> [UInt8] {
        var title: [Int32] = []
        var abstract: [Int32] = []
        for word in words {
            title += postings.title[word]
            abstract += postings.abstract[word]
        }
        let titleSet = Self.sortedUnique(title)
        var inTitle = [Bool](repeating: false, count: documents)
        for id in titleSet { inTitle[Int(id)] = true }
        var json = JSONWriter(pretty: false)
        json.beginArray()
        json.gaps(titleSet)
        json.gaps(Self.sortedUnique(abstract).filter { !inTitle[Int($0)] })
        if let exact {
            json.gaps(postings.title[exact])
            json.gaps(postings.abstract[exact])
        }
        json.endArray()
        return json.finish()
    }

    private static func sortedUnique(_ ids: [Int32]) -> [Int32] {
        var ids = ids
        ids.sort()
        var out: [Int32] = []
        out.reserveCapacity(ids.count)
        for id in ids where out.last != id { out.append(id) }
        return out
    }

    /// The files search.js loads for one query word (empty when no indexed word can match); `shards`
    /// and `prefixes` are the manifest's lists. Words shorter than `prefixMinimum` match exactly:
    /// the shard holding the word. A longer word also matches the words it starts: its prefix file
    /// when it has one, else every shard its words span (a prefix without a file has at most
    /// `3 * maxPostings` postings, a few shards).
    public static func files(for word: String, shards: [String], prefixes: Set<String>) -> [String] {
        if word.count >= prefixMinimum, prefixes.contains(word) { return ["search/p-\(word).json"] }
        // The shard holding `word`, were it indexed: the last whose first word is not after it.
        let own = shards.lastIndex { $0 <= word }
        guard word.count >= prefixMinimum else { return own.map { ["search/t-\($0).json"] } ?? [] }
        // Words starting with `word` sort before `word` + "{" (the byte after "z").
        let end = word + "{"
        let first = own ?? 0
        guard let last = shards.lastIndex(where: { $0 < end }), last >= first else { return [] }
        return (first...last).map { "search/t-\($0).json" }
    }
}

extension SiteModel {
    /// The search documents, newest paper first (ties and undated papers by title), so that equal
    /// scores list newer papers first. Cleaning the abstracts is the costly part: it runs on all cores.
    func searchDocuments(newestFirst order: [Int]? = nil) -> [SearchDocument] {
        let order = order ?? newestFirst()
        return concurrentChunks(order.count, minimumChunk: 64) { range in range.map { order[$0] }.map { index in
            let paper = papers[index]
            let topic = topics.memberships[index].first.map { topics.topics[$0.topic].name } ?? ""
            return SearchDocument(title: cleanLatex(paper.title, markdown: false), abstract: cleanLatex(paper.abstract ?? "", markdown: false),
                                  path: PageContexts.paperPath(paper), topic: topic,
                                  date: paper.published?.display ?? "", dateISO: paper.published?.iso ?? "")
        } }.flatMap { $0 }
    }
}
