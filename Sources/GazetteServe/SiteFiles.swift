import Foundation

/// What the server sends for a path of the built site, before live reload is injected.
struct FileResponse: Equatable {
    var status: Int
    var contentType: String
    var body: [UInt8]
    /// For a directory asked for without its trailing slash: where to redirect.
    var location: String?
}

/// Maps a request path onto the built site in `root`: files as they are, a directory to its
/// `index.html`, and anything missing (or trying to leave `root`) to the site's `404.html` with status 404.
func siteResponse(path: String, root: String) -> FileResponse {
    let fm = FileManager.default
    let raw = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
    let decoded = raw.removingPercentEncoding ?? raw
    let parts = decoded.split(separator: "/", omittingEmptySubsequences: true)
    guard !parts.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") || $0.contains("\0") }) else {
        return notFound(root: root)
    }
    var file = ([root] + parts.map(String.init)).joined(separator: "/")
    var isDirectory: ObjCBool = false
    guard fm.fileExists(atPath: file, isDirectory: &isDirectory) else { return notFound(root: root) }
    if isDirectory.boolValue {
        // Relative links inside the page only work from `dir/`, not `dir`.
        guard decoded.hasSuffix("/") || parts.isEmpty else {
            return FileResponse(status: 301, contentType: "text/plain; charset=utf-8", body: [], location: raw + "/")
        }
        file += "/index.html"
    }
    guard let data = fm.contents(atPath: file) else { return notFound(root: root) }
    return FileResponse(status: 200, contentType: contentType(forFile: file), body: Array(data), location: nil)
}

private func notFound(root: String) -> FileResponse {
    let page = FileManager.default.contents(atPath: root + "/404.html").map { Array($0) } ?? Array("<!doctype html><title>Not found</title><h1>Not found</h1>".utf8)
    return FileResponse(status: 404, contentType: "text/html; charset=utf-8", body: page, location: nil)
}
