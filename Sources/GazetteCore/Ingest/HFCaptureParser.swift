import Foundation

/// One paper as a capture shows it.
public struct CapturedEntry: Hashable, Sendable {
    public var title: String
    public var abstract: String?
    /// True when the page showed only the AI summary, which then stands in as `abstract`.
    public var abstractIsAISummary: Bool
    public var authors: [String]      // names, when the capture lists them
    public var authorCount: Int?
    public var published: PaperDate?  // existing type in Ingest/PaperDate.swift
    public var upvotes: Int?
    public var arxivID: String?       // from /papers/<id> links, e.g. 2310.03714
    public var line: Int              // 1-based line of the title

    /// Creates an entry; everything but the title and its line is optional.
    public init(
        title: String, abstract: String? = nil, abstractIsAISummary: Bool = false, authors: [String] = [],
        authorCount: Int? = nil, published: PaperDate? = nil, upvotes: Int? = nil, arxivID: String? = nil, line: Int
    ) {
        self.title = title
        self.abstract = abstract
        self.abstractIsAISummary = abstractIsAISummary
        self.authors = authors
        self.authorCount = authorCount
        self.published = published
        self.upvotes = upvotes
        self.arxivID = arxivID
        self.line = line
    }
}

/// How sure we are (0...1) that `text` is a capture of a Hugging Face papers page.
///
/// What only such captures hold: links to paper pages (`/papers/2310.03714`, also inside the
/// upvote button's `login?next=%2Fpapers%2F…`), front matter naming huggingface.co, and the pages'
/// own labels (`Upvote`, `Submitted by`, `Published on`, `N authors` without the bullet of
/// copied listings, `arxiv:<id>`, `Paper page - `). Text copied from a listing (what `DumpParser`
/// reads) has none of them but, at most, a huggingface.co URL inside an abstract.
public func hfCaptureConfidence(_ text: String) -> Double {
    let paperLinks = paperLinkCount(text)
    let labels = pageLabelKinds(text)
    var score = 0.0
    if paperLinks >= 1 { score += 0.4 }
    if paperLinks >= 3 { score += 0.2 }
    score += 0.1 * Double(min(labels, 4))
    if text.hasPrefix("---"), text.prefix(2000).contains("huggingface.co") { score += 0.2 }
    // Foundation's search is slow through a whole sniff without the name (most listings); it can
    // only match where the name's bytes are, so those are looked for first.
    if holdsBytes(text, "huggingface.co"), text.contains("huggingface.co") { score += 0.1 }
    // JSON, XML or raw HTML may name paper pages too, but they are other formats.
    return startsLikeOtherFormat(text) ? min(0.2, score) : min(1, score)
}

/// Whether `text` opens as JSON (`{`, `[{`, `["`), XML or HTML (`<`) rather than text or Markdown
/// (which may open with a link, `[Hugging Face](/)`).
private func startsLikeOtherFormat(_ text: String) -> Bool {
    let start = text.unicodeScalars.lazy.filter { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }.prefix(2)
    guard let first = start.first else { return false }
    if first == "{" || first == "<" { return true }
    guard first == "[", let second = start.dropFirst().first else { return false }
    return second == "{" || second == "\"" || second == "]"
}

/// The papers of a capture, and warnings (with lines) for blocks that looked like papers but were dropped.
public func parseHFCapture(_ text: String, path: String) -> (entries: [CapturedEntry], diagnostics: [Diagnostic]) {
    let document = captureDocument(text, path: path)
    var reader = CaptureEntryReader(path: path)
    reader.read(captureItems(document.blocks))
    var diagnostics = document.diagnostics + reader.diagnostics

    let pageURL = document.frontMatter["url"] ?? document.frontMatter["url source"] ?? document.frontMatter["source"] ?? ""
    let capturedOn = ["retrieved", "exported", "timestamp", "date", "captured", "fetched", "published time"]
        .lazy.compactMap { document.frontMatter[$0].flatMap(CaptureDateText.isoDate) }.first

    var kept: [CaptureDraft] = []
    for (index, var draft) in reader.drafts.enumerated() {
        // A paper page's entry takes its id from the page's address when nothing else gave one.
        if draft.arxivID == nil, index == 0, case .paper(let id) = PaperLinkTarget(pageURL) { draft.arxivID = id }
        reader.keyed.apply(to: &draft)
        if draft.isPaper {
            kept.append(draft)
        } else if draft.titleIsLinked || draft.arxivID != nil {
            diagnostics.append(Diagnostic(.warning, file: path, line: draft.line,
                "paper link \"\(draft.title.prefix(60))\" with no abstract, authors, date or upvotes (a list of links, such as recommendations); skipped"))
        }
    }
    // An abstract linked to a paper page that no title in the capture names.
    let draftIDs = Set(reader.drafts.compactMap(\.arxivID))
    for (id, text) in reader.keyed.texts where !draftIDs.contains(id) {
        diagnostics.append(Diagnostic(.warning, file: path, line: text.line,
            "text like an abstract, linked to paper \(id), with no title in the capture; skipped"))
    }
    let entries = mergingRepeats(kept).map { draft -> CapturedEntry in
        if !draft.hasText {
            diagnostics.append(Diagnostic(.warning, file: path, line: draft.line,
                "paper \"\(draft.title.prefix(60))\" has no abstract or summary in the capture; kept with its details"))
        }
        return CapturedEntry(
            title: draft.title, abstract: draft.abstract ?? draft.summary,
            abstractIsAISummary: draft.abstract == nil && draft.summary != nil,
            authors: draft.authors, authorCount: draft.authorCount ?? (draft.authors.isEmpty ? nil : draft.authors.count),
            published: draft.date?.resolved(capturedOn: capturedOn, arxivID: draft.arxivID),
            upvotes: draft.upvotes, arxivID: draft.arxivID, line: draft.line)
    }
    return (entries, diagnostics.sorted { ($0.line, $0.message) < ($1.line, $1.message) })
}

