import Foundation

/// The layout rendered once for each kind of page (its root, section, type) with marks where the
/// page's own values go: title, description, canonical address and body. A page is then its shell
/// with the values put in place, escaped as Mustache escapes them, instead of a fresh rendering
/// of the layout (half of the lookups of a paper page were the layout's, the same on every page).
///
/// Used only when the layout and its partials take those values as plain `{{page_title}}`,
/// `{{description}}`, `{{canonical}}` (or a `{{#canonical}}` section, which is the same on every
/// page) and `{{{body}}}`; any other use, such as a section on the title, renders every page in full.
final class LayoutShells: @unchecked Sendable {
    static let titleMark: UInt8 = 0x03, descriptionMark: UInt8 = 0x04, bodyMark: UInt8 = 0x05, canonicalMark: UInt8 = 0x06
    /// The values each page brings, and the marks that stand for them in a shell.
    static let marks: [String: String] = ["page_title": "\u{3}", "description": "\u{4}", "body": "\u{5}", "canonical": "\u{6}"]

    /// Whether the layout takes the page values in ways a shell reproduces.
    let enabled: Bool
    private let lock = NSLock()
    private var shells: [String: [UInt8]] = [:]

    /// `siteValues`: the text the layout shows on every page (site title, menu entries); a mark
    /// among them would be taken for a page value, so then there are no shells.
    init(templates: TemplateSet, siteValues: [String]) {
        let marked = siteValues.contains { $0.utf8.contains { (Self.titleMark...Self.canonicalMark).contains($0) } }
        enabled = !marked && Self.takesPageValuesPlainly(templates.sources, from: "layout")
    }

    /// The page whose layout values are `layout` (from `PageContexts.layout`, in menu `section`) and
    /// whose body is `body`, made from the shell of its kind: same root, section, type, home-ness and
    /// whether it is its section's own page.
    func page(layout: [String: Any], section: String, body: [UInt8], templates: TemplateSet) throws -> [UInt8] {
        let canonical = layout["canonical"] as? String
        // A section's own page marks its menu entry as the page, the section's other pages as in it.
        let ownPage = (layout["nav"] as? [[String: Any]])?.contains { $0["aria_current"] as? String == "page" } ?? false
        let key = "\(layout["root"]!)|\(section)|\(layout["og_type"]!)|\(layout["is_home"]!)|\(canonical != nil)|\(ownPage)"
        return try page(key: key, title: layout["page_title"] as! String, description: layout["description"] as! String,
                        canonical: canonical, body: body) {
            var marked = layout
            for (name, mark) in Self.marks where name != "canonical" || canonical != nil { marked[name] = mark }
            return try templates.render("layout", marked)
        }
    }

    /// The page: the shell for `key` (rendered by `render` the first time, with the marks as the
    /// page values) with this page's values put in.
    func page(key: String, title: String, description: String, canonical: String?, body: [UInt8],
              render: () throws -> String) throws -> [UInt8] {
        lock.lock()
        var shell = shells[key]
        lock.unlock()
        if shell == nil {
            let made = Array(try render().utf8)
            lock.lock()
            shells[key] = made
            lock.unlock()
            shell = made
        }
        let escape = FastHTMLContentType()
        let title = Array(escape.escapeText(title).utf8), description = Array(escape.escapeText(description).utf8)
        let canonical = Array(escape.escapeText(canonical ?? "").utf8)
        var out: [UInt8] = []
        out.reserveCapacity(shell!.count + body.count + 4 * title.count + 3 * description.count)
        for byte in shell! {
            switch byte {
            case Self.titleMark: out += title
            case Self.descriptionMark: out += description
            case Self.canonicalMark: out += canonical
            case Self.bodyMark: out += body
            default: out.append(byte)
            }
        }
        return out
    }

    /// True when template `name` and the partials it includes use the page values only as plain
    /// variables (the body unescaped), `canonical` also as a section, and change no delimiters.
    static func takesPageValuesPlainly(_ sources: [String: String], from name: String) -> Bool {
        var seen: Set<String> = []
        var pending = [name]
        let tag = try! NSRegularExpression(pattern: #"\{\{(\{?)([^}]*)\}\}(\}?)"#)
        while let next = pending.popLast() {
            guard seen.insert(next).inserted else { continue }
            guard let text = sources[next] else { continue }
            for match in tag.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let triple = match.range(at: 1).length > 0
                let content = String(text[Range(match.range(at: 2), in: text)!]).trimmingCharacters(in: .whitespaces)
                if content.hasPrefix("=") { return false }
                if content.hasPrefix("!") { continue }
                if content.hasPrefix(">") {
                    pending.append(content.dropFirst().trimmingCharacters(in: .whitespaces))
                    continue
                }
                let words = Set(content.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
                guard !words.isDisjoint(with: marks.keys) else { continue }
                switch (triple, content) {
                case (false, "page_title"), (false, "description"), (false, "canonical"), (true, "body"), (false, "&body"),
                     (false, "#canonical"), (false, "/canonical"):
                    continue
                default:
                    return false
                }
            }
        }
        return true
    }
}
