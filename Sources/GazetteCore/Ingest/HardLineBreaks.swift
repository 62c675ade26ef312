/// A title as one line: arXiv and the API wrap long titles (`"...with\n  Pipelines"`).
func joinedTitle(_ raw: String) -> String {
    let text = removingControlCharacters(raw.replacingLineBreaks()) ?? raw.replacingLineBreaks()
    return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

/// An arXiv abstract with its hard line breaks joined: lines run on into one paragraph; a blank
/// line or an indented line starts the next one. Paragraphs are separated by a blank line, as the
/// text dumps give them.
func joinedAbstract(_ raw: String) -> String {
    var paragraphs: [String] = []
    var current: [Substring] = []
    func close() {
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        current = []
    }
    for line in raw.split(separator: "\n", omittingEmptySubsequences: false) {
        let cleaned = removingControlCharacters(String(line)).map { Substring($0) } ?? line
        let trimmed = cleaned.trimmingWhitespace()
        if trimmed.isEmpty || cleaned.first?.isWhitespace == true { close() }
        if !trimmed.isEmpty { current.append(trimmed) }
    }
    close()
    return paragraphs.joined(separator: "\n\n")
}

extension String {
    /// The text with `\r\n` and lone `\r` as `\n`.
    fileprivate func replacingLineBreaks() -> String {
        contains("\r") ? split(omittingEmptySubsequences: false) { $0 == "\r\n" || $0 == "\r" || $0 == "\n" }.joined(separator: "\n") : self
    }
}
