import Foundation
import Yams

/// `content/site.yml`: the digest's title, description, base URL and topic options.
public struct SiteConfig: Sendable, Equatable {
    public var title = "Gazette"
    public var description = "A digest of research papers, grouped by topic."
    /// The public URL the site is served from (`https://example.org/digest/`), or nil.
    public var baseURL: String?
    public var language = "en"
    public var topics = TopicOptions()
    /// How many papers the home page lists as most upvoted.
    public var homeTopPapers = 10
    /// Where `gazette build` writes the site unless `--output` says otherwise.
    public var output = "public"
    /// Whether Atom feeds are generated.
    public var feeds = true
    /// Papers per page of a long list (all papers, a topic, a month, an issue); shorter lists stay
    /// on one page, where readers can sort and filter them in the browser.
    public var paginate = 500
    /// `formats:` rules that force the format of dump files whose names match, in file order.
    public var formats: [FormatRule] = []
    /// Whether the data exports `papers.json` and `topics.json` are written.
    public var exports = true
    /// The host the site is published to, whose limits `gazette check` then enforces (nil: any host,
    /// and builds only warn).
    public var host: StaticHost?

    public init() {}
}

/// Why `site.yml` cannot be used; names the file and, where YAML knows it, the line.
public enum ConfigError: Error, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case invalid(file: String, line: Int?, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason): return "config: \(file): cannot read: \(reason)"
        case let .invalid(file, line?, reason): return "config: \(file):\(line): \(reason)"
        case let .invalid(file, nil, reason): return "config: \(file): \(reason)"
        }
    }
}

