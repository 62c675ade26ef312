import XCTest
@testable import GazetteCore

final class WordCacheTests: XCTestCase {
    /// Enough documents for several chunks, with accents, hyphens, stop words, an empty title and
    /// an empty abstract.
    static func documents(_ count: Int, seed: UInt64 = 5) -> [(title: String, body: String)] {
        var random = SeededRandom(seed: seed)
        let words = ["neural", "network", "graph", "parsing", "semantic", "Semantics", "models", "model", "the", "of", "in-context",
                     "naïve", "Représentations", "reward", "agent", "memory", "retrieval", "LLMs", "a", "x", "42", "chain-of-thought"]
        return (0..<count).map { i in
            let body = (0..<14).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: i % 3 == 0 ? ", " : " ")
            return (title: i == 7 ? "" : "Paper \(i % 11) on \(words[i % words.count])", body: i == 9 ? "" : body + ". word\(i % 300) here")
        }
    }

    static func keys(_ documents: [(title: String, body: String)]) -> [UInt64] {
        documents.map { textKey(title: $0.title, abstract: $0.body) }
    }

    /// The analysis with the cache, and which documents it asked for.
    final class Asked: @unchecked Sendable {
        private let lock = NSLock()
        private var documents: Set<Int> = []
        func note(_ d: Int) { lock.lock(); documents.insert(d); lock.unlock() }
        var all: Set<Int> { lock.lock(); defer { lock.unlock() }; return documents }
    }

    func analyse(_ documents: [(title: String, body: String)], cache: WordCache?, placing: [Int]? = nil)
        -> (corpus: AnalyzedCorpus, update: WordCacheUpdate, asked: Set<Int>) {
        let asked = Asked()
        let result = analyzeCorpus(count: documents.count, document: { asked.note($0); return documents[$0] }, keys: Self.keys(documents),
                                   cache: cache, options: AnalyzerOptions(), placing: placing)
        return (result.corpus, result.update, asked.all)
    }

    func assertSameCorpus(_ a: AnalyzedCorpus, _ b: AnalyzedCorpus, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.terms, b.terms, file: file, line: line)
        XCTAssertEqual(a.termIndex, b.termIndex, file: file, line: line)
        XCTAssertEqual(a.documents.count, b.documents.count, file: file, line: line)
        for (x, y) in zip(a.documents, b.documents) {
            XCTAssertEqual(x.map(\.term), y.map(\.term), file: file, line: line)
            XCTAssertEqual(x.map(\.count), y.map(\.count), file: file, line: line)
        }
    }

    func testWordsCountedFromTheCacheGiveTheCorpusOfReadingEveryText() {
        let documents = Self.documents(3000)
        let read = analyzeCorpus(documents)
        XCTAssertGreaterThan(read.terms.filter(\.isPhrase).count, 0)
        let first = analyse(documents, cache: nil)
        assertSameCorpus(first.corpus, read)
        XCTAssertEqual(first.asked.count, documents.count, "without a cache every text is read")

        let cache = first.update.cache()
        XCTAssertEqual(cache.count, documents.count)
        let again = analyse(documents, cache: cache)
        assertSameCorpus(again.corpus, read)
        XCTAssertTrue(again.asked.isEmpty, "every text is in the cache")

        // Half the documents new (text the cache never saw), in another order and rows placed back.
        let grown = Array(documents.prefix(1500)) + Self.documents(1500, seed: 9).map { (title: $0.title + " new", body: $0.body) }
        let placing = Array((0..<grown.count).reversed())
        let partly = analyse(grown, cache: cache, placing: placing)
        assertSameCorpus(partly.corpus, analyzeCorpus(grown, options: AnalyzerOptions(), placing: placing))
        XCTAssertEqual(partly.asked, Set(1500..<3000), "only the new texts are read")
    }

    func testAnEditedTextIsReadAgain() {
        var documents = Self.documents(600)
        let cache = analyse(documents, cache: nil).update.cache()
        documents[4].body += " with graph retrieval"
        let edited = analyse(documents, cache: cache)
        XCTAssertEqual(edited.asked, [4])
        assertSameCorpus(edited.corpus, analyzeCorpus(documents))
    }

    func temporaryFile() throws -> String {
        try Fixtures.temporaryDirectory(self).appendingPathComponent("cache/words").path
    }

    func testTheFileRoundTripsAndAnIssueIsAppendedAsASegment() throws {
        let path = try temporaryFile()
        let documents = Self.documents(1000)
        try analyse(documents, cache: nil).update.write(to: path)
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        let loaded = try XCTUnwrap(WordCache.load(path))
        XCTAssertEqual(loaded.keys, Self.keys(documents))
        XCTAssertTrue(loaded.isWhole)
        assertSameCorpus(analyse(documents, cache: loaded).corpus, analyzeCorpus(documents))

        // An issue: the file keeps its bytes and gains a segment with the new papers' words only.
        let grown = documents + Self.documents(50, seed: 11).map { (title: $0.title + " issue", body: $0.body + " grokking") }
        let update = analyse(grown, cache: loaded)
        XCTAssertEqual(update.asked, Set(1000..<1050))
        try update.update.write(to: path)
        let appended = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(appended.prefix(written.count), written)
        XCTAssertLessThan(appended.count - written.count, written.count / 5)
        let reloaded = try XCTUnwrap(WordCache.load(path))
        XCTAssertEqual(reloaded.count, 1050)
        let third = analyse(grown, cache: reloaded)
        XCTAssertTrue(third.asked.isEmpty)
        assertSameCorpus(third.corpus, analyzeCorpus(grown))
        // Nothing read, nothing left: the file is not touched.
        try third.update.write(to: path)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), appended)
    }

    func testTheFileIsWrittenAgainWhenAQuarterOfItsPapersLeft() throws {
        let path = try temporaryFile()
        let documents = Self.documents(1000)
        try analyse(documents, cache: nil).update.write(to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        // A fifth gone: kept as it was (the words of papers that left do no harm).
        let fewer = Array(documents.prefix(800))
        try analyse(fewer, cache: WordCache.load(path)).update.write(to: path)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
        // Past a quarter: only the papers of the build, and only the forms they use.
        let half = Array(documents.prefix(500))
        try analyse(half, cache: WordCache.load(path)).update.write(to: path)
        let after = try XCTUnwrap(WordCache.load(path))
        XCTAssertEqual(after.keys, Self.keys(half))
        XCTAssertLessThan(try Data(contentsOf: URL(fileURLWithPath: path)).count, before.count * 3 / 4)
        XCTAssertEqual(after.bytes(), analyse(half, cache: nil).update.cache().bytes(), "the same file as a first build of those papers")
    }

    func testAForeignOrDamagedFileIsNotTrustedPastItsDamage() throws {
        let documents = Self.documents(300)
        let cache = analyse(documents, cache: nil).update.cache()
        let bytes = cache.bytes()
        XCTAssertNil(WordCache.parse(Array(bytes.dropFirst())), "not a cache file")
        XCTAssertNil(WordCache.parse(cache.bytes(fingerprint: WordCache.fingerprint &+ 1)), "another binary's or stemmer's words")
        XCTAssertEqual(WordCache.parse(bytes)?.count, 300)

        // A second segment cut short (a write interrupted): the first holds, and the next write replaces the file.
        let grown = documents + Self.documents(40, seed: 13).map { (title: $0.title + " more", body: $0.body) }
        let path = try temporaryFile()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        try analyse(grown, cache: WordCache.load(path)).update.write(to: path)
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertGreaterThan(whole.count, bytes.count)
        let cut = Array(whole.dropLast(3))
        let damaged = try XCTUnwrap(WordCache.parse(cut))
        XCTAssertFalse(damaged.isWhole)
        XCTAssertEqual(damaged.count, 300)
        try Data(cut).write(to: URL(fileURLWithPath: path))
        let repaired = analyse(grown, cache: WordCache.load(path))
        XCTAssertEqual(repaired.asked, Set(300..<340))
        try repaired.update.write(to: path)
        let rewritten = try XCTUnwrap(WordCache.load(path))
        XCTAssertTrue(rewritten.isWhole)
        XCTAssertEqual(rewritten.keys, Self.keys(grown))

        // A token naming a form the file does not have: that segment is not trusted.
        var wrong = bytes
        let last = wrong.count - 4
        wrong.replaceSubrange(last..<wrong.count, with: [0xFF, 0xFF, 0xFF, 0x7F])
        XCTAssertEqual(WordCache.parse(wrong)?.count, 0)
    }
}
