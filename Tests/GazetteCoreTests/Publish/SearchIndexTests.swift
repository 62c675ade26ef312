import Foundation
import XCTest
@testable import GazetteCore

final class SearchIndexTests: XCTestCase {
    func document(_ title: String, _ abstract: String = "") -> SearchDocument {
        SearchDocument(title: title, abstract: abstract, path: "papers/\(title.lowercased().replacingOccurrences(of: " ", with: "-"))/index.html",
                       topic: "Topic", date: "Jan 2, 2024", dateISO: "2024-01-02")
    }

    func json(_ files: [(path: String, bytes: [UInt8])], _ path: String) throws -> Any {
        let file = try XCTUnwrap(files.first { $0.path == path }, path)
        return try JSONSerialization.jsonObject(with: Data(file.bytes))
    }

    /// The ids a posting string holds, decoded as search.js does: base-32 gaps, a digit from
    /// "A"…"f" ending a gap and one from "g"…"_" going on.
    func ids(_ packed: String) -> [Int] {
        let digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var ids: [Int] = [], id = 0, gap = 0
        for character in packed {
            let digit = digits.firstIndex(of: character)!
            if digit >= 32 { gap = gap * 32 + digit - 32; continue }
            id += gap * 32 + digit
            ids.append(id)
            gap = 0
        }
        return ids
    }

    /// The term shard that holds `word`, as search.js finds it through the manifest, with its lists decoded.
    func shard(holding word: String, _ files: [(path: String, bytes: [UInt8])]) throws -> [String: [[Int]]] {
        for path in try filesFor(word, files) {
            let shard = try XCTUnwrap(json(files, path) as? [String: [String]])
            if shard[word] != nil { return shard.mapValues { $0.map(ids) } }
        }
        XCTFail("no shard holds \(word)")
        return [:]
    }

    func testWordsAreFoldedLowercasedAndWithoutStopWords() {
        XCTAssertEqual(SearchIndex.words("The Café of GPT-4 in 3D: a Study"), ["cafe", "gpt", "3d", "study"])
    }

    func testTitleAndAbstractPostingsAreSeparateAndATitleWordIsNotRepeatedInTheAbstractList() throws {
        let index = SearchIndex(documents: [document("Diffusion models", "We study diffusion."), document("Language agents", "Diffusion helps agents.")])
        let files = try index.files()
        XCTAssertEqual(try shard(holding: "diffusion", files)["diffusion"], [[0], [1]])
        XCTAssertEqual(try shard(holding: "agents", files)["agents"], [[1], []])
        let manifest = try XCTUnwrap(json(files, "search/manifest.json") as? [String: Any])
        XCTAssertEqual(manifest["documents"] as? Int, 2)
        // A small index is one shard, starting at "".
        XCTAssertEqual(manifest["shards"] as? [String], [""])
        XCTAssertEqual(manifest["topics"] as? [String], ["Topic"])
        // A column per field; a path that is the title's slug is left for search.js to make.
        let docs = try XCTUnwrap(json(files, "search/docs-0.json") as? [[Any]])
        XCTAssertEqual(docs[0] as? [String], ["Diffusion models", "Language agents"])
        XCTAssertEqual(docs[1] as? [String], ["", ""])
        XCTAssertEqual(docs[2] as? [String], ["Jan 2, 2024", "Jan 2, 2024"])
        XCTAssertEqual(docs[3] as? [String], ["2024-01-02", "2024-01-02"])
        XCTAssertEqual(docs[4] as? [Int], [0, 0])
    }

    func testPostingListsAreWrittenAsBase32Gaps() throws {
        let documents = (0..<6).map { document("Paper \($0)", [0, 2, 5].contains($0) ? "sparse attention" : "dense") }
        let files = try SearchIndex(documents: documents).files()
        XCTAssertEqual(try shard(holding: "sparse", files)["sparse"], [[], [0, 2, 5]])
        let shard = try XCTUnwrap(json(files, try filesFor("sparse", files)[0]) as? [String: [String]])
        XCTAssertEqual(shard["sparse"], ["", "ACD"])
        XCTAssertEqual(SearchIndex.gaps([3, 5, 9]), [3, 2, 4])
        // Gaps of 3, 2, 4, 31 and 1060 (= 1·32² + 1·32 + 4: two digits going on, then one ending).
        var json = JSONWriter(pretty: false)
        json.gaps([3, 5, 9, 40, 1100])
        XCTAssertEqual(String(decoding: json.bytes, as: UTF8.self), "\"DCEfhhE\"")
        XCTAssertEqual(ids("DCEfhhE"), [3, 5, 9, 40, 1100])
    }

