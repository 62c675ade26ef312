import ArgumentParser
import Foundation
import GazetteCore

struct TopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "Infer and print the topics of a content directory, without building the site.",
        discussion: """
        Prints each topic with its size and top terms. With --json, also writes the analysis
        (each paper's terms, each topic's top term keys, each paper's primary topic), which
        scripts/topic-quality.sh uses to compare Gazette with scikit-learn.
        Example: gazette topics content --topics 13 --json analysis.json
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

    func validate() throws {
        if let topics, topics < 1 { throw ValidationError("--topics must be at least 1 (example: --topics 13)") }
    }

    func run() throws {
        do {
            var loaded = try loadContent(content)
            if let topics { loaded.config.topics.count = topics }
            if noSeeds { loaded.config.topics.seeds = [] }
            var papers = mergePapers(loaded.dumps)
            assignSlugs(&papers)
            let model = inferTopics(papers, options: loaded.config.topics)
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
