import Foundation

/// What `gazette build` is asked to do.
public struct BuildOptions: Sendable {
    public var contentDirectory: String
    public var outputDirectory: String
    public var templatesDirectory: String
    /// Command-line values that replace those of site.yml.
    public var overrides = ConfigOverrides()
    /// False renders everything in memory and writes nothing (`gazette check`).
    public var writesOutput = true
    /// Start from `content/topics.map` and record the topics used there (false: a fresh fit, nothing
    /// read or recorded). Off by default so that the library never writes into a content directory
    /// unasked; the command line turns it on.
    public var keepsTopicMap = false
    /// Where the build cache lives (the manifest of what the last build wrote), or nil for none.
    /// With a cache, a build renders only the pages whose values changed since the last build into
    /// the same output, and updates that output in place. Off by default, like the topic map.
    public var cacheDirectory: String?
    /// Render every page even when the cache says which ones changed (still recording the cache).
    public var fullRebuild = false
    /// Called after each stage with what it counted; the caller decides what to show.
    public var progress: (@Sendable (BuildProgress) -> Void)?

    public init(contentDirectory: String = "content", outputDirectory: String = "public", templatesDirectory: String = "templates") {
        self.contentDirectory = contentDirectory
        self.outputDirectory = outputDirectory
        self.templatesDirectory = templatesDirectory
    }
}

/// What a build made, for the summary line and `--timings`.
public struct BuildReport: Sendable {
    public var papers: Int
    public var entries: Int
    public var topics: Int
    public var pages: Int
    public var files: Int
    /// Files that already held the same bytes and were left as they were.
    public var unchangedFiles: Int
    /// Pages rendered: all of them in a full build, the changed ones in an incremental one.
    public var renderedPages = 0
    /// True when the build updated the previous output in place from the cache's manifest.
    public var incremental = false
    public var bytes: Int
    public var diagnostics: [Diagnostic]
    /// What changed in the topic map (nil without one), and whether the file was rewritten.
    public var topicChanges: TopicMapChanges?
    public var topicMapWritten = false
    /// The host limits the output exceeds (also among `diagnostics`, as warnings).
    public var hostLimitProblems: [HostLimitProblem] = []
    /// Seconds per named stage, in pipeline order.
    public var timings: [(stage: String, seconds: Double)]

    public var seconds: Double { timings.reduce(0) { $0 + $1.seconds } }

    /// `479 papers (507 entries), 14 topics, 1012 pages, 1060 files (3 written) in 0.31 s`, with the
    /// pages rendered after the page count when the build was incremental.
    public var summary: String {
        let rendered = incremental ? " (\(renderedPages) rendered, the others unchanged since the last build)" : ""
        return "\(papers) papers (\(entries) entries), \(topics) topics, \(pages) pages\(rendered), \(files) files (\(files - unchangedFiles) written) in \(String(format: "%.2f", seconds)) s"
    }
}

/// Input read from a content directory: config, dumps and pages.
public struct Content: Sendable {
    public var config: SiteConfig
    public var dumps: [Dump]
    public var pages: [ContentPage]
    public var diagnostics: [Diagnostic]
}

