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
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3, lines[0] == header, lines[1].hasPrefix("site "), lines[2].hasPrefix("output "),
              let site = UInt64(lines[1].dropFirst(5), radix: 16) else { return nil }
        var files: [String: Entry] = [:]
        files.reserveCapacity(lines.count)
        for line in lines.dropFirst(3) where !line.isEmpty {
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3, let bytes = Int(parts[1]) else { return nil }
            let fingerprint = parts[0] == "-" ? nil : UInt64(parts[0], radix: 16)
            if parts[0] != "-" && fingerprint == nil { return nil }
            files[String(parts[2])] = Entry(fingerprint: fingerprint, bytes: bytes)
        }
        return BuildManifest(site: site, output: String(lines[2].dropFirst(7)), files: files)
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
