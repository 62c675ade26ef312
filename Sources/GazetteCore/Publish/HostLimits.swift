import Foundation

/// A static host whose limits Gazette knows, named in `site.yml` as `host:`.
public enum StaticHost: String, CaseIterable, Sendable {
    case githubPages = "github-pages"
    case gitlabPages = "gitlab-pages"
    case cloudflarePages = "cloudflare-pages"
    case cloudflarePagesPaid = "cloudflare-pages-paid"

    /// How readers and the host's documentation name it.
    public var displayName: String {
        switch self {
        case .githubPages: return "GitHub Pages"
        case .gitlabPages: return "GitLab Pages"
        case .cloudflarePages: return "Cloudflare Pages (free plan)"
        case .cloudflarePagesPaid: return "Cloudflare Pages (paid plans)"
        }
    }

    /// The published limits (as documented by each host in 2025).
    public var limits: HostLimits {
        switch self {
        case .githubPages: return HostLimits(siteBytes: HostLimits.gigabyte)
        case .gitlabPages: return HostLimits(siteBytes: HostLimits.gigabyte, files: 200_000)
        case .cloudflarePages: return HostLimits(files: 20_000, fileBytes: 25 * 1024 * 1024)
        case .cloudflarePagesPaid: return HostLimits(files: 100_000, fileBytes: 25 * 1024 * 1024)
        }
    }
}

/// What a host accepts; nil where it sets no limit.
public struct HostLimits: Equatable, Sendable {
    /// GitHub and GitLab state their limit as "1 GB"; counting it in decimal units errs on the safe side.
    public static let gigabyte = 1_000_000_000

    public var siteBytes: Int?
    public var files: Int?
    public var fileBytes: Int?

    public init(siteBytes: Int? = nil, files: Int? = nil, fileBytes: Int? = nil) {
        self.siteBytes = siteBytes
        self.files = files
        self.fileBytes = fileBytes
    }
}

/// The size of a built site, as the limits see it.
public struct OutputSize: Equatable, Sendable {
    public var files: Int
    public var bytes: Int
    /// Papers in the site: each has a page, so they set the least number of files.
    public var papers: Int
    /// The largest files (path from the site root, bytes), largest first; only those that could
    /// break a per-file limit need to be here.
    public var largestFiles: [(path: String, bytes: Int)]

    public init(files: Int, bytes: Int, papers: Int, largestFiles: [(path: String, bytes: Int)] = []) {
        self.files = files
        self.bytes = bytes
        self.papers = papers
        self.largestFiles = largestFiles
    }

    public static func == (a: OutputSize, b: OutputSize) -> Bool {
        a.files == b.files && a.bytes == b.bytes && a.papers == b.papers
            && a.largestFiles.map(\.path) == b.largestFiles.map(\.path) && a.largestFiles.map(\.bytes) == b.largestFiles.map(\.bytes)
    }
}

/// One limit a site exceeds: which, on which hosts, and what would bring the site under it.
public struct HostLimitProblem: Equatable, Sendable, CustomStringConvertible {
    public enum Limit: Equatable, Sendable {
        case siteBytes(limit: Int, actual: Int)
        case files(limit: Int, actual: Int)
        case fileBytes(limit: Int, path: String, actual: Int)
    }

    public var limit: Limit
    /// The hosts that set this limit, in `StaticHost.allCases` order.
    public var hosts: [StaticHost]
    /// The settings (or other steps) that would bring the site under the limit.
    public var remedy: String

    public var description: String {
        let names = hosts.map(\.displayName).joined(separator: " and ")
        switch limit {
        case let .siteBytes(limit, actual):
            return "the site is \(megabytes(actual)), over the \(megabytes(limit)) that \(names) accept\(hosts.count == 1 ? "s" : ""); \(remedy)"
        case let .files(limit, actual):
            return "the site has \(actual) files, over the \(limit) that \(names) accept\(hosts.count == 1 ? "s" : ""); \(remedy)"
        case let .fileBytes(limit, path, actual):
            return "\(path) is \(megabytes(actual)), over the \(limit / (1024 * 1024)) MiB a file that \(names) accept\(hosts.count == 1 ? "s" : ""); \(remedy)"
        }
    }
}

/// `1,234.5 MB`, decimal like the hosts' own figures.
private func megabytes(_ bytes: Int) -> String {
    bytes >= HostLimits.gigabyte && bytes % HostLimits.gigabyte == 0 ? "\(bytes / HostLimits.gigabyte) GB" : String(format: "%.1f MB", Double(bytes) / 1e6)
}

