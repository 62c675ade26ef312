/// A title as one line: arXiv and the API wrap long titles (`"...with\n  Pipelines"`). Line breaks
/// and runs of spaces become one space; control characters are dropped.
func joinedTitle(_ raw: String) -> String {
    raw.split(whereSeparator: \.isWhitespace)
        .map { word in removingControlCharacters(String(word)) ?? String(word) }
        .filter { !$0.isEmpty }
        .joined(separator: " ")
}

/// An arXiv abstract with its hard line breaks joined: lines run on into one paragraph; a blank
/// line or an indented line starts the next one. Paragraphs are separated by a blank line, as the
/// text dumps give them.
func joinedAbstract(_ raw: String) -> String {
    var paragraphs: [String] = []
    var current: [String] = []
    func close() {
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        current = []
    }
    for line in raw.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
        let text = joinedTitle(String(line))
        if line.first?.isWhitespace == true || text.isEmpty { close() }
        if !text.isEmpty { current.append(text) }
    }
    close()
    return paragraphs.joined(separator: "\n\n")
}
