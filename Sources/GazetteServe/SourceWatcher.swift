import Foundation

/// The modification time and size of every file under some folders: two snapshots differ when a
/// file was added, removed or changed. Polling works the same on every platform and file system.
struct SourceSnapshot: Equatable {
    private var files: [String: FileStamp] = [:]

    struct FileStamp: Equatable {
        var modified: Date
        var size: Int
    }

    /// Takes `path`'s current stamp as seen: a file the build itself wrote is no edit to rebuild for.
    mutating func refresh(_ path: String) {
        files[path] = Self.stamp(path)
    }

    /// Reads the stamps of every non-hidden file under `folders`; missing folders count as empty.
    init(folders: [String]) {
        let fm = FileManager.default
        for folder in folders {
            guard let enumerator = fm.enumerator(atPath: folder) else { continue }
            while let relative = enumerator.nextObject() as? String {
                if (relative as NSString).lastPathComponent.hasPrefix(".") { continue }
                let path = (folder as NSString).appendingPathComponent(relative)
                if let stamp = Self.stamp(path) { files[path] = stamp }
            }
        }
    }

    /// A regular file's stamp (a symbolic link is not followed), from one `lstat`: the snapshot is
    /// taken ten times a second, and Foundation's attribute dictionary costs several times more.
    private static func stamp(_ path: String) -> FileStamp? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let modified = Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
        return FileStamp(modified: modified, size: Int(info.st_size))
    }
}