/// The limits `size` exceeds on `host`, or on every known host when it is nil (a site that names
/// no host may go to any of them). Hosts sharing a limit share one problem. Pure: the caller
/// decides whether a problem is a warning (`gazette build`) or an error (`gazette check` with `host:`).
public func hostLimitProblems(_ size: OutputSize, host: StaticHost?, config: SiteConfig) -> [HostLimitProblem] {
    let hosts = host.map { [$0] } ?? StaticHost.allCases
    var problems: [HostLimitProblem] = []
    /// Adds `limit` for `host`, or adds `host` to the problem that already names the same limit.
    func add(_ limit: HostLimitProblem.Limit, _ host: StaticHost, _ remedy: @autoclosure () -> String) {
        if let i = problems.firstIndex(where: { $0.limit == limit }) { problems[i].hosts.append(host); return }
        problems.append(HostLimitProblem(limit: limit, hosts: [host], remedy: remedy()))
    }
    for host in hosts {
        let limits = host.limits
        if let limit = limits.siteBytes, size.bytes > limit {
            add(.siteBytes(limit: limit, actual: size.bytes), host, bytesRemedy(size, limit: limit, config: config))
        }
        if let limit = limits.files, size.files > limit {
            add(.files(limit: limit, actual: size.files), host, filesRemedy(size, limit: limit, host: host, config: config))
        }
        if let limit = limits.fileBytes {
            for file in size.largestFiles where file.bytes > limit {
                add(.fileBytes(limit: limit, path: file.path, actual: file.bytes), host, fileRemedy(file.path, config: config))
            }
        }
    }
    return problems
}

/// The most papers that fit in `budget` at `perPaper` each, rounded down to a round figure.
private func papersThatFit(_ budget: Int, perPaper: Double) -> Int {
    guard perPaper > 0, budget > 0 else { return 0 }
    let papers = Int(Double(budget) / perPaper)
    let step = papers >= 10_000 ? 1_000 : papers >= 1_000 ? 100 : 1
    return papers / step * step
}

private func bytesRemedy(_ size: OutputSize, limit: Int, config: SiteConfig) -> String {
    var steps: [String] = []
    if config.exports { steps.append("`exports: false` leaves out papers.json and topics.json") }
    if config.topics.relatedCount > 2 { steps.append("`topics.related: 2` (now \(config.topics.relatedCount)) makes every paper page smaller") }
    if config.feeds { steps.append("`feeds: false` leaves out the Atom feeds") }
    let perPaper = Double(size.bytes) / Double(max(1, size.papers))
    return remedy(steps, "at about \(Int(perPaper / 1000)) KB a paper, a site holds about \(papersThatFit(limit, perPaper: perPaper)) papers: "
                  + "publish older dumps as a separate digest (another content folder) or use a host without a size limit")
}

private func filesRemedy(_ size: OutputSize, limit: Int, host: StaticHost, config: SiteConfig) -> String {
    // Every paper has a page: beyond the limit less the other files, no setting helps.
    let otherFiles = max(0, size.files - size.papers)
    var steps: [String] = []
    if size.papers < limit {
        steps.append("a larger `paginate` (now \(config.paginate)) writes fewer list pages")
        if config.feeds { steps.append("`feeds: false` leaves out a feed per topic") }
    }
    let fit = max(0, limit - otherFiles)
    return remedy(steps, "each paper has a page, so this host takes at most about \(papersThatFit(fit, perPaper: 1)) papers: publish older dumps as a separate digest"
                  + (host == .cloudflarePages ? " or use a paid plan (100,000 files)" : ""))
}

/// `try a; b; then the last resort`, or the last resort alone when no setting is left to try.
private func remedy(_ settings: [String], _ lastResort: String) -> String {
    settings.isEmpty ? lastResort : "try " + settings.joined(separator: "; ") + "; " + lastResort
}

private func fileRemedy(_ path: String, config: SiteConfig) -> String {
    if path == "papers.json" || path == "topics.json" { return "`exports: false` leaves out papers.json and topics.json" }
    return "no setting splits this file: publish older dumps as a separate digest"
}

/// `problems` as warnings on the content's `site.yml`, where the settings that fix them live.
public func hostLimitDiagnostics(_ problems: [HostLimitProblem], contentDirectory: String, severity: Diagnostic.Severity = .warning) -> [Diagnostic] {
    let file = (contentDirectory as NSString).appendingPathComponent("site.yml")
    return problems.map { Diagnostic(severity, file: file, line: 0, "host limit: \($0)") }
}
