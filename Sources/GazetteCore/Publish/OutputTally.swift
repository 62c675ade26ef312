import Foundation

/// Counts the files a render hands out and keeps the largest, for the host limits. Called from
/// several rendering threads at once, hence the lock; it keeps a handful of paths, not the site
/// (unless asked for every file's size).
final class OutputTally: @unchecked Sendable {
    /// Only files this large are kept by name: the smallest per-file limit is 25 MiB, and a site's
    /// usual largest files (the exports) pass 1 MB long before that.
    static let trackedBytes = 1_000_000
    private let lock = NSLock()
    private var files = 0
    private var bytes = 0
    private var large: [(path: String, bytes: Int)] = []
    private let keepsSizes: Bool
    private var sizesByPath: [String: Int] = [:]

    /// `keepsSizes` also keeps every file's size by path (for the build cache's manifest).
    init(keepsSizes: Bool = false) {
        self.keepsSizes = keepsSizes
    }

    /// Every file's size by path (empty unless kept).
    var sizes: [String: Int] {
        lock.lock()
        defer { lock.unlock() }
        return sizesByPath
    }

    /// Notes one file of `count` bytes at `path`.
    func record(_ path: String, _ count: Int) {
        lock.lock()
        defer { lock.unlock() }
        files += 1
        bytes += count
        if count >= Self.trackedBytes { large.append((path, count)) }
        if keepsSizes { sizesByPath[path] = count }
    }

    /// What was recorded, largest files first (ties by path, so the order is the same on every run).
    func size(papers: Int) -> OutputSize {
        lock.lock()
        defer { lock.unlock() }
        let largest = large.sorted { $0.bytes != $1.bytes ? $0.bytes > $1.bytes : $0.path < $1.path }
        return OutputSize(files: files, bytes: bytes, papers: papers, largestFiles: largest)
    }
}
