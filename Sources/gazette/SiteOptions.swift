import ArgumentParser
import Foundation
import GazetteCore

/// The options `build`, `check` and `serve` share: where the digest is, and values that override site.yml.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "Content directory with site.yml, dumps/ and pages/ (example: --content content).")
    var content = "content"

    @Option(name: .long, help: ArgumentHelp(
        "Output directory, replaced as a whole on success; default: `output:` of site.yml, else public (example: --output public).",
        discussion: "This flag is taken from the current folder; `output:` of site.yml from the folder that holds the content directory."))
    var output: String?

    @Option(name: .long, help: "Theme directory with the Mustache templates and assets/ (example: --templates templates).")
    var templates = "templates"

    @Option(name: .customLong("base-url"), help: "Public URL of the site, overriding `base_url:` (example: --base-url https://me.github.io/digest/).")
    var baseURL: String?

    @Option(name: .long, help: "Site title, overriding `title:` (example: --title \"Reading list\").")
    var title: String?

    @Option(name: .long, help: "Number of topics, overriding `topics.count:` (example: --topics 12).")
    var topics: Int?

    @Flag(inversion: .prefixedNo, help: "Generate Atom feeds or not, overriding `feeds:` (example: --no-feeds).")
    var feeds: Bool?

    @Flag(name: .customLong("no-topic-map"), help: "Fit topics from scratch and leave content/topics.map alone, neither read nor written (example: --no-topic-map).")
    var noTopicMap = false

    @Option(name: .long, help: ArgumentHelp(
        "Build cache directory; default: .gazette-cache beside the output directory (example: --cache .gazette-cache).",
        discussion: "It holds what the last build wrote, so the next one renders only the pages that changed. Never publish it."))
    var cache: String?

    @Flag(name: .customLong("no-cache"), help: "Render every page and keep no build cache (example: --no-cache).")
    var noCache = false

    @Flag(name: .long, help: "Render every page this once, and record the cache for the next build (example: --full).")
    var full = false

    func validate() throws {
        if noCache && cache != nil { throw ValidationError("--cache and --no-cache cannot be used together") }
        if let topics, topics < 1 { throw ValidationError("--topics must be at least 1 (example: --topics 12)") }
        if let baseURL, !baseURL.isEmpty, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            throw ValidationError("--base-url must start with http:// or https:// (example: --base-url https://me.github.io/digest/)")
        }
    }

    /// Build options with the output directory resolved: the flag, else site.yml's `output:`, each
    /// relative to the folder holding the content directory. A broken site.yml gives the default
    /// here: the build, check or server reports it with its line.
    func buildOptions() throws -> BuildOptions {
        let configured = (try? SiteConfig.load(path: (content as NSString).appendingPathComponent("site.yml")))?.output ?? SiteConfig().output
        let chosen = output ?? configured
        let resolved: String
        if chosen.hasPrefix("/") || output != nil {
            resolved = chosen
        } else {
            let parent = ((content as NSString).standardizingPath as NSString).deletingLastPathComponent
            resolved = parent.isEmpty || parent == "." ? chosen : (parent as NSString).appendingPathComponent(chosen)
        }
        var options = BuildOptions(contentDirectory: content, outputDirectory: resolved, templatesDirectory: templates)
        options.overrides = ConfigOverrides(title: title, baseURL: baseURL, topicCount: topics, feeds: feeds)
        options.keepsTopicMap = !noTopicMap
        let outputParent = ((resolved as NSString).standardizingPath as NSString).deletingLastPathComponent
        options.cacheDirectory = noCache ? nil : cache ?? (outputParent.isEmpty ? ".gazette-cache" : (outputParent as NSString).appendingPathComponent(".gazette-cache"))
        options.fullRebuild = full
        return options
    }
}