/// The drafts with repeats folded into their first appearance (some converters render every
/// entry twice): the same arXiv id, or the same title when either has no id.
private func mergingRepeats(_ drafts: [CaptureDraft]) -> [CaptureDraft] {
    var result: [CaptureDraft] = []
    var byKey: [String: Int] = [:]
    for draft in drafts {
        let titleKey = "title:" + normalizedTitleKey(draft.title)
        let idKey = draft.arxivID.map { "id:" + $0 }
        if let index = idKey.flatMap({ byKey[$0] }) ?? byKey[titleKey],
           result[index].arxivID == nil || draft.arxivID == nil || result[index].arxivID == draft.arxivID {
            result[index].fill(from: draft)
            if let idKey { byKey[idKey] = index }
            continue
        }
        byKey[titleKey] = result.count
        if let idKey { byKey[idKey] = result.count }
        result.append(draft)
    }
    return result
}

/// How many links to paper pages `text` holds (each `/papers/<arXiv id>`, encoded or not).
private func paperLinkCount(_ text: String) -> Int {
    var count = 0
    for marker in ["/papers/", "%2Fpapers%2F"] {
        // What follows each marker up to the next, as `components(separatedBy:)` would cut it.
        let found = characterMatches(of: marker, in: text)
        for (n, match) in found.enumerated() {
            let piece = text[match.upperBound..<(n + 1 < found.count ? found[n + 1].lowerBound : text.endIndex)]
            if leadingArxivID(piece.prefix(12)) != nil { count += 1 }
        }
    }
    return count
}

/// How many kinds of the papers pages' own labels `text` holds, read line by line.
private func pageLabelKinds(_ text: String) -> Int {
    var kinds = Set<Int>()
    for raw in characterLines(text) where raw.utf8.count <= 200 {
        let line = raw.drop { " \t[#*->".contains($0) }.lowercased()
        if line.hasPrefix("upvote") { kinds.insert(0) }
        if line.hasPrefix("submitted by") || line.hasPrefix("· submitted by") { kinds.insert(1) }
        // Foundation's `contains` and the word split of `authorCount` are slow on every short line;
        // neither can match without its ASCII words' bytes, so those are looked for first.
        if line.hasPrefix("published on ") || holdsBytes(line, " published on ") && line.contains("· published on ") { kinds.insert(2) }
        if line.hasPrefix("arxiv:"), CaptureVocabulary.arxivLine(String(line)) != nil { kinds.insert(3) }
        if line.hasPrefix("paper page - ") { kinds.insert(4) }
        if holdsBytes(line, "author"), CaptureVocabulary.authorCount(String(line.prefix { $0 != "]" })) != nil, !raw.contains("•") { kinds.insert(5) }
    }
    return kinds.count
}

// Sniffing reads the first 64 KiB of every dump, whatever its format. Searched Character by
// Character (`components(separatedBy:)`, `split`), that took ~2.5 ms a file: most of the parse
// stage for a folder of small dumps. The helpers below scan the UTF-8 bytes instead, with the same
// answers.

/// The non-overlapping occurrences of the ASCII `marker` in `text`, left to right, as a
/// Character search finds them: a byte match counts only where both its ends are Character
/// boundaries (a combining mark after `/papers/` joins the slash, so that is no match).
func characterMatches(of marker: String, in text: String) -> [Range<String.Index>] {
    let needle = Array(marker.utf8)
    let utf8 = text.utf8
    func boundary(_ offset: Int) -> String.Index? {
        String.Index(utf8.index(utf8.startIndex, offsetBy: offset), within: text)
    }
    var copy = text
    return copy.withUTF8 { bytes in
        var found: [Range<String.Index>] = []
        var from = 0
        while let hit = firstOffset(of: needle, in: bytes, from: from) {
            if let start = boundary(hit), let end = boundary(hit + needle.count) {
                found.append(start..<end)
                from = hit + needle.count
            } else {
                from = hit + 1
            }
        }
        return found
    }
}

/// Whether the UTF-8 of `text` holds the bytes of `needle` anywhere.
func holdsBytes(_ text: String, _ needle: String) -> Bool {
    var copy = text
    return copy.withUTF8 { firstOffset(of: Array(needle.utf8), in: $0, from: 0) != nil }
}

/// Where the bytes of `needle` first occur in `bytes` at or after `from`.
private func firstOffset(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    guard let first = needle.first else { return from }
    guard let base = bytes.baseAddress else { return nil }
    var i = from
    while i + needle.count <= bytes.count {
        // `memchr` skips to each candidate first byte faster than a loop over the bytes.
        guard let hit = memchr(base + i, Int32(first), bytes.count - needle.count + 1 - i) else { return nil }
        i = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        if needle.indices.allSatisfy({ bytes[i + $0] == needle[$0] }) { return i }
        i += 1
    }
    return nil
}

/// The non-empty lines of `text` as `split(separator: "\n")` gives them: a line feed after a
/// carriage return is part of one CR LF Character and splits nothing.
func characterLines(_ text: String) -> [Substring] {
    let utf8 = text.utf8
    var copy = text
    return copy.withUTF8 { bytes in
        var lines: [Substring] = []
        var start = 0
        for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A && (i == 0 || bytes[i - 1] != 0x0D) {
            if i > start {
                lines.append(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: i)])
            }
            start = i + 1
        }
        return lines
    }
}
