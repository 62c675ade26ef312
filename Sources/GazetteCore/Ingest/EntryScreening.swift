import Foundation

/// Labels of site navigation and page furniture that converters leave where a title could be.
let navigationLabels: Set<String> = [
    "home", "models", "datasets", "spaces", "posts", "docs", "documentation", "pricing", "log in", "login", "sign up",
    "papers", "daily papers", "trending", "collections", "authors", "submitted by", "upvote", "upvotes", "comment",
    "comments", "share", "next", "previous", "back", "menu", "search", "abstract", "view pdf", "more", "new",
    "subscribe", "community", "enterprise", "solutions", "hugging face", "paper page", "related papers",
]

/// Why a title is not a paper's title (`"is a link"`), or nil when it could be one.
func junkTitleReason(_ title: String) -> String? {
    let text = Substring(title).trimmingWhitespace()
    if !text.contains(where: \.isLetter) { return "has no words (a number, symbol or rule)" }
    if let first = text.first, "#*->|![<=`_~·•".contains(first) || text.contains("](") {
        return "is markup"
    }
    if isDate(text) { return "is a date" }
    let start = text.prefix(8).lowercased()
    if start.hasPrefix("http://") || start.hasPrefix("https://") || start.hasPrefix("www.") {
        return "is a link"
    }
    // Labels are short: only short titles are worth comparing.
    if text.utf8.count <= 24 {
        let label = String(text).lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ":·•| "))
        if navigationLabels.contains(label) { return "is a navigation label" }
    }
    if !text.contains(where: \.isWhitespace) { return "is a lone word" }
    return nil
}

/// `Aug 30`, `Dec 28, 2024`, `2025-09-08` or `Published on Dec 28, 2024`: a listing's date line.
private func isDate(_ text: Substring) -> Bool {
    guard text.utf8.count <= 40 else { return false }
    var date = text
    for prefix in ["Published on ", "Submitted on ", "Updated "] where date.hasPrefix(prefix) { date = date.dropFirst(prefix.count) }
    return DumpParser.captureDate(date) != nil || DumpParser.publicationDate(date) != nil || PaperDate(timestamp: String(date)) != nil
}

/// The no-junk rules every format's entries pass: an entry whose title cannot be a paper's is
/// dropped with a warning when it has no abstract (page chrome), and kept with a warning when it
/// has one (an odd title is still a paper); any other entry without an abstract is kept with a
/// warning. Both warnings fail `gazette check`. A file whose entries are
/// all junk, or none of which has an abstract, is an error naming what it looked like.
func screenEntries(_ dump: Dump, path: String) throws -> (Dump, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    var kept: [DumpEntry] = []
    var dropped: [(DumpEntry, String)] = []
    for entry in dump.entries {
        var quoted: String { "\"\(entry.title.prefix(60))\"" }
        let reason = junkTitleReason(entry.title)
        if let reason, entry.abstract == nil {
            diagnostics.append(Diagnostic(.warning, file: path, line: entry.line, "block titled \(quoted) does not look like a paper: its title \(reason); skipped", failsCheck: true))
            dropped.append((entry, reason))
            continue
        }
        if let reason {
            diagnostics.append(Diagnostic(.warning, file: path, line: entry.line, "paper \(quoted): its title \(reason); kept for its abstract, check it", failsCheck: true))
        }
        if entry.abstract == nil {
            diagnostics.append(Diagnostic(.warning, file: path, line: entry.line, "paper \(quoted) has no abstract; kept with its title only", failsCheck: true))
        }
        kept.append(entry)
    }
    if kept.isEmpty, let (first, reason) = dropped.first {
        throw IngestError.notADump(file: path, line: first.line, reason: "no credible paper among its \(dropped.count) blocks; they look like page chrome (the first, \"\(first.title.prefix(60))\", \(reason))")
    }
    if !kept.isEmpty, !kept.contains(where: { $0.abstract != nil }) {
        throw IngestError.notADump(file: path, line: kept[0].line, reason: "no credible paper: none of its \(kept.count) titles has an abstract (expected a title followed by its abstract)")
    }
    var screened = dump
    screened.entries = kept
    return (screened, diagnostics)
}
