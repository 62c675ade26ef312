import ArgumentParser
import Foundation
import GazetteCore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from a content directory into an output directory.",
        discussion: """
        Reads content/site.yml, content/dumps/ (text, Daily Papers JSON, arXiv Atom) and content/pages/*.md, infers topics, and writes
        the site to the output directory atomically: a failed build leaves the previous one untouched.
        On a terminal each stage prints a line with its counts; in CI (CI=true, or stderr not a
        terminal) only warnings and the summary line are printed.
        Example: gazette build --content content --output public --base-url https://me.github.io/digest/
        """
    )

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Print the time of each stage after the summary (example: --timings).")
    var timings = false

    @Flag(name: .long, help: "Print only errors: no progress, no warnings, no summary (example: --quiet).")
    var quiet = false

    @Flag(name: .long, help: "Print every stage with its counts and time, even in CI (example: --verbose).")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    func run() throws {
        let verbosity = BuildVerbosity.choose(quiet: quiet, verbose: verbose, stderrIsTerminal: isatty(STDERR_FILENO) != 0,
                                              environment: ProcessInfo.processInfo.environment)
        var options: BuildOptions
        do { options = try site.buildOptions() } catch { throw fail(error) }
        options.progress = { progress in
            if let line = verbosity.line(for: progress) { printError(line) }
        }
        let report: BuildReport
        do { report = try buildSite(options) } catch { throw fail(error) }
        if verbosity.showsSummary {
            for diagnostic in report.diagnostics { printError(diagnostic.description) }
            // Topics born or retired change the site's addresses: say so, with the map to commit.
            if let changes = report.topicChanges, !(changes.born.isEmpty && changes.retired.isEmpty) {
                for line in changes.report(limit: 0).split(separator: "\n") where line.hasPrefix("born") || line.hasPrefix("retired") {
                    printError("gazette: topic \(line)")
                }
                printError("gazette: \(topicMapPath(contentDirectory: options.contentDirectory)) records these; commit it with your dumps")
            }
            print("gazette: built \(report.summary) → \(options.outputDirectory)")
        }
        if timings {
            for (stage, seconds) in report.timings { print(String(format: "  %-10@ %8.3f s", stage as NSString, seconds)) }
        }
    }
}
