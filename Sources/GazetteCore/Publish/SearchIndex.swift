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
///   query looks up (`max_words`), where each term shard starts (`shards`: the shortest key after the
///   previous shard's last, in order; the first is ""), the broad prefixes (`prefixes`) and the topic
///   names (`topics`);
/// - `search/docs-<n>.json`: metadata of documents `n*perShard ..< (n+1)*perShard`, a column per
///   field: titles, path cells (`pathCell`: "" where search.js can make the path from the title),
///   dates, ISO dates, topic numbers;
/// - `search/t-<n>.json`: `{key: lists}` for a run of consecutive keys in sorted order. A word's key
///   is the word, its lists `[[title ids], [abstract ids]]`; a broad prefix (more than a shard's
///   weight under it) has the key `prefix*` and the merged lists of all its words,
///   `[[title ids], [abstract-only ids]]`, then those of the word equal to the prefix, when there
///   is one (which has no key of its own), so that a prefix such as "com" costs one entry, not
///   dozens of words. Each ascending list is a string of gaps (the first id, then differences),
///   each gap in base 32 (`JSONWriter.gaps`).
/// Shards are packed to about `shardBytes` gzipped (`estimatedBytes`) and never split the words of
/// a prefix that is not broad, so every query word loads one term shard (`files(for:shards:prefixes:)`,
/// the rule search.js follows); the page then loads the metadata of the best twenty hits only.
/// The sizes hold the generated 100,000-paper digest to about 820 files (issue 17's budget is about
/// 900): 250 documents a metadata shard (about 9 KB gzipped; a query's best twenty hits are spread
/// over the id range, newest first or not, so they load up to twenty of them) and term shards of
/// about 50 KB by the estimate (30 to 40 KB in fact; the largest single words weigh as much) weigh
/// the two costs of a query about equally.
public struct SearchIndex: Sendable {
    public static let version = 5
    /// The characters of a gap's base-32 digits: the first 32 end a gap, the last 32 go on.
    static let gapDigits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    /// Words shorter than this match exactly in search.js, not as prefixes, so they need no prefix file.
    public static let prefixMinimum = 3
    /// search.js looks up at most this many distinct words of a query (the first ones typed) and says
    /// which it left out. Each word loads its own index files, so without a cap a long query of
    /// common words could load a megabyte at 100,000 papers; with it, any query stays under 400 KB.
    public static let maxQueryWords = 6
    /// Documents in order; a document's id is its position.
    public var documents: [SearchDocument]
    public var docsPerShard: Int
    /// What the lists of one term shard may weigh together, gzipped, as `estimatedBytes` reckons.
    public var shardBytes: Int

    public init(documents: [SearchDocument], docsPerShard: Int = 250, shardBytes: Int = 50000) {
        self.documents = documents
        self.docsPerShard = max(1, docsPerShard)
        self.shardBytes = max(1, shardBytes)
    }

