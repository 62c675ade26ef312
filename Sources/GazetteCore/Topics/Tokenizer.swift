/// A word as the topic engine sees it: its stem (the term key) and the form it was written in.
public struct Token: Hashable, Sendable {
    /// The Snowball stem of the lowercase word; hyphenated words stem their last part (`in-context`).
    public var stem: String
    /// The word as written, accents folded, for display labels.
    public var surface: String
    /// True when a stop word or punctuation separates this token from the previous one,
    /// so the two never form a phrase.
    public var afterBreak: Bool
}

/// Splits text into content tokens: lowercase ASCII words (accents folded, hyphenated compounds kept
/// whole), no numbers, no one-letter words, no stop words, each stemmed.
public func tokenize(_ text: String, stemmer: Stemmer) -> [Token] {
    var tokens: [Token] = []
    var pendingBreak = false
    scanWords(text) { surface, afterBreak in
        guard let stem = stemKey(surface, stemmer: stemmer) else {
            pendingBreak = true
            return
        }
        tokens.append(Token(stem: stem, surface: surface, afterBreak: afterBreak || pendingBreak || tokens.isEmpty))
        pendingBreak = false
    }
    return tokens
}

/// The term key of a written word, or nil for a stop word or a word without letters.
func stemKey(_ surface: String, stemmer: Stemmer) -> String? {
    let lower = surface.lowercased()
    if stopWords.contains(lower) || !lower.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) { return nil }
    if let dash = lower.lastIndex(of: "-") {
        return lower[...dash] + stemmer.stem(String(lower[lower.index(after: dash)...]))
    }
    return stemmer.stem(lower)
}

/// Calls `body` with each word of two or more letters or digits (hyphens inside a word kept,
/// accents folded) and whether punctuation or a too-short word came between it and the previous one.
func scanWords(_ text: String, _ body: (String, Bool) -> Void) {
    var word: [UInt8] = []
    word.reserveCapacity(32)
    var pendingBreak = true
    func flush() {
        defer { word.removeAll(keepingCapacity: true) }
        // Hyphens only join letters: trim them from the ends.
        while word.last == 0x2D { word.removeLast() }
        while word.first == 0x2D { word.removeFirst() }
        guard word.count >= 2 else {
            if !word.isEmpty { pendingBreak = true }
            return
        }
        body(String(decoding: word, as: UTF8.self), pendingBreak)
        pendingBreak = false
    }
    for byte in foldToASCII(text).utf8 {
        let isLetterOrDigit = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        if isLetterOrDigit || (byte == 0x2D && !word.isEmpty) {
            word.append(byte)
        } else {
            flush()
            // Spaces keep a phrase together; anything else (punctuation, symbols) breaks it.
            if byte != 0x20 { pendingBreak = true }
        }
    }
    flush()
}
