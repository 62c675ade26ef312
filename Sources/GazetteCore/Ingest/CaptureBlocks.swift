import Foundation

/// One block of a capture (a paragraph, heading or list item) with its inline Markdown read.
struct CaptureBlock: Hashable, Sendable {
    /// 1-based line where the block starts.
    var line: Int
    /// 1...6 for a heading (`#` or underlined), nil otherwise.
    var headingLevel: Int?
    var isListItem: Bool
    var text: String
    var links: [CaptureLink]
}

/// A capture split into blocks, with its front matter and the warnings the split gave.
struct CaptureDocument: Sendable {
    var blocks: [CaptureBlock]
    /// `key: value` pairs of a leading `---` block (notebook and reader exports write one).
    var frontMatter: [String: String]
    var diagnostics: [Diagnostic]
}

/// Splits a capture into blocks the way Markdown does (blank lines, headings, list items), so a
/// link or abstract a converter wrapped over several lines is read as one. Control characters
/// (a stray NUL among them) are dropped with a warning naming the line; they never stop the parse.
func captureDocument(_ text: String, path: String) -> CaptureDocument {
    var diagnostics: [Diagnostic] = []
    var lines: [Substring] = []
    // `\r\n` is one Character in Swift: split on it as well as on `\n`.
    let rawLines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    for (offset, raw) in rawLines.enumerated() {
        var line = raw.last == "\r" ? raw.dropLast() : raw
        if let cleaned = removingControlCharacters(String(line)) {
            diagnostics.append(Diagnostic(.warning, file: path, line: offset + 1,
                "control characters removed (a NUL or other invisible byte)"))
            line = Substring(cleaned)
        }
        lines.append(line)
    }
    let (frontMatter, bodyStart) = readFrontMatter(lines)
    let numbered = numberedReferences(lines[bodyStart...])
    let bodyEnd = max(bodyStart, numbered?.start ?? lines.count)
    let references = referenceDefinitions(lines[bodyStart..<bodyEnd])
    // Some converters write each element on its own line and no blank lines at all: then each
    // line is a block (a paragraph there is one long line, never wrapped).
    let body = lines[bodyStart..<bodyEnd]
    let blank = body.lazy.filter { $0.allSatisfy(\.isWhitespace) }.count
    let linePerBlock = body.count - blank >= 20 && blank * 10 < body.count - blank
    var splitter = BlockSplitter(references: references, numbered: numbered?.urls ?? [:], linePerBlock: linePerBlock)
    for index in bodyStart..<bodyEnd {
        splitter.add(lines[index], line: index + 1)
    }
    splitter.flush()
    return CaptureDocument(blocks: splitter.blocks, frontMatter: frontMatter, diagnostics: diagnostics)
}

/// The `key: value` pairs between a first line `---` and the next `---`, or of a reader service's
/// header (`Title:`, `URL Source:`, … up to `Markdown Content:`), and the index after them.
private func readFrontMatter(_ lines: [Substring]) -> ([String: String], Int) {
    if let first = lines.first, first.hasPrefix("Title:"),
       let end = lines.prefix(12).firstIndex(where: { $0.trimmingWhitespace() == "Markdown Content:" }) {
        return (keyValuePairs(lines[..<end]), end + 1)
    }
    guard let first = lines.first, first.trimmingWhitespace() == "---" else { return ([:], 0) }
    // Front matter is short; a `---` far down is a rule in the text, not its end.
    let end = lines.prefix(200).dropFirst().firstIndex { $0.trimmingWhitespace() == "---" }
    return end.map { (keyValuePairs(lines[1..<$0]), $0 + 1) } ?? ([:], 0)
}

/// `key: value` lines by lowercased key, without quotes around values.
private func keyValuePairs(_ lines: ArraySlice<Substring>) -> [String: String] {
    var pairs: [String: String] = [:]
    for raw in lines {
        let line = raw.trimmingWhitespace()
        guard let colon = line.firstIndex(of: ":") else { continue }
        let key = line[..<colon].trimmingWhitespace().lowercased()
        var value = line[line.index(after: colon)...].trimmingWhitespace()
        if value.count >= 2, value.first == "\"", value.last == "\"" { value = value.dropFirst().dropLast() }
        pairs[key] = pairs[key] ?? String(value)
    }
    return pairs
}

