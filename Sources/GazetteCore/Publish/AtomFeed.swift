import Foundation

/// An Atom 1.0 feed of papers. Links are relative to the feed's own location unless the site has a
/// base URL; every date comes from the data, so the feed is the same on every build.
public struct AtomFeed: Sendable {
    public struct Entry: Sendable, Equatable {
        public var title: String
        /// Path from the site root, `papers/<slug>/index.html`.
        public var path: String
        public var summary: String
        public var topic: String?
        public var published: PaperDate?
        /// The path the entry's id is made from, when it is not `path` (a notice that links a page
        /// other entries may link too).
        public var idPath: String?

        public init(title: String, path: String, summary: String, topic: String?, published: PaperDate?, idPath: String? = nil) {
            self.title = title
            self.path = path
            self.summary = summary
            self.topic = topic
            self.published = published
            self.idPath = idPath
        }
    }

    public var title: String
    /// Path of the feed from the site root (`feed.xml`, `topics/<slug>/feed.xml`).
    public var path: String
    /// Path of the HTML page the feed mirrors.
    public var pagePath: String
    public var author: String
    public var baseURL: String?
    public var entries: [Entry]

    public init(title: String, path: String, pagePath: String, author: String, baseURL: String?, entries: [Entry]) {
        self.title = title
        self.path = path
        self.pagePath = pagePath
        self.author = author
        self.baseURL = baseURL
        self.entries = entries
    }

    /// Newest first, at most this many entries per feed.
    public static let limit = 50

    /// The feed document.
    public func xml() -> String {
        let root = String(repeating: "../", count: path.split(separator: "/").count - 1)
        func link(_ target: String) -> String { (baseURL ?? root) + directory(target) }
        func id(_ target: String) -> String {
            // Without a base URL there is no address to use; a URN named after the path is stable.
            baseURL.map { $0 + directory(target) } ?? "urn:gazette:" + String((target.hasSuffix("/index.html") ? target.dropLast("/index.html".count) : Substring(target)).map { $0 == "/" ? ":" : $0 })
        }
        let updated = entries.compactMap(\.published).max().map(Self.timestamp) ?? "1970-01-01T00:00:00Z"
        var out = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>\(xmlEscape(title))</title>
          <id>\(xmlEscape(id(path)))</id>
          <updated>\(updated)</updated>
          <author><name>\(xmlEscape(author))</name></author>
          <generator>Gazette</generator>
          <link rel="self" type="application/atom+xml" href="\(xmlEscape((baseURL ?? root) + path))"/>
          <link rel="alternate" type="text/html" href="\(xmlEscape(link(pagePath)))"/>

        """
        for entry in entries {
            out += """
              <entry>
                <title>\(xmlEscape(entry.title))</title>
                <id>\(xmlEscape(id(entry.idPath ?? entry.path)))</id>
                <link rel="alternate" type="text/html" href="\(xmlEscape(link(entry.path)))"/>
                <updated>\(entry.published.map(Self.timestamp) ?? updated)</updated>

            """
            if let published = entry.published { out += "    <published>\(Self.timestamp(published))</published>\n" }
            if let topic = entry.topic { out += "    <category term=\"\(xmlEscape(topic))\"/>\n" }
            if !entry.summary.isEmpty { out += "    <summary>\(xmlEscape(entry.summary))</summary>\n" }
            out += "  </entry>\n"
        }
        return out + "</feed>\n"
    }

    /// `papers/x/index.html` → `papers/x/`: the address a server gives the page.
    private func directory(_ path: String) -> String {
        guard baseURL != nil, path.hasSuffix("index.html") else { return path }
        return String(path.dropLast("index.html".count))
    }

    static func timestamp(_ date: PaperDate) -> String { date.iso + "T00:00:00Z" }
}

/// Escapes text for XML content and attribute values; drops characters XML 1.0 forbids.
/// Works on the UTF-8 bytes (every byte it looks at is ASCII, or the lead of U+FFFE and U+FFFF):
/// scalar by scalar, the summaries of a large digest's feeds took a tenth of an incremental build's
/// reader files.
func xmlEscape(_ text: String) -> String {
    var copy = text
    return copy.withUTF8 { bytes -> String in
        // Most titles and summaries need nothing: the text itself.
        guard bytes.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0xEF }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case 0..<0x20: break
            case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                i += 2 // U+FFFE or U+FFFF, not XML characters
            default: out.append(byte)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
