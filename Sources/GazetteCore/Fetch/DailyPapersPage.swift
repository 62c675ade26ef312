import Foundation

/// One page of the Daily Papers API, checked to be what the build will read: a JSON array of items,
/// each an object wrapping a `paper` object with a string `id` and `title`. The full decoding is
/// Ingest's job; this check only keeps a broken answer out of `content/dumps/`.
public struct DailyPapersPage: Equatable, Sendable {
    /// The page's bytes as the API sent them.
    public var json: Data
    public var count: Int

    /// Checks `data`, the answer from `url` (named in errors).
    public init(_ data: Data, url: URL) throws {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)
        } catch {
            let reason = data.isEmpty ? "the body is empty" : "\(data.count) bytes that do not parse; is the body cut off?"
            throw FetchError.malformedJSON(url: url.absoluteString, reason: reason)
        }
        guard let items = value as? [Any] else {
            throw FetchError.unexpectedShape(url: url.absoluteString, reason: "the top level is \(Self.kind(of: value)), not an array")
        }
        for (index, item) in items.enumerated() {
            guard let paper = (item as? [String: Any])?["paper"] as? [String: Any] else {
                throw FetchError.unexpectedShape(url: url.absoluteString, reason: "item \(index) has no `paper` object")
            }
            guard paper["id"] is String, paper["title"] is String else {
                throw FetchError.unexpectedShape(url: url.absoluteString, reason: "the paper of item \(index) has no string `id` and `title`")
            }
        }
        json = data
        count = items.count
    }

    /// The items of all `pages` as one JSON array, each page's bytes kept as sent: one page is
    /// written exactly as the API answered it.
    public static func joined(_ pages: [DailyPapersPage]) -> Data {
        let filled = pages.filter { $0.count > 0 }
        if filled.count == 1 { return filled[0].json }
        var out = Data("[".utf8)
        for (index, page) in filled.enumerated() {
            if index > 0 { out.append(contentsOf: Array(",\n".utf8)) }
            out.append(page.innerItems)
        }
        out.append(contentsOf: Array("]\n".utf8))
        return out
    }

    /// The bytes between the array's brackets; the page is a valid array, so the first `[` and the
    /// last `]` outside whitespace are its own.
    private var innerItems: Data {
        let bytes = [UInt8](json)
        guard let open = bytes.firstIndex(of: UInt8(ascii: "[")), let close = bytes.lastIndex(of: UInt8(ascii: "]")), open < close else { return Data() }
        return Data(bytes[(open + 1)..<close])
    }

    private static func kind(of value: Any) -> String {
        switch value {
        case is [String: Any]: return "an object"
        case is String: return "a string"
        case is NSNull: return "null"
        default: return "a single value"
        }
    }
}
