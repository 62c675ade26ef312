/// A URL slug: lowercase ASCII letters, digits and single hyphens, at most `maxLength` characters,
/// cut at a word boundary. Accents are folded; anything else becomes a separator. May be empty.
public func slugify(_ text: String, maxLength: Int = 80) -> String {
    // Byte by byte: after folding, only ASCII letters and digits are kept.
    var bytes: [UInt8] = []
    var pendingHyphen = false
    for byte in foldToASCII(text).utf8 {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A:
            if pendingHyphen && !bytes.isEmpty { bytes.append(0x2D) }
            pendingHyphen = false
            bytes.append(byte | (byte >= 0x41 ? 0x20 : 0))
        default:
            pendingHyphen = true
        }
    }
    // The slug is ASCII: bytes are characters.
    if bytes.count > maxLength {
        let cut = bytes[..<maxLength]
        // Prefer ending on a whole word.
        if let lastHyphen = cut.lastIndex(of: 0x2D), lastHyphen > maxLength / 2 {
            bytes = Array(cut[..<lastHyphen])
        } else {
            bytes = Array(cut)
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// A stable 32-bit FNV-1a hash as 8 hex digits, for disambiguating slugs independent of order.
func stableHash(_ text: String) -> String {
    var hash: UInt32 = 0x811C_9DC5
    for byte in text.utf8 {
        hash ^= UInt32(byte)
        hash = hash &* 0x0100_0193
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 8 - hex.count) + hex
}

/// Hands out unique slugs. A slug that is taken, empty, or a name the site uses for itself gets a
/// suffix hashed from the full text, so it does not depend on which paper came first.
public struct UniqueSlugs {
    static let reserved: Set<String> = Set(["index", "assets", "papers", "topics", "dumps", "archive", "search", "feeds", "404"])
        // Device names Windows will not create, so the site can be copied anywhere.
        .union(["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })
    private var taken: Set<String> = []

    public init() {}

    /// A generator that never hands out `taken` (the slugs of the topic map, live and retired).
    public init(taken: Set<String>) { self.taken = taken }

    /// Takes `slug` as it is, if it is a usable slug nobody has yet; false otherwise.
    public mutating func claim(_ slug: String) -> Bool {
        guard !slug.isEmpty, !Self.reserved.contains(slug), !taken.contains(slug) else { return false }
        taken.insert(slug)
        return true
    }

    /// The slug for `text`, never returned before by this generator.
    public mutating func make(_ text: String, maxLength: Int = 80) -> String {
        var slug = slugify(text, maxLength: maxLength)
        if slug.isEmpty || taken.contains(slug) || Self.reserved.contains(slug) {
            let suffix = stableHash(text)
            let base = slugify(slug, maxLength: maxLength - suffix.count - 1)
            slug = base.isEmpty ? "x-" + suffix : base + "-" + suffix
            var counter = 2
            let candidate = slug
            while taken.contains(slug) {
                slug = candidate + "-\(counter)"
                counter += 1
            }
        }
        taken.insert(slug)
        return slug
    }
}

/// Assigns every paper its slug from its title, in a canonical order (by normalised title), so a
/// paper keeps its URL however the dumps are ordered. `kept` holds the slugs a topic map recorded,
/// each with the text hash (`placementHash`) of the paper that had it: such a paper keeps its plain
/// slug even when a new paper whose title gives the same slug sorts before it, so that a new issue
/// never takes an earlier paper's address (the newcomer gets the hashed suffix). `hashes`, when
/// given, are the papers' `placementHashes` (taken once for slugs and topics).
public func assignSlugs(_ papers: inout [Paper], kept: [String: String] = [:], hashes: [String]? = nil) {
    var slugs = UniqueSlugs()
    let titles = papers.map(\.title)
    let keys = concurrentChunks(titles.count, minimumChunk: 1024) { range in range.map { normalizedTitleKey(titles[$0]) } }.flatMap { $0 }
    let order = titles.indices.sorted { (keys[$0], titles[$0], $0) < (keys[$1], titles[$1], $1) }
    var assigned = [Bool](repeating: false, count: papers.count)
    if !kept.isEmpty {
        // Every paper's plain slug and text hash, on all cores; only claiming them goes in order.
        let hashes = hashes ?? placementHashes(papers)
        let plains = concurrentChunks(titles.count, minimumChunk: 1024) { range in range.map { slugify(titles[$0]) } }.flatMap { $0 }
        for index in order {
            let plain = plains[index]
            guard let hash = kept[plain], hash == hashes[index], slugs.claim(plain) else { continue }
            papers[index].slug = plain
            assigned[index] = true
        }
    }
    for index in order where !assigned[index] { papers[index].slug = slugs.make(papers[index].title) }
}
