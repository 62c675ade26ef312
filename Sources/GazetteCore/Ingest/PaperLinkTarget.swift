import Foundation

/// What a link on a Hugging Face papers page points at, as far as a paper entry is concerned.
/// Every part of an entry links somewhere with the paper's arXiv id in it: the title to
/// `/papers/<id>`, the comment count to `/papers/<id>#community`, the upvote button (for a visitor
/// who is not logged in) to `/login?next=%2Fpapers%2F<id>`, "arXiv Page" to `arxiv.org/abs/<id>`.
enum PaperLinkTarget: Hashable, Sendable {
    /// The paper's own page: what a title (and on search pages the abstract) links to.
    case paper(String)
    /// A place on the paper's page (`#community`, a comment's anchor).
    case paperSection(String)
    /// The login or sign-up page that returns to the paper: the upvote button, "Add to collection".
    case login(String)
    /// The paper on arXiv.
    case arxiv(String)
    /// Anything else: navigation, avatars, organisations, code.
    case other

    /// Reads `url`, absolute or relative.
    init(_ url: String) {
        let lower = url.lowercased()
        if lower.contains("arxiv.org/"), let id = findArxivID(after: "/abs/", in: url) ?? findArxivID(after: "/pdf/", in: url) {
            self = .arxiv(id)
            return
        }
        let isHuggingFace = lower.hasPrefix("/") || lower.hasPrefix("papers/") || lower.contains("huggingface.co")
        guard isHuggingFace else {
            self = .other
            return
        }
        if lower.contains("/login") || lower.contains("/join") {
            // The return address is percent-encoded: `next=%2Fpapers%2F2310.03714`.
            let decoded = url.replacingOccurrences(of: "%2F", with: "/").replacingOccurrences(of: "%2f", with: "/")
            self = findArxivID(after: "/papers/", in: decoded).map(Self.login) ?? .other
            return
        }
        let path = lower.hasPrefix("papers/") ? "/" + url : url
        guard let id = findArxivID(after: "/papers/", in: path) else {
            self = .other
            return
        }
        var rest = path[path.range(of: "/papers/" + id)!.upperBound...]
        if rest.first == "v" { rest = rest.dropFirst().drop { $0.isASCII && $0.isNumber } }  // a version
        if rest.isEmpty || rest == "/" {
            self = .paper(id)
        } else if rest.first == "#" {
            self = .paperSection(id)
        } else {
            self = .other  // `/papers/<id>?…` or a deeper path: not the paper page itself
        }
    }

    /// The arXiv id the link names, whatever it points at.
    var arxivID: String? {
        switch self {
        case .paper(let id), .paperSection(let id), .login(let id), .arxiv(let id): return id
        case .other: return nil
        }
    }
}

/// The new-style arXiv id (`2310.03714`, `2502.20581v2` without its version) right after `marker`.
func findArxivID(after marker: String, in text: String) -> String? {
    guard let range = text.range(of: marker) else { return nil }
    return leadingArxivID(text[range.upperBound...])
}

/// The arXiv id `YYMM.NNNNN` that `text` starts with, without a version suffix, or nil.
func leadingArxivID(_ text: Substring) -> String? {
    let utf8 = Array(text.utf8.prefix(12))
    var index = 0
    func digits() -> Int {
        let start = index
        while index < utf8.count, (0x30...0x39).contains(utf8[index]) { index += 1 }
        return index - start
    }
    guard digits() == 4, index < utf8.count, utf8[index] == 0x2E else { return nil }
    let yymm = index
    index += 1
    let tail = digits()
    guard tail == 4 || tail == 5 else { return nil }
    // The id ends there: what follows may be a version (`v2`), `#`, `?`, `/`, `)` or nothing.
    if index < utf8.count, (0x41...0x5A).contains(utf8[index]) || (0x61...0x7A).contains(utf8[index]) && utf8[index] != 0x76 {
        return nil
    }
    guard let month = Int(String(decoding: utf8[2..<yymm], as: UTF8.self)), (1...12).contains(month) else { return nil }
    return String(decoding: utf8[0..<index], as: UTF8.self)
}