/// The closing `References` list of a `lynx -dump` (`  12. https://…`), whose numbers the text
/// puts before each link (`[12]Title`): the URLs by number, and the index of the `References` line.
private func numberedReferences(_ lines: ArraySlice<Substring>) -> (urls: [String: String], start: Int)? {
    var urls: [String: String] = [:]
    var index = lines.endIndex - 1
    while index >= lines.startIndex {
        let line = lines[index].trimmingWhitespace()
        if line.isEmpty {
            index -= 1
            continue
        }
        if line == "References" || line == "Visible links" { return urls.isEmpty ? nil : (urls, index) }
        guard let dot = line.firstIndex(of: "."), !line[..<dot].isEmpty, line[..<dot].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let url = line[line.index(after: dot)...].trimmingWhitespace()
        guard url.hasPrefix("http"), !url.contains(" ") else { return nil }
        urls[String(line[..<dot])] = String(url)
        index -= 1
    }
    return nil
}

/// The number of a lynx link marker (`[12]`) a line starts with, when the references list it.
private func numberedMarker(_ text: Substring, in urls: [String: String]) -> (url: String, rest: Substring)? {
    guard !urls.isEmpty, text.first == "[", let close = text.firstIndex(of: "]") else { return nil }
    let number = text[text.index(after: text.startIndex)..<close]
    guard let url = urls[String(number)] else { return nil }
    return (url, text[text.index(after: close)...])
}

/// The line without the lynx markers (`May 29[11]6` → `May 29 6`) whose numbers the references list.
private func removingNumberedMarkers(_ line: Substring, in urls: [String: String]) -> Substring {
    guard line.contains("[") else { return line }
    var result = ""
    var rest = line
    while let open = rest.firstIndex(of: "[") {
        result += rest[..<open]
        let after = rest[rest.index(after: open)...]
        let digits = after.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 6, after.dropFirst(digits.count).first == "]", urls[String(digits)] != nil {
            result += " "
            rest = after.dropFirst(digits.count + 1)
        } else {
            result += "["
            rest = after
        }
    }
    result += rest
    return Substring(result)
}

/// `[label]: url` lines (html2text and others put links at the end this way), by lowercased label.
private func referenceDefinitions(_ lines: ArraySlice<Substring>) -> [String: String] {
    var references: [String: String] = [:]
    for line in lines {
        if let (label, url) = referenceDefinition(line) { references[label] = url }
    }
    return references
}

/// The label and URL of a `[label]: url` line, or nil.
private func referenceDefinition(_ line: Substring) -> (String, String)? {
    let text = line.trimmingWhitespace()
    guard text.first == "[", let close = text.firstIndex(of: "]") else { return nil }
    let rest = text[text.index(after: close)...]
    guard rest.first == ":" else { return nil }
    let url = rest.dropFirst().trimmingWhitespace().split(separator: " ").first.map(String.init) ?? ""
    guard !url.isEmpty, !url.contains("]") else { return nil }
    return (String(text[text.index(after: text.startIndex)..<close]).lowercased(), url)
}

/// Groups lines into blocks as it is fed them.
private struct BlockSplitter {
    let references: [String: String]
    /// A lynx dump's link URLs by number.
    let numbered: [String: String]
    /// Whether every line is a block of its own.
    let linePerBlock: Bool
    var blocks: [CaptureBlock] = []
    var pending: [Substring] = []
    var pendingLine = 0
    var pendingIsListItem = false

    init(references: [String: String], numbered: [String: String], linePerBlock: Bool) {
        self.references = references
        self.numbered = numbered
        self.linePerBlock = linePerBlock
    }

    mutating func add(_ raw: Substring, line: Int) {
        var text = raw.trimmingWhitespace()
        while text.first == ">" { text = text.dropFirst().trimmingWhitespace() }  // block quotes
        // Pandoc's fenced divs (`::: {.card}`) only group blocks.
        if text.isEmpty || text.hasPrefix(":::") || referenceDefinition(text) != nil {
            flush()
            return
        }
        if let (level, title) = atxHeading(text) {
            flush()
            emit([title], line: line, headingLevel: level, isListItem: false)
            return
        }
        if let level = setextLevel(text) {
            // `===` or `---` under a paragraph makes it a heading; anywhere else it is a rule.
            if !pending.isEmpty, !pendingIsListItem {
                let lines = pending
                pending = []
                emit(lines, line: pendingLine, headingLevel: level, isListItem: false)
            } else {
                flush()
            }
            return
        }
        if isThematicBreak(text) {
            flush()
            return
        }
        if numberedMarker(text, in: numbered) != nil {
            // lynx writes each link on its own line, without a blank line: it starts a block.
            flush()
            start(text, line: line, isListItem: false)
            return
        }
        if let item = listItemContent(text) {
            flush()
            start(item, line: line, isListItem: true)
            return
        }
        if pending.isEmpty || linePerBlock {
            flush()
            start(text, line: line, isListItem: false)
        } else {
            pending.append(text)
        }
    }

