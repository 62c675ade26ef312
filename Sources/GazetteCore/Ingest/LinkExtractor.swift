import Foundation

/// URLs found in an abstract, split into code repositories and everything else.
public struct ExtractedLinks: Hashable, Sendable {
    public var code: [String] = []
    public var other: [String] = []
}

/// Finds `http(s)://` and bare `www.`/`github.com/` links in `text`, trimming the sentence
/// punctuation that scraped abstracts glue to them; each link once, in order of appearance.
public func extractLinks(from text: String) -> ExtractedLinks {
    var links = ExtractedLinks()
    var seen: Set<String> = []
    var text = text
    text.withUTF8 { bytes in
        /// The link starting at `i`, if one does (added to `links` when valid); returns where to go
        /// on when `i` starts `http://`, `https://`, `www.` or `github.com/`, else nil.
        func link(at i: Int) -> Int? {
            // Only look at the start of a word.
            if i > 0, !isLinkBoundary(bytes[i - 1]) { return nil }
            var prefix = ""
            if hasPrefix(bytes, at: i, "https://") || hasPrefix(bytes, at: i, "http://") {
                prefix = ""
            } else if hasPrefix(bytes, at: i, "www.") || hasPrefix(bytes, at: i, "github.com/") {
                prefix = "https://"
            } else {
                return nil
            }
            var end = i
            while end < bytes.count, isURLByte(bytes[end]) { end += 1 }
            var stop = end
            while stop > i, isTrailingPunctuation(bytes[stop - 1]) {
                // A closing parenthesis belongs to the URL when the URL opened one (Wikipedia-style links).
                if bytes[stop - 1] == 0x29 {
                    let opened = bytes[i..<stop].filter { $0 == 0x28 }.count
                    let closed = bytes[i..<stop].filter { $0 == 0x29 }.count
                    if closed <= opened { break }
                }
                stop -= 1
            }
            let url = prefix + String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<stop]), as: UTF8.self)
            if let hostStart = url.range(of: "://")?.upperBound, url[hostStart...].contains("."), !seen.contains(url) {
                seen.insert(url)
                let host = url[hostStart...].prefix { $0 != "/" }.lowercased()
                let isRepository = (host == "github.com" || host == "www.github.com" || host == "gitlab.com")
                    && url[hostStart...].split(separator: "/").count >= 3
                if isRepository { links.code.append(url) } else { links.other.append(url) }
            }
            return max(end, i + 1)
        }
        // Every link start holds a `:` or `.` three to six bytes on (`www.`, `http:`, `https:`,
        // `github.`) and none before it: find those bytes (eight at a time), then try the few
        // starts just before each. Most text holds no link and is passed over quickly.
        var i = 0
        while i < bytes.count {
            var mark = i
            while mark + 8 <= bytes.count, !holdsDotOrColon(UnsafeRawPointer(bytes.baseAddress! + mark).loadUnaligned(as: UInt64.self)) {
                mark += 8
            }
            while mark < bytes.count, bytes[mark] != 0x2E, bytes[mark] != 0x3A { mark += 1 }
            if mark == bytes.count { break }
            var next = mark + 1
            for start in max(i, mark - 6)...mark {
                if let after = link(at: start) {
                    next = after
                    break
                }
            }
            i = next
        }
    }
    return links
}

/// Whether any of the eight bytes is a `.` or a `:`, tested on all eight at once.
private func holdsDotOrColon(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
    func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
    return hasZeroByte(word ^ (ones &* 0x2E)) || hasZeroByte(word ^ (ones &* 0x3A))
}

private func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ prefix: StaticString) -> Bool {
    let p = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
    guard index + p.count <= bytes.count else { return false }
    for k in 0..<p.count where bytes[index + k] | 0x20 != p[k] | 0x20 { return false }
    return true
}

private func isLinkBoundary(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x09 || b == 0x0A || b == 0x28 || b == 0x5B || b == 0x3C || b == 0x22 || b == 0x27 || b == 0x3A || b == 0x2C
}

private func isURLByte(_ b: UInt8) -> Bool {
    // Stop at whitespace, quotes, angle and curly brackets, backslashes and non-ASCII.
    b > 0x20 && b < 0x7F && b != 0x22 && b != 0x3C && b != 0x3E && b != 0x7B && b != 0x7D && b != 0x5C && b != 0x60
}

private func isTrailingPunctuation(_ b: UInt8) -> Bool {
    b == 0x2E || b == 0x2C || b == 0x3B || b == 0x3A || b == 0x21 || b == 0x3F || b == 0x27 || b == 0x29 || b == 0x5D || b == 0x2A
}
