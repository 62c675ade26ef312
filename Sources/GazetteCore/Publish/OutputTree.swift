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
        guard !path.isEmpty, !path.hasPrefix("/"), !path.utf8.contains(0x5C), !path.utf8.contains(0) else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    public var totalBytes: Int { files.values.reduce(0) { $0 + $1.count } }

    /// Writes the tree to `output` atomically: into a fresh sibling directory first, then swapped in,
    /// so a failure at any point leaves the previous site as it was.
    /// Writes the tree to `output` atomically through a `StagedTree`: files already holding the same
    /// bytes are kept as they were, and a failure at any point leaves the previous site as it was.
    @discardableResult
    public func write(to output: String) throws -> WriteStatistics {
        let staged = try StagedTree(output: output)
        do {
            _ = try concurrentMap(files.keys.sorted()) { path in try staged.put(path, files[path]!) }
        } catch {
            staged.abandon()
            throw error
        }
        return try staged.commit()
    }
}

/// How many files a write created and how many it kept as they were.
public struct WriteStatistics: Equatable, Sendable {
    public var written: Int
    public var unchanged: Int
}

/// Relative paths of the regular files under `root` (empty when it does not exist); symbolic
/// links are not followed. A plain readdir walk: FileManager's enumerator took seconds at 100,000 files.
func existingFiles(under root: String) -> Set<String> {
    var paths: Set<String> = []
    walkTree(root) { relative, kind in
        if kind == .regular { paths.insert(relative) }
    }
    return paths
}

/// Removes `path` and everything under it, without following symbolic links; quiet when it is
/// missing. Children go first, files by unlink, directories by rmdir.
func removeTree(_ path: String) {
    var directories: [String] = []
    walkTree(path) { relative, kind in
        if kind == .directory { directories.append(relative) } else { unlink(path + "/" + relative) }
    }
    for directory in directories.reversed() { rmdir(path + "/" + directory) }
    if rmdir(path) != 0 && errno == ENOTDIR { unlink(path) }
}

/// What a directory entry is, as far as walking a tree goes.
private enum EntryKind { case directory, regular, other }

/// Calls `visit(relative path, kind)` for every entry under `root`, a directory before its
/// contents; symbolic links are reported as `other` and not followed.
private func walkTree(_ root: String, _ visit: (String, EntryKind) -> Void) {
    func walk(_ directory: String, _ prefix: String) {
        guard let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            // The name is read up to its NUL in place: an entry is only as long as its name needs
            // (`d_reclen`), so copying the whole 256-byte `d_name` can read past the end of
            // readdir's buffer for the last entry in it.
            let name = String(cString: UnsafeRawPointer(entry).advanced(by: MemoryLayout<dirent>.offset(of: \dirent.d_name)!)
                .assumingMemoryBound(to: CChar.self))
            if name == "." || name == ".." { continue }
            var kind: EntryKind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_REG): kind = .regular
            case Int32(DT_UNKNOWN):
                var info = stat()
                guard lstat(directory + "/" + name, &info) == 0 else { continue }
                kind = (info.st_mode & S_IFMT) == S_IFDIR ? .directory : (info.st_mode & S_IFMT) == S_IFREG ? .regular : .other
            default: kind = .other
            }
            visit(prefix + name, kind)
            if kind == .directory { walk(directory + "/" + name, prefix + name + "/") }
        }
    }
    walk(root, "")
}

/// True when the file at `path` holds exactly `bytes`.
func sameContents(_ path: String, _ bytes: [UInt8]) -> Bool {
    var info = stat()
    guard stat(path, &info) == 0, Int(info.st_size) == bytes.count else { return false }
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    // One read into a buffer and memcmp: comparing through Data's iterator was 5% of a build.
    var existing = [UInt8](repeating: 0, count: bytes.count + 1)
    var filled = 0
    while filled < existing.count {
        let got = existing.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
        if got <= 0 { break }
        filled += got
    }
    guard filled == bytes.count else { return false }
    if bytes.isEmpty { return true }
    return existing.withUnsafeBytes { a in bytes.withUnsafeBytes { b in memcmp(a.baseAddress!, b.baseAddress!, b.count) == 0 } }
}


/// Writes `bytes` to a new file at `path` with plain POSIX calls (no temporary file: the whole
/// tree is the unit that is swapped in).
func writeFile(_ path: String, _ bytes: [UInt8]) throws {
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
