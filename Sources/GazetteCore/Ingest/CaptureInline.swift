/// A link as a capture shows it: the words a reader sees and where they point.
struct CaptureLink: Hashable, Sendable {
    var text: String
    var url: String
}

/// A run of inline Markdown once read: the visible words and the links among them.
struct InlineText: Hashable, Sendable {
    var text: String
    var links: [CaptureLink]
}

/// Reads the inline Markdown page converters write, leniently: links (inline, reference and
/// autolinks), images (dropped, alt text and all: they are avatars and logos), HTML tags (dropped),
/// emphasis and code marks (dropped) and backslash escapes. Whatever does not close stays as text,
/// except a `](url)` with no opening bracket, which converters leave when they break a link across
/// blank lines (`[` alone, then `2 authors](url)`): its link text runs from the start of the block.
/// Every scan ahead is bounded, so the work stays linear in the input on hostile text.
func readInline(_ source: String, references: [String: String]) -> InlineText {
    var reader = InlineReader(Array(source.unicodeScalars), references: references)
    return reader.read()
}

/// The state of one `readInline` pass: the scalars read, the visible text so far, the open brackets.
private struct InlineReader {
    /// An open `[` or `![`: where its text starts in `out`.
    struct Opener {
        var start: Int
        var isImage: Bool
        /// Whether a space was put before it, to take back if it turns out not to be a link.
        var spaced: Bool
    }

    /// Brackets nest this deep at most; deeper ones are plain text (no page nests links further).
    static let maxDepth = 16
    /// A link destination or tag runs this far at most; past it the bracket is plain text.
    static let maxScan = 2048

    let s: [Unicode.Scalar]
    let references: [String: String]
    var out: [Unicode.Scalar] = []
    var openers: [Opener] = []
    var links: [CaptureLink] = []
    /// Where text not yet inside a link starts, for a `](url)` that lost its `[`.
    var unlinkedStart = 0
    var i = 0

    init(_ s: [Unicode.Scalar], references: [String: String]) {
        self.s = s
        self.references = references
        out.reserveCapacity(s.count)
    }

    mutating func read() -> InlineText {
        while i < s.count {
            let c = s[i]
            switch c {
            case "\\": readEscape()
            case "!" where next(1) == "[": openBracket(isImage: true)
            case "[": openBracket(isImage: false)
            case "]": closeBracket()
            case "<": readAngle()
            case "&": readEntity()
            case "*", "`": i += 1
            case "_" where isWordBoundary(before: i) || isWordBoundary(after: i): i += 1
            default:
                out.append(c)
                i += 1
            }
        }
        return InlineText(text: collapsingWhitespace(out[...]), links: links)
    }

    func next(_ offset: Int) -> Unicode.Scalar? { i + offset < s.count ? s[i + offset] : nil }

    func isWordBoundary(before index: Int) -> Bool {
        index == 0 || !s[index - 1].properties.isAlphabetic && !("0"..."9").contains(s[index - 1])
    }

    func isWordBoundary(after index: Int) -> Bool {
        index + 1 >= s.count || !s[index + 1].properties.isAlphabetic && !("0"..."9").contains(s[index + 1])
    }

    /// `\*` is a literal star; a backslash before a space or at the end is a converter's line break.
    mutating func readEscape() {
        if let n = next(1), n.isASCII, n.properties.isPatternSyntax || n == "_" {
            out.append(n)
            i += 2
        } else {
            i += 1
        }
    }

    mutating func openBracket(isImage: Bool) {
        if openers.count >= Self.maxDepth {
            out.append("[")
            i += isImage ? 2 : 1
            return
        }
        // Link text is its own word: `by[AK](url)` reads "by AK".
        let spaced = out.last.map { !$0.properties.isWhitespace } ?? false
        if spaced { out.append(" ") }
        openers.append(Opener(start: out.count, isImage: isImage, spaced: spaced))
        out.append("[")
        i += isImage ? 2 : 1
    }

    mutating func closeBracket() {
        let after = i + 1
        guard let opener = openers.popLast() else {
            // A `](url)` or `][ref]` whose `[` a converter put on an earlier line.
            if let (url, end) = destination(at: after) ?? referenceLabel(at: after).flatMap(resolvedReference) {
                links.append(CaptureLink(text: collapsingWhitespace(out[min(unlinkedStart, out.count)...]), url: url))
                out.append(" ")
                unlinkedStart = out.count
                i = end
            } else {
                out.append("]")
                i += 1
            }
            return
        }
        if !opener.isImage, let end = attributesEnd(at: after) {
            // Pandoc's `[text]{.class}` is a span: its text is plain text.
            out.remove(at: opener.start)
            i = end
            return
        }
        let textStart = opener.start + 1
        var target: (url: String, end: Int)?
        if let found = destination(at: after) {
            target = found
        } else if let (label, end) = referenceLabel(at: after) {
            let key = label.isEmpty ? collapsingWhitespace(out[textStart...]).lowercased() : label.lowercased()
            if let url = references[key] { target = (url, end) }
        } else if let url = references[collapsingWhitespace(out[textStart...]).lowercased()] {
            target = (url, after)
        }
        guard let (url, end) = target else {
            // Brackets of the text's own (`GPT-[n]`): as written, without the space put before them.
            if opener.spaced { out.remove(at: opener.start - 1) }
            out.append("]")
            i += 1
            return
        }
        if opener.isImage {
            out.removeSubrange(opener.start...)
        } else {
            out.remove(at: opener.start)
            links.append(CaptureLink(text: collapsingWhitespace(out[opener.start...]), url: url))
            out.append(" ")
        }
        unlinkedStart = out.count
        // Pandoc's attributes after a link or image (`[12](/login?…){.upvote}`) are not text.
        i = attributesEnd(at: end) ?? end
    }

