/// The bare arXiv id in `raw` without its version: `2310.03714` from `2310.03714v2`,
/// `http://arxiv.org/abs/2310.03714v1`, `arXiv:2310.03714` or `/papers/2310.03714`; old-style ids
/// keep their archive (`hep-th/9901001`). Nil when `raw` holds no well-formed id.
public func normalizedArxivID(_ raw: String) -> String? {
    var text = Substring(raw).trimmingWhitespace()
    for prefix in ["https://", "http://"] where text.hasPrefix(prefix) { text = text.dropFirst(prefix.count) }
    for marker in ["/abs/", "/pdf/", "/papers/"] {
        if let range = text.range(of: marker) { text = text[range.upperBound...] }
    }
    if text.lowercased().hasPrefix("arxiv:") { text = text.dropFirst(6) }
    if text.hasSuffix(".pdf") { text = text.dropLast(4) }
    if let v = text.lastIndex(of: "v"), v != text.startIndex, !text[text.index(after: v)...].isEmpty,
       text[text.index(after: v)...].allSatisfy(\.isASCIIDigit), text[text.index(before: v)].isASCIIDigit {
        text = text[..<v]
    }
    return isArxivID(text) ? String(text) : nil
}

/// `YYMM.NNNN[N]` (from 2007) or `archive[.XX]/YYMMNNN` (before).
private func isArxivID(_ text: Substring) -> Bool {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    if parts.count == 2 {
        return !parts[0].isEmpty && parts[0].allSatisfy { $0.isASCII && ($0.isLetter || $0 == "-" || $0 == ".") }
            && parts[1].count == 7 && parts[1].allSatisfy(\.isASCIIDigit)
    }
    let halves = text.split(separator: ".", omittingEmptySubsequences: false)
    return halves.count == 2 && halves[0].count == 4 && (4...5).contains(halves[1].count)
        && halves.allSatisfy { $0.allSatisfy(\.isASCIIDigit) }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// The key a paper is found by from its arXiv id, kept apart from title keys by its prefix (title
/// keys hold only letters, digits and spaces).
func arxivPaperKey(_ id: String) -> String { "arxiv:" + id }