/// Reads `site.yml`, every dump of `dumps/` (`.txt .md .json .jsonl .atom .xml`, sorted by name,
/// each in the format its content shows or `site.yml` forces) and every `pages/*.md`.
public func loadContent(_ directory: String) throws -> Content {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw IngestError.unreadable(file: directory, reason: "no content directory here")
    }
    let config = try SiteConfig.load(path: (directory as NSString).appendingPathComponent("site.yml"))
    let dumpsDirectory = (directory as NSString).appendingPathComponent("dumps")
    let files = dumpFiles(in: dumpsDirectory)
    var diagnostics: [Diagnostic] = []
    if files.isEmpty {
        diagnostics.append(Diagnostic(.warning, file: dumpsDirectory, line: 0, "no dumps (*.txt, *.json, *.atom, ...) found; the digest will be empty"))
    }
    if let clash = duplicateDumpNames(files, directory: dumpsDirectory) { throw clash }
    // Dumps are read and parsed on all cores (each file's bytes live only while it is parsed); the
    // results are then taken in name order, so errors, notes and the paper limit come out as a
    // reading one file after another would give them.
    let parsed = try concurrentMap(files) { file -> Result<(Dump, [Diagnostic]), Error> in
        Result { try readDump(path: (dumpsDirectory as NSString).appendingPathComponent(file), rules: config.formats) }
    }
    var dumps: [Dump] = []
    var paperLimit = PaperLimit()
    for result in parsed {
        let (dump, notes) = try result.get()
        try paperLimit.count(dump)
        dumps.append(dump)
        diagnostics += notes
    }
    let pagesDirectory = (directory as NSString).appendingPathComponent("pages")
    var pages: [ContentPage] = []
    var pageSlugs: Set<String> = []
    for file in ((try? fm.contentsOfDirectory(atPath: pagesDirectory)) ?? []).filter({ $0.hasSuffix(".md") && !$0.hasPrefix(".") }).sorted() {
        let path = (pagesDirectory as NSString).appendingPathComponent(file)
        guard let data = fm.contents(atPath: path) else {
            throw IngestError.unreadable(file: path, reason: "permission denied or not a regular file")
        }
        let page = try parseContentPage(String(decoding: data, as: UTF8.self), path: path)
        if UniqueSlugs.reserved.contains(page.slug) || pageSlugs.contains(page.slug) {
            throw IngestError.invalidPage(file: path, line: 1, reason: "page slug `\(page.slug)` is taken by the site or another page; set `slug:` in its front matter")
        }
        pageSlugs.insert(page.slug)
        pages.append(page)
    }
    return Content(config: config, dumps: dumps, pages: pages, diagnostics: diagnostics)
}

/// Where a content directory keeps its topic map.
public func topicMapPath(contentDirectory: String) -> String {
    (contentDirectory as NSString).appendingPathComponent("topics.map")
}