    mutating func start(_ text: Substring, line: Int, isListItem: Bool) {
        pending = [text]
        pendingLine = line
        pendingIsListItem = isListItem
    }

    mutating func flush() {
        guard !pending.isEmpty else { return }
        let lines = pending
        pending = []
        emit(lines, line: pendingLine, headingLevel: nil, isListItem: pendingIsListItem)
    }

    mutating func emit(_ lines: [Substring], line: Int, headingLevel: Int?, isListItem: Bool) {
        var lines = lines
        let marker = lines.first.flatMap { numberedMarker($0, in: numbered) }
        if let marker { lines[0] = marker.rest }
        if !numbered.isEmpty { lines = lines.map { removingNumberedMarkers($0, in: numbered) } }
        var inline = readInline(joinedLines(lines), references: references)
        // `[12]Title`: link 12 runs to the end of its line (a wrapped title's last words aside).
        if let marker {
            let text = readInline(String(marker.rest), references: references).text
            inline.links.insert(CaptureLink(text: text, url: marker.url), at: 0)
        }
        blocks.append(CaptureBlock(line: line, headingLevel: headingLevel, isListItem: isListItem,
                                   text: inline.text, links: inline.links))
    }
}

/// The lines of a block as one: a trailing backslash (a Markdown hard break) is dropped, lines join
/// with a space, and a word a converter wrapped after its hyphen (`hard-` / `coded`) joins whole.
private func joinedLines(_ lines: [Substring]) -> String {
    var joined = ""
    for var line in lines {
        while line.last == "\\" { line = line.dropLast() }
        if let last = joined.last, let first = line.first {
            let wrappedHyphen = last == "-" && joined.dropLast().last?.isLetter == true && first.isLowercase
            if !wrappedHyphen { joined.append(" ") }
        }
        joined += line
    }
    return joined
}

/// `## Title` (up to six `#`, then a space): the level and the title without closing `#`s.
private func atxHeading(_ text: Substring) -> (Int, Substring)? {
    let hashes = text.prefix { $0 == "#" }.count
    guard (1...6).contains(hashes) else { return nil }
    let rest = text.dropFirst(hashes)
    guard rest.isEmpty || rest.first == " " else { return nil }
    var title = rest.trimmingWhitespace()
    // Pandoc writes a heading's attributes after it: `## Title {#title .class}`.
    if title.last == "}", let open = title.range(of: " {", options: .backwards) { title = title[..<open.lowerBound] }
    while title.last == "#" { title = title.dropLast() }
    return (hashes, title.trimmingWhitespace())
}

/// 1 for a line of `=`, 2 for a line of `-` (two or more), else nil.
private func setextLevel(_ text: Substring) -> Int? {
    guard text.count >= 2 else { return nil }
    if text.allSatisfy({ $0 == "=" }) { return 1 }
    if text.allSatisfy({ $0 == "-" }) { return 2 }
    return nil
}

/// `* * *`, `***`, `___` and the like: a rule between sections.
private func isThematicBreak(_ text: Substring) -> Bool {
    let marks = text.filter { $0 != " " }
    guard marks.count >= 3, let first = marks.first, first == "*" || first == "_" || first == "-" else { return false }
    return marks.allSatisfy { $0 == first }
}

/// The text of a list item (`- x`, `* x`, `+ x`, `• x`, `1. x`), empty for a bare marker, or nil.
private func listItemContent(_ text: Substring) -> Substring? {
    if let first = text.first, "-*+•".contains(first) {
        let rest = text.dropFirst()
        if rest.isEmpty { return rest }
        if rest.first == " " { return rest.trimmingWhitespace() }
        return nil
    }
    let digits = text.prefix { $0.isASCII && $0.isNumber }
    guard (1...3).contains(digits.count) else { return nil }
    let rest = text.dropFirst(digits.count)
    guard let mark = rest.first, mark == "." || mark == ")" else { return nil }
    let after = rest.dropFirst()
    guard after.isEmpty || after.first == " " else { return nil }
    return after.trimmingWhitespace()
}
