import Foundation

/// Hugging Face's Daily Papers API JSON: the daily list or search results (an array of items, each
/// wrapping a `paper`), a single `paper` object, or JSON Lines of any of them.
public struct DailyPapersJSONFormat: DumpFormat {
    public let name = "json"

    public init() {}

    /// Sure when the file opens like JSON and names the API's fields.
    public func confidence(_ bytes: [UInt8], fileExtension: String) -> Double {
        let start = leadingText(bytes)
        guard opensLikeJSON(start) else { return 0 }
        if start.contains("\"paper\"") || start.contains("\"summary\"") || start.contains("\"publishedAt\"") { return 0.95 }
        return ["json", "jsonl"].contains(fileExtension) ? 0.8 : 0.6
    }

    /// One entry per record, in file order, each at the line its record starts; a record of the
    /// wrong shape is an error naming its JSON path and line.
    public func parse(_ bytes: [UInt8], name: String, path: String) throws -> (Dump, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var entries: [DumpEntry] = []
        for document in try documents(bytes, path: path) {
            let records = try decode(document.bytes, firstLine: document.line, path: path)
            for (record, line) in records {
                entries.append(entry(record, line: line, path: path, diagnostics: &diagnostics))
            }
        }
        if entries.isEmpty, diagnostics.isEmpty {
            // The API answers a weekend day with `[]`: an empty issue, not a broken file.
            diagnostics.append(Diagnostic(.warning, file: path, line: 0, "empty dump: the JSON holds no papers"))
        }
        return (Dump(name: name, path: path, captureDate: Self.listingDate(entries), entries: entries), diagnostics)
    }

    /// The day the list was featured: the date most of its papers were submitted to Daily Papers
    /// (the earliest on a tie), as the issue's capture date.
    static func listingDate(_ entries: [DumpEntry]) -> CaptureDate? {
        var counts: [PaperDate: Int] = [:]
        for entry in entries { if let day = entry.details.submittedOnDaily { counts[day, default: 0] += 1 } }
        guard let day = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { return nil }
        return CaptureDate(month: day.month, day: day.day)
    }