    /// `(url "title")` at `index`: the URL and the index after `)`.
    func destination(at index: Int) -> (String, Int)? {
        guard index < s.count, s[index] == "(" else { return nil }
        var depth = 0
        var j = index
        let limit = min(s.count, index + Self.maxScan)
        // A destination holds no bracket: stopping at one keeps a run of `](` from rescanning the text.
        while j < limit, s[j] != "[", s[j] != "]" {
            if s[j] == "(" { depth += 1 }
            if s[j] == ")" {
                depth -= 1
                if depth == 0 { break }
            }
            j += 1
        }
        guard j < limit, s[j] == ")" else { return nil }
        var inner = Substring(String(String.UnicodeScalarView(s[(index + 1)..<j]))).trimmingWhitespace()
        if inner.hasPrefix("<"), let close = inner.firstIndex(of: ">") {
            inner = inner[inner.index(after: inner.startIndex)..<close]
        } else if let space = inner.firstIndex(where: { $0 == " " }) {
            inner = inner[..<space]  // drop the `"title"`
        }
        return (String(inner), j + 1)
    }

    /// `[label]` at `index` (a reference link's second half): the label and the index after `]`.
    func referenceLabel(at index: Int) -> (String, Int)? {
        guard index < s.count, s[index] == "[" else { return nil }
        var j = index + 1
        let limit = min(s.count, index + Self.maxScan)
        while j < limit, s[j] != "]", s[j] != "[" { j += 1 }
        guard j < limit, s[j] == "]" else { return nil }
        return (String(String.UnicodeScalarView(s[(index + 1)..<j])), j + 1)
    }

    /// HTML entities some converters leave in (`Q&amp;A`, `&#39;`): the character, else a plain `&`.
    mutating func readEntity() {
        var j = i + 1
        let limit = min(s.count, i + 10)
        while j < limit, s[j] != ";", s[j] != "&", !s[j].properties.isWhitespace { j += 1 }
        if j < limit, s[j] == ";", let scalar = Self.entity(String(String.UnicodeScalarView(s[(i + 1)..<j]))) {
            out.append(scalar)
            i = j + 1
        } else {
            out.append("&")
            i += 1
        }
    }

    /// The scalar an entity's name (`amp`, `#39`, `#x27`) stands for.
    static func entity(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default:
            guard name.first == "#" else { return nil }
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).flatMap { isUnwantedControl($0) ? nil : $0 }
        }
    }

    /// The index after a `{#id .class}` attribute block at `index`, or nil.
    func attributesEnd(at index: Int) -> Int? {
        guard index < s.count, s[index] == "{" else { return nil }
        var j = index + 1
        let limit = min(s.count, index + Self.maxScan)
        while j < limit, s[j] != "}", s[j] != "{" { j += 1 }
        return j < limit && s[j] == "}" ? j + 1 : nil
    }

    /// The URL and end index of a `[label]` that a reference definition names.
    func resolvedReference(_ label: (String, Int)) -> (String, Int)? {
        references[label.0.lowercased()].map { ($0, label.1) }
    }

    /// `<https://…>` is a link showing its URL; `<a id="x">` and other tags are dropped.
    mutating func readAngle() {
        var j = i + 1
        let limit = min(s.count, i + Self.maxScan)
        while j < limit, s[j] != ">", s[j] != "<" { j += 1 }
        let looksLikeTag = next(1).map { $0.properties.isAlphabetic || $0 == "/" || $0 == "!" } ?? false
        guard j < limit, s[j] == ">", looksLikeTag else {
            out.append("<")
            i += 1
            return
        }
        let inner = String(String.UnicodeScalarView(s[(i + 1)..<j]))
        if inner.hasPrefix("http://") || inner.hasPrefix("https://") {
            links.append(CaptureLink(text: inner, url: inner))
            out.append(contentsOf: " \(inner) ".unicodeScalars)
        }
        i = j + 1
    }
}

/// The scalars as one line: runs of whitespace become one space, none at either end.
func collapsingWhitespace(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var result = String.UnicodeScalarView()
    var pendingSpace = false
    for c in scalars {
        if c.properties.isWhitespace {
            pendingSpace = !result.isEmpty
        } else {
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(c)
        }
    }
    return String(result)
}
