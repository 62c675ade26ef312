import Foundation

/// What the last build wrote, kept in the build cache (never in the published site): every file's
/// path and size and, for pages, the fingerprint of the values it was rendered from. The next build
/// renders only the pages whose fingerprint changed. `site` fingerprints what every page depends on
/// (the gazette binary, the theme, the configuration): when it differs, every page is rendered.
public struct BuildManifest: Equatable, Sendable {
    /// One file of the output.
    public struct Entry: Equatable, Sendable {
        /// The page's fingerprint; nil for files made whole every build (assets, feeds, exports, search).
        public var fingerprint: UInt64?
        public var bytes: Int
    }

    public var site: UInt64
    /// The output directory's absolute path: a manifest describes one output.
    public var output: String
    public var files: [String: Entry]

    static let header = "gazette-build-manifest 1"

    /// The manifest's text: a header, the site fingerprint, the output, then a line per file.
    public func text() -> String {
        var lines = [Self.header, "site " + hex(site), "output " + output]
        for path in files.keys.sorted() {
            let entry = files[path]!
            lines.append("\(entry.fingerprint.map(hex) ?? "-") \(entry.bytes) \(path)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a manifest; nil when it is missing, from another version or damaged, since a build
    /// without one is simply a full build.
    public static func load(_ path: String) -> BuildManifest? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return parse(Array(data))
    }

    /// The manifest in `bytes` (see `load`). Every incremental build reads one line per file of
    /// the site before it can start, so lines as `text()` writes them are read from their bytes;
    /// any other line (and a file with a "\r", where lines would be Characters) as Swift strings.
    static func parse(_ bytes: [UInt8]) -> BuildManifest? {
        if bytes.contains(UInt8(ascii: "\r")) { return parse(lines: String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)) }
        // A "\n" byte is a Character of its own (only "\r\n" joins it to another): the lines are those `split` gives.
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(bytes.count / 40)
        var start = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            ranges.append(start..<end)
            start = end + 1
        }
        guard ranges.count >= 3 else { return parse(lines: ranges.map { Substring(String(decoding: bytes[$0], as: UTF8.self)) }) }
        guard var manifest = parse(lines: ranges.prefix(3).map { Substring(String(decoding: bytes[$0], as: UTF8.self)) }) else { return nil }
        manifest.files.reserveCapacity(ranges.count)
        for range in ranges.dropFirst(3) where !range.isEmpty {
            if let (path, entry) = bytes.withUnsafeBufferPointer({ canonicalLine(UnsafeBufferPointer(rebasing: $0[range])) }) {
                manifest.files[path] = entry
            } else {
                guard let (path, entry) = line(Substring(String(decoding: bytes[range], as: UTF8.self))) else { return nil }
                manifest.files[path] = entry
            }
        }
        return manifest
    }

    /// A manifest from its lines, as Swift strings.
    static func parse(lines: [Substring]) -> BuildManifest? {
        guard lines.count >= 3, lines[0] == header, lines[1].hasPrefix("site "), lines[2].hasPrefix("output "),
              let site = UInt64(lines[1].dropFirst(5), radix: 16) else { return nil }
        var files: [String: Entry] = [:]
        files.reserveCapacity(lines.count)
        for text in lines.dropFirst(3) where !text.isEmpty {
            guard let (path, entry) = line(text) else { return nil }
            files[path] = entry
        }
        return BuildManifest(site: site, output: String(lines[2].dropFirst(7)), files: files)
    }

    /// A file's line, `<fingerprint or -> <bytes> <path>`; nil when damaged.
    private static func line(_ line: Substring) -> (String, Entry)? {
        let parts = line.split(separator: " ", maxSplits: 2)
        guard parts.count == 3, let bytes = Int(parts[1]) else { return nil }
        let fingerprint = parts[0] == "-" ? nil : UInt64(parts[0], radix: 16)
        if parts[0] != "-" && fingerprint == nil { return nil }
        return (String(parts[2]), Entry(fingerprint: fingerprint, bytes: bytes))
    }

    /// A line exactly as `text()` writes it (`-` or 16 lowercase hex digits, a space, up to 18
    /// digits, a space, a path not starting with a space), read from its bytes; nil for any other,
    /// which `line` then reads.
    private static func canonicalLine(_ line: UnsafeBufferPointer<UInt8>) -> (String, Entry)? {
        func hexDigit(_ byte: UInt8) -> UInt64? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt64(byte - UInt8(ascii: "a") + 10)
            default: return nil
            }
        }
        var index = 0
        var fingerprint: UInt64?
        if line.first == UInt8(ascii: "-") {
            index = 1
        } else {
            guard line.count > 16 else { return nil }
            var value: UInt64 = 0
            for i in 0..<16 {
                guard let digit = hexDigit(line[i]) else { return nil }
                value = value << 4 | digit
            }
            fingerprint = value
            index = 16
        }
        guard index < line.count, line[index] == UInt8(ascii: " ") else { return nil }
        index += 1
        var bytes = 0
        let digitsStart = index
        while index < line.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[index]) {
            // More digits than an Int surely holds: left to `line` (which rejects an overflow).
            guard index - digitsStart < 18 else { return nil }
            bytes = bytes * 10 + Int(line[index] - UInt8(ascii: "0"))
            index += 1
        }
        guard index > digitsStart, index + 1 < line.count, line[index] == UInt8(ascii: " "),
              line[index + 1] != UInt8(ascii: " ") else { return nil }
        return (String(decoding: UnsafeBufferPointer(rebasing: line[(index + 1)...]), as: UTF8.self), Entry(fingerprint: fingerprint, bytes: bytes))
    }

    /// Writes the manifest atomically (a temporary file, then a rename).
    public func write(to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(text().utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw PublishError.writeFailed(path: path, reason: error.localizedDescription)
        }
    }

    /// Removes the manifest at `path` before a site is updated in place: a build killed half-way
    /// then leaves no manifest, and the next build is a full one.
    static func remove(_ path: String) {
        unlink(path)
    }
}

private func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
}

/// Where the build cache keeps the manifest of the site at `output`: one file per output
/// directory, so that two outputs beside each other keep theirs apart.
public func buildManifestPath(cacheDirectory: String, output: String) -> String {
    let name = URL(fileURLWithPath: output).standardizedFileURL.lastPathComponent
    return (cacheDirectory as NSString).appendingPathComponent("\(name).manifest")
}
