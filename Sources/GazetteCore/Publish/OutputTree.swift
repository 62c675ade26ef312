import Foundation

/// The site as files in memory, keyed by path relative to the output directory.
public struct OutputTree: Sendable {
    public private(set) var files: [String: [UInt8]] = [:]

    public init() {}

    /// Adds a file; the path must stay inside the tree (no `..`, no absolute path, no empty part).
    public mutating func add(_ path: String, _ bytes: [UInt8]) throws {
        guard Self.isSafe(path) else { throw PublishError.unsafePath(path) }
        files[path] = bytes
    }

    public mutating func add(_ path: String, text: String) throws { try add(path, Array(text.utf8)) }

    /// True for a relative path of plain parts: no `..`, `.`, empty part, backslash or NUL.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    public var totalBytes: Int { files.values.reduce(0) { $0 + $1.count } }

    /// Writes the tree to `output` atomically: into a fresh sibling directory first, then swapped in,
    /// so a failure at any point leaves the previous site as it was.
    /// Files that already held these bytes keep their inode and modification time (they are
    /// hard-linked into the new tree rather than rewritten), so deploys and rsync see no change;
    /// when nothing changed at all, the previous tree is left exactly as it is.
    @discardableResult
    public func write(to output: String) throws -> WriteStatistics {
        let fm = FileManager.default
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        let parent = outputURL.deletingLastPathComponent()
        let name = outputURL.lastPathComponent
        let stamp = "\(getpid())-\(UInt64(Date().timeIntervalSince1970 * 1000))"
        let staging = parent.appendingPathComponent(".\(name).tmp-\(stamp)")
        let retired = parent.appendingPathComponent(".\(name).old-\(stamp)")
        var statistics = WriteStatistics(written: 0, unchanged: 0)
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            // Leftovers of builds that were killed midway.
            for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? []
            where entry.hasPrefix(".\(name).tmp-") || entry.hasPrefix(".\(name).old-") {
                try? fm.removeItem(at: parent.appendingPathComponent(entry))
            }
            let paths = files.keys.sorted()
            let previous = existingFiles(under: outputURL.path)
            let unchanged = try concurrentMap(paths) { path -> Bool in
                previous.contains(path) && sameContents(outputURL.path + "/" + path, files[path]!)
            }
            if previous.count == paths.count, !unchanged.contains(false) {
                return WriteStatistics(written: 0, unchanged: paths.count)
            }
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            // Directories first (parents before children, as sorted), then the files on all cores.
            var directories: Set<String> = []
            for path in paths {
                var parts = path.split(separator: "/").dropLast()
                while !parts.isEmpty {
                    directories.insert(parts.joined(separator: "/"))
                    parts = parts.dropLast()
                }
            }
            for directory in directories.sorted() {
                let full = staging.path + "/" + directory
                guard mkdir(full, 0o755) == 0 else { throw POSIXFailure(path: full, code: errno) }
            }
            let root = staging.path
            _ = try concurrentMap(Array(paths.indices)) { index in
                let path = paths[index]
                if unchanged[index], link(outputURL.path + "/" + path, root + "/" + path) == 0 { return }
                try writeFile(root + "/" + path, files[path]!)
            }
            statistics = WriteStatistics(written: unchanged.filter { !$0 }.count, unchanged: unchanged.filter { $0 }.count)
        } catch {
            try? fm.removeItem(at: staging)
            throw PublishError.writeFailed(path: output, reason: (error as? POSIXFailure)?.description ?? error.localizedDescription)
        }
        let hadPrevious = fm.fileExists(atPath: outputURL.path)
        if hadPrevious {
            guard rename(outputURL.path, retired.path) == 0 else {
                try? fm.removeItem(at: staging)
                throw PublishError.writeFailed(path: output, reason: "cannot move the previous site aside: \(String(cString: strerror(errno)))")
            }
        }
        guard rename(staging.path, outputURL.path) == 0 else {
            let reason = String(cString: strerror(errno))
            if hadPrevious { _ = rename(retired.path, outputURL.path) }
            try? fm.removeItem(at: staging)
            throw PublishError.writeFailed(path: output, reason: "cannot move the new site into place: \(reason)")
        }
        if hadPrevious { removeTree(retired.path) }
        return statistics
    }
}

/// How many files a write created and how many it kept as they were.
public struct WriteStatistics: Equatable, Sendable {
    public var written: Int
    public var unchanged: Int
}

/// Relative paths of the regular files under `root` (empty when it does not exist).
private func existingFiles(under root: String) -> Set<String> {
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
    var paths: Set<String> = []
    while let path = enumerator.nextObject() as? String {
        if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular { paths.insert(path) }
    }
    return paths
}

/// True when the file at `path` holds exactly `bytes`.
private func sameContents(_ path: String, _ bytes: [UInt8]) -> Bool {
    var info = stat()
    guard stat(path, &info) == 0, Int(info.st_size) == bytes.count else { return false }
    guard let data = FileManager.default.contents(atPath: path) else { return false }
    return data.elementsEqual(bytes)
}

/// Removes a directory tree; whatever cannot be removed now is cleaned up by the next build.
private func removeTree(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
}

/// Writes `bytes` to a new file at `path` with plain POSIX calls (no temporary file: the whole
/// tree is the unit that is swapped in).
private func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw POSIXFailure(path: path, code: errno) }
    defer { close(fd) }
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
        guard written > 0 else { throw POSIXFailure(path: path, code: errno) }
        offset += written
    }
}

struct POSIXFailure: Error, CustomStringConvertible {
    let path: String
    let code: Int32
    var description: String { "\(path): \(String(cString: strerror(code)))" }
    var localizedDescription: String { description }
}

/// Why the site could not be written.
public enum PublishError: Error, Equatable, CustomStringConvertible {
    case unsafePath(String)
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unsafePath(path): return "publish: refusing to write \"\(path)\": it would leave the output directory"
        case let .writeFailed(path, reason): return "publish: \(path): \(reason); the previous site is unchanged"
        }
    }
}
