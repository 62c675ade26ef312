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
    var folded = foldToASCII(text)
    folded.withUTF8 { bytes in
        var scanner = WordScanner(bytes)
        while let (word, afterBreak) = scanner.next() { body(String(decoding: word, as: UTF8.self), afterBreak) }
    }
}

/// The words of UTF-8 text (accents already folded) as slices of its bytes, so that a caller can look
/// a word up without making a `String`: each run of ASCII letters, digits and inner hyphens of two
/// or more bytes, with whether punctuation, a symbol or a too-short word came before it.
struct WordScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var pendingBreak = true

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The next word and whether it is cut off from the previous one, or nil at the end.
    mutating func next() -> (word: UnsafeBufferPointer<UInt8>, afterBreak: Bool)? {
        let count = bytes.count
        while position < count {
            let byte = bytes[position]
            guard Self.isLetterOrDigit(byte) else {
                // Spaces keep a phrase together; anything else (punctuation, symbols) breaks it.
                if byte != 0x20 { pendingBreak = true }
                position += 1
                continue
            }
            let start = position
            position += 1
            while position < count && (Self.isLetterOrDigit(bytes[position]) || bytes[position] == 0x2D) { position += 1 }
            // Hyphens only join letters: a trailing one is not part of the word.
            var end = position
            while bytes[end - 1] == 0x2D { end -= 1 }
            guard end - start >= 2 else {
                pendingBreak = true
                continue
            }
            let afterBreak = pendingBreak
            pendingBreak = false
            return (UnsafeBufferPointer(rebasing: bytes[start..<end]), afterBreak)
        }
        return nil
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
