/// What the fuzzer exercises with one input: the dump parser, the merger, and Markdown rendering of
/// every title and abstract (and of the raw text when the parser rejects it). Shared by the
/// libFuzzer target and the regression tests that replay `Tests/Fixtures/Fuzz/`. Returns the number
/// of entries parsed, or nil when the input was rejected with an error.
@discardableResult
public func parseAndRenderForFuzzing(_ bytes: [UInt8]) -> Int? {
    let markdown = MarkdownRenderer()
    guard let (dump, _) = try? DumpParser().parse(bytes, name: "fuzz", path: "fuzz.txt") else {
        _ = markdown.abstractHTML(String(decoding: bytes, as: UTF8.self))
        return nil
    }
    for entry in dump.entries {
        _ = markdown.html(entry.title)
        _ = cleanLatex(entry.title, markdown: false)
        _ = slugify(entry.title)
        if let abstract = entry.abstract {
            _ = markdown.abstractHTML(abstract)
            _ = extractLinks(from: abstract)
        }
    }
    _ = mergePapers([dump])
    return dump.entries.count
}
