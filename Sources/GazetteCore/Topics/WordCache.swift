import Foundation

/// Each paper's words as the analysis read them, kept between builds in the build cache: a build
/// reads (tokenizes, folds and stems) only the text of papers it has not met before, and counts the
/// others' words from here. A paper is found by `textKey` of its title and abstract, so an edited
/// abstract is read again.
public struct WordCache: Sendable {
    /// One document per cached paper, in `keys` order.
    var texts: TokenizedTexts
    var keys: [UInt64]
    var documentOfKey: [UInt64: Int]
    /// False when the file ended in a damaged segment, which the next write replaces.
    var isWhole = true

    init(texts: TokenizedTexts, keys: [UInt64]) {
        self.texts = texts
        self.keys = keys
        documentOfKey = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// How many papers' words it holds.
    public var count: Int { keys.count }
}

/// What an analysis read, from which the next build's `WordCache` is made (on another thread,
/// once the analysis is done): the words of the papers it found in the cache and of those it read.
struct WordCacheUpdate: Sendable {
    let previous: WordCache?
    /// Per document of the analysis (input order): its key, and where its words are, in the
    /// previous cache (`chunk` -1, `document` its index there) or in a chunk of `read`.
    let keys: [UInt64]
    let sources: [(chunk: Int, document: Int)]
    let read: [TokenizedTexts]

    /// The cache of exactly these documents' words, holding only the written forms they use.
    func cache() -> WordCache {
        var cache = WordCache(texts: TokenizedTexts(), keys: [])
        append(into: &cache) { _ in true }
        return cache
    }