/// The whole pipeline: ingest → topics → render → publish. Throws on the first error, before
/// anything is written, so a failed build leaves the previous output untouched.
public func buildSite(_ options: BuildOptions) throws -> BuildReport {
    try options.validateOutputDirectory()
    var timings: [(stage: String, seconds: Double)] = []
    func timed<T>(_ stage: String, _ work: () throws -> T, detail: ((T) -> String)?) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try work()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        timings.append((stage, seconds))
        if let detail { options.progress?(BuildProgress(stage: stage, detail: detail(result), seconds: seconds)) }
        return result
    }
    // Steps between the stages are timed too (`--timings` then adds up to the build's wall time),
    // without a progress line of their own.
    func timed<T>(_ stage: String, _ work: () throws -> T) rethrows -> T { try timed(stage, work, detail: nil) }
    // The topic map is read while the dumps are parsed (a tenth of a second at 100,000 papers); a
    // broken map is still reported after any error in the templates or dumps.
    let mapPath = topicMapPath(contentDirectory: options.contentDirectory)
    let mapLoad = BackgroundWork { options.keepsTopicMap ? try TopicMapFile.load(mapPath) : nil }
    defer { mapLoad.wait() }
    // So is the word cache: the words of the papers the last build read (see `WordCache`).
    let wordsPath = options.writesOutput ? options.cacheDirectory.map(wordCachePath) : nil
    let wordLoad = BackgroundWork { () -> WordCache? in options.fullRebuild ? nil : wordsPath.flatMap(WordCache.load) }
    defer { wordLoad.wait() }
    let templates = try timed("templates", { try TemplateSet(directory: options.templatesDirectory) }) { "\($0.assets.count) assets from \(options.templatesDirectory)" }
    var content = try timed("parse", { try loadContent(options.contentDirectory) }) {
        "\($0.dumps.count) dumps, \($0.dumps.reduce(0) { $0 + $1.entries.count }) entries, \($0.pages.count) pages"
    }
    content.config = options.overrides.applied(to: content.config)
    var papers = timed("merge", { mergePapers(content.dumps) }) { "\($0.count) papers" }
    let previousMap = try mapLoad.value()
    // Slugs and topics both compare each paper's text hash with the map's: taken once.
    let hashes = timed("slugs") { () -> [String]? in
        let hashes = previousMap.map { _ in placementHashes(papers) }
        assignSlugs(&papers, kept: previousMap?.papers.mapValues(\.textHash) ?? [:], hashes: hashes)
        return hashes
    }
    // The search index's words need only the papers' text and slugs: they are indexed on another
    // thread while topics are inferred, which leaves a core idle for a third of its time.
    let slugged = papers
    let searchText = BackgroundWork { try SearchText(papers: slugged) }
    defer { searchText.wait() }
    // Dump pages need only the titles and arXiv ids: the rest lives on in the papers.
    for d in content.dumps.indices {
        for e in content.dumps[d].entries.indices {
            content.dumps[d].entries[e].abstract = nil
            content.dumps[d].entries[e].details = PaperDetails(arxivID: content.dumps[d].entries[e].details.arxivID)
        }
    }
    var topicChanges: TopicMapChanges?
    var recordedMap: TopicMap?
    var topicModel = timed("topics", { () -> TopicModel in
        let words = wordsPath == nil ? nil : (cache: try? wordLoad.value(), hashes: hashes)
        guard let previousMap else {
            let model = inferTopics(papers, options: content.config.topics, includeRelated: false, words: words)
            if options.keepsTopicMap { recordedMap = recordTopicMap(model, papers: papers, retired: []) }
            return model
        }
        let continued = continueTopics(papers, map: previousMap, options: content.config.topics, includeRelated: false, hashes: hashes,
                                       keepsWords: words != nil, words: words?.cache ?? nil)
        topicChanges = continued.changes
        recordedMap = continued.map
        return continued.model
    }) { model in
        "\(model.topics.count) topics" + (topicChanges.map { ", \($0.kept) papers kept their topic, \($0.placed) placed, \($0.born.count) born, \($0.retired.count) retired" } ?? "")
    }
    topicModel.related = timed("related", { relatedPapers(in: topicModel, count: content.config.topics.relatedCount) }) {
        "\($0.reduce(0) { $0 + $1.count }) links"
    }
    let wordUpdate = topicModel.wordUpdate
    topicModel.wordUpdate = nil
    // Pages need the topics, memberships and related lists, not the analysed text and vectors: at
    // 100,000 papers those are hundreds of MB that would otherwise stay alive through rendering.
    topicModel.corpus = AnalyzedCorpus(terms: [], documents: [], termIndex: [:])
    topicModel.vectors = []
    let model = SiteModel(config: content.config, dumps: content.dumps, papers: papers, topics: topicModel, pages: content.pages)
    var diagnostics = content.diagnostics
    diagnostics += topicModel.warnings.map { Diagnostic(.warning, file: (options.contentDirectory as NSString).appendingPathComponent("site.yml"), line: 0, $0) }
    if previousMap != nil && options.overrides.topicCount != nil {
        diagnostics.append(Diagnostic(.warning, file: mapPath, line: 0, "--topics is ignored while the topic map fixes the topics; `gazette topics --refit --topics N` re-clusters"))
    } else if previousMap != nil, let count = content.config.topics.count, count != topicModel.topics.count {
        // The map keeps its topics; a count edited in site.yml takes effect only through a refit.
        diagnostics.append(Diagnostic(.warning, file: (options.contentDirectory as NSString).appendingPathComponent("site.yml"), line: 0,
                                      "topics.count is \(count), but the topic map keeps its \(topicModel.topics.count) topics; `gazette topics --refit` re-clusters to \(count)"))
    }
    // Pages are written as they are rendered (into a staging tree beside the output), so memory does
    // not grow with the size of the site; "render" covers both, "write" the swap.
    var counts = RenderCounts(pages: 0, files: 0, bytes: 0)
    var written = WriteStatistics(written: 0, unchanged: 0)
    var topicMapWritten = false
    var incremental = false
    let tally = OutputTally(keepsSizes: options.cacheDirectory != nil)
    func render(reuse: PageReuse?, emit: @escaping (String, [UInt8]) throws -> Void) throws {
        counts = try timed("render", { try renderSite(model, templates: templates, reuse: reuse, searchText: { try searchText.value() },
                                                      emit: { tally.record($0, $1.count); try emit($0, $1) }) }) {
            "\($0.pages) pages (\($0.rendered) rendered), \($0.files) files, \($0.bytes / 1024) KiB"
        }
    }
    if options.writesOutput {
        let output = URL(fileURLWithPath: options.outputDirectory).standardizedFileURL.path
        let manifestPath = options.cacheDirectory.map { buildManifestPath(cacheDirectory: $0, output: output) }
        let site = siteFingerprint(templates: templates, config: content.config)
        // Held from reading the manifest to writing the next: a build beside this one waits.
        let outputLock = try OutputLock(output: output)
        let previous = timed("cache") { manifestPath.flatMap(BuildManifest.load) }.flatMap { manifest -> BuildManifest? in
            // Only a manifest of this output, written for the same binary, theme and configuration,
            // and an output still there, let pages be kept.
            guard !options.fullRebuild, manifest.site == site, manifest.output == output,
                  FileManager.default.fileExists(atPath: output + "/index.html") else { return nil }
            return manifest
        }
        do {
            if let previous, let manifestPath {
                incremental = true
                let tree = try PatchedTree(output: output, previous: Set(previous.files.keys), lock: outputLock)
                do {
                    try render(reuse: PageReuse(previous: previous.files) { path in
                        tally.record(path, previous.files[path]!.bytes)
                        try tree.keep(path)
                    }, emit: tree.put)
                    BuildManifest.remove(manifestPath)
                    written = try timed("write", { try tree.commit() }) {
                        "\($0.written) files written, \($0.unchanged) unchanged → \(options.outputDirectory)"
                    }
                } catch {
                    tree.abandon()
                    throw error
                }
            } else {
                let staged = try StagedTree(output: options.outputDirectory, lock: outputLock)
                do {
                    try render(reuse: manifestPath.map { _ in PageReuse(previous: [:]) { _ in } }, emit: staged.put)
                    written = try timed("write", { try staged.commit() }) {
                        "\($0.written) files written, \($0.unchanged) unchanged → \(options.outputDirectory)"
                    }
                } catch {
                    staged.abandon()
                    throw error
                }
            }
            // The manifest and the topic map, each recorded only once the site it describes is in
            // place, are written at the same time (each is a tenth of a second at 100,000 papers).
            let recordStart = DispatchTime.now().uptimeNanoseconds
            let manifestWrite = BackgroundWork { () throws in
                guard let manifestPath else { return }
                let files = tally.sizes.mapValues { BuildManifest.Entry(fingerprint: nil, bytes: $0) }
                    .merging(counts.fingerprints.mapValues { BuildManifest.Entry(fingerprint: $0, bytes: 0) }) { sized, page in
                        BuildManifest.Entry(fingerprint: page.fingerprint, bytes: sized.bytes)
                    }
                try BuildManifest(site: site, output: output, files: files).write(to: manifestPath)
            }
            // The words of the papers this build read (see `WordCacheUpdate.write`).
            let wordsWrite = BackgroundWork { () throws in
                guard let wordsPath, let update = wordUpdate else { return }
                try update.write(to: wordsPath)
            }
            let mapWritten = Result { try recordedMap.map { try TopicMapFile.write($0, to: mapPath) } ?? false }
            try manifestWrite.value()
            try wordsWrite.value()
            topicMapWritten = try mapWritten.get()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - recordStart) / 1e9
            timings.append(("record", seconds))
            withExtendedLifetime(outputLock) {}
        }
    } else {
        try render(reuse: nil) { _, _ in }
    }
    let hostProblems = hostLimitProblems(tally.size(papers: papers.count), host: content.config.host, config: content.config)
    diagnostics += hostLimitDiagnostics(hostProblems, contentDirectory: options.contentDirectory)
    var report = BuildReport(papers: papers.count, entries: content.dumps.reduce(0) { $0 + $1.entries.count }, topics: topicModel.topics.count,
                             pages: counts.pages, files: counts.files, unchangedFiles: written.unchanged, bytes: counts.bytes,
                             diagnostics: diagnostics, topicChanges: topicChanges, topicMapWritten: topicMapWritten, timings: timings)
    report.hostLimitProblems = hostProblems
    report.renderedPages = counts.rendered
    report.incremental = incremental
    freeLater((model, papers, topicModel, content))
    return report
}

