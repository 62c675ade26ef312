/// Reads the listing-page dumps (the `text` format) in all three layouts seen in the wild:
/// blank-line separated entries, entries with no blank lines at all (with `Subscribe` glued to the
/// first title), and entries followed by `• N authors`, `·` and `Mon D, YYYY [upvotes]` lines.
public struct DumpParser: Sendable {
    /// Page chrome that is never a paper, wherever it appears.
    static let chrome: Set<String> = [
        "Get trending papers in your email inbox!",
        "Get trending papers in your email inbox once a day!",
        "Subscribe", "Daily Papers", "byAK and the research community",
    ]

    public init() {}

    /// Parses one dump's bytes; `name` is the issue slug, `path` is what messages cite.
    public func parse(_ bytes: [UInt8], name: String, path: String) throws -> (Dump, [Diagnostic]) {
        let decoded = decodeDumpLines(bytes, file: path)
        var diagnostics = decoded.diagnostics
        // A stray NUL is dropped with the other control characters (warned about below, with its
        // line); a file full of them is binary, not text.
        if let nul = decoded.firstNULLine, decoded.controlBytes * 20 >= bytes.count {
            throw IngestError.notADump(file: path, line: nul,
                reason: "it holds binary data (NUL and \(decoded.controlBytes) control bytes in \(bytes.count)); a dump is plain text")
        }
        var entries: [DumpEntry] = []
        var captureDate: CaptureDate?
        var inHeader = true
        var firstContentLine: Int?
        // Metadata lines close an entry: text after them starts a new paper.
        var entryClosed = false
        var strayText: [(Int, String)] = []

        for (offset, raw) in decoded.lines.enumerated() {
            let lineNumber = offset + 1
            var text = Substring(raw).trimmingWhitespace()
            if let cleaned = removingControlCharacters(raw) {
                diagnostics.append(Diagnostic(.warning, file: path, line: lineNumber, raw.contains("\u{0}") ? "NUL byte removed (a stray in the text)" : "control characters removed (invisible, or able to reorder the text)"))
                text = Substring(cleaned).trimmingWhitespace()
            }
            if text.isEmpty { continue }
            if firstContentLine == nil {
                firstContentLine = lineNumber
                if let reason = Self.foreignFormat(text) {
                    throw IngestError.notADump(file: path, line: lineNumber, reason: reason)
                }
            }
            if text.utf8.count <= 60, Self.chrome.contains(String(text)) { continue }
            if inHeader {
                if text == "new" { continue }
                if text.hasPrefix("Subscribe") {
                    // Some captures glue the button's label to the first title.
                    text = text.dropFirst("Subscribe".count).trimmingWhitespace()
                    if text.isEmpty { continue }
                }
                if captureDate == nil, let date = Self.captureDate(text) {
                    captureDate = date
                    continue
                }
            }
            if let authors = Self.authorCount(text) {
                if entries.isEmpty {
                    diagnostics.append(Diagnostic(.warning, file: path, line: lineNumber, "author count with no paper above it; ignored"))
                } else {
                    entries[entries.count - 1].authorCount = authors
                    entryClosed = true
                }
                continue
            }
            if text == "·" || text == "•" { continue }
            if let (date, upvotes) = Self.publicationDate(text) {
                if entries.isEmpty {
                    diagnostics.append(Diagnostic(.warning, file: path, line: lineNumber, "date with no paper above it; ignored"))
                } else {
                    entries[entries.count - 1].published = date
                    if let upvotes { entries[entries.count - 1].upvotes = upvotes }
                    entryClosed = true
                }
                continue
            }
            if entryClosed, let upvotes = Int(text), !entries.isEmpty, entries[entries.count - 1].upvotes == nil {
                // An upvote count printed on its own line after the date.
                entries[entries.count - 1].upvotes = upvotes
                continue
            }
            inHeader = false
            let line = String(text)
            if let last = entries.last, !entryClosed, Self.looksLikeAbstract(text) {
                if let abstract = last.abstract {
                    // A second paragraph of the same abstract.
                    entries[entries.count - 1].abstract = abstract + "\n\n" + line
                } else {
                    entries[entries.count - 1].abstract = line
                }
                continue
            }
            // After a paper's metadata a title is due: only text far longer than any title is not one.
            if entries.isEmpty ? Self.looksLikeAbstract(text) : (entryClosed && text.utf8.count > 500) {
                strayText.append((lineNumber, line))
                if entries.isEmpty {
                    diagnostics.append(Diagnostic(.warning, file: path, line: lineNumber,
                        "abstract-like text with no title above it; skipped"))
                } else if let last = entries.indices.last {
                    diagnostics.append(Diagnostic(.warning, file: path, line: lineNumber,
                        "abstract-like text after the metadata of the paper at line \(entries[last].line); kept as part of that paper's abstract"))
                    entries[last].abstract = (entries[last].abstract.map { $0 + "\n\n" } ?? "") + line
                }
                continue
            }
            entries.append(DumpEntry(title: line, line: lineNumber))
            entryClosed = false
        }

        guard let firstLine = firstContentLine else {
            diagnostics.append(Diagnostic(.warning, file: path, line: 0, "empty dump: it holds no papers"))
            return (Dump(name: name, path: path, captureDate: nil, entries: []), diagnostics)
        }
        if entries.isEmpty && !strayText.isEmpty || !entries.isEmpty && !entries.contains(where: { $0.abstract != nil }) {
            // Say what the file looked like: its short lines are usually a page's chrome.
            let looks = entries.first.map { first in
                "; its \(entries.count) short lines look like page chrome (the first, \"\(first.title.prefix(60))\", \(junkTitleReason(first.title) ?? "has no abstract"))"
            } ?? ""
            throw IngestError.notADump(file: path, line: firstLine,
                reason: "no paper entries found (expected a title line followed by an abstract)" + looks)
        }
        if entries.isEmpty {
            diagnostics.append(Diagnostic(.warning, file: path, line: 0, "empty dump: only page chrome, no papers"))
        }
        return (Dump(name: name, path: path, captureDate: captureDate, entries: entries), diagnostics)
    }

