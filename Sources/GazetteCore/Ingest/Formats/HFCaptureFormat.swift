/// Markdown and text captures of Hugging Face papers pages (listings, search, trending, a paper
/// page), read by `parseHFCapture`; a capture gives no issue date of its own.
public struct HFCaptureFormat: DumpFormat {
    public let name = "capture"

    public init() {}

    public func confidence(_ bytes: [UInt8], fileExtension: String) -> Double {
        // The opening shows what a file is; reading all of a 100,000-paper dump to decide took longer
        // than parsing it.
        hfCaptureConfidence(String(decoding: bytes.prefix(Self.sniffedBytes), as: UTF8.self))
    }

    /// How much of a file `confidence` reads.
    static let sniffedBytes = 64 * 1024

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
