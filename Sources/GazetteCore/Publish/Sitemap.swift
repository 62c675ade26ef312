/// `sitemap.xml` listing `pages` (paths from the site root, sorted) under `baseURL`; pages are
/// listed by the address a server gives them (`papers/x/`, not `papers/x/index.html`).
func sitemapXML(baseURL: String, pages: [String]) -> String {
    var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    for page in pages.sorted() where page != "404.html" {
        let address = page.hasSuffix("index.html") ? String(page.dropLast("index.html".count)) : page
        out += "  <url><loc>\(xmlEscape(baseURL + address))</loc></url>\n"
    }
    return out + "</urlset>\n"
}

/// `robots.txt`: everything may be crawled; points at the sitemap.
func robotsTXT(baseURL: String) -> String {
    "User-agent: *\nAllow: /\nSitemap: \(baseURL)sitemap.xml\n"
}
