import Foundation
import CCmarkGFM

/// Markdown to HTML through cmark-gfm with the GFM extensions (autolink, table, strikethrough,
/// tagfilter) and smart punctuation. Never unsafe: raw HTML is omitted and `javascript:`-style
/// links are dropped by cmark itself. Make one per task; a renderer is cheap.
public struct MarkdownRenderer {
    static let extensionNames = ["autolink", "table", "strikethrough", "tagfilter"]
    // Strikethrough needs `~~`: abstracts use a single `~` for ranges ("7.33~8.26").
    let options: Int32 = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE

    /// Registers the GFM extensions with cmark (idempotent, thread-safe in cmark-gfm).
    public init() {
        cmark_gfm_core_extensions_ensure_registered()
    }

    /// Renders Markdown to an HTML fragment. Safe from any thread: parses take turns (see
    /// `cmarkLock`); making the parser and rendering the HTML touch only this call's own memory.
    public func html(_ markdown: String) -> String {
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        var source = markdown
        cmarkLock.lock()
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        let finished = cmark_parser_finish(parser)
        cmarkLock.unlock()
        guard let document = finished else { return "" }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// An abstract as HTML: LaTeX residue cleaned, and any `<` or `>` shown as text rather than
    /// treated as markup, since scraped abstracts are text, not HTML. Markdown images become plain
    /// links: a scraped abstract must not make a reader's browser fetch anything.
    public func abstractHTML(_ abstract: String) -> String {
        html(disarmImages(escapeAngleBrackets(cleanLatex(abstract, markdown: true))))
    }
}

/// cmark-gfm keeps its table of inline special characters in a process-wide global that every parse
/// rewrites (`cmark_parser_finish` adds the extensions' characters before parsing inlines and removes
/// them after), so two parses at once can lose strikethrough, tables or autolinks
/// (MarkdownConcurrencyTests). One lock for the process, as the global is, held while parsing only.
private let cmarkLock = NSLock()

/// `<` and `>` as entities, which Markdown shows as the characters themselves.
func escapeAngleBrackets(_ text: String) -> String {
    replacingBytes(in: text) { byte, _ in
        switch byte {
        case UInt8(ascii: "<"): return Array("&lt;".utf8)
        case UInt8(ascii: ">"): return Array("&gt;".utf8)
        default: return nil
        }
    }
}

/// `![` as `\![`, so Markdown image syntax stays a plain link.
func disarmImages(_ text: String) -> String {
    replacingBytes(in: text) { byte, next in
        byte == UInt8(ascii: "!") && next == UInt8(ascii: "[") ? Array("\\!".utf8) : nil
    }
}

/// `text` with each byte for which `replacement(byte, nextByte)` gives bytes replaced by them; one
/// pass over UTF-8 (ASCII bytes never occur inside a multi-byte character), and no copy when
/// nothing is replaced.
func replacingBytes(in text: String, _ replacement: (UInt8, UInt8?) -> [UInt8]?) -> String {
    var text = text
    return text.withUTF8 { bytes -> String? in
        var out: [UInt8]? = nil
        for i in bytes.indices {
            let next = i + 1 < bytes.count ? bytes[i + 1] : nil
            if let swap = replacement(bytes[i], next) {
                if out == nil { out = Array(bytes[..<i]); out!.reserveCapacity(bytes.count + 32) }
                out!.append(contentsOf: swap)
            } else if out != nil {
                out!.append(bytes[i])
            }
        }
        return out.map { String(decoding: $0, as: UTF8.self) }
    } ?? text
}
