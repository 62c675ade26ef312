import Foundation
import Mustache

/// The theme: Mustache templates (pages and partials) and the static assets beside them.
/// Templates are compiled once and shared by every page.
public struct TemplateSet: @unchecked Sendable {
    /// Templates every theme must provide.
    public static let required = ["layout", "index", "topic", "topics", "paper", "paper-card", "papers", "dump", "dumps", "archive", "archive-month", "page", "404"]

    public let directory: String
    let library: MustacheLibrary
    /// Each template's text, by name.
    let sources: [String: String]
    /// Assets under `assets/`, by path relative to it, sorted.
    public let assets: [(path: String, bytes: [UInt8])]

    /// Loads and compiles every `*.mustache` file in `directory`; partials are referenced by file name.
    public init(directory: String) throws {
        self.directory = directory
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TemplateError.missingDirectory(directory)
        }
        // Our escaping over bytes, selected by `{{% CONTENT_TYPE: HTML}}`, which every template is
        // given on a line of its own above its text (a standalone tag: it renders nothing). Without
        // it, partials and themes get the library's default escaping, which works on Characters and
        // so leaves a quote or `<` unescaped when a combining mark follows it (`"\u{338}` would
        // end an attribute).
        MustacheContentTypes.register(FastHTMLContentType(), named: "HTML")
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        let names = try fm.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".mustache") }.sorted()
        for file in names {
            let path = (directory as NSString).appendingPathComponent(file)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            sources[String(file.dropLast(".mustache".count))] = text
            do {
                library.register(try MustacheTemplate(string: Self.htmlPragma + text), named: String(file.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError.syntax(file: path, line: error.context.lineNumber - 1, column: error.context.columnNumber,
                                           message: "\(error.error) near \"\(error.context.line.trimmingCharacters(in: .whitespaces))\"")
            }
        }
        for name in Self.required where library.getTemplate(named: name) == nil {
            throw TemplateError.missing(file: (directory as NSString).appendingPathComponent(name + ".mustache"))
        }
        self.library = library
        self.sources = sources
        self.assets = try Self.loadAssets(in: (directory as NSString).appendingPathComponent("assets"))
    }

    /// Selects byte-level HTML escaping; put above every template's text.
    static let htmlPragma = "{{% CONTENT_TYPE: HTML}}\n"

    /// Renders template `name` with `context`; values are HTML-escaped unless the template uses
    /// triple braces, which our templates keep for rendered Markdown and page bodies only.
    public func render(_ name: String, _ context: [String: Any]) throws -> String {
        guard let output = library.render(context, withTemplate: name) else {
            throw TemplateError.missing(file: (directory as NSString).appendingPathComponent(name + ".mustache"))
        }
        return output
    }

    private static func loadAssets(in directory: String) throws -> [(path: String, bytes: [UInt8])] {
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(atPath: directory) else { return [] }
        var assets: [(path: String, bytes: [UInt8])] = []
        while let relative = enumerator.nextObject() as? String {
            let full = (directory as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            // Editor leftovers and hidden files are not part of a theme.
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) || relative.hasSuffix("~") { continue }
            assets.append((relative, Array(try Data(contentsOf: URL(fileURLWithPath: full)))))
        }
        return assets.sorted { $0.path < $1.path }
    }
}
