/// The files a retired topic keeps at its old URLs: a page that sends readers on to the topic that
/// took its papers (a link and `<meta http-equiv="refresh">`, no script, kept out of search engines)
/// and a feed whose last entry says where the topic went. The later pages of its list (`page/2/`, ...,
/// as many as its papers filled) redirect too.
/// `newest` dates the feed's notice when the map recorded no date (a digest without dated papers then).
func retiredTopicFiles(_ retired: RetiredTopic, successor: Topic?, config: SiteConfig, newest: PaperDate? = nil) -> [(path: String, bytes: [UInt8])] {
    let directory = "topics/\(retired.slug)/"
    let targetPath = successor.map(PageContexts.topicPath) ?? "topics/index.html"
    let targetName = successor?.name ?? "Topics"
    let sentence = successor == nil ? "The topic “\(retired.name)” is no longer published; its papers are listed under all topics."
        : "The topic “\(retired.name)” is now part of “\(targetName)”."
    var files = listPages(Array(0..<(retired.paperCount ?? 0)), perPage: config.paginate, directory: directory).map {
        ($0.path, Array(redirectPage(from: $0.path, to: targetPath, title: retired.name, sentence: sentence, targetName: targetName, config: config).utf8))
    }
    if config.feeds {
        let notice = AtomFeed.Entry(title: successor == nil ? "“\(retired.name)” is no longer published" : "“\(retired.name)” is now part of “\(targetName)”",
                                    path: targetPath, summary: sentence + (successor == nil ? "" : " Subscribe to that topic's feed to keep following these papers."),
                                    topic: nil, published: retired.retiredOn ?? newest,
                                    // Its own id: two topics retired into one must not share an entry id.
                                    idPath: directory + "feed.xml#moved")
        let feed = AtomFeed(title: "\(retired.name) · \(config.title)", path: directory + "feed.xml", pagePath: targetPath,
                            author: config.title, baseURL: config.baseURL, entries: [notice])
        files.append((feed.path, Array(feed.xml().utf8)))
    }
    return files
}

/// A page at `path` that sends readers to `targetPath` (both from the site root).
private func redirectPage(from path: String, to targetPath: String, title: String, sentence: String, targetName: String, config: SiteConfig) -> String {
    // Relative to the page's own folder; with a base URL the address is absolute.
    let href = config.baseURL.map { $0 + String(targetPath.dropLast("index.html".count)) } ?? PageContexts.root(for: path) + targetPath
    let canonical = config.baseURL == nil ? "" : "<link rel=\"canonical\" href=\"\(escapeHTML(href))\">\n"
    return """
    <!DOCTYPE html>
    <html lang="\(escapeHTML(config.language))">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex">
    <meta http-equiv="refresh" content="0; url=\(escapeHTML(href))">
    \(canonical)<title>\(escapeHTML(title)) · moved · \(escapeHTML(config.title))</title>
    </head>
    <body>
    <main>
    <h1>\(escapeHTML(title))</h1>
    <p>\(escapeHTML(sentence)) <a href="\(escapeHTML(href))">Go to \(escapeHTML(targetName))</a>.</p>
    </main>
    </body>
    </html>

    """
}
