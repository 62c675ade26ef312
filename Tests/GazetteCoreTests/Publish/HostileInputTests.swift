import Foundation
import XCTest
@testable import GazetteCore

/// Builds `Tests/Fixtures/Hostile`, whose titles, abstracts, config and page carry script tags,
/// attribute breakouts, `javascript:`/`data:` links, entities, closing tags, Mustache syntax,
/// bidi overrides, control bytes and very long words, and checks every file a reader could open.
final class HostileInputTests: XCTestCase {
    let hostile = Fixtures.path("Hostile/content")

    /// Builds `content` once into a fresh directory and returns every output file, path → text.
    func build(_ content: String) throws -> [String: String] {
        let output = try Fixtures.temporaryDirectory(self).appendingPathComponent("public").path
        _ = try buildSite(BuildOptions(contentDirectory: content, outputDirectory: output, templatesDirectory: Fixtures.templates))
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: output)!
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: output + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = try String(contentsOfFile: output + "/" + path, encoding: .utf8) }
        }
        return files
    }

    func pages(_ files: [String: String]) -> [(String, String)] {
        files.filter { $0.key.hasSuffix(".html") }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    func testEveryPageCarriesAPolicyForbiddingInlineScriptBeforeAnyScript() throws {
        for content in [hostile, Fixtures.path("Site/content")] {
            let site = try build(content)
            XCTAssertGreaterThan(pages(site).count, 10)
            for (path, html) in pages(site) {
                let tags = htmlStartTags(html)
                let policyIndex = tags.firstIndex { $0.name == "meta" && $0.value("http-equiv")?.lowercased() == "content-security-policy" }
                guard let policyIndex else { XCTFail("\(path): no Content-Security-Policy"); continue }
                let policy = tags[policyIndex].value("content") ?? ""
                // Scripts fall under `script-src`, or `default-src` without it: either way only the site's own files.
                let directives = Dictionary(policy.split(separator: ";").map { part -> (String, String) in
                    let words = part.split(separator: " ", maxSplits: 1).map(String.init)
                    return (words.first ?? "", words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : "")
                }, uniquingKeysWith: { first, _ in first })
                XCTAssertEqual(directives["script-src"] ?? directives["default-src"], "'self'", "\(path): \(policy)")
                XCTAssertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), "\(path): \(policy)")
                XCTAssertTrue(tags[..<policyIndex].allSatisfy { $0.name != "script" }, "\(path): a script precedes the policy")
            }
        }
    }

    func testNoHostileInputBecomesAnElementAHandlerOrAScriptLink() throws {
        try assertNoInjectedMarkup(try build(hostile))
    }

    func testAHostileDumpFileNameIsEscapedToo() throws {
        let content = try Fixtures.temporaryDirectory(self).appendingPathComponent("content")
        try FileManager.default.copyItem(atPath: hostile, toPath: content.path)
        try FileManager.default.moveItem(at: content.appendingPathComponent("dumps/2024-mar-04.txt"),
                                         to: content.appendingPathComponent("dumps/\"><img src=x onerror=alert(1)>..txt"))
        let site = try build(content.path)
        try assertNoInjectedMarkup(site)
        XCTAssertTrue(site.keys.contains { $0.hasPrefix("dumps/img-src-x-onerror-alert-1") }, "\(site.keys.sorted())")
    }

    func assertNoInjectedMarkup(_ site: [String: String]) throws {
        let forbidden: Set<String> = ["iframe", "frame", "object", "embed", "svg", "math", "img", "textarea",
                                      "base", "style", "noscript"]
        XCTAssertGreaterThan(pages(site).count, 10)
        for (path, html) in pages(site) {
            let tags = htmlStartTags(html)
            XCTAssertEqual(tags.filter { $0.name == "title" }.count, 1, path)
            XCTAssertEqual(tags.filter { $0.name == "html" }.count, 1, path)
            for tag in tags where !isThemeElement(tag) {
                XCTAssertFalse(forbidden.contains(tag.name), "\(path): injected <\(tag.name)>")
                if tag.name == "script" {
                    // Only the theme's own script files: a relative src, nothing inline, no other origin.
                    let src = tag.value("src") ?? ""
                    XCTAssertTrue(!src.isEmpty && !src.contains(":") && !src.hasPrefix("//"), "\(path): <script src=\"\(src)\">")
                }
                for attribute in tag.attributes {
                    XCTAssertFalse(attribute.name.hasPrefix("on"), "\(path): handler \(attribute.name) on <\(tag.name)>")
                    guard ["href", "src", "action", "formaction", "data"].contains(attribute.name) else { continue }
                    let url = attribute.value.lowercased().filter { !$0.isWhitespace }
                    for scheme in ["javascript:", "data:", "vbscript:", "&#"] {
                        XCTAssertFalse(url.hasPrefix(scheme), "\(path): <\(tag.name) \(attribute.name)=\"\(attribute.value)\">")
                    }
                }
            }
        }
    }

    /// The theme's own interactive elements: its script files and the search form's controls.
    func isThemeElement(_ tag: HTMLTag) -> Bool {
        switch tag.name {
        case "script":
            let source = tag.value("src") ?? ""
            return source.hasSuffix("assets/search.js") || source.hasSuffix("assets/sort.js")
        case "form": return tag.value("class") == "site-search"
        case "input": return tag.value("id") == "search-input"
        case "button": return tag.attributes.isEmpty
        default: return false
        }
    }

    func testTheThemesOwnScriptsAreFilesAndTheOnlyScripts() throws {
        let site = try build(hostile)
        for (path, html) in pages(site) {
            let scripts = htmlStartTags(html).filter { $0.name == "script" }
            // A paper page loads the search only; lists also load sort.js.
            XCTAssertEqual(scripts.count, isPaperPage(path) ? 1 : 2, path)
            XCTAssertTrue(scripts.allSatisfy(isThemeElement), path)
            XCTAssertFalse(html.contains("<script>"), "\(path): an inline script")
        }
    }

    func isPaperPage(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        return parts.count == 3 && parts[0] == "papers" && parts[1] != "upvotes"
    }

    func testHostileTitlesAreShownAsTheTextTheyAre() throws {
        let site = try build(hostile)
        let paperPages = pages(site).filter { $0.0.hasPrefix("papers/") && $0.0 != "papers/index.html" }
        XCTAssertEqual(paperPages.count, 12)
        let allText = paperPages.map(\.1).joined()
        for shown in ["&lt;script&gt;alert(1);document.documentElement.setAttribute(&#39;data-pwned&#39;,&#39;1&#39;)&lt;/script&gt; Attention",
                      "&quot;&gt;&lt;img src=x onerror=", "{{mustache}} {{{triple}}} {{&gt; layout}}", "&lt;/textarea&gt;&lt;/title&gt;",
                      "[Click me](javascript:", "&amp;lt;script&amp;gt;", "Safegnp.exe Titles"] {
            XCTAssertTrue(allText.contains(shown), shown)
        }
        XCTAssertTrue(site["index.html"]!.contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; Hostile {{site}} Digest</title>"))
    }

    func testNoControlOrOverrideCharacterReachesAnyFile() throws {
        for (path, text) in try build(hostile) {
            let bad = text.unicodeScalars.filter { isUnwantedControl($0) && $0 != "\n" && $0 != "\r" }
            XCTAssertTrue(bad.isEmpty, "\(path): \(bad.map { String($0.value, radix: 16) })")
        }
    }

    func testJSONExportsEscapeMarkupAndKeepTheTextExact() throws {
        let site = try build(hostile)
        let exports = site.filter { $0.key.hasSuffix(".json") }
        XCTAssertGreaterThanOrEqual(exports.count, 2)
        for (path, json) in exports {
            for raw in ["<", ">", "\u{2028}", "\u{2029}"] { XCTAssertFalse(json.contains(raw), "\(path) holds a raw \(raw)") }
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.utf8)), path)
        }
        // Data shipped as script (a search index, say) must not be able to close a <script> either.
        for (path, text) in site where path.hasSuffix(".js") || path.hasSuffix(".json") {
            for closer in ["</script", "<!--"] { XCTAssertFalse(text.lowercased().contains(closer), "\(path) holds \(closer)") }
        }
        let papers = try JSONSerialization.jsonObject(with: Data(site["papers.json"]!.utf8)) as! [[String: Any]]
        let titles = Set(papers.compactMap { $0["title"] as? String })
        XCTAssertTrue(titles.contains("<script>alert(1);document.documentElement.setAttribute('data-pwned','1')</script> Attention for Robust Parsers"))
        XCTAssertTrue(titles.contains("{{mustache}} {{{triple}}} {{> layout}} {{#site_title}}x{{/site_title}} Templates"))
    }

    func testTheHostileSiteIsByteIdenticalAcrossBuilds() throws {
        let first = try build(hostile)
        let second = try build(hostile)
        XCTAssertEqual(first.keys.sorted(), second.keys.sorted())
        for (path, text) in first { XCTAssertEqual(text, second[path], path) }
    }
}
