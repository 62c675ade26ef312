import ArgumentParser
import Foundation
import GazetteCore

struct TopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "Infer and print the topics of a content directory, without building the site.",
        discussion: """
        Prints each topic with its size and top terms, as the next build would make them: from the
        topic map (content/topics.map) when there is one. With --json, also writes the analysis
        (each paper's terms, each topic's top term keys, each paper's primary topic), which
        scripts/topic-quality.sh uses to compare Gazette with scikit-learn. --topics and --no-seeds
        fit from scratch, ignoring the map.
        --refit re-clusters from scratch, keeps the ids and URLs of topics that continue, prints what
        would change (topics born, retired and renamed, papers that move) and writes the new map;
        with --dry-run it only prints.
        Example: gazette topics content --topics 13 --json analysis.json
        Example: gazette topics content --refit --dry-run
        """
    )

    @Argument(help: "Content directory (example: content).")
    var content = "content"

    @Option(name: .long, help: "Write the analysis as JSON to this file (example: --json analysis.json).")
    var json: String?

    @Option(name: .long, help: "Number of topics, overriding `topics.count:` (example: --topics 13).")
    var topics: Int?

    @Flag(name: .customLong("no-seeds"), help: "Ignore the seed topics of site.yml, to see what the text alone gives (example: --no-seeds).")
    var noSeeds = false

    @Flag(name: .long, help: "Re-cluster from scratch, show what changes against the topic map, and write the new map (example: --refit).")
    var refit = false

    @Flag(name: .customLong("dry-run"), help: "With --refit: only show what would change; write nothing (example: --refit --dry-run).")
    var dryRun = false

    func validate() throws {
        if let topics, topics < 1 { throw ValidationError("--topics must be at least 1 (example: --topics 13)") }
        if dryRun && !refit { throw ValidationError("--dry-run goes with --refit (example: gazette topics --refit --dry-run)") }
    }

    func run() throws {
        do {
            var loaded = try loadContent(content)
            if let topics { loaded.config.topics.count = topics }
            if noSeeds { loaded.config.topics.seeds = [] }
            var papers = mergePapers(loaded.dumps)
            let mapPath = topicMapPath(contentDirectory: content)
            let map = try TopicMapFile.load(mapPath)
            assignSlugs(&papers, kept: map?.papers.mapValues(\.textHash) ?? [:])
            let model: TopicModel
            if refit {
                // Against an empty map every topic is born: a first map.
                let result = refitTopics(papers, map: map ?? TopicMap(), options: loaded.config.topics)
                model = result.model
                print(map == nil ? "no topic map yet at \(mapPath): the refit makes a new one with \(model.topics.count) topics" : result.changes.report())
                if dryRun {
                    print("dry run: \(mapPath) left as it is")
                } else {
                    try TopicMapFile.write(result.map, to: mapPath)
                    print("wrote \(mapPath); `gazette build` now uses it")
                }
            } else if let map, topics == nil, !noSeeds {
                model = continueTopics(papers, map: map, options: loaded.config.topics).model
            } else {
                model = inferTopics(papers, options: loaded.config.topics)
            }
            for warning in model.warnings { printError("warning: \(warning)") }
            for topic in model.topics {
                let terms = topic.terms.prefix(8).map(\.label).joined(separator: ", ")
                print("\(topic.name) — \(topic.primaryCount) papers (\(topic.size) with secondary): \(terms)")
            }
            if let json {
                let data = try topicAnalysisJSON(papers: papers, model: model)
                try Data(data).write(to: URL(fileURLWithPath: json))
            }
        } catch let error as ExitCode {
            throw error
        } catch {
            throw fail(error)
        }
    }
}