    /// A reason when the first line shows another format (HTML, JSON, XML), else nil.
    static func foreignFormat(_ text: Substring) -> String? {
        let lower = text.prefix(15).lowercased()
        if lower.hasPrefix("<!doctype") || lower.hasPrefix("<html") || lower.hasPrefix("<?xml") || lower.hasPrefix("<") {
            return "it looks like HTML or XML; save the page as text"
        }
        if opensLikeJSON(text) { return "it looks like JSON but is not Daily Papers API JSON; a text dump is the page saved as text" }
        return nil
    }

    /// `Aug 7` as the page's capture date.
    static func captureDate(_ text: Substring) -> CaptureDate? {
        guard text.utf8.count <= 6 else { return nil }
        let parts = text.split(separator: " ")
        guard parts.count == 2, let month = PaperDate.month(named: parts[0]),
              let day = Int(parts[1]), (1...31).contains(day) else { return nil }
        return CaptureDate(month: month, day: day)
    }

    /// `• 5 authors` (or `• 1 author`).
    static func authorCount(_ text: Substring) -> Int? {
        guard text.utf8.count <= 24, text.hasPrefix("•") else { return nil }
        let parts = text.dropFirst().split(separator: " ")
        guard parts.count == 2, parts[1] == "authors" || parts[1] == "author", let n = Int(parts[0]) else { return nil }
        return n
    }

    /// `Jan 26, 2024`, optionally followed by an upvote count: `Jun 11, 2025 2`.
    static func publicationDate(_ text: Substring) -> (PaperDate, Int?)? {
        // `Sep 30, 2024 1234` is at most 20 bytes: never split a whole abstract into words.
        guard text.utf8.count <= 24 else { return nil }
        let parts = text.split(separator: " ")
        guard parts.count == 3 || parts.count == 4, let month = PaperDate.month(named: parts[0]),
              parts[1].hasSuffix(","), let day = Int(parts[1].dropLast()), (1...31).contains(day),
              let year = Int(parts[2]), (1900...2999).contains(year) else { return nil }
        var upvotes: Int?
        if parts.count == 4 {
            guard let n = Int(parts[3]), n >= 0 else { return nil }
            upvotes = n
        }
        return (PaperDate(year: year, month: month, day: day), upvotes)
    }

    /// Abstracts are long or hold several sentences; titles are short and hold at most one break.
    static func looksLikeAbstract(_ text: Substring) -> Bool {
        // Titles in the listings run to about 180 characters; abstracts to several hundred.
        if text.utf8.count > 300 { return true }
        var breaks = 0
        var previous: Character = " "
        var afterBreak = false
        for c in text {
            if afterBreak {
                if c.isUppercase { breaks += 1 }
                afterBreak = false
            }
            if c == " ", previous == "." || previous == "!" || previous == "?" { afterBreak = true }
            previous = c
        }
        return breaks >= 2
    }
}

extension Substring {
    /// The text without leading and trailing whitespace (spaces, tabs, NBSP, line ends).
    func trimmingWhitespace() -> Substring {
        var s = self
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return s
    }
}