/// Drops `values` on another thread a second from now. Freeing a large site's papers, topics and
/// contexts keeps a core busy for half a second at 100,000 papers, and neither the caller nor a
/// command about to exit needs to wait for it. The delay lets the caller's own references go
/// first, so that the last release, which frees, happens on that thread. (`gazette serve` may hold
/// one previous model for that second.)
func freeLater<T>(_ values: T) {
    DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + 1) { withExtendedLifetime(values) {} }
}

/// How much a render produced.
public struct RenderCounts: Equatable, Sendable {
    public var pages: Int
    public var files: Int
    public var bytes: Int
    /// Pages rendered (the others were kept from the previous build).
    public var rendered: Int = 0
    /// Each page's fingerprint, by path, when the render was asked to take them.
    public var fingerprints: [String: UInt64] = [:]
}

/// What a render needs to leave unchanged pages as the previous build wrote them.
public struct PageReuse {
    /// The previous build's page fingerprints and sizes, by path (empty: render every page, and
    /// only take the fingerprints).
    public var previous: [String: BuildManifest.Entry]
    /// Called, from several threads, for each page kept as it was.
    public var keep: (String) throws -> Void

    public init(previous: [String: BuildManifest.Entry], keep: @escaping (String) throws -> Void) {
        self.previous = previous
        self.keep = keep
    }
}

