import Foundation

/// Why a topic map file cannot be used; each case names the file and line and what to do.
public enum TopicMapError: Error, Equatable, CustomStringConvertible {
    case invalid(file: String, line: Int, reason: String)
    case unreadable(file: String, reason: String)
    case writeFailed(file: String, reason: String)

    public var description: String {
        switch self {
        case let .invalid(file, line, reason):
            return "topics: \(file):\(line): \(reason) (fix the line, or restore the file from git; deleting it starts a new map and drops the redirects of retired topics)"
        case let .unreadable(file, reason):
            return "topics: \(file): cannot read the topic map: \(reason)"
        case let .writeFailed(file, reason):
            return "topics: \(file): cannot write the topic map: \(reason)"
        }
    }
}

/// The topic map's text form: one record per line, topics by id, papers by slug, so a new issue
/// shows in a diff as a few added `paper` lines.
///
///     gazette-topic-map 1
///     topic 3 reasoning
///     name Reasoning
///     seed Reasoning
///     terms reason 0.4121; math 0.2010; chain thought 0.1500
///     topic 9 old-slug
///     name Old name
///     retired-into 3 2025-08-07 42
///     paper some-paper-slug 3 0123456789abcdef
///     paper a-later-paper 3 fedcba9876543210 new
///
/// `new` marks a paper added since the related papers' term weights were last taken.
public enum TopicMapFile {
    static let header = "gazette-topic-map 1"

    /// The file's text; `topics.map` beside `site.yml`.
    public static func text(_ map: TopicMap) -> String {
        var out = """
        # Gazette topic map, written by `gazette build`. Commit it with your dumps, like a lock file:
        # the next build starts from it, so topics keep their URLs and papers keep their topics.
        # Edit a `name` line to rename a topic (its URL stays). `gazette topics --refit` re-clusters
        # from scratch and shows what would change first. See README.md, "Topics that last".
        \(header)

        """
        for topic in map.topics {
            out += "\ntopic \(topic.id) \(topic.slug)\nname \(topic.name)\n"
            if let seed = topic.seed { out += "seed \(seed)\n" }
            if !topic.definition.isEmpty {
                out += "terms " + topic.definition.map { "\($0.key) \(String(format: "%.4f", $0.weight))" }.joined(separator: "; ") + "\n"
            }
            if topic.isRetired {
                out += "retired-into " + (topic.successor.map(String.init) ?? "-") + (topic.retiredOn.map { " " + $0.iso } ?? "")
                    + (topic.retiredOn != nil ? topic.retiredPapers.map { " \($0)" } ?? "" : "") + "\n"
            }
        }
        out += "\n"
        for slug in map.papers.keys.sorted() {
            let placement = map.papers[slug]!
            out += "paper \(slug) \(placement.topic) \(placement.textHash)\(placement.inWeights ? "" : " new")\n"
        }
        return out
    }

