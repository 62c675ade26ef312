/// One kind of file `content/dumps/` can hold. Each format reads its files into the same `Dump` of
/// `DumpEntry` values; the merger, topics and pages never learn which format a paper came from.
public protocol DumpFormat: Sendable {
    /// The name `site.yml` uses to force this format (`formats: {"*.md": capture}`).
    var name: String { get }
    /// How sure (0...1) the format is that `bytes` are its kind of file; `fileExtension` is the
    /// name's extension, lowercased and without the dot, and only ever tips a close call.
    func confidence(_ bytes: [UInt8], fileExtension: String) -> Double
    /// Reads one file; `name` is the slug, `path` is what messages cite.
    func parse(_ bytes: [UInt8], name: String, path: String) throws -> (Dump, [Diagnostic])
}

/// Every format Gazette reads, in the order that breaks ties, and the one place that chooses.
public enum DumpFormats {
    /// The formats, the copied text first: it is also the fallback when no other is sure.
    public static let all: [any DumpFormat] = [TextDumpFormat(), DailyPapersJSONFormat(), ArxivAtomFormat(), HFCaptureFormat()]

    /// The extensions read from `content/dumps/`.
    public static let extensions: Set<String> = ["txt", "md", "json", "jsonl", "atom", "xml"]

    /// The names `site.yml` may use.
    public static var names: [String] { all.map(\.name) }

    /// The format named `name`, or nil.
    public static func named(_ name: String) -> (any DumpFormat)? { all.first { $0.name == name } }

    /// The format for a file: the first rule whose pattern matches `fileName`, else the most
    /// confident format (the text format when none is more sure than it).
    public static func choose(for bytes: [UInt8], fileName: String, rules: [FormatRule]) -> any DumpFormat {
        if let rule = rules.first(where: { $0.matches(fileName) }), let forced = named(rule.format) { return forced }
        let ext = fileExtension(fileName)
        var best: any DumpFormat = all[0]
        var bestConfidence = all[0].confidence(bytes, fileExtension: ext)
        for format in all.dropFirst() {
            let confidence = format.confidence(bytes, fileExtension: ext)
            if confidence > bestConfidence { (best, bestConfidence) = (format, confidence) }
        }
        return best
    }

    /// `json` for `2025-08-07.JSON`; "" without a dot.
    static func fileExtension(_ fileName: String) -> String {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return "" }
        return fileName[fileName.index(after: dot)...].lowercased()
    }
}

/// The first bytes of a file after any byte-order mark and whitespace, for sniffing its format.
func leadingText(_ bytes: [UInt8], limit: Int = 4096) -> Substring {
    var start = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
    while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
    return Substring(String(decoding: bytes[start..<min(bytes.count, start + limit)], as: UTF8.self))
}

/// Whether text opens like a JSON object or array (`{"`, `{}`, `[{`, `[[`, `[]`), and not like
/// Markdown that starts with a link (`[Skip to content](...)`).
func opensLikeJSON(_ text: Substring) -> Bool {
    guard let first = text.first, first == "{" || first == "[" else { return false }
    guard let next = text.dropFirst().first(where: { !$0.isWhitespace }) else { return false }
    return first == "{" ? next == "\"" || next == "}" : "{[]\"".contains(next)
}
