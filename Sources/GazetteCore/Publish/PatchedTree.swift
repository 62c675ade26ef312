import Foundation

/// Updates the previous site in place, for an incremental build. The files whose bytes change are
/// kept in memory while pages render (an incremental build changes a few thousand files at most;
/// a change that reaches every page is a full build, through `StagedTree`), and written only at
/// `commit`, once every page has rendered: each into a hidden file beside its target, then renamed
/// over it, so a build that fails leaves the previous site as it was and no reader ever gets a
/// half-written file. The previous build's files that this build no longer makes are removed then.
/// Pages the build did not render are declared with `keep`. Nothing is created outside the output
/// directory: a staging tree would cost a directory per changed page, and on file systems that
/// hold back recently freed inodes, those freed directories slow the next build's file creation.
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

    /// Writes the changed files in (each through a hidden file renamed over its target), removes
    /// the files no longer made and the directories that left empty.
    @discardableResult
    public func commit() throws -> WriteStatistics {
        let statistics = WriteStatistics(written: changed.count, unchanged: unchanged)
        let directories = MadeDirectories()
        // Sorted, so that a site is updated in the same order on every run.
        for path in changed.keys.sorted() {
            let target = output.path + "/" + path
            let slash = target.lastIndex(of: "/")!
            let hidden = String(target[...slash]) + ".gazette-new-" + String(target[target.index(after: slash)...])
            do {
                try directories.makeParents(of: path, under: output.path)
                try writeFile(hidden, changed[path]!)
                guard rename(hidden, target) == 0 else { throw POSIXFailure(path: target, code: errno) }
            } catch let failure as POSIXFailure {
                unlink(hidden)
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

    /// Drops what was kept for `commit`; the previous site stays as it was (before `commit`).
    public func abandon() {
        lock.lock()
        changed = [:]
        lock.unlock()
    }
}
