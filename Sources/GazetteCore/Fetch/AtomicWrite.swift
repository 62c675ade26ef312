import Foundation

/// Writes `data` to `path` so readers see the old file or the whole new one, never a part: it goes
/// to a hidden temporary file in the same folder (same file system, so the rename is atomic), then
/// is renamed over `path`. On failure the temporary file is removed and `path` is untouched.
public func writeAtomically(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    // Hidden and with a suffix no dump has, so a build running meanwhile never reads it.
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).partial")
    let fm = FileManager.default
    do {
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        try data.write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            throw FetchError.writeFailed(path: path, reason: String(cString: strerror(errno)))
        }
    } catch let error as FetchError {
        try? fm.removeItem(at: temporary)
        throw error
    } catch {
        try? fm.removeItem(at: temporary)
        throw FetchError.writeFailed(path: path, reason: error.localizedDescription)
    }
}
