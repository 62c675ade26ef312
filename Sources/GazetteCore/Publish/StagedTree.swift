import Foundation

/// A new site being written beside the output directory, file by file from any thread, then swapped
/// in as a whole. Files that already hold the same bytes in the previous site are hard-linked, not
/// rewritten (deploys and rsync see no change); if nothing changed, the previous tree is kept as it
/// is and nothing is created. A staged tree that is not committed leaves the previous site untouched.
public final class StagedTree: @unchecked Sendable {
    let output: URL
    let staging: URL
    let retired: URL
    /// Files of the previous site, by relative path.
    let previous: Set<String>
    private let lock = NSLock()
    private var stagingCreated = false
    private let directories = MadeDirectories()
    private var deferredUnchanged: [String] = []
    private var written = 0
    private var unchanged = 0
    private var bytes = 0
    private var paths: Set<String> = []
    /// Held for the life of this tree (see `OutputLock`).
    private let outputLock: OutputLock

    /// Prepares to replace `output`, under `lock` (taken here when not given).
    public init(output: String, lock: OutputLock? = nil) throws {
        self.output = URL(fileURLWithPath: output).standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        let name = self.output.lastPathComponent
        let stamp = "\(getpid())-\(UInt64(Date().timeIntervalSince1970 * 1000))"
        staging = parent.appendingPathComponent(".\(name).tmp-\(stamp)")
        retired = parent.appendingPathComponent(".\(name).old-\(stamp)")
        outputLock = try lock ?? OutputLock(output: output)
        previous = existingFiles(under: self.output.path)
    }

    /// Adds a file; safe to call from several threads. The path must stay inside the tree.
    public func put(_ path: String, _ contents: [UInt8]) throws {
        guard OutputTree.isSafe(path) else { throw PublishError.unsafePath(path) }
        let same = previous.contains(path) && sameContents(output.path + "/" + path, contents)
        var linkNow = false
        var pending: [String] = []
        lock.lock()
        guard paths.insert(path).inserted else {
            lock.unlock()
            throw PublishError.writeFailed(path: path, reason: "two pages would be written to the same path")
        }
        bytes += contents.count
        do {
            if same {
                unchanged += 1
                if stagingCreated { linkNow = true } else { deferredUnchanged.append(path) }
            } else {
                written += 1
                // The staging directory exists before any other thread can see `stagingCreated`.
                if !stagingCreated { pending = try createStagingLocked() }
            }
        } catch {
            lock.unlock()
            throw PublishError.writeFailed(path: output.path, reason: "\(error)")
        }
        lock.unlock()
        do {
            try linkUnchanged(pending)
            if linkNow || !same {
                try makeParent(of: path)
                if linkNow, link(output.path + "/" + path, staging.path + "/" + path) == 0 { return }
                try writeFile(staging.path + "/" + path, contents)
            }
        } catch let failure as POSIXFailure {
            throw PublishError.writeFailed(path: output.path, reason: failure.description)
        }
    }

    /// Creates the staging directory; call with the lock held. Returns the unchanged files met so
    /// far, which the caller links in.
    private func createStagingLocked() throws -> [String] {
        guard mkdir(staging.path, 0o755) == 0 else { throw POSIXFailure(path: staging.path, code: errno) }
        stagingCreated = true
        defer { deferredUnchanged = [] }
        return deferredUnchanged
    }

    /// Links files that did not change from the previous site into the staging tree.
    private func linkUnchanged(_ paths: [String]) throws {
        for path in paths {
            try makeParent(of: path)
            if link(output.path + "/" + path, staging.path + "/" + path) != 0 {
                guard let data = FileManager.default.contents(atPath: output.path + "/" + path) else {
                    throw POSIXFailure(path: output.path + "/" + path, code: errno)
                }
                try writeFile(staging.path + "/" + path, Array(data))
            }
        }
    }

    /// Creates the directories above `path` in the staging tree (once each).
    private func makeParent(of path: String) throws {
        try directories.makeParents(of: path, under: staging.path)
    }

