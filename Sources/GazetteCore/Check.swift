import Foundation

/// What `gazette check` found: warnings that a build would print and every error that would stop it.
public struct CheckReport: Sendable {
    public var warnings: [Diagnostic]
    /// One line per error, each naming its file and line.
    public var errors: [String]
    /// The summary of the build that was rendered in memory, when nothing stopped it.
    public var build: BuildReport?

    /// No errors, and no warning of a block that is not a paper or a paper without its abstract.
    public var passed: Bool { errors.isEmpty && !warnings.contains(where: \.failsCheck) }
}

/// Checks a content directory and theme the way `buildSite` would, but reports every broken file
/// instead of stopping at the first, and writes nothing. When each file is fine on its own, the whole
/// site is rendered in memory, so template and topic problems show up too.
public func checkSite(_ options: BuildOptions) -> CheckReport {
    var report = CheckReport(warnings: [], errors: [], build: nil)
    let fm = FileManager.default
    let directory = options.contentDirectory
    var isDirectory: ObjCBool = false
    guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
        report.errors.append("\(IngestError.unreadable(file: directory, reason: "no content directory here"))")
        return report
    }
    func note(_ work: () throws -> Void) {
        do { try work() } catch { report.errors.append("\(error)") }
    }
    var config: SiteConfig?
    note { config = try SiteConfig.load(path: (directory as NSString).appendingPathComponent("site.yml")) }
    let rules = config?.formats ?? []
    note { _ = try TemplateSet(directory: options.templatesDirectory) }
    let dumpsDirectory = (directory as NSString).appendingPathComponent("dumps")
    let files = dumpFiles(in: dumpsDirectory)
    note { if let clash = duplicateDumpNames(files, directory: dumpsDirectory) { throw clash } }
    for file in files {
        note { _ = try readDump(path: (dumpsDirectory as NSString).appendingPathComponent(file), rules: rules) }
    }
    let pagesDirectory = (directory as NSString).appendingPathComponent("pages")
    for file in listed(pagesDirectory, suffix: ".md") {
        let path = (pagesDirectory as NSString).appendingPathComponent(file)
        note {
            guard let data = fm.contents(atPath: path) else {
                throw IngestError.unreadable(file: path, reason: "permission denied or not a regular file")
            }
            _ = try parseContentPage(String(decoding: data, as: UTF8.self), path: path)
        }
    }
    if options.keepsTopicMap { note { _ = try TopicMapFile.load(topicMapPath(contentDirectory: directory)) } }
    guard report.errors.isEmpty else { return report }
    // Every file parses on its own: the full pipeline, in memory, finds what is left (taken slugs,
    // template errors at render time) and gives the same warnings as a build.
    var inMemory = options
    inMemory.writesOutput = false
    inMemory.progress = nil
    do {
        let build = try buildSite(inMemory)
        report.build = build
        let findings = checkFindings(build, host: config.map { options.overrides.applied(to: $0) }?.host, contentDirectory: directory)
        report.warnings = findings.warnings
        report.errors += findings.errors
    } catch {
        report.errors.append("\(error)")
    }
    return report
}

/// A build's warnings as `gazette check` reports them: a site that names its host must fit it (over
/// its limits, publishing would fail), so with `host` set the host-limit warnings become errors.
func checkFindings(_ build: BuildReport, host: StaticHost?, contentDirectory: String) -> (warnings: [Diagnostic], errors: [String]) {
    guard let host, !build.hostLimitProblems.isEmpty else { return (build.diagnostics, []) }
    let named = hostLimitDiagnostics(build.hostLimitProblems, contentDirectory: contentDirectory)
    let errors = hostLimitDiagnostics(build.hostLimitProblems, contentDirectory: contentDirectory, severity: .error)
        .map { "\($0.file): \($0.message) (`host: \(host.rawValue)` in site.yml)" }
    return (build.diagnostics.filter { !named.contains($0) }, errors)
}

private func listed(_ directory: String, suffix: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(suffix) && !$0.hasPrefix(".") }.sorted()
}
