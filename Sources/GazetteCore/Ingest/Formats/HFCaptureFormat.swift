/// Markdown and text captures of Hugging Face papers pages (listings, search, trending, a paper
/// page), read by `parseHFCapture`; a capture gives no issue date of its own.
public struct HFCaptureFormat: DumpFormat {
    public let name = "capture"

    public init() {}

    public func confidence(_ bytes: [UInt8], fileExtension: String) -> Double {
        hfCaptureConfidence(String(decoding: bytes, as: UTF8.self))
    }

    public func parse(_ bytes: [UInt8], name: String, path: String) throws -> (Dump, [Diagnostic]) {
        let (captured, notes) = parseHFCapture(String(decoding: bytes, as: UTF8.self), path: path)
        let entries = captured.map { entry in
            DumpEntry(title: entry.title, abstract: entry.abstract,
                      authorCount: entry.authorCount ?? (entry.authors.isEmpty ? nil : entry.authors.count),
                      published: entry.published, upvotes: entry.upvotes, line: entry.line, abstractIsAISummary: entry.abstractIsAISummary,
                      details: PaperDetails(arxivID: entry.arxivID.flatMap(normalizedArxivID), authors: entry.authors))
        }
        return (Dump(name: name, path: path, captureDate: nil, entries: entries), notes)
    }
}