    /// Appends the documents `include` picks (by index) to `cache`, their forms renumbered into its own.
    func append(into cache: inout WordCache, where include: (Int) -> Bool) {
        // Ids in each source to the cache's, filled as forms are first met.
        var previousMap = [Int32](repeating: -1, count: previous?.texts.forms.count ?? 0)
        var readMaps = read.map { [Int32](repeating: -1, count: $0.forms.count) }
        for (d, source) in sources.enumerated() where include(d) {
            if source.chunk < 0 {
                cache.texts.append(source.document, of: previous!.texts, map: &previousMap)
            } else {
                cache.texts.append(source.document, of: read[source.chunk], map: &readMaps[source.chunk])
            }
            cache.keys.append(keys[d])
        }
        cache.documentOfKey = Dictionary(cache.keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// `analyzeCorpus` over `count` documents, that counts the words of those found in `cache` (by
/// `keys[i]`, each document's `textKey`) from it and asks `document(i)` only for the others: the
/// same corpus as reading them all. Also returns what the next build's cache is made from.
func analyzeCorpus(count: Int, document: (Int) -> (title: String, body: String), keys: [UInt64], cache: WordCache?,
                   options: AnalyzerOptions, placing: [Int]?) -> (corpus: AnalyzedCorpus, update: WordCacheUpdate) {
    var hits: [Int] = [], misses: [Int] = []
    var cachedDocument = [Int](repeating: -1, count: count)
    for d in 0..<count {
        if let found = cache?.documentOfKey[keys[d]] {
            cachedDocument[d] = found
            hits.append(d)
        } else {
            misses.append(d)
        }
    }
    let read = concurrentChunks(misses.count, minimumChunk: 512) { range -> (TokenizedTexts, ChunkAnalysis) in
        let texts = tokenizeTexts(ArraySlice(range.map { document(misses[$0]) }))
        return (texts, countWords(texts, titleWeight: options.titleWeight))
    }
    var chunks = read.map(\.1)
    if let cache, !hits.isEmpty {
        chunks += concurrentChunks(hits.count, minimumChunk: 512) { range in
            countWords(cache.texts, documents: range.map { cachedDocument[hits[$0]] }, titleWeight: options.titleWeight)
        }
    }
    // Chunks hold the documents read, then those found: rows go back to their places.
    let chunkOrder = misses + hits
    let corpus = analyzedCorpus(chunks, documentCount: count, options: options, placing: chunkOrder.map { placing?[$0] ?? $0 })
    var sources = [(chunk: Int, document: Int)](repeating: (-1, 0), count: count)
    var position = 0
    for (c, chunk) in read.enumerated() {
        for local in 0..<chunk.0.count {
            sources[misses[position]] = (c, local)
            position += 1
        }
    }
    for d in hits { sources[d] = (-1, cachedDocument[d]) }
    return (corpus, WordCacheUpdate(previous: cache, keys: keys, sources: sources, read: read.map(\.0)))
}

extension WordCache {
    static let header = Array("gazette-words 1\n".utf8)

    /// What the cached words depend on besides the text: this binary (its tokenizer and stop
    /// words) and the Snowball library it stems with, which a system update may change.
    static let fingerprint: UInt64 = {
        var fingerprint = ValueFingerprint()
        fingerprint.add(integer: Int(bitPattern: UInt(runningExecutableFingerprint)))
        let stemmer = Stemmer()
        for word in ["generalization", "compositional", "languages", "reasoning", "hallucinated"] { fingerprint.add(stemmer.stem(word)) }
        return fingerprint.value
    }()

    /// The file's opening: header and fingerprint; segments follow.
    static func opening(fingerprint: UInt64 = Self.fingerprint) -> [UInt8] {
        var out = header
        withUnsafeBytes(of: fingerprint.littleEndian) { out.append(contentsOf: $0) }
        return out
    }

    /// One segment of the file: the stems and forms from `firstStem` and `firstForm` on (ids go on
    /// from the segments before), and documents `documents` of the cache with their tokens.
    func segment(firstStem: Int = 0, firstForm: Int = 0, documents: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        func put<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) } }
        func put(text bytes: UnsafeBufferPointer<UInt8>) {
            put(UInt16(bytes.count))
            out.append(contentsOf: bytes)
        }
        let tokens = documents.isEmpty ? 0..<0 : texts.ranges(documents.lowerBound).title.lowerBound..<texts.ranges(documents.upperBound - 1).body.upperBound
        out.reserveCapacity(tokens.count * 4 + documents.count * 16 + (texts.forms.count - firstForm) * 16 + 32)
        put(UInt32(texts.forms.stems.count - firstStem)); put(UInt32(texts.forms.count - firstForm)); put(UInt32(documents.count)); put(UInt64(tokens.count))
        for var stem in texts.forms.stems[firstStem...] { stem.withUTF8 { put(text: $0) } }
        for form in firstForm..<texts.forms.count {
            texts.forms.table.withBytes(form) { put(text: $0) }
            put(texts.forms.stemOf[form])
        }
        for d in documents {
            let (title, body) = texts.ranges(d)
            put(keys[d]); put(UInt32(title.count)); put(UInt32(body.count))
        }
        for token in texts.tokens[tokens] { put(token) }
        return out
    }

    /// The whole file: opening and one segment.
    func bytes(fingerprint: UInt64 = Self.fingerprint) -> [UInt8] {
        Self.opening(fingerprint: fingerprint) + segment(documents: 0..<count)
    }