/// Renders every page, the assets and the data exports into an in-memory tree (for tests and small
/// sites), on `workers` threads (default all cores); the tree does not depend on the number of threads.
public func renderSite(_ model: SiteModel, templates: TemplateSet, workers: Int? = nil, layoutShells: Bool = true,
                       templateShapes: Bool = true) throws -> (OutputTree, Int) {
    let lock = NSLock()
    var tree = OutputTree()
    var firstError: Error?
    let counts = try renderSite(model, templates: templates, workers: workers, layoutShells: layoutShells,
                                templateShapes: templateShapes) { path, bytes in
        lock.lock()
        defer { lock.unlock() }
        do { try tree.add(path, bytes) } catch { firstError = firstError ?? error }
    }
    if let firstError { throw firstError }
    return (tree, counts.pages)
}

/// Renders every page, the assets and the data exports, handing each file to `emit` (called from
/// several threads at once) as soon as it is made. Pages are rendered in parallel, each from its
/// own context; the search index, feeds and exports are made alongside them.
/// `layoutShells: false` renders every page's layout in full, `templateShapes: false` every page
/// body and card (tests compare the two).
///
/// With `reuse`, each page's fingerprint (of its template, path and every value it shows, cards
/// and abstracts by their inputs) is taken first, and a page whose fingerprint is the previous
/// build's is not rendered but handed to `reuse.keep`. `searchText` gives the search index's part
/// made from the papers' text, when the caller has it made beforehand.
public func renderSite(_ model: SiteModel, templates: TemplateSet, workers: Int? = nil, layoutShells: Bool = true,
                       templateShapes: Bool = true, reuse: PageReuse? = nil, searchText: (() throws -> SearchText)? = nil,
                       emit: @escaping (String, [UInt8]) throws -> Void) throws -> RenderCounts {
    // The search index and feeds, and the assets and exports, need only the model: they are made on
    // other threads from the start, while this one puts together the pages' contexts and the list of
    // pages (most of a second on one core at 100,000 papers), and then alongside the pages.
    // They are waited for on every way out, so nothing is emitted once this has returned or thrown.
    let readers = BackgroundWork(inline: workers == 1) { () throws -> (files: Int, bytes: Int) in
        try emitAll(try readerFiles(model, text: try searchText?()), emit)
    }
    defer { readers.wait() }
    let exports = BackgroundWork(inline: workers == 1) { () throws -> (files: Int, bytes: Int) in
        try emitAll(templates.assets.map { ("assets/" + $0.path, $0.bytes) } + (try dataExports(model)), emit)
    }
    defer { exports.wait() }
    let shapes = TemplateShapes(templates: templates, enabled: templateShapes)
    let contexts = try PageContexts(model: model, markdown: MarkdownRenderer(), shapes: shapes, eagerCards: reuse?.previous.isEmpty ?? true)
    let keyContexts = reuse.map { _ in contexts.fingerprinting() }
    let shells = LayoutShells(templates: templates, siteValues: [model.config.title, model.config.description] + model.pages.map(\.title))
    struct Job {
        let path: String
        let template: String
        let title: String
        let description: String?
        let section: String
        let context: (PageContexts) -> [String: Any]
        /// The page's own Atom feed, path from the site root, beside the site's.
        var feed: (title: String, path: String)? = nil
        /// The page's fingerprint from its inputs, where that is cheaper than from its context.
        var key: ((PageContexts) -> UInt64)? = nil
        /// The description made only when the page is rendered (a paper's summary), in place of `description`.
        var describe: ((PageContexts) -> String)? = nil
    }
    /// "Page 2 of 7" after a list page's title, from the second page on.
    func numbered(_ title: String, _ page: ListPage) -> String {
        page.number == 1 ? title : "\(title) (page \(page.number) of \(page.pageCount))"
    }
    var jobs: [Job] = [
        Job(path: "index.html", template: "index", title: model.config.title, description: nil, section: "home", context: { $0.home() }),
        Job(path: "topics/index.html", template: "topics", title: "Topics", description: nil, section: "topics", context: { $0.topicsIndex() }),
    ]
    for topic in model.topics.topics {
        for page in contexts.topicPages(topic) {
            jobs.append(Job(path: page.path, template: "topic", title: numbered(topic.name, page),
                            description: "Papers on \(topic.name): " + topic.terms.prefix(5).map(\.label).joined(separator: ", "),
                            section: "topics", context: { $0.topic(topic, page: page) }, feed: (topic.name, topicFeedPath(topic))))
        }
    }
    let orders = contexts.allPapersOrders()
    for (order, list) in orders.enumerated() {
        for page in list.pages {
            jobs.append(Job(path: page.path, template: "papers", title: numbered(order == 0 ? "All papers" : "All papers, \(list.label)", page),
                            description: nil, section: "papers", context: { $0.allPapers(order: order, page: page, orders: orders) }))
        }
    }
    jobs += concurrentChunks(model.papers.count, workers: workers) { range in
        range.map { index in
            Job(path: PageContexts.paperPath(model.papers[index]), template: "paper", title: contexts.titles[index],
                description: nil, section: "papers", context: { $0.paper(index) },
                key: { $0.paperPageKey(index, title: contexts.titles[index]) }, describe: { $0.summary(index) })
        }
    }.flatMap { $0 }
    let months = contexts.archiveMonths()
    jobs.append(Job(path: PageContexts.archivePath, template: "archive", title: "Archive", description: "Every paper by month of publication",
                    section: "archive", context: { $0.archive(months: months) }))
    for month in months {
        for page in contexts.archiveMonthPages(key: month.key, papers: month.papers) {
            jobs.append(Job(path: page.path, template: "archive-month", title: numbered(month.label, page),
                            description: month.key == "undated" ? "Papers without a publication date" : "Papers published in \(month.label)",
                            section: "archive", context: { $0.archiveMonth(label: month.label, total: month.papers.count, page: page) }))
        }
    }
    var paperIndex: [String: Int] = [:]
    let titleKeys = concurrentChunks(model.papers.count, workers: workers) { range in range.map { normalizedTitleKey(model.papers[$0].title) } }.flatMap { $0 }
    for (index, key) in titleKeys.enumerated() { paperIndex[key] = index }
    // An entry merged by its arXiv id may carry another title than the paper kept.
    for (index, paper) in model.papers.enumerated() {
        if let id = paper.details.arxivID { paperIndex[arxivPaperKey(id)] = index }
    }
    jobs.append(Job(path: "dumps/index.html", template: "dumps", title: "Issues", description: nil, section: "dumps", context: { $0.dumpsIndex() }))
    // Finding each entry's paper normalises its title: one issue per task.
    let pagesOfDump = try concurrentMap(model.dumps, workers: workers) { contexts.dumpPages($0, paperIndex: paperIndex) }
    for (dump, pages) in zip(model.dumps, pagesOfDump) {
        for page in pages {
            jobs.append(Job(path: page.path, template: "dump", title: numbered(model.issueLabel(dump), page), description: nil,
                            section: "dumps", context: { $0.dump(dump, page: page) }))
        }
    }
    for page in model.pages {
        jobs.append(Job(path: PageContexts.pagePath(page), template: "page", title: page.title, description: page.description,
                        section: "page:" + page.slug, context: { $0.page(page) }))
    }
    jobs.append(Job(path: "404.html", template: "404", title: "Page not found", description: nil, section: "", context: { _ in [:] }))

    let siteMap = try emitAll(siteMapFiles(model, pagePaths: jobs.map(\.path)), emit)
    let pageResults = Result { try concurrentMap(jobs, workers: workers) { job -> (files: Int, bytes: Int, rendered: Int, fingerprint: UInt64?) in
        func layout(_ contexts: PageContexts) -> [String: Any] {
            contexts.layout(path: job.path, title: job.title, description: job.describe?(contexts) ?? job.description ?? model.config.description, body: "", section: job.section)
        }
        var fingerprint: UInt64?
        if let reuse, let keyContexts {
            let made = job.key?(keyContexts) ?? ValueFingerprint.of(job.template, job.path, job.context(keyContexts), layout(keyContexts),
                                                                   job.feed.map { [$0.title, $0.path] } ?? false)
            fingerprint = made
            if let previous = reuse.previous[job.path], previous.fingerprint == made {
                try reuse.keep(job.path)
                return (1, previous.bytes, 0, made)
            }
        }
        var context = job.context(contexts)
        let layout = layout(contexts)
        // The page body sees the site-wide values too (root, site title, ...), unless it sets its own.
        context.merge(layout) { own, _ in own }
        var page = layout
        if let feed = job.feed {
            page["topic_feed"] = ["title": feed.title, "href": PageContexts.root(for: job.path) + feed.path]
        }
        let body = try shapes.render(job.template, context)
        let bytes: [UInt8]
        if layoutShells, shells.enabled, job.feed == nil, job.path != "404.html" {
            bytes = try shells.page(layout: page, section: job.section, body: body, templates: templates)
        } else {
            page["body"] = String(decoding: body, as: UTF8.self)
            bytes = Array(try templates.render("layout", page).utf8)
        }
        try emit(job.path, bytes)
        return (1, bytes.count, 1, fingerprint)
    } }
    // The search index's and the exports' errors first, as when they were the first tasks.
    let others = [try readers.value(), try exports.value(), siteMap]
    let results = try pageResults.get()
    if let failure = contexts.cards.failure { throw failure }
    var fingerprints: [String: UInt64] = [:]
    if reuse != nil {
        fingerprints.reserveCapacity(jobs.count)
        for (job, result) in zip(jobs, results) { fingerprints[job.path] = result.fingerprint }
    }
    freeLater((jobs, contexts, keyContexts, shapes))
    return RenderCounts(pages: jobs.count, files: results.reduce(0) { $0 + $1.files } + others.reduce(0) { $0 + $1.files },
                        bytes: results.reduce(0) { $0 + $1.bytes } + others.reduce(0) { $0 + $1.bytes },
                        rendered: results.reduce(0) { $0 + $1.rendered }, fingerprints: fingerprints)
}

