import Foundation
import Yams

/// An extra Markdown page from `content/pages/`, with its YAML front matter.
public struct ContentPage: Hashable, Sendable {
    public var slug: String
    public var title: String
    public var description: String?
    /// Position in the site's navigation; pages without one are not listed there.
    public var menuOrder: Int?
    public var markdown: String
    public var path: String
}

/// Reads a page: `---` front matter (`title:` required; `description:`, `slug:`, `menu:` optional)
/// followed by Markdown.
public func parseContentPage(_ text: String, path: String) throws -> ContentPage {
    var text = text.replacingOccurrences(of: "\r\n", with: "\n")
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let fileName = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    guard text.hasPrefix("---\n") else {
        throw IngestError.invalidPage(file: path, line: 1, reason: "a page starts with `---` front matter holding at least `title:`")
    }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let end = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) else {
        throw IngestError.invalidPage(file: path, line: 1, reason: "the front matter opened on line 1 is never closed with `---`")
    }
    let yaml = lines[1..<end].joined(separator: "\n")
    let body = lines[(end + 1)...].joined(separator: "\n")
    let node: Node?
    do { node = try Yams.compose(yaml: yaml) } catch {
        throw IngestError.invalidPage(file: path, line: 2, reason: "front matter is not valid YAML: \(error)")
    }
    guard let mapping = node?.mapping, let title = mapping["title"]?.string, !title.isEmpty else {
        throw IngestError.invalidPage(file: path, line: 2, reason: "front matter needs a `title:`")
    }
    for (key, _) in mapping where !["title", "description", "slug", "menu"].contains(key.string ?? "") {
        throw IngestError.invalidPage(file: path, line: 1 + (key.mark?.line ?? 1),
            reason: "unknown front matter key `\(key.string ?? "")` (known: title, description, slug, menu)")
    }
    let slug = slugify(mapping["slug"]?.string ?? fileName)
    return ContentPage(slug: slug.isEmpty ? "page" : slug, title: title, description: mapping["description"]?.string,
                       menuOrder: mapping["menu"]?.int, markdown: body, path: path)
}
