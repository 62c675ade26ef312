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
        Example: gazette topics content --json analysis.json
        """
    )

    @Argument(help: "Content directory (example: content).")
    var content = "content"

    @Option(name: .long, help: "Write the analysis as JSON to this file (example: --json analysis.json).")
    var json: String?

    func run() throws {
        do {
            let loaded = try loadContent(content)
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
