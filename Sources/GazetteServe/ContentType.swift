/// The `Content-Type` for a file name, from its extension; text types carry `charset=utf-8`.
func contentType(forFile name: String) -> String {
    let ext = name.split(separator: ".").count > 1 ? String(name.split(separator: ".").last!).lowercased() : ""
    switch ext {
    case "html", "htm": return "text/html; charset=utf-8"
    case "css": return "text/css; charset=utf-8"
    case "js", "mjs": return "text/javascript; charset=utf-8"
    case "json": return "application/json; charset=utf-8"
    case "xml": return "application/xml; charset=utf-8"
    case "atom": return "application/atom+xml; charset=utf-8"
    case "rss": return "application/rss+xml; charset=utf-8"
    case "txt", "md": return "text/plain; charset=utf-8"
    case "svg": return "image/svg+xml"
    case "png": return "image/png"
    case "jpg", "jpeg": return "image/jpeg"
    case "gif": return "image/gif"
    case "webp": return "image/webp"
    case "avif": return "image/avif"
    case "ico": return "image/x-icon"
    case "woff": return "font/woff"
    case "woff2": return "font/woff2"
    case "pdf": return "application/pdf"
    case "webmanifest": return "application/manifest+json"
    default: return "application/octet-stream"
    }
}
