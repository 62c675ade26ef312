import CStemmer

/// The Snowball English (Porter2) stemmer from libstemmer, with a cache since abstracts repeat words.
/// Not thread-safe: each analysis makes its own.
public final class Stemmer {
    private let handle: OpaquePointer
    private var cache: [String: String] = [:]

    /// Opens the English stemmer; libstemmer always ships it.
    public init() {
        guard let handle = sb_stemmer_new("english", "UTF_8") else {
            fatalError("libstemmer has no English stemmer")
        }
        self.handle = handle
    }

    deinit { sb_stemmer_delete(handle) }

    /// The stem of a lowercase word (`generalization` → `general`).
    public func stem(_ word: String) -> String {
        if let hit = cache[word] { return hit }
        var utf8 = Array(word.utf8)
        let result: String = utf8.withUnsafeMutableBufferPointer { buffer in
            guard let out = sb_stemmer_stem(handle, buffer.baseAddress, Int32(buffer.count)) else { return word }
            let length = Int(sb_stemmer_length(handle))
            return String(decoding: UnsafeBufferPointer(start: out, count: length), as: UTF8.self)
        }
        cache[word] = result
        return result
    }
}
