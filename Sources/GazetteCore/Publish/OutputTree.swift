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
    public func write(to output: String) throws {
        let fm = FileManager.default
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        let parent = outputURL.deletingLastPathComponent()
        let name = outputURL.lastPathComponent
        let stamp = "\(getpid())-\(UInt64(Date().timeIntervalSince1970 * 1000))"
        let staging = parent.appendingPathComponent(".\(name).tmp-\(stamp)")
        let retired = parent.appendingPathComponent(".\(name).old-\(stamp)")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            // Leftovers of builds that were killed midway.
            for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? []
            where entry.hasPrefix(".\(name).tmp-") || entry.hasPrefix(".\(name).old-") {
                try? fm.removeItem(at: parent.appendingPathComponent(entry))
            }
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            let paths = files.keys.sorted()
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
            _ = try concurrentMap(paths) { path in try writeFile(root + "/" + path, files[path]!) }
        } catch {
            try? fm.removeItem(at: staging)
            throw PublishError.writeFailed(path: output, reason: (error as? POSIXFailure)?.description ?? error.localizedDescription)
        }
        let hadPrevious = fm.fileExists(atPath: outputURL.path)
        if hadPrevious {
            // One atomic exchange: a process killed at any instant leaves either the old or the new
            // site at `output`, never nothing (a two-step rename would leave a gap).
            if exchangePaths(staging.path, outputURL.path) {
                try? fm.removeItem(at: staging)
                return
            }
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
        if hadPrevious { try? fm.removeItem(at: retired) }
    }
}

/// Swaps two paths atomically (Linux `renameat2(RENAME_EXCHANGE)`); false where unsupported, and
/// the caller falls back to two renames.
private func exchangePaths(_ a: String, _ b: String) -> Bool {
    #if os(Linux)
    // glibc declares renameat2 only under _GNU_SOURCE, which Swift does not see: look it up.
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return false }
    let renameExchange: UInt32 = 1 << 1
    return unsafeBitCast(symbol, to: RenameAt2.self)(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    #else
    return false
    #endif
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
