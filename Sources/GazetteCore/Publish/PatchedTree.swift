import Foundation

/// Updates the previous site in place, for an incremental build. The files whose bytes change are
/// kept in memory while pages render (an incremental build changes a few thousand files at most;
/// a change that reaches every page is a full build, through `StagedTree`), and written only at
/// `commit`, once every page has rendered, so a build that fails leaves the previous site as it
/// was. `commit` first checks that the disk has room for them all, then overwrites each file that
/// is there in place (its blocks reused: truncating and reallocating a file, or renaming a new one
/// over it, cost ten times more on ext4) and writes new files through a hidden file renamed into
/// place. The previous build's files that this build no longer makes are removed then. Pages the
/// build did not render are declared with `keep`. Nothing is created outside the output directory.
public final class PatchedTree: @unchecked Sendable {
    let output: URL
    /// The previous build's files, by relative path (from its manifest: walking a large tree costs more).
    let previous: Set<String>
    private let lock = NSLock()
    private var paths: Set<String> = []
    private var changed: [String: [UInt8]] = [:]
    private var unchanged = 0
    /// Held for the life of this tree (see `OutputLock`).
    private let outputLock: OutputLock

    /// Prepares to update `output`, whose files are `previous`, under `lock` (taken here when not given).
    public init(output: String, previous: Set<String>, lock: OutputLock? = nil) throws {
        self.output = URL(fileURLWithPath: output).standardizedFileURL
        self.previous = previous
        outputLock = try lock ?? OutputLock(output: output)
    }

    /// Adds a file the build made; it is kept for `commit` unless the output already holds these bytes there.
    public func put(_ path: String, _ contents: [UInt8]) throws {
        try claim(path)
        let same = previous.contains(path) && sameContents(output.path + "/" + path, contents)
        lock.lock()
        if same { unchanged += 1 } else { changed[path] = contents }
        lock.unlock()
    }

    /// Declares a file of the previous build that this build keeps as it is (its page did not change).
    public func keep(_ path: String) throws {
        try claim(path)
        lock.lock()
        unchanged += 1
        lock.unlock()
    }

    private func claim(_ path: String) throws {
        guard OutputTree.isSafe(path) else { throw PublishError.unsafePath(path) }
        lock.lock()
        defer { lock.unlock() }
        guard paths.insert(path).inserted else {
            throw PublishError.writeFailed(path: path, reason: "two pages would be written to the same path")
        }
    }

    /// Writes the changed files in (see the type's comment), removes the files no longer made and
    /// the directories that left empty.
    @discardableResult
    public func commit() throws -> WriteStatistics {
        let statistics = WriteStatistics(written: changed.count, unchanged: unchanged)
        let needed = changed.values.reduce(0) { $0 + $1.count }
        var space = statvfs()
        if statvfs(output.path, &space) == 0, UInt64(space.f_bavail) * UInt64(space.f_frsize) < UInt64(needed) + (64 << 20) {
            throw PublishError.writeFailed(path: output.path, reason: "no room for the \(needed / 1_000_000) MB of changed files (and 64 MB to spare)")
        }
        let directories = MadeDirectories()
        // Sorted, so that a site is updated in the same order on every run.
        for path in changed.keys.sorted() {
            let target = output.path + "/" + path
            do {
                if previous.contains(path), try overwrite(target, changed[path]!) { continue }
                let slash = target.lastIndex(of: "/")!
                let hidden = String(target[...slash]) + ".gazette-new-" + String(target[target.index(after: slash)...])
                try directories.makeParents(of: path, under: output.path)
                try writeFile(hidden, changed[path]!)
                guard rename(hidden, target) == 0 else {
                    unlink(hidden)
                    throw POSIXFailure(path: target, code: errno)
                }
            } catch let failure as POSIXFailure {
                throw PublishError.writeFailed(path: output.path, reason: "\(failure.description) (the site is partly updated: the next build is a full one)")
            }
        }
        changed = [:]
        var emptied: Set<String> = []
        for path in previous.subtracting(paths).sorted() {
            unlink(output.path + "/" + path)
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                emptied.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        // Deepest first; rmdir leaves a directory that still holds something.
        for directory in emptied.sorted(by: { $0.count > $1.count }) { rmdir(output.path + "/" + directory) }
        return statistics
    }

    /// Writes `bytes` over the file at `path` in place and cuts it to their length; false when
    /// there is no regular file to overwrite, or when the file has other links (a backup made with
    /// `cp -al`, a deploy tool's snapshot), which must keep the old bytes.
    private func overwrite(_ path: String, _ bytes: [UInt8]) throws -> Bool {
        let fd = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_nlink == 1 else { return false }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            guard written > 0 else { throw POSIXFailure(path: path, code: errno) }
            offset += written
        }
        guard ftruncate(fd, off_t(bytes.count)) == 0 else { throw POSIXFailure(path: path, code: errno) }
        return true
    }

    /// Drops what was kept for `commit`; the previous site stays as it was (before `commit`).
    public func abandon() {
        lock.lock()
        changed = [:]
        lock.unlock()
    }
}