    /// Swaps the new tree in (or keeps the previous one when nothing changed) and removes the old one.
    @discardableResult
    public func commit() throws -> WriteStatistics {
        let statistics = WriteStatistics(written: written, unchanged: unchanged)
        if !stagingCreated && paths == previous { return statistics }
        do {
            if !stagingCreated {
                lock.lock()
                let pending = Result { try createStagingLocked() }
                lock.unlock()
                try linkUnchanged(try pending.get())
            }
        } catch {
            abandon()
            throw PublishError.writeFailed(path: output.path, reason: (error as? POSIXFailure)?.description ?? "\(error)")
        }
        let fm = FileManager.default
        let hadPrevious = fm.fileExists(atPath: output.path)
        if hadPrevious {
            // One atomic exchange where the system has it: a process killed at any instant leaves
            // either the old or the new site in place, never neither.
            if exchangePaths(staging.path, output.path) {
                removeTree(staging.path)
                return statistics
            }
            guard rename(output.path, retired.path) == 0 else {
                let reason = String(cString: strerror(errno))
                abandon()
                throw PublishError.writeFailed(path: output.path, reason: "cannot move the previous site aside: \(reason)")
            }
        }
        guard rename(staging.path, output.path) == 0 else {
            let reason = String(cString: strerror(errno))
            if hadPrevious { _ = rename(retired.path, output.path) }
            abandon()
            throw PublishError.writeFailed(path: output.path, reason: "cannot move the new site into place: \(reason)")
        }
        if hadPrevious { removeTree(retired.path) }
        return statistics
    }

    /// Removes the staging tree; the previous site stays as it was.
    public func abandon() {
        removeTree(staging.path)
    }

    /// Total bytes put so far.
    public var totalBytes: Int {
        lock.lock()
        defer { lock.unlock() }
        return bytes
    }
}

/// Swaps two paths atomically (Linux `renameat2(RENAME_EXCHANGE)`); false where unsupported, and
/// the caller falls back to two renames.
func exchangePaths(_ a: String, _ b: String) -> Bool {
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

/// An exclusive `flock` on the output's parent directory, held for the life of this object: a
/// second build beside the output (a `gazette serve` rebuild, a CI job) waits until this one has
/// read the build cache, written and committed, instead of removing this build's staging tree as a
/// leftover or patching the site from a manifest this build is about to outdate.
public final class OutputLock: @unchecked Sendable {
    let output: URL
    private let descriptor: Int32

    /// Creates the output's parent directory, takes the lock, and removes the staging and retired
    /// trees that killed builds left beside the output.
    public init(output: String) throws {
        self.output = URL(fileURLWithPath: output).standardizedFileURL
        let fm = FileManager.default
        let parent = self.output.deletingLastPathComponent()
        let name = self.output.lastPathComponent
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw PublishError.writeFailed(path: self.output.path, reason: error.localizedDescription)
        }
        descriptor = open(parent.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw PublishError.writeFailed(path: self.output.path, reason: "cannot open \(parent.path): \(String(cString: strerror(errno)))")
        }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? []
        where entry.hasPrefix(".\(name).tmp-") || entry.hasPrefix(".\(name).old-") {
            removeTree(parent.appendingPathComponent(entry).path)
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// The directories made so far under a root, so that each is made once by whichever thread needs
/// it first; safe to use from several threads.
final class MadeDirectories: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Set<String> = [""]

    /// Creates the directories above the relative `path` under `root` that are not there yet.
    func makeParents(of path: String, under root: String) throws {
        var parts = path.split(separator: "/").dropLast()
        var missing: [String] = []
        lock.lock()
        while !parts.isEmpty {
            let directory = parts.joined(separator: "/")
            if made.contains(directory) { break }
            missing.append(directory)
            parts = parts.dropLast()
        }
        lock.unlock()
        for directory in missing.reversed() {
            let full = root + "/" + directory
            if mkdir(full, 0o755) != 0 && errno != EEXIST { throw POSIXFailure(path: full, code: errno) }
            lock.lock()
            made.insert(directory)
            lock.unlock()
        }
    }
}
