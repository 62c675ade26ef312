import Foundation

/// The fixed words of Hugging Face's papers pages, and the shapes of the text an entry holds
/// (title, abstract, AI summary, counts, dates), as the capture parser recognises them.
enum CaptureVocabulary {
    /// Labels, buttons and navigation of the site's pages: never a title, an abstract or a name.
    static let chromeLabels: Set<String> = [
        "new", "subscribe", "daily papers", "trending papers", "daily", "weekly", "monthly",
        "by ak and the research community", "and the research community", "by",
        "join the discussion on this paper page", "submitted by", "upvote", "reply", "editpreview",
        "hugging face", "models", "datasets", "spaces", "posts", "docs", "enterprise", "pricing",
        "log in", "sign up", "papers", "content", "community", "abstract", "authors", "authors:",
        "view arxiv page", "view pdf", "add to collection", "arxiv page", "github", "project page",
        "please give a thumbs up to this comment if you found it helpful!",
        "upload images, audio, and videos by dragging in the text input, pasting, or clicking here.",
        "tap or paste here to upload images",
    ]

    /// Sentences of the page frame that read like prose but belong to no paper.
    static let chromePrefixes = ["get trending papers in your email inbox", "paper page - ", "comment· sign up"]

    /// Whether `text` is page chrome: a label, a page title (`… - Hugging Face`), a frame sentence.
    static func isChrome(_ text: String) -> Bool {
        let lower = text.lowercased()
        if chromeLabels.contains(lower) { return true }
        if lower.hasSuffix(" - hugging face") { return true }
        return chromePrefixes.contains { lower.hasPrefix($0) }
    }

    /// Headings of a paper page's closing sections (comments, citing models, datasets and spaces,
    /// collections): what follows them is about other things, never the paper's own entry.
    static func isClosingSection(_ text: String) -> Bool {
        let lower = text.lowercased()
        let count = lower.hasPrefix("community ") ? lower.dropFirst("community ".count) : ""
        return lower == "community" || !count.isEmpty && count.allSatisfy(\.isNumber) || lower.contains("citing this paper")
            || lower.contains("including this paper") || lower.hasPrefix("this is an automated message from the librarian bot")
    }

    /// The label HF puts over a paper's AI-generated summary on its page.
    static func isSummaryLabel(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower == "ai-generated summary" || lower == "ai summary"
    }

    /// The label over the abstract on a paper page.
    static func isAbstractLabel(_ text: String) -> Bool { text.lowercased() == "abstract" }

    /// `Authors:` alone, or `Authors: A, B, C`: the names after the label (maybe none), else nil.
    static func authorsAfterLabel(_ text: String) -> [String]? {
        guard text.lowercased().hasPrefix("authors:") else { return nil }
        return authorNames(text.dropFirst("authors:".count))
    }

    /// Names separated by commas (or ` and `), with the trailing comma a list leaves.
    static func authorNames(_ text: Substring) -> [String] {
        text.split(separator: ",").flatMap { $0.components(separatedBy: " and ") }
            .map { String(Substring($0).trimmingWhitespace()) }.filter { !$0.isEmpty }
    }

    /// Whether `text` could be a person's name in an author list: a few words, letters first.
    static func isNameLike(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (1...6).contains(words.count), text.count <= 60, let first = text.first, first.isLetter else { return false }
        return !isChrome(text) && !text.contains(":") && !isProse(text)
    }

    /// `3 authors`, `• 1 author`, `- 10 authors` (what remains of an avatar list): the count.
    static func authorCount(_ text: String) -> Int? {
        let words = text.split(separator: " ")
        guard words.count >= 2, words.count <= 12, words.last == "authors" || words.last == "author",
              let count = Int(words[words.count - 2]), count > 0 else { return nil }
        // Whatever precedes the count is list markers and separators, never words.
        let marks = words.dropLast(2)
        guard marks.allSatisfy({ $0.allSatisfy { !$0.isLetter && !$0.isNumber } }) else { return nil }
        return count
    }

    /// An upvote count: `Upvote 117`, `117`, `▲ 12`, or `-` for none yet (returned as nil inside).
    /// Returns nil when `text` is not a count at all; `labelled` says the word "Upvote" was there.
    static func upvoteCount(_ text: String) -> (count: Int?, labelled: Bool)? {
        var words = text.split(separator: " ").filter { $0 != "▲" && $0 != "↑" && $0 != "⬆" && $0 != "[-]" }
        var labelled = false
        if words.first?.lowercased() == "upvote" {
            labelled = true
            words.removeFirst()
        }
        if words.isEmpty { return labelled ? (nil, true) : nil }
        guard words.count == 1 else { return nil }
        if words[0] == "-" { return (nil, labelled) }
        guard words[0].count <= 7, words[0].first?.isNumber == true, let count = Int(words[0]), count >= 0 else { return nil }
        return (count, labelled)
    }