    /// The cache in `bytes`, or nil when they do not open a cache file written with `fingerprint`.
    /// A damaged segment (a write cut short) ends the cache there, and `isWhole` is false.
    static func parse(_ bytes: [UInt8], fingerprint: UInt64 = Self.fingerprint) -> WordCache? {
        bytes.withUnsafeBufferPointer { buffer -> WordCache? in
            var at = 0
            func take(_ count: Int) -> UnsafeBufferPointer<UInt8>? {
                guard count >= 0, buffer.count - at >= count else { return nil }
                defer { at += count }
                return UnsafeBufferPointer(rebasing: buffer[at..<at + count])
            }
            func get<T: FixedWidthInteger>(_: T.Type) -> T? {
                take(MemoryLayout<T>.size).map { T(littleEndian: UnsafeRawBufferPointer($0).loadUnaligned(as: T.self)) }
            }
            func text() -> UnsafeBufferPointer<UInt8>? { get(UInt16.self).flatMap { take(Int($0)) } }
            guard let head = take(header.count), head.elementsEqual(header), get(UInt64.self) == fingerprint else { return nil }
            var texts = TokenizedTexts()
            var keys: [UInt64] = []
            var stems: [String] = []
            // One segment onto `texts`, `keys` and `stems`; false (and nothing added) when damaged.
            func segment() -> Bool {
                let (savedTexts, savedKeys, savedStems) = (texts, keys, stems)
                guard let stemCount = get(UInt32.self), let formCount = get(UInt32.self), let documentCount = get(UInt32.self),
                      let tokenCount = get(UInt64.self), tokenCount <= UInt64(buffer.count - at) / 4 else { return false }
                let ok: Bool = {
                    for _ in 0..<stemCount {
                        guard let stem = text() else { return false }
                        stems.append(String(decoding: stem, as: UTF8.self))
                    }
                    for _ in 0..<formCount {
                        let id = texts.forms.count
                        guard let bytes = text(), let stem = get(Int32.self), stem >= -1, stem < Int32(stems.count),
                              texts.forms.intern(bytes, stem: { stem < 0 ? nil : stems[Int(stem)] }) == Int32(id),
                              stem < 0 || texts.forms.stemOf[id] == stem else { return false }
                    }
                    var end = texts.tokens.count
                    for _ in 0..<documentCount {
                        guard let key = get(UInt64.self), let title = get(UInt32.self), let body = get(UInt32.self) else { return false }
                        keys.append(key)
                        texts.ends.append((end + Int(title), end + Int(title) + Int(body)))
                        end += Int(title) + Int(body)
                    }
                    guard end - texts.tokens.count == Int(tokenCount), let raw = take(Int(tokenCount) * 4) else { return false }
                    let forms = UInt32(texts.forms.count)
                    let valid = (0..<Int(tokenCount)).allSatisfy { i in
                        let token = UInt32(littleEndian: UnsafeRawBufferPointer(raw).loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
                        texts.tokens.append(token)
                        return token >> 1 < forms
                    }
                    return valid
                }()
                if !ok { (texts, keys, stems) = (savedTexts, savedKeys, savedStems) }
                return ok
            }
            var whole = true
            while at < buffer.count {
                guard segment() else {
                    whole = false
                    break
                }
            }
            var cache = WordCache(texts: texts, keys: keys)
            cache.isWhole = whole
            return cache
        }
    }

    /// The cache at `path`, or nil when there is none or it is not one this build can trust.
    public static func load(_ path: String) -> WordCache? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return parse([UInt8](data))
    }

    /// Writes the cache atomically (a temporary file, then a rename).
    public func write(to path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes()).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw PublishError.writeFailed(path: path, reason: error.localizedDescription)
        }
    }
}

extension WordCacheUpdate {
    /// Records what the build read at `path`, where `previous` was read from: the papers read are
    /// appended as a segment, so a build that adds an issue writes only its words; the whole file
    /// is written again (only the papers of this build) when there was none, it was damaged, or
    /// more than a quarter of the papers it holds have left the digest.
    func write(to path: String) throws {
        let readCount = read.reduce(0) { $0 + $1.count }
        guard let previous, previous.isWhole else { return try cache().write(to: path) }
        let kept = Set(sources.lazy.filter { $0.chunk < 0 }.map(\.document)).count
        if previous.count - kept > previous.count / 4 { return try cache().write(to: path) }
        guard readCount > 0 else { return }
        // The papers read, in words numbered on from the previous cache's.
        var appended = WordCache(texts: TokenizedTexts(forms: previous.texts.forms), keys: [])
        let firstStem = previous.texts.forms.stems.count, firstForm = previous.texts.forms.count
        append(into: &appended) { sources[$0].chunk >= 0 }
        let bytes = appended.segment(firstStem: firstStem, firstForm: firstForm, documents: 0..<appended.keys.count)
        let descriptor = open(path, O_WRONLY | O_APPEND)
        guard descriptor >= 0 else { return try cache().write(to: path) }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        if written != bytes.count { throw PublishError.writeFailed(path: path, reason: String(cString: strerror(errno))) }
    }
}

/// Where the build cache keeps the papers' words.
public func wordCachePath(cacheDirectory: String) -> String {
    (cacheDirectory as NSString).appendingPathComponent("words")
}