    func testMetadataIsSplitByIdRange() throws {
        let documents = (0..<5).map { document("Paper number\($0)") }
        let files = try SearchIndex(documents: documents, docsPerShard: 2).files()
        XCTAssertEqual(files.filter { $0.path.hasPrefix("search/docs-") }.map(\.path), ["search/docs-0.json", "search/docs-1.json", "search/docs-2.json"])
        let last = try XCTUnwrap(json(files, "search/docs-2.json") as? [[Any]])
        XCTAssertEqual(last[0] as? [String], ["Paper number4"])
    }

    func testShardsAreRunsOfWordsUpToTheLimitAndAWordOverItStandsAlone() throws {
        let words = ["ab", "th", "them", "theory", "thermal", "tiny", "zoo"]
        let plan = SearchIndex.shardPlan(words, sizes: [1, 1, 5, 5, 20, 1, 1], limit: 40)
        XCTAssertEqual(plan.prefixes, [], "no prefix weighs more than a shard")
        XCTAssertEqual(plan.entries.map(\.key), words)
        XCTAssertEqual(plan.shards, [Array(words.indices)])
        XCTAssertEqual(plan.separators, [""])
        // "the…" weighs more than a shard: one merged entry, after "th", and its words may be split.
        let broad = SearchIndex.shardPlan(words, sizes: [1, 1, 5, 5, 20, 1, 1], limit: 12)
        XCTAssertEqual(broad.prefixes, ["the"])
        XCTAssertEqual(broad.entries.map(\.key), ["ab", "th", "the*", "them", "theory", "thermal", "tiny", "zoo"])
        XCTAssertEqual(broad.entries[2].words, [2, 3, 4])
        XCTAssertEqual(broad.shards, [[0, 1], [2], [3, 4], [5], [6, 7]])
        XCTAssertEqual(broad.shards.flatMap { $0 }, Array(broad.entries.indices), "every entry once, in order")
        // Each shard starts at the shortest key after the previous shard's last.
        XCTAssertEqual(broad.separators, ["", "the", "them", "ther", "ti"])
    }

    func testTheWordsOfAPrefixThatIsNotBroadStayInOneShard() {
        // "cat" and "cats" weigh 8, under the limit of 10: the shard ends before "cat", not between them.
        let plan = SearchIndex.shardPlan(["ab", "cat", "cats", "dog"], sizes: [5, 4, 4, 5], limit: 10)
        XCTAssertEqual(plan.prefixes, [])
        XCTAssertEqual(plan.shards, [[0], [1, 2], [3]])
        XCTAssertEqual(SearchIndex.files(for: "cat", shards: plan.separators, prefixes: []), ["search/t-1.json"])
    }

    func testAWordLoadsTheShardsItsPrefixSpans() {
        let shards = ["", "them", "tiny"]
        // Short words match exactly: the one shard that would hold them.
        XCTAssertEqual(SearchIndex.files(for: "th", shards: shards, prefixes: []), ["search/t-0.json"])
        XCTAssertEqual(SearchIndex.files(for: "aa", shards: shards, prefixes: []), ["search/t-0.json"])
        // "the" spans the end of shard 0 ("th…") and shard 1 ("them", "theory"…).
        XCTAssertEqual(SearchIndex.files(for: "the", shards: shards, prefixes: []), ["search/t-0.json", "search/t-1.json"])
        XCTAssertEqual(SearchIndex.files(for: "theory", shards: shards, prefixes: []), ["search/t-1.json"])
        XCTAssertEqual(SearchIndex.files(for: "zzz", shards: shards, prefixes: []), ["search/t-2.json"])
        // A broad prefix loads the shard holding its merged entry, "the*".
        XCTAssertEqual(SearchIndex.files(for: "the", shards: ["", "the*", "them"], prefixes: ["the"]), ["search/t-1.json"])
    }

    /// The term shard holding `key`.
    func shard(holdingKey key: String, _ files: [(path: String, bytes: [UInt8])]) throws -> [String: Any] {
        for file in files where file.path.hasPrefix("search/t-") {
            let shard = try XCTUnwrap(json(files, file.path) as? [String: Any])
            if shard[key] != nil { return shard }
        }
        XCTFail("no shard holds \(key)")
        return [:]
    }

    /// The files a word loads, through the manifest as search.js reads it.
    func filesFor(_ word: String, _ files: [(path: String, bytes: [UInt8])]) throws -> [String] {
        let manifest = try XCTUnwrap(json(files, "search/manifest.json") as? [String: Any])
        return SearchIndex.files(for: word, shards: manifest["shards"] as! [String], prefixes: Set(manifest["prefixes"] as! [String]))
    }

