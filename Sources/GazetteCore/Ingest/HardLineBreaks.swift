/// A title as one line: arXiv and the API wrap long titles (`"...with\n  Pipelines"`). Line breaks
/// and runs of spaces become one space; control characters are dropped.
func joinedTitle(_ raw: String) -> String {
    // Nearly all text is ASCII: walk its bytes (splitting Characters took a fifth of a JSON parse).
    if isASCII(raw) {
        var out: [UInt8] = []
        out.reserveCapacity(raw.utf8.count)
        var pendingSpace = false
        for byte in raw.utf8 {
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                pendingSpace = !out.isEmpty
            } else if byte >= 0x20 && byte != 0x7F {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
    return raw.split(whereSeparator: \.isWhitespace)
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
    // A line feed byte never occurs inside a multi-byte character; `\r\n` leaves a trailing `\r`,
    // which joining drops as whitespace.
    for line in raw.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
        let text = joinedTitle(String(decoding: line, as: UTF8.self))
        if line.first == 0x20 || line.first == 0x09 || text.isEmpty { close() }
        if !text.isEmpty { current.append(text) }
    }
    close()
    return paragraphs.joined(separator: "\n\n")
}