    /// The file as one JSON text, or as JSON Lines (one text per non-blank line) when it is not one
    /// text but each of its lines opens like one.
    private func documents(_ bytes: [UInt8], path: String) throws -> [(bytes: [UInt8], line: Int)] {
        var filled: [(bytes: ArraySlice<UInt8>, line: Int)] = []
        var start = 0, number = 1
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let line = bytes[start..<end]
            if let first = line.first(where: { ![0x20, 0x09, 0x0D].contains($0) }) {
                // A pretty-printed document fails this within its first lines.
                guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return [(bytes, 1)] }
                filled.append((line, number))
            }
            start = end + 1
            number += 1
        }
        if filled.count > 1, jsonSyntaxError(bytes) != nil {
            return filled.map { (Array($0.bytes), $0.line) }
        }
        return [(bytes, 1)]
    }

    /// The records of one JSON text with the line each starts at.
    private func decode(_ bytes: [UInt8], firstLine: Int, path: String) throws -> [(DailyPapersRecord, Int)] {
        let locator = JSONValueLocator(bytes: bytes)
        let decoder = JSONDecoder()
        do {
            if leadingText(bytes, limit: 1) == "[" {
                let records = try decoder.decode([DailyPapersRecord].self, from: Data(bytes))
                let lines = locator.arrayElementLines()
                return records.enumerated().map { index, record in
                    (record, firstLine - 1 + (index < lines.count ? lines[index] : 1))
                }
            }
            return [(try decoder.decode(DailyPapersRecord.self, from: Data(bytes)), firstLine)]
        } catch let error as DecodingError {
            throw Self.describe(error, locator: locator, firstLine: firstLine, path: path)
        }
    }

    private func entry(_ record: DailyPapersRecord, line: Int, path: String, diagnostics: inout [Diagnostic]) -> DumpEntry {
        let id = normalizedArxivID(record.paper.id)
        if id == nil {
            diagnostics.append(Diagnostic(.warning, file: path, line: line,
                "paper id \"\(record.paper.id.prefix(40))\" is not an arXiv id; the paper is matched by its title"))
        }
        return makeEntry(record.paper, id: id, comments: record.numComments, line: line)
    }

    private func makeEntry(_ paper: DailyPapersPaper, id: String?, comments: Int?, line: Int) -> DumpEntry {
        let summary = paper.summary.map(joinedAbstract).flatMap { $0.isEmpty ? nil : $0 }
        let aiSummary = paper.aiSummary.map(joinedTitle).flatMap { $0.isEmpty ? nil : $0 }
        let authors = (paper.authors ?? []).filter { $0.hidden != true }.map { joinedTitle($0.name) }.filter { !$0.isEmpty }
        let details = PaperDetails(
            arxivID: id, authors: authors, submittedOnDaily: paper.submittedOnDailyAt.flatMap(PaperDate.init(timestamp:)),
            comments: comments, githubRepo: paper.githubRepo.flatMap(webLink), projectPage: paper.projectPage.flatMap(webLink),
            aiSummary: aiSummary, aiKeywords: (paper.aiKeywords ?? []).map(joinedTitle))
        return DumpEntry(title: joinedTitle(paper.title), abstract: summary ?? aiSummary, authorCount: authors.isEmpty ? nil : authors.count,
                         published: paper.publishedAt.flatMap(PaperDate.init(timestamp:)), upvotes: paper.upvotes, line: line,
                         abstractIsAISummary: summary == nil && aiSummary != nil, details: details)
    }

    /// The error for a record of the wrong shape: its JSON path, line and what was wrong.
    static func describe(_ error: DecodingError, locator: JSONValueLocator, firstLine: Int, path: String) -> IngestError {
        let (context, reason): (DecodingError.Context, String)
        switch error {
        case let .typeMismatch(type, c): (context, reason) = (c, "expected \(typeName(type)): \(c.debugDescription)")
        case let .valueNotFound(type, c): (context, reason) = (c, "expected \(typeName(type)), found null")
        case let .keyNotFound(key, c): (context, reason) = (c.withPath(c.codingPath + [key]), "missing field `\(key.stringValue)`, which every paper needs")
        case let .dataCorrupted(c):
            if c.codingPath.isEmpty, let syntax = jsonSyntaxError(locator.bytes) {
                // JSONDecoder does not say where the syntax breaks; JSONSerialization gives the byte.
                let line = firstLine - 1 + (syntax.offset.map { locator.line(atOffset: $0) } ?? 1)
                return .badRecord(file: path, line: line, path: "$", reason: "not valid JSON: \(syntax.message)")
            }
            (context, reason) = (c, "not valid JSON: \(c.debugDescription)")
        @unknown default: return .badRecord(file: path, line: firstLine, path: "$", reason: "\(error)")
        }
        let line = firstLine - 1 + (locator.line(of: context.codingPath) ?? 1)
        return .badRecord(file: path, line: line, path: jsonPath(context.codingPath), reason: reason)
    }

    /// `$[3].paper.upvotes`.
    static func jsonPath(_ path: [any CodingKey]) -> String {
        path.reduce("$") { $0 + ($1.intValue.map { "[\($0)]" } ?? ".\($1.stringValue)") }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: return "a whole number"
        case is String.Type: return "text"
        case is Bool.Type: return "true or false"
        default: return type is [Any].Type ? "a list" : "an object"
        }
    }
}

/// JSONSerialization's account of a syntax error (`Invalid value around character 42.`) and the
/// byte offset it names, or nil when the text parses.
func jsonSyntaxError(_ bytes: [UInt8]) -> (message: String, offset: Int?)? {
    do {
        _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        return nil
    } catch {
        let message = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
        let offset = message.range(of: "character ").flatMap { Int(message[$0.upperBound...].prefix { $0.isASCIIDigit }) }
        return (message.hasSuffix(".") ? String(message.dropLast()) : message, offset)
    }
}

/// An array index as a coding key, for locating `[n]` in a list.
struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

/// `link` when it is an http(s) URL a page may link to, else nil.
func webLink(_ link: String) -> String? {
    let trimmed = link.trimmingCharacters(in: .whitespacesAndNewlines)
    guard trimmed.hasPrefix("https://") || trimmed.hasPrefix("http://"), !trimmed.contains(where: \.isWhitespace) else { return nil }
    return trimmed
}

extension DecodingError.Context {
    fileprivate func withPath(_ path: [any CodingKey]) -> DecodingError.Context {
        DecodingError.Context(codingPath: path, debugDescription: debugDescription, underlyingError: underlyingError)
    }
}
