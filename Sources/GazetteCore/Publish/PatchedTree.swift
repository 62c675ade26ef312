import Foundation

/// Updates the previous site in place, for an incremental build: the files whose bytes change are
/// written into a staging tree beside the output while pages render, and moved in only at `commit`,
/// once every page has rendered; the previous build's files that this build no longer makes are
/// removed then. Until `commit` the previous site is untouched (a build that fails leaves it as it
/// was); each file is replaced by a rename, so no reader ever gets a half-written file. Pages the
/// build did not render are declared with `keep`.
public final class PatchedTree: @unchecked Sendable {
    let output: URL
    let staging: URL
    /// The previous build's files, by relative path (from its manifest: walking a large tree costs more).
    let previous: Set<String>
    private let lock = NSLock()
    private var paths: Set<String> = []
    private var changed: [String] = []
    private var unchanged = 0
    private var stagingCreated = false
    private let directories = MadeDirectories()
    /// Held for the life of this tree (see `OutputLock`).
    private let outputLock: OutputLock

    /// Prepares to update `output`, whose files are `previous`, under `lock` (taken here when not given).
    public init(output: String, previous: Set<String>, lock: OutputLock? = nil) throws {
        self.output = URL(fileURLWithPath: output).standardizedFileURL
        let stamp = "\(getpid())-\(UInt64(Date().timeIntervalSince1970 * 1000))"
        staging = self.output.deletingLastPathComponent().appendingPathComponent(".\(self.output.lastPathComponent).tmp-\(stamp)")
        self.previous = previous
        outputLock = try lock ?? OutputLock(output: output)
    }

    /// Adds a file the build made; it is staged unless the output already holds these bytes there.
    public func put(_ path: String, _ contents: [UInt8]) throws {
        try claim(path)
        if previous.contains(path) && sameContents(output.path + "/" + path, contents) {
            lock.lock()
            unchanged += 1
            lock.unlock()
            return
        }
        do {
            try createStaging()
            try directories.makeParents(of: path, under: staging.path)
            try writeFile(staging.path + "/" + path, contents)
        } catch let failure as POSIXFailure {
            throw PublishError.writeFailed(path: output.path, reason: failure.description)
        }
        lock.lock()
        changed.append(path)
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

    private func createStaging() throws {
        lock.lock()
        defer { lock.unlock() }
        if stagingCreated { return }
        guard mkdir(staging.path, 0o755) == 0 else { throw POSIXFailure(path: staging.path, code: errno) }
        stagingCreated = true
    }

    /// Moves the changed files in, removes the files no longer made (and directories left empty),
    /// and removes the staging tree.
    @discardableResult
    public func commit() throws -> WriteStatistics {
        let statistics = WriteStatistics(written: changed.count, unchanged: unchanged)
        let outputDirectories = MadeDirectories()
        do {
            // Sorted, so that a site is updated in the same order on every run.
            for path in changed.sorted() {
                if rename(staging.path + "/" + path, output.path + "/" + path) != 0 {
                    try outputDirectories.makeParents(of: path, under: output.path)
                    guard rename(staging.path + "/" + path, output.path + "/" + path) == 0 else {
                        throw POSIXFailure(path: output.path + "/" + path, code: errno)
                    }
                }
            }
        } catch let failure as POSIXFailure {
            abandon()
            throw PublishError.writeFailed(path: output.path, reason: "\(failure.description) (the site is partly updated: run a full build with --full)")
        }
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
        abandon()
        return statistics
    }

    /// Removes the staging tree; the previous site stays as it was (before `commit`).
    public func abandon() {
        if stagingCreated { removeTree(staging.path) }
    }
}