    func testABroadPrefixLoadsOneMergedEntryAndTheWordItselfItsOwn() throws {
        // "model" and its longer forms hold far more postings than one shard may: "mod" and "model" are split.
        var documents: [SearchDocument] = []
        for i in 0..<40 {
            let title = ["Model \(i)", "Models \(i)", "Modular \(i)", "Paper \(i)"][i % 4]
            documents.append(document(title, i % 3 == 0 ? "modeling modest" : "plain text"))
        }
        let files = try SearchIndex(documents: documents, shardBytes: 20).files()
        let manifest = try XCTUnwrap(json(files, "search/manifest.json") as? [String: Any])
        XCTAssertEqual(manifest["version"] as? Int, SearchIndex.version)
        XCTAssertTrue((manifest["prefixes"] as! [String]).contains("mod"))
        XCTAssertTrue((manifest["prefixes"] as! [String]).contains("model"))
        func entry(_ key: String) throws -> [[Int]] {
            let paths = try filesFor(String(key.dropLast()), files)
            XCTAssertEqual(paths.count, 1, key)
            let shard = try XCTUnwrap(json(files, paths[0]) as? [String: Any])
            return try XCTUnwrap(shard[key] as? [String], key).map(ids)
        }
        // A prefix that is a word itself carries that word's own lists after the merged ones, and
        // the word has no key of its own.
        let model = try entry("model*")
        XCTAssertNil(try shard(holdingKey: "model*", files)["model"])
        XCTAssertEqual(model.count, 4)
        XCTAssertEqual(model[2], documents.indices.filter { $0 % 4 == 0 })
        let merged = try entry("mod*")
        XCTAssertEqual(merged.count, 2, "no word is \"mod\" itself")
        let inTitle = documents.indices.filter { $0 % 4 != 3 }
        XCTAssertEqual(merged[0], inTitle)
        // Abstract-only: a paper with a "mod…" word in its title is not listed again.
        XCTAssertEqual(merged[1], documents.indices.filter { $0 % 4 == 3 && $0 % 3 == 0 })
        // Words shorter than three letters match exactly and never load a prefix file.
        XCTAssertEqual(try filesFor("mo", files).count, 1)
        XCTAssertEqual(try filesFor("plain", files).count, 1)
        XCTAssertNotNil(try shard(holding: "plain", files)["plain"])
    }