    /// About what a list of `count` of `documents` ids weighs gzipped as decimal gaps (the base-32
    /// strings written since version 5 weigh about a sixth less, so shards come out lighter), fitted to
    /// lists of independently drawn ids (real text is no more regular): 1.4 bits for each halving of
    /// the density and two more an id, or for dense lists twice their entropy. Shards are packed by
    /// this rather than by postings: an id of a list of nearly every paper costs about a bit, one of
    /// a list of one paper in a hundred about eleven.
    static func estimatedBytes(_ count: Int, of documents: Int) -> Int {
        guard count > 0 else { return 1 }
        let p = Swift.min(Double(count) / Double(Swift.max(documents, count)), 0.999)
        let sparse = 1.4 * log2(1 / p) + 2
        let dense = 2 * (-p * log2(p) - (1 - p) * log2(1 - p)) / p
        return Int(Double(count) * Swift.min(sparse, dense) / 8) + 2
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

    /// The term shards (`search/t-<n>.json`) and what the manifest says of them: made from the
    /// documents' words alone, so a build makes them while it infers topics.
    struct Terms: Sendable {
        var files: [(path: String, bytes: [UInt8])]
        var prefixes: [String]
        var separators: [String]
    }

    /// Every file of the index, path (under the site root) → bytes, in path order.
    public func files() throws -> [(path: String, bytes: [UInt8])] {
        try files(terms: terms())
    }

    /// The index's term shards.
    func terms() throws -> Terms {
        let postings = postings()
        let count = documents.count
        let sizes = postings.words.indices.map { word in
            postings.words[word].utf8.count + 4 + Self.estimatedBytes(postings.title[word].count, of: count)
                + Self.estimatedBytes(postings.abstract[word].count, of: count)
        }
        let plan = Self.shardPlan(postings.words, sizes: sizes, limit: shardBytes) { words in
            // Documents under any of the prefix's words, once per list, as the entry holds them.
            var seen = [UInt8](repeating: 0, count: count)
            for word in words {
                for id in postings.title[word] { seen[Int(id)] = 2 }
                for id in postings.abstract[word] where seen[Int(id)] == 0 { seen[Int(id)] = 1 }
            }
            let title = seen.reduce(0) { $0 + ($1 == 2 ? 1 : 0) }, abstract = seen.reduce(0) { $0 + ($1 == 1 ? 1 : 0) }
            return Self.estimatedBytes(title, of: count) + Self.estimatedBytes(abstract, of: count)
        }
        var jobs: [(path: String, make: () -> [UInt8])] = []
        for (number, shard) in plan.shards.enumerated() {
            jobs.append(("search/t-\(number).json", {
                var json = JSONWriter(pretty: false)
                json.beginObject()
                for entry in shard.map({ plan.entries[$0] }) {
                    json.key(entry.key)
                    if entry.isPrefix {
                        Self.writePrefixEntry(&json, entry.words, exact: entry.exact, postings: postings, documents: documents.count)
                    } else {
                        json.beginArray(); json.gaps(postings.title[entry.words[0]]); json.gaps(postings.abstract[entry.words[0]]); json.endArray()
                    }
                }
                json.endObject()
                return json.finish()
            }))
        }
        return Terms(files: try concurrentMap(jobs) { (path: $0.path, bytes: $0.make()) }, prefixes: plan.prefixes, separators: plan.separators)
    }

    /// Every file of the index, with the term shards `terms` made from these documents' words.
    func files(terms: Terms) throws -> [(path: String, bytes: [UInt8])] {
        var jobs: [(path: String, make: () -> [UInt8])] = []
        // Topic names once, in the manifest; metadata shards refer to them by number.
        let topics = Array(Set(documents.map(\.topic))).sorted()
        let topicNumber = Dictionary(uniqueKeysWithValues: topics.enumerated().map { ($1, $0) })
        var start = 0
        while start < documents.count {
            let range = start..<min(documents.count, start + docsPerShard)
            jobs.append(("search/docs-\(start / docsPerShard).json", {
                // A column per field: runs of like values (paths, dates of consecutive papers) sit
                // together, which gzip packs tighter than the same fields row by row.
                let slice = documents[range]
                var json = JSONWriter(pretty: false)
                json.beginArray()
                json.beginArray(); for document in slice { json.string(document.title) }; json.endArray()
                json.beginArray(); for document in slice { json.string(Self.pathCell(document)) }; json.endArray()
                json.beginArray(); for document in slice { json.string(document.date) }; json.endArray()
                json.beginArray(); for document in slice { json.string(document.dateISO) }; json.endArray()
                json.ints(slice.map { topicNumber[$0.topic]! })
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
        manifest.key("prefixes"); manifest.beginArray(); for prefix in terms.prefixes { manifest.string(prefix) }; manifest.endArray()
        manifest.key("shards"); manifest.beginArray(); for key in terms.separators { manifest.string(key) }; manifest.endArray()
        manifest.key("topics"); manifest.beginArray(); for topic in topics { manifest.string(topic) }; manifest.endArray()
        manifest.key("version"); manifest.int(Self.version)
        manifest.endObject()
        var out: [(path: String, bytes: [UInt8])] = try concurrentMap(jobs) { (path: $0.path, bytes: $0.make()) } + terms.files
        out.append(("search/manifest.json", manifest.finish()))
        return out.sorted { $0.path < $1.path }
    }

    /// A document's path as its metadata shard holds it: "" when it is the paper path of its title's
    /// slug, `-<hash>` when it is that slug cut for a hash suffix (as `UniqueSlugs` makes it), else the
    /// path itself. search.js slugs the title the same way (`slugify` on an ASCII title); the slug was
    /// as much as the title of a shard's gzipped bytes.
    static func pathCell(_ document: SearchDocument) -> String {
        guard document.title.utf8.allSatisfy({ $0 < 0x80 }) else { return document.path }
        let slug = slugify(document.title)
        if document.path == "papers/\(slug)/index.html" { return "" }
        let base = slugify(slug, maxLength: 71)
        let prefix = "papers/\(base)-", suffix = "/index.html"
        if !base.isEmpty, document.path.hasPrefix(prefix), document.path.hasSuffix(suffix), document.path.count == prefix.count + 8 + suffix.count {
            return "-" + document.path.dropFirst(prefix.count).dropLast(suffix.count)
        }
        return document.path
    }

    /// `[3, 5, 9]` → `[3, 2, 4]`.
    static func gaps(_ ids: [Int]) -> [Int] {
        zip(ids, [0] + ids).map { $0 - $1 }
    }

    /// One key of a term shard: a word with its own lists, or a broad prefix (`key` is the prefix
    /// followed by `*`, which sorts right after the prefix itself) with the merged lists of all its
    /// `words` and the lists of the word equal to the prefix (`exact`), when there is one.
    struct Entry: Equatable {
        var key: String
        var words: [Int]
        var exact: Int?
        var size: Int
        var isPrefix: Bool { key.hasSuffix("*") }
    }

    /// The keys of an index grouped into files: `entries` in key order, `shards` runs of
    /// consecutive entries (indices into `entries`), `separators` the shortest key that sorts after
    /// the previous shard's last key and not after a shard's first (the manifest's `shards`; the
    /// first is ""), and `prefixes` the broad prefixes, sorted.
    struct ShardPlan {
        var entries: [Entry] = []
        var shards: [[Int]] = []
        var separators: [String] = []
        var prefixes: [String] = []
    }

    /// Finds the broad prefixes (`prefixMinimum` or more characters, several words, their `sizes`
    /// adding up to more than `limit`), puts an entry for each among the sorted words (in place of
    /// the word equal to it, whose lists it carries), and packs the entries into shards of
    /// consecutive entries weighing at most `limit` together (one heavier stands alone), never
    /// splitting the words of a prefix that is not broad.
    static func shardPlan(_ words: [String], sizes: [Int], limit: Int,
                          mergedSize: ((Range<Int>) -> Int)? = nil) -> ShardPlan {
        // Without the documents, the words' sizes added up bound a prefix's merged lists.
        let mergedSize = mergedSize ?? { sizes[$0].reduce(0, +) }
        var plan = ShardPlan()
        let bytes = words.map { Array($0.utf8) }
        var broad: [(key: String, words: Range<Int>)] = []
        // `range` holds words sharing their first `length - 1` bytes; those at least `length` long
        // are grouped by their first `length` bytes.
        func findPrefixes(_ range: Range<Int>, length: Int) {
            var start = range.lowerBound
            while start < range.upperBound {
                guard bytes[start].count >= length else { start += 1; continue }
                let key = bytes[start].prefix(length)
                var end = start + 1
                while end < range.upperBound, bytes[end].count >= length, bytes[end].prefix(length) == key { end += 1 }
                if end - start > 1, sizes[start..<end].reduce(0, +) > limit {
                    broad.append((String(decoding: key, as: UTF8.self), start..<end))
                    findPrefixes(start..<end, length: length + 1)
                }
                start = end
            }
        }
        findPrefixes(0..<words.count, length: prefixMinimum)
        // A prefix's entry goes where the prefix sorts among the words: "com*" after "com", before
        // "com0". The word equal to the prefix (first of its range, when there is one) moves into it.
        let exact = broad.map { words[$0.words.lowerBound] == $0.key ? $0.words.lowerBound : nil }
        let folded = Set(exact.compactMap { $0 })
        var entries = words.indices.filter { !folded.contains($0) }.map { Entry(key: words[$0], words: [$0], exact: nil, size: sizes[$0]) }
        for (prefix, exact) in zip(broad, exact) {
            entries.append(Entry(key: prefix.key + "*", words: Array(prefix.words), exact: exact,
                                 size: mergedSize(prefix.words) + (exact.map { sizes[$0] } ?? 0)))
        }
        entries.sort { $0.key < $1.key }
        plan.entries = entries
        plan.prefixes = broad.map(\.key).sorted()
        // A shard may end between two keys only where no prefix that is not broad starts both: the
        // words a query word starts are then in one shard (a word group that is not broad weighs at
        // most `limit`), so that every query word loads one file.
        let broadSet = Set(plan.prefixes)
        func mayEnd(before index: Int) -> Bool {
            let a = Array(entries[index - 1].key.utf8), b = Array(entries[index].key.utf8)
            var common = 0
            while common < min(a.count, b.count), a[common] == b[common] { common += 1 }
            return common < prefixMinimum || broadSet.contains(String(decoding: a.prefix(common), as: UTF8.self))
        }
        var start = 0, total = 0, lastEnd: Int? = nil
        for index in entries.indices {
            if index > start, mayEnd(before: index) { lastEnd = index }
            if total + entries[index].size > limit, let end = lastEnd {
                plan.shards.append(Array(start..<end))
                total = entries[end..<index].reduce(0) { $0 + $1.size }
                start = end
                lastEnd = nil
                if index > start, mayEnd(before: index) { lastEnd = index }
            }
            total += entries[index].size
        }
        if start < entries.count { plan.shards.append(Array(start..<entries.count)) }
        plan.separators = plan.shards.indices.map { n in
            n == 0 ? "" : separator(after: entries[plan.shards[n - 1].last!].key, upTo: entries[plan.shards[n].first!].key)
        }
        return plan
    }

    /// The shortest start of `next` that sorts after `last` (`last < next`): the manifest then says
    /// where a shard starts without a word that a prefix query would wrongly take to be in it.
    static func separator(after last: String, upTo next: String) -> String {
        let next = Array(next.utf8)
        for length in 1...next.count {
            let candidate = String(decoding: next.prefix(length), as: UTF8.self)
            if candidate > last { return candidate }
        }
        return String(decoding: next, as: UTF8.self)
    }

    /// A broad prefix's lists: documents with any of its words in the title, then those with one in
    /// the abstract only; then, when the prefix is itself a word (`exact`), that word's own lists.
    static func writePrefixEntry(_ json: inout JSONWriter, _ words: [Int], exact: Int?, postings: Postings, documents: Int) {
        var title: [Int32] = []
        var abstract: [Int32] = []
        for word in words {
            title += postings.title[word]
            abstract += postings.abstract[word]
        }
        let titleSet = Self.sortedUnique(title)
        var inTitle = [Bool](repeating: false, count: documents)
        for id in titleSet { inTitle[Int(id)] = true }
        json.beginArray()
        json.gaps(titleSet)
        json.gaps(Self.sortedUnique(abstract).filter { !inTitle[Int($0)] })
        if let exact {
            json.gaps(postings.title[exact])
            json.gaps(postings.abstract[exact])
        }
        json.endArray()
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
    /// (each shard's separator) and `prefixes` are the manifest's lists. A broad prefix loads the
    /// shard holding its entry (`word*`). Words shorter than `prefixMinimum` match exactly: the
    /// shard holding the word. A longer word also matches the words it starts: every shard they span,
    /// which is one, as `shardPlan` keeps the words of a prefix that is not broad together.
    public static func files(for word: String, shards: [String], prefixes: Set<String>) -> [String] {
        // The shard holding `key`, were it indexed: the last whose separator is not after it.
        func holding(_ key: String) -> Int? { shards.lastIndex { $0 <= key } }
        if word.count >= prefixMinimum, prefixes.contains(word) { return holding(word + "*").map { ["search/t-\($0).json"] } ?? [] }
        let own = holding(word)
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
        return GazetteCore.searchDocuments(papers, order: order) { index in
            topics.memberships[index].first.map { topics.topics[$0.topic].name } ?? ""
        }
    }
}

/// The search documents of `papers` in `order`, each with the topic name `topic` gives its paper.
func searchDocuments(_ papers: [Paper], order: [Int], topic: (Int) -> String) -> [SearchDocument] {
    concurrentChunks(order.count, minimumChunk: 64) { range in range.map { order[$0] }.map { index in
        let paper = papers[index]
        return SearchDocument(title: cleanLatex(paper.title, markdown: false), abstract: cleanLatex(paper.abstract ?? "", markdown: false),
                              path: PageContexts.paperPath(paper), topic: topic(index),
                              date: paper.published?.display ?? "", dateISO: paper.published?.iso ?? "")
    } }.flatMap { $0 }
}

/// The part of the search index made from the papers' text alone, before their topics are known:
/// the papers newest first, their search documents (without topic names) and the term shards.
/// A build makes it on another thread while topics are inferred, where cores would otherwise wait.
public struct SearchText: Sendable {
    /// The papers it was made from (the same storage as the model's in a build, so comparing is quick).
    var papers: [Paper]
    /// Paper indices newest first (`SiteModel.newestFirst`).
    var newestFirst: [Int]
    /// The papers' search documents in that order, topic names left empty.
    var documents: [SearchDocument]
    var terms: SearchIndex.Terms

    /// Made from the papers as the site model will hold them (slugs assigned).
    public init(papers: [Paper]) throws {
        self.papers = papers
        newestFirst = GazetteCore.newestFirst(papers)
        documents = searchDocuments(papers, order: newestFirst) { _ in "" }
        terms = try SearchIndex(documents: documents).terms()
    }

    /// Whether this was made from `model`'s papers.
    func matches(_ model: SiteModel) -> Bool { papers == model.papers }
}