    /// `arxiv:2310.03714`, the id line over a paper page's title.
    static func arxivLine(_ text: String) -> String? {
        guard text.count <= 40, text.lowercased().hasPrefix("arxiv:") else { return nil }
        return leadingArxivID(Substring(text.dropFirst("arxiv:".count)).trimmingWhitespace())
    }

    /// Whether `text` reads as running prose (an abstract or summary) rather than a title or label:
    /// a sentence of several words ending in a full stop, several sentences, or far longer than any
    /// title. (Titles end in `?` or hold one `?` often enough: those alone do not make prose.)
    static func isProse(_ text: String) -> Bool {
        guard isMostlyWords(text) else { return false }
        if text.utf8.count > 300 { return true }
        let words = text.split(separator: " ").count
        return words >= 6 && text.last == "." || sentenceBreaks(text) >= 2
    }

    /// Whether `text` is mostly letters and spaces, as titles and abstracts are (formulas and
    /// numbers aside), and holds no U+FFFD left by invalid bytes: binary junk is neither.
    static func isMostlyWords(_ text: String) -> Bool {
        var words = 0, total = 0
        for scalar in text.unicodeScalars {
            if scalar == "\u{FFFD}" { return false }
            total += 1
            if scalar.properties.isAlphabetic || scalar == " " { words += 1 }
        }
        return total > 0 && words * 10 >= total * 7
    }

    /// Whether prose is long or has several sentences, as an abstract does (and no label or title).
    static func isAbstractShaped(_ text: String) -> Bool { text.utf8.count > 300 || sentenceBreaks(text) >= 1 }

    /// Whether prose is shaped like HF's AI summary: one sentence of at most a few hundred characters.
    /// Abstracts run to several sentences.
    static func isSummaryShaped(_ text: String) -> Bool { text.utf8.count <= 400 && sentenceBreaks(text) == 0 }

    /// Sentence ends inside `text`: `. `, `! ` or `? ` followed by a capital letter.
    static func sentenceBreaks(_ text: String) -> Int {
        var breaks = 0
        var afterStop = false, afterSpace = false
        for c in text {
            if afterSpace, c.isUppercase { breaks += 1 }
            afterSpace = afterStop && c == " "
            afterStop = c == "." || c == "!" || c == "?"
        }
        return breaks
    }

    /// Whether `text` could be a paper's title: a few words with letters, no sentence, no URL, not
    /// a label, a count or a date. `minWords` is 1 for a title linked to its paper page, 2 otherwise
    /// (a lone word unlinked is a user or organisation name far more often than a title).
    static func isTitleLike(_ text: String, minWords: Int) -> Bool {
        let words = text.split(separator: " ")
        guard words.count >= minWords, text.utf8.count <= 300, isMostlyWords(text) else { return false }
        if isChrome(text) || isProse(text) || text.last == ":" { return false }
        if text.contains("://") || authorCount(text) != nil || upvoteCount(text) != nil { return false }
        if CaptureDateText(text) != nil, words.count <= 8 { return false }
        return true
    }

    /// `text` without the bracketed placeholders converters leave for images and icons
    /// (`[图片：无替代文本] Kandinsky Lab`, `[image]`, the collapsed upvote button `[-] 19`): spans that
    /// stand apart as words. Brackets inside a word are the text's own (`GPT-[n]`). A `[` that never
    /// closes is dropped alone (a link a converter broke over two blocks), keeping the words after it.
    static func withoutPlaceholders(_ text: String) -> String {
        guard text.contains("[") else { return text }
        let chars = Array(text)
        var result: [Character] = []
        var opens: [(result: Int, source: Int)] = []
        for (index, c) in chars.enumerated() {
            if c == "[" {
                opens.append((result.count, index))
                result.append(c)
            } else if c == "]", let open = opens.popLast() {
                let apartBefore = open.source == 0 || chars[open.source - 1].isWhitespace
                let apartAfter = index + 1 == chars.count || chars[index + 1].isWhitespace
                if apartBefore && apartAfter { result.removeSubrange(open.result...) } else { result.append(c) }
            } else {
                result.append(c)
            }
        }
        // One pass drops the `[`s left open (removing each in turn would be quadratic on `[[[[…`).
        var unclosed = opens.map(\.result)[...]
        var kept: [Character] = []
        kept.reserveCapacity(result.count)
        for (index, c) in result.enumerated() {
            if index == unclosed.first {
                unclosed.removeFirst()
            } else {
                kept.append(c)
            }
        }
        return collapsingWhitespace(ArraySlice(String(kept).unicodeScalars))
    }

    /// `text` without a `Subscribe` button label a copy glued to the first title (`SubscribeExeDec: …`).
    static func withoutGluedSubscribe(_ text: String) -> String {
        guard text.hasPrefix("Subscribe"), let next = text.dropFirst("Subscribe".count).first, next.isUppercase else { return text }
        return String(text.dropFirst("Subscribe".count))
    }
}
