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
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { files[path] = nil; return }
        files[path] = FileStamp(modified: attributes[.modificationDate] as? Date ?? .distantPast,
                                size: (attributes[.size] as? NSNumber)?.intValue ?? 0)
    }

    /// Reads the stamps of every non-hidden file under `folders`; missing folders count as empty.
    init(folders: [String]) {
        let fm = FileManager.default
        for folder in folders {
            guard let enumerator = fm.enumerator(atPath: folder) else { continue }
            while let relative = enumerator.nextObject() as? String {
                if (relative as NSString).lastPathComponent.hasPrefix(".") { continue }
                let path = (folder as NSString).appendingPathComponent(relative)
                guard let attributes = try? fm.attributesOfItem(atPath: path),
                      attributes[.type] as? FileAttributeType == .typeRegular else { continue }
                files[path] = FileStamp(modified: attributes[.modificationDate] as? Date ?? .distantPast,
                                        size: (attributes[.size] as? NSNumber)?.intValue ?? 0)
            }
        }
    }
}
