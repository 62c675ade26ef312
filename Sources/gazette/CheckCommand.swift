import ArgumentParser
import Foundation
import GazetteCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the content and theme without writing anything; exit non-zero on errors.",
        discussion: """
        Reads site.yml, every dump, every page and the templates, and prints every problem as
        file:line: severity: message (the same warnings and errors as build, but every broken file,
        not just the first). When each file is fine, the site is rendered in memory to catch template
        and page problems. Nothing is written. It also fails on a block that does not look like a
        paper and on a paper without an abstract. For CI and pre-commit hooks.
        Example: gazette check --content content --strict
        """
    )

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Treat warnings as errors (example: --strict).")
    var strict = false

    func run() throws {
        let options: BuildOptions
        do { options = try site.buildOptions() } catch { throw fail(error) }
        let report = checkSite(options)
        for warning in report.warnings { printError(warning.description) }
        for error in report.errors { printError("error: \(error)") }
        let failed = !report.passed || (strict && !report.warnings.isEmpty)
        let failing = report.warnings.filter(\.failsCheck).count
        let counts = "\(report.errors.count) error\(report.errors.count == 1 ? "" : "s"), \(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s")"
            + (failing > 0 ? " (\(failing) of blocks that are not papers or papers without an abstract)" : "")
        if let build = report.build {
            print("gazette: check \(failed ? "failed" : "passed"): \(counts); \(build.papers) papers, \(build.topics) topics, \(build.pages) pages")
        } else {
            print("gazette: check failed: \(counts)")
        }
        if failed { throw ExitCode.failure }
    }
}