    /// Reads a map; any line it cannot use is an error naming that line.
    public static func parse(_ text: String, path: String) throws -> TopicMap {
        var topics: [TopicMap.Entry] = []
        var papers: [String: TopicMap.Placement] = [:]
        var paperLines: [(slug: String, topic: Int, line: Int)] = []
        var topicLines: [Int: Int] = [:]
        var fieldLines: [String: Int] = [:]
        var sawHeader = false
        func fail(_ line: Int, _ reason: String) -> TopicMapError { .invalid(file: path, line: line, reason: reason) }
        var lineNumber = 0
        func read(_ line: Substring) throws {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { return }
            if line.contains(where: { $0.isNewline || ($0.asciiValue.map { $0 < 0x20 && $0 != 0x09 } ?? false) }) {
                throw fail(lineNumber, "control characters in the line")
            }
            guard sawHeader else {
                guard line == header else { throw fail(lineNumber, "expected `\(header)` as the first line that is not a comment") }
                sawHeader = true
                return
            }
            let keyword = line.prefix { $0 != " " }
            let rest = line.dropFirst(keyword.count).drop { $0 == " " }
            let fields = rest.split(separator: " ")
            switch keyword {
            case "topic":
                guard fields.count == 2, let id = Int(fields[0]), id > 0 else {
                    throw fail(lineNumber, "expected `topic <id> <slug>` with a positive whole number id")
                }
                let slug = String(fields[1])
                guard slugify(slug) == slug, !slug.isEmpty else { throw fail(lineNumber, "`\(slug)` is not a slug (lowercase letters, digits and single hyphens)") }
                if let earlier = topicLines[id] { throw fail(lineNumber, "topic \(id) appears twice (also line \(earlier))") }
                if let other = topics.first(where: { $0.slug == slug }) { throw fail(lineNumber, "slug `\(slug)` is already topic \(other.id)'s") }
                topicLines[id] = lineNumber
                topics.append(TopicMap.Entry(id: id, slug: slug, name: ""))
            case "name", "seed", "terms", "retired-into":
                guard !topics.isEmpty else { throw fail(lineNumber, "`\(keyword)` before any `topic` line") }
                let value = rest.trimmingCharacters(in: .whitespaces)
                guard !value.isEmpty else { throw fail(lineNumber, "`\(keyword)` with nothing after it") }
                let current = topics.count - 1
                // A second `name` (say) most likely means a `topic` line above it was deleted.
                if let earlier = fieldLines["\(current) \(keyword)"] {
                    throw fail(lineNumber, "a second `\(keyword)` for topic \(topics[current].id) (also line \(earlier)); is a `topic` line missing above?")
                }
                fieldLines["\(current) \(keyword)"] = lineNumber
                switch keyword {
                case "name": topics[current].name = value
                case "seed": topics[current].seed = value
                case "terms": topics[current].definition = try parseTerms(value, line: lineNumber, fail: fail)
                default:
                    let parts = value.split(separator: " ")
                    guard (1...3).contains(parts.count), parts[0] == "-" || Int(parts[0]) != nil else {
                        throw fail(lineNumber, "expected `retired-into <topic id or -> [YYYY-MM-DD [main papers]]`")
                    }
                    topics[current].isRetired = true
                    topics[current].successor = Int(parts[0])
                    if parts.count >= 2 {
                        guard let date = PaperDate(iso: String(parts[1])) else { throw fail(lineNumber, "`\(parts[1])` is not a date (YYYY-MM-DD)") }
                        topics[current].retiredOn = date
                    }
                    if parts.count == 3 {
                        guard let count = Int(parts[2]), count >= 0 else { throw fail(lineNumber, "`\(parts[2])` is not a number of papers") }
                        topics[current].retiredPapers = count
                    }
                }
            case "paper":
                guard fields.count == 3 || fields.count == 4, let topic = Int(fields[1]) else {
                    throw fail(lineNumber, "expected `paper <slug> <topic id> <text hash>`, then `new` for a paper whose words do not count in the term weights yet")
                }
                guard fields.count == 3 || fields[3] == "new" else {
                    throw fail(lineNumber, "`\(fields[3])` after the text hash: expected nothing or `new`")
                }
                let slug = String(fields[0])
                guard papers[slug] == nil else { throw fail(lineNumber, "paper `\(slug)` appears twice") }
                guard fields[2].count == 16, fields[2].allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                    throw fail(lineNumber, "`\(fields[2])` is not a text hash (16 lowercase hexadecimal digits)")
                }
                papers[slug] = TopicMap.Placement(topic: topic, textHash: String(fields[2]), inWeights: fields.count == 3)
                paperLines.append((slug, topic, lineNumber))
            default:
                throw fail(lineNumber, "unknown record `\(keyword)` (expected topic, name, seed, terms, retired-into or paper)")
            }
        }
        /// A well-formed `paper` line of printable ASCII, read from its bytes; false for any other
        /// line (`read` then takes it, and names what is wrong with it).
        func readPaper(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
            guard sawHeader, line.count > 6, line.starts(with: "paper ".utf8), line.allSatisfy({ (0x20...0x7E).contains($0) }) else { return false }
            let fields = line.dropFirst(6).split(separator: UInt8(ascii: " "))
            guard fields.count == 3 || fields.count == 4 && fields[3].elementsEqual("new".utf8),
                  let topic = Int(String(decoding: fields[1], as: UTF8.self)), fields[2].count == 16,
                  fields[2].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }) else { return false }
            let slug = String(decoding: fields[0], as: UTF8.self)
            guard papers[slug] == nil else { return false }
            papers[slug] = TopicMap.Placement(topic: topic, textHash: String(decoding: fields[2], as: UTF8.self), inWeights: fields.count == 3)
            paperLines.append((slug, topic, lineNumber))
            return true
        }
        if text.utf8.contains(UInt8(ascii: "\r")) {
            // "\r\n" is one Character in Swift: splitting at "\n" alone would leave a CRLF file one line.
            for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
                lineNumber += 1
                try read(rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine)
            }
        } else {
            // Without "\r", lines end at each "\n" byte (a line feed is a Character of its own).
            // Most lines are `paper` lines, ten thousand for a large digest, read every build:
            // those are taken from their bytes, which is many times faster than by Characters.
            var text = text
            try text.withUTF8 { bytes in
                var start = 0
                while start <= bytes.count {
                    let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                    lineNumber += 1
                    let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    if !readPaper(line) { try read(Substring(String(decoding: line, as: UTF8.self))) }
                    start = end + 1
                }
            }
        }
        guard sawHeader else { throw fail(max(1, lineNumber), "no `\(header)` line: not a topic map") }
        let map = TopicMap(topics: topics, papers: papers)
        for topic in topics {
            let line = topicLines[topic.id]!
            if topic.name.isEmpty { throw fail(line, "topic \(topic.id) has no `name` line") }
            if let successor = topic.successor {
                guard let next = map.topic(successor), next.id != topic.id else { throw fail(line, "topic \(topic.id) is retired into topic \(successor), which is not in the map") }
                // A chain may end in a topic retired without successor (`-`); only a loop is an error.
                var seen: Set<Int> = [topic.id], following: Int? = successor
                while let id = following, let entry = map.topic(id), entry.isRetired {
                    guard seen.insert(id).inserted else { throw fail(line, "topic \(topic.id)'s successors lead round in a circle") }
                    following = entry.successor
                }
            }
        }
        for paper in paperLines {
            guard let topic = map.topic(paper.topic) else { throw fail(paper.line, "paper `\(paper.slug)` is in topic \(paper.topic), which is not in the map") }
            if topic.isRetired { throw fail(paper.line, "paper `\(paper.slug)` is in topic \(paper.topic), which is retired") }
        }
        return map
    }

    private static func parseTerms(_ value: String, line: Int, fail: (Int, String) -> TopicMapError) throws -> [(key: String, weight: Double)] {
        try value.split(separator: ";").map { part in
            let words = part.split(separator: " ")
            guard words.count >= 2, let weight = Double(words[words.count - 1]), weight.isFinite, weight >= 0 else {
                throw fail(line, "expected `terms <key> <weight>; <key> <weight>...`, got `\(part.trimmingCharacters(in: .whitespaces))`")
            }
            return (words.dropLast().joined(separator: " "), weight)
        }
    }

    /// Reads `path`; nil when there is no file there.
    public static func load(_ path: String) throws -> TopicMap? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { throw TopicMapError.unreadable(file: path, reason: "permission denied or not a regular file") }
        guard let text = String(data: data, encoding: .utf8) else { throw TopicMapError.invalid(file: path, line: 1, reason: "not UTF-8 text") }
        return try parse(text, path: path)
    }

    /// Writes the map atomically (a temporary file beside it, then renamed over it); leaves an
    /// unchanged file untouched. Returns whether it wrote.
    @discardableResult
    public static func write(_ map: TopicMap, to path: String) throws -> Bool {
        let bytes = Array(text(map).utf8)
        if let existing = FileManager.default.contents(atPath: path), Array(existing) == bytes { return false }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        do {
            try Data(bytes).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else { throw TopicMapError.writeFailed(file: path, reason: String(cString: strerror(errno))) }
        } catch let error as TopicMapError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw TopicMapError.writeFailed(file: path, reason: error.localizedDescription)
        }
        return true
    }
}
