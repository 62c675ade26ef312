/// Path of a topic's Atom feed, from the site root.
func topicFeedPath(_ topic: Topic) -> String { "topics/\(topic.slug)/feed.xml" }

/// The files readers' tools fetch beside the pages, made from the model alone: the search index,
/// the Atom feeds (the whole digest and one per topic) and the retired topics' redirects and feeds.
/// `text`, when made from the model's papers, saves making the search index's terms again.
func readerFiles(_ model: SiteModel, text: SearchText? = nil) throws -> [(path: String, bytes: [UInt8])] {
    let made = text.flatMap { $0.matches(model) ? $0 : nil }
    let newestFirst = made?.newestFirst ?? model.newestFirst()
    var files: [(path: String, bytes: [UInt8])]
    if let text = made {
        var documents = text.documents
        for (position, index) in newestFirst.enumerated() {
            documents[position].topic = model.topics.memberships[index].first.map { model.topics.topics[$0.topic].name } ?? ""
        }
        files = try SearchIndex(documents: documents).files(terms: text.terms)
    } else {
        files = try SearchIndex(documents: model.searchDocuments(newestFirst: newestFirst)).files()
    }
    func entry(_ index: Int) -> AtomFeed.Entry {
        let paper = model.papers[index]
        return AtomFeed.Entry(title: cleanLatex(paper.title, markdown: false), path: PageContexts.paperPath(paper),
                              summary: PageContexts.summary(of: paper),
                              topic: model.topics.memberships[index].first.map { model.topics.topics[$0.topic].name },
                              published: paper.published)
    }
    if model.config.feeds {
        files += try atomFeeds(model, newestFirst: newestFirst, entry: entry)
    }
    // Redirects, not pages: the sitemap (`siteMapFiles`) lists only the live pages.
    for retired in model.topics.retired {
        files += retiredTopicFiles(retired, successor: retired.successor.map { model.topics.topics[$0] }, config: model.config,
                                   newest: newestFirst.first.flatMap { model.papers[$0].published })
    }
    return files
}

/// With a base URL, `sitemap.xml` (the pages at `pagePaths`) and `robots.txt`; without one, nothing.
func siteMapFiles(_ model: SiteModel, pagePaths: [String]) -> [(path: String, bytes: [UInt8])] {
    guard let base = model.config.baseURL else { return [] }
    return [("sitemap.xml", Array(sitemapXML(baseURL: base, pages: pagePaths).utf8)), ("robots.txt", Array(robotsTXT(baseURL: base).utf8))]
}

/// The digest's feed and one per topic, newest papers first.
private func atomFeeds(_ model: SiteModel, newestFirst: [Int], entry: (Int) -> AtomFeed.Entry) throws -> [(path: String, bytes: [UInt8])] {
    var files: [(path: String, bytes: [UInt8])] = []
    let site = AtomFeed(title: model.config.title, path: "feed.xml", pagePath: "index.html", author: model.config.title,
                        baseURL: model.config.baseURL, entries: newestFirst.prefix(AtomFeed.limit).map(entry))
    files.append(("feed.xml", Array(site.xml().utf8)))
    // One pass over the papers, newest first, fills every topic's feed (not one pass per topic).
    var newestOfTopic = [[Int]](repeating: [], count: model.topics.topics.count)
    for index in newestFirst {
        for membership in model.topics.memberships[index] where newestOfTopic[membership.topic].count < AtomFeed.limit
            && newestOfTopic[membership.topic].last != index {
            newestOfTopic[membership.topic].append(index)
        }
    }
    // Feeds are independent: write them on all cores (in topic order, whatever the thread count).
    files += try concurrentMap(model.topics.topics) { topic -> (path: String, bytes: [UInt8]) in
        let feed = AtomFeed(title: "\(topic.name) · \(model.config.title)", path: topicFeedPath(topic), pagePath: PageContexts.topicPath(topic),
                            author: model.config.title, baseURL: model.config.baseURL,
                            entries: newestOfTopic[topic.id].map(entry))
        return (feed.path, Array(feed.xml().utf8))
    }
    return files
}
