import ArgumentParser
import Foundation
import GazetteCore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from a content directory into an output directory.",
        discussion: """
        Reads content/site.yml, content/dumps/*.txt and content/pages/*.md, infers topics, and writes
        the site to public/ atomically: a failed build leaves the previous public/ untouched.
        Example: gazette build --content content --output public --timings
        """
    )

    @Option(name: .long, help: "Content directory with site.yml, dumps/ and pages/ (example: --content content).")
    var content = "content"

    @Option(name: .long, help: "Output directory, replaced as a whole on success (example: --output public).")
    var output = "public"

    @Option(name: .long, help: "Theme directory with the Mustache templates and assets/ (example: --templates templates).")
    var templates = "templates"

    @Flag(name: .long, help: "Print the time of each stage (templates, parse, merge, topics, render, write).")
    var timings = false

    @Flag(name: .long, help: "Print only errors: no warnings, no summary.")
    var quiet = false

    func run() throws {
        let options = BuildOptions(contentDirectory: content, outputDirectory: output, templatesDirectory: templates)
        let report: BuildReport
        do { report = try buildSite(options) } catch { throw fail(error) }
        if !quiet {
            for diagnostic in report.diagnostics { printError(diagnostic.description) }
            print("gazette: built \(report.summary) → \(output)")
        }
        if timings {
            for (stage, seconds) in report.timings { print(String(format: "  %-10@ %8.3f s", stage as NSString, seconds)) }
        }
    }
}