extension SiteConfig {
    /// Reads `path`; a missing file gives the defaults.
    public static func load(path: String) throws -> SiteConfig {
        guard FileManager.default.fileExists(atPath: path) else { return SiteConfig() }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ConfigError.unreadable(file: path, reason: error.localizedDescription)
        }
        return try parse(text, file: path)
    }

    /// Parses the YAML text of a `site.yml`.
    public static func parse(_ text: String, file: String) throws -> SiteConfig {
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch let error as YamlError {
            throw ConfigError.invalid(file: file, line: yamlLine(error), reason: "not valid YAML: \(yamlProblem(error))")
        }
        var config = SiteConfig()
        guard let node else { return config }
        guard let mapping = node.mapping else {
            throw ConfigError.invalid(file: file, line: node.mark.map { $0.line }, reason: "expected keys such as `title:` at the top level")
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = keyNode.mark?.line
            func string() throws -> String {
                guard let s = value.string, value.scalar != nil else {
                    throw ConfigError.invalid(file: file, line: line, reason: "`\(key)` must be a text value")
                }
                return s
            }
            switch key {
            case "title": config.title = try string()
            case "description": config.description = try string()
            case "base_url":
                let url = try string().trimmingCharacters(in: .whitespaces)
                if url.isEmpty { config.baseURL = nil; continue }
                guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                    throw ConfigError.invalid(file: file, line: line, reason: "`base_url` must start with http:// or https:// (got \"\(url)\")")
                }
                config.baseURL = url.hasSuffix("/") ? url : url + "/"
            case "language": config.language = try string()
            case "home_top_papers":
                guard let n = value.int, n >= 0 else {
                    throw ConfigError.invalid(file: file, line: line, reason: "`home_top_papers` must be a whole number")
                }
                config.homeTopPapers = n
            case "topics": config.topics = try parseTopics(value, file: file)
            case "output":
                let output = try string().trimmingCharacters(in: .whitespaces)
                guard !output.isEmpty else { throw ConfigError.invalid(file: file, line: line, reason: "`output` must name a directory, e.g. `output: public`") }
                config.output = output
            case "paginate":
                guard let n = value.int, n >= 1 else {
                    throw ConfigError.invalid(file: file, line: line, reason: "`paginate` must be a whole number of papers per page, at least 1")
                }
                config.paginate = n
            case "formats": config.formats = try parseFormats(value, file: file, line: line)
            case "feeds":
                guard let on = value.bool else { throw ConfigError.invalid(file: file, line: line, reason: "`feeds` must be true or false") }
                config.feeds = on
            case "exports":
                guard let on = value.bool else { throw ConfigError.invalid(file: file, line: line, reason: "`exports` must be true or false") }
                config.exports = on
            case "host":
                let name = try string().trimmingCharacters(in: .whitespaces)
                guard let host = StaticHost(rawValue: name) else {
                    let known = StaticHost.allCases.map(\.rawValue)
                    throw ConfigError.invalid(file: file, line: line, reason: "unknown host `\(name)`; known hosts: \(known.joined(separator: ", "))")
                }
                config.host = host
            default:
                throw ConfigError.invalid(file: file, line: line, reason: "unknown key `\(key)`\(suggestion(for: key, among: topLevelKeys))")
            }
        }
        return config
    }

    static let topLevelKeys = ["title", "description", "base_url", "language", "home_top_papers", "topics", "output", "feeds", "paginate", "formats",
                               "exports", "host"]
    static let topicKeys = ["count", "seeds", "min_size", "max_share", "related"]

    private static func parseTopics(_ node: Node, file: String) throws -> TopicOptions {
        var options = TopicOptions()
        guard let mapping = node.mapping else {
            throw ConfigError.invalid(file: file, line: node.mark?.line, reason: "`topics` must hold keys such as `count:` and `seeds:`")
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = keyNode.mark?.line
            switch key {
            case "count":
                if value.string == "auto" { options.count = nil; continue }
                guard let n = value.int, n >= 1 else {
                    throw ConfigError.invalid(file: file, line: line, reason: "`topics.count` must be `auto` or a whole number of at least 1")
                }
                options.count = n
            case "min_size":
                guard let n = value.int, n >= 1 else { throw ConfigError.invalid(file: file, line: line, reason: "`topics.min_size` must be a whole number of at least 1") }
                options.minTopicSize = n
            case "max_share":
                guard let x = value.float, x > 0, x <= 1 else { throw ConfigError.invalid(file: file, line: line, reason: "`topics.max_share` must be a number in (0, 1]") }
                options.maxTopicShare = x
            case "related":
                guard let n = value.int, n >= 0 else { throw ConfigError.invalid(file: file, line: line, reason: "`topics.related` must be a whole number") }
                options.relatedCount = n
            case "seeds":
                guard let seeds = value.sequence else {
                    throw ConfigError.invalid(file: file, line: line, reason: "`topics.seeds` must be a list of `- name: …` / `terms: [...]` entries")
                }
                for seed in seeds {
                    guard let name = seed["name"]?.string, let terms = seed["terms"]?.sequence?.compactMap(\.string), !terms.isEmpty else {
                        throw ConfigError.invalid(file: file, line: seed.mark?.line, reason: "each seed needs a `name:` and a non-empty `terms:` list")
                    }
                    options.seeds.append(SeedTopic(name: name, terms: terms))
                }
            default:
                throw ConfigError.invalid(file: file, line: line, reason: "unknown key `topics.\(key)`\(suggestion(for: key, among: topicKeys))")
            }
        }
        return options
    }

    /// `formats: {"*.md": capture, "arxiv-*.xml": atom}`: file-name patterns and format names.
    private static func parseFormats(_ node: Node, file: String, line: Int?) throws -> [FormatRule] {
        guard let mapping = node.mapping else {
            throw ConfigError.invalid(file: file, line: line, reason: "`formats` must map file patterns to format names, e.g. `formats: {\"*.md\": text}`")
        }
        return try mapping.map { key, format in
            let line = key.mark?.line ?? line
            guard let pattern = key.string, !pattern.isEmpty, key.scalar != nil else {
                throw ConfigError.invalid(file: file, line: line, reason: "each key of `formats` must be a file pattern such as `\"*.md\"`")
            }
            guard let name = format.string, format.scalar != nil, DumpFormats.named(name) != nil else {
                throw ConfigError.invalid(file: file, line: line, reason: "`formats` gives \"\(pattern)\" an unknown format; known formats: \(DumpFormats.names.joined(separator: ", "))")
            }
            return FormatRule(pattern: pattern, format: name)
        }
    }

    private static func yamlLine(_ error: YamlError) -> Int? {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _): return mark.line
        default: return nil
        }
    }

    private static func yamlProblem(_ error: YamlError) -> String {
        switch error {
        case let .scanner(_, problem, _, _), let .parser(_, problem, _, _), let .composer(_, problem, _, _): return problem
        default: return "\(error)"
        }
    }
}

/// `; did you mean `x`?` for the closest known key within two edits, else "".
func suggestion(for key: String, among known: [String]) -> String {
    let best = known.map { ($0, editDistance(key, $0)) }.min { $0.1 < $1.1 }
    guard let best, best.1 <= 2 else { return "; known keys: " + known.joined(separator: ", ") }
    return "; did you mean `\(best.0)`?"
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var previous = Array(0...b.count)
    for i in 1...max(1, a.count) where !a.isEmpty {
        var current = [i] + [Int](repeating: 0, count: b.count)
        for j in 1...max(1, b.count) where !b.isEmpty {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return a.isEmpty ? b.count : previous[b.count]
}
