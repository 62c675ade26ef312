import FlyingFox
import FlyingSocks
import Foundation
import GazetteCore

/// What `gazette serve` is asked to do.
public struct ServeOptions: Sendable {
    public var build: BuildOptions
    /// The address to listen on; the default keeps the server private to this machine.
    public var host: String
    /// 0 asks the system for a free port.
    public var port: UInt16
    /// How often `content/` and `templates/` are checked for changes, in seconds. A check stats
    /// each file (about 2 ms for 200 dumps and a theme): ten a second keep the wait before a
    /// rebuild short for 2% of a core.
    public var pollInterval: Double

    public init(build: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 1313, pollInterval: Double = 0.1) {
        self.build = build
        self.host = host
        self.port = port
        self.pollInterval = pollInterval
    }
}

/// Why the server cannot start.
public enum ServeError: Error, CustomStringConvertible {
    case badAddress(String)

    public var description: String {
        switch self {
        case let .badAddress(host): return "serve: `\(host)` is not an IPv4 or IPv6 address (example: --host 127.0.0.1)"
        }
    }
}

/// Builds the site, serves the output directory over HTTP and rebuilds when `content/` or
/// `templates/` change. Open pages reload after each good build; a broken edit is shown in the
/// terminal and over the page while the last good build keeps being served.
public actor DevServer {
    private let options: ServeOptions
    private let log: @Sendable (String) -> Void
    private var server: HTTPServer?
    private var tasks: [Task<Void, Never>] = []
    /// Counts successful builds; pages reload when it changes.
    public private(set) var version = 0
    /// The error of the last build, nil when it succeeded.
    public private(set) var lastError: String?
    /// Whether the last good build rewrote the topic map.
    private var lastBuildWroteTopicMap = false

    public init(options: ServeOptions, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.log = log
    }

    /// Builds once, starts listening and watching, and returns the address pages are served from.
    public func start() async throws -> URL {
        await rebuild()
        let server = HTTPServer(config: .init(address: try socketAddress(), logger: .disabled),
                                handler: ClosureHTTPHandler { [weak self] request in
                                    guard let self else { return HTTPResponse(statusCode: .serviceUnavailable) }
                                    return await self.respond(to: request.target.path(percentEncoded: true))
                                })
        self.server = server
        tasks.append(Task { do { try await server.run() } catch { self.log("serve: the server stopped: \(error)") } })
        try await server.waitUntilListening()
        tasks.append(Task { await self.watch() })
        let port: UInt16
        switch await server.listeningAddress {
        case let .ip4(_, p)?, let .ip6(_, p)?: port = p
        default: port = options.port
        }
        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        return URL(string: "http://\(host):\(port)/")!
    }

    /// Stops watching and serving.
    public func stop() async {
        for task in tasks { task.cancel() }
        tasks = []
        await server?.stop(timeout: 1)
        server = nil
    }

    /// The response for a request path: the reload script and status, or a file of the site with
    /// the reload script injected into HTML.
    func respond(to path: String) -> HTTPResponse {
        if path == LiveReload.scriptPath {
            return response(200, "text/javascript; charset=utf-8", Array(LiveReload.script.utf8))
        }
        if path == LiveReload.statusPath {
            return response(200, "application/json; charset=utf-8", LiveReload.status(version: version, error: lastError))
        }
        let file = siteResponse(path: path, root: options.build.outputDirectory)
        if let location = file.location {
            return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: location, .cacheControl: "no-store"]), body: Data())
        }
        var body = file.body
        var status = file.status
        if file.contentType.hasPrefix("text/html") {
            if version == 0, status == 404, let lastError {
                // No build has succeeded and there is no older one to show: the error is the page.
                status = 500
                body = Array("<!doctype html><meta charset=\"utf-8\"><title>Build failed</title><body><h1>The site does not build</h1><pre>\(escapeHTML(lastError))</pre></body>".utf8)
            }
            body = LiveReload.inject(into: body)
        }
        return response(status, file.contentType, body)
    }

    private func response(_ status: Int, _ type: String, _ body: [UInt8]) -> HTTPResponse {
        HTTPResponse(statusCode: HTTPStatusCode(status, phrase: status == 200 ? "OK" : status == 404 ? "Not Found" : "Internal Server Error"),
                     headers: [.contentType: type, .cacheControl: "no-store"], body: Data(body))
    }

    /// Runs a build off the concurrency pool (it is CPU-bound and uses Dispatch itself) and records the outcome.
    func rebuild() async {
        let build = options.build
        let outcome: Result<BuildReport, Error> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: Result { try buildSite(build) }) }
        }
        switch outcome {
        case let .success(report):
            lastBuildWroteTopicMap = report.topicMapWritten
            version += 1
            lastError = nil
            for diagnostic in report.diagnostics { log(diagnostic.description) }
            log("gazette: built \(report.summary)")
        case let .failure(error):
            lastError = "\(error)"
            log("error: \(error)\ngazette: still serving the last good build")
        }
    }

    private func watch() async {
        let folders = [options.build.contentDirectory, options.build.templatesDirectory]
        var seen = SourceSnapshot(folders: folders)
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: UInt64(options.pollInterval * 1e9))
            let now = SourceSnapshot(folders: folders)
            guard now != seen else { continue }
            // Let an editor finish writing (several files, or write-then-rename) before building; a
            // change made after this still shows in the next snapshot and builds again.
            try? await Task.sleep(nanoseconds: 50_000_000)
            seen = SourceSnapshot(folders: folders)
            log("gazette: change seen, rebuilding")
            await rebuild()
            // The build records content/topics.map; that write is not an edit (a second rebuild would
            // reload every open page again for nothing). Edits to other files during the build still count.
            if lastBuildWroteTopicMap { seen.refresh(topicMapPath(contentDirectory: options.build.contentDirectory)) }
        }
    }

    private func socketAddress() throws -> any SocketAddress {
        if options.host == "localhost" { return try sockaddr_in.inet(ip4: "127.0.0.1", port: options.port) }
        if options.host.contains(":") {
            do { return try sockaddr_in6.inet6(ip6: options.host, port: options.port) } catch { throw ServeError.badAddress(options.host) }
        }
        do { return try sockaddr_in.inet(ip4: options.host, port: options.port) } catch { throw ServeError.badAddress(options.host) }
    }
}