    /// What a query costs at most, gzipped: the manifest, the script, twenty of the largest metadata
    /// shards (the twenty hits shown; they are spread over the ids, so a query may need twenty) and
    /// the term shards of its words, at most `maxQueryWords` of them. 300 KB held with a file per 40
    /// papers' metadata and 5,000 index files at 100,000 papers; issue 17 allows about 900 files, and
    /// metadata shards ten times fewer cost about 100 KB more at worst (see README, Performance).
    func testTheCostliestQueryOnALargeDigestStaysUnder400KB() throws {
        let documents = SyntheticDigest.documents(count: 100_000)
        let files = try SearchIndex(documents: documents).files()
        let directory = try Fixtures.temporaryDirectory(self)
        for file in files {
            let url = directory.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
        }
        try Data(contentsOf: URL(fileURLWithPath: Fixtures.templates + "/assets/search.js")).write(to: directory.appendingPathComponent("search.js"))
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-6", "-r", directory.path]
        try gzip.run()
        gzip.waitUntilExit()
        XCTAssertEqual(gzip.terminationStatus, 0)
        func gzipped(_ path: String) throws -> Int {
            try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(path + ".gz").path)[.size] as! Int
        }
        let docShards = try files.map(\.path).filter { $0.hasPrefix("search/docs-") }.map(gzipped).sorted(by: >)
        XCTAssertEqual(docShards.count, 400)
        // Issue 17's budget: about 900 files for the index of 100,000 papers.
        XCTAssertLessThan(files.count, 900)
        let fixed = try gzipped("search/manifest.json") + gzipped("search.js") + docShards.prefix(20).reduce(0, +)
        let manifest = try XCTUnwrap(json(files, "search/manifest.json") as? [String: Any])
        let shards = manifest["shards"] as! [String]
        let prefixes = Set(manifest["prefixes"] as! [String])
        XCTAssertFalse(prefixes.isEmpty, "the synthetic digest has broad prefixes")
        // Every shard's first word, prefix file and three-letter prefix, and every word of the vocabulary.
        var queries = Set(shards.filter { !$0.isEmpty }).union(prefixes).union(SyntheticDigest.vocabulary)
        for word in SyntheticDigest.vocabulary where word.count >= 3 { queries.insert(String(word.prefix(3))) }
        XCTAssertEqual(manifest["max_words"] as? Int, SearchIndex.maxQueryWords)
        // Every query word loads one term shard, so the costliest query is six words in the six
        // costliest shards (words sharing a shard load it once).
        var costOfShard: [String: (word: String, bytes: Int)] = [:]
        for word in queries.sorted() {
            let files = SearchIndex.files(for: word, shards: shards, prefixes: prefixes)
            XCTAssertEqual(files.count, 1, word)
            if let file = files.first, costOfShard[file] == nil { costOfShard[file] = (word, try gzipped(file)) }
        }
        let costs = costOfShard.values.sorted { $0.bytes != $1.bytes ? $0.bytes > $1.bytes : $0.word < $1.word }
        let worst = costs.prefix(SearchIndex.maxQueryWords)
        let total = fixed + worst.reduce(0) { $0 + $1.bytes }
        XCTAssertLessThan(total, 400 * 1024, "\(worst.map { $0.word }.joined(separator: " ")) costs \(total / 1024) KB")
        XCTAssertLessThan(fixed + costs[0].bytes, 200 * 1024, "the single costliest word, \"\(costs[0].word)\"")
    }

    func testTheIndexIsTheSameWhateverTheHashSeed() throws {
        let documents = (0..<50).map { document("Title \($0) alpha\($0 % 7) beta\($0 % 3)", "gamma\($0 % 5) delta") }
        let a = try SearchIndex(documents: documents, shardBytes: 30).files()
        let b = try SearchIndex(documents: documents, shardBytes: 30).files()
        XCTAssertTrue(a.contains { $0.path.hasPrefix("search/t-") && String(decoding: $0.bytes, as: UTF8.self).contains("*\"") },
                      "merged prefix entries are covered too")
        XCTAssertEqual(a.map(\.path), b.map(\.path))
        XCTAssertEqual(a.map(\.bytes), b.map(\.bytes))
        XCTAssertEqual(a.map(\.path), a.map(\.path).sorted())
    }

    func testTheDefaultContentsSearchStaysSmall() throws {
        let output = try Fixtures.temporaryDirectory(self).appendingPathComponent("public").path
        _ = try buildSite(BuildOptions(contentDirectory: Fixtures.defaultContent, outputDirectory: output, templatesDirectory: Fixtures.templates))
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/search/manifest.json"))) as! [String: Any]
        let shards = manifest["shards"] as! [String]
        XCTAssertGreaterThan(shards.count, 1)
        // Uncompressed, the largest term shard and the metadata stay far below the 150 KB gzipped budget.
        let largest = try shards.indices.map { try Data(contentsOf: URL(fileURLWithPath: output + "/search/t-\($0).json")).count }.max()!
        let documents = manifest["documents"] as! Int, perShard = manifest["docs_per_shard"] as! Int
        let docs = try (0..<(documents + perShard - 1) / perShard).map {
            try Data(contentsOf: URL(fileURLWithPath: output + "/search/docs-\($0).json")).count
        }.reduce(0, +)
        XCTAssertLessThan(largest + docs, 150 * 1024)
    }
}

/// A large digest of generated text: words made of common Latin prefixes, roots and endings, drawn
/// with Zipf frequencies, so that prefixes such as "com" and "pro" are as broad as in real abstracts.
enum SyntheticDigest {
    static let vocabulary: [String] = {
        let starts = ["com", "con", "pro", "pre", "re", "in", "de", "trans", "gen", "inter", "rep", "dis", "sub", "ex"]
        let roots = ["put", "pos", "duc", "struct", "form", "press", "mit", "ject", "tract", "fer", "ven", "spect", "pend", "plic", "sid"]
        let ends = ["", "s", "ing", "ed", "ation", "ations", "al", "ive", "er", "ers", "ly"]
        var words: [String] = []
        for s in starts { for r in roots { for e in ends { words.append(s + r + e) } } }
        var random = SeededRandom(seed: 7)
        words.shuffle(using: &random)
        return words
    }()

    static func documents(count: Int) -> [SearchDocument] {
        // Zipf: the word of rank r is drawn with weight 1 / (r + 1).
        var cumulative: [Double] = []
        var total = 0.0
        for rank in vocabulary.indices { total += 1 / Double(rank + 1); cumulative.append(total) }
        var random = SeededRandom(seed: 42)
        func text(_ words: Int) -> String {
            (0..<words).map { _ in
                let x = random.unit() * total
                var low = 0, high = cumulative.count - 1
                while low < high { let mid = (low + high) / 2; if cumulative[mid] < x { low = mid + 1 } else { high = mid } }
                return vocabulary[low]
            }.joined(separator: " ")
        }
        // Paths as the site makes them: the title's slug, with a hash suffix where it is taken.
        var slugs = UniqueSlugs()
        return (0..<count).map { i in
            let title = text(8)
            return SearchDocument(title: title, abstract: text(40), path: "papers/\(slugs.make(title))/index.html",
                                  topic: "Topic \(i % 40)", date: "Jan \(i % 28 + 1), 2024", dateISO: "2024-01-\(i % 28 + 1)")
        }
    }
}