/// Hands each file to `emit`; how many there were and their bytes.
private func emitAll(_ files: [(path: String, bytes: [UInt8])], _ emit: (String, [UInt8]) throws -> Void) throws -> (files: Int, bytes: Int) {
    for (path, bytes) in files { try emit(path, bytes) }
    return (files.count, files.reduce(0) { $0 + $1.bytes.count })
}

/// Maps `items` on all cores, keeping order; if any item throws, the error of the first such item
/// (in input order) is thrown, so failures are reported the same way on every run. `workers: 1`
/// runs on the calling thread alone.
func concurrentMap<T, R>(_ items: [T], workers: Int? = nil, _ transform: (T) throws -> R) throws -> [R] {
    if workers == 1 { return try items.map(transform) }
    var results = [Result<R, Error>?](repeating: nil, count: items.count)
    // Many more chunks than threads: items differ in cost (one may take seconds), and a thread that
    // finishes early takes the next chunk instead of waiting for the slowest.
    let chunks = max(1, min(items.count, (workers ?? ProcessInfo.processInfo.activeProcessorCount) * 32))
    results.withUnsafeMutableBufferPointer { buffer in
        let output = buffer
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var index = chunk
            while index < items.count {
                output[index] = Result { try transform(items[index]) }
                index += chunks
            }
        }
    }
    return try results.map { try $0!.get() }
}
