import ArgumentParser
import Foundation
import GazetteCore
import GazetteServe

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it locally, and rebuild and reload pages as you edit.",
        discussion: """
        Builds into the output directory, serves it on http://127.0.0.1:1313/ and watches content/ and
        templates/. After each change the site is rebuilt and open pages reload. A broken edit is
        printed here and shown over the page while the last good build stays served. The reload
        script is added to pages as they are served, never to the files in the output directory.
        Stop with Ctrl-C.
        Example: gazette serve --port 8080
        """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Address to listen on; 0.0.0.0 shares the site on your network (example: --host 127.0.0.1).")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on; 0 picks a free one (example: --port 8080).")
    var port: UInt16 = 1313

    func run() async throws {
        let options: BuildOptions
        do { options = try site.buildOptions() } catch { throw fail(error) }
        let server = DevServer(options: ServeOptions(build: options, host: host, port: port), log: { printError($0) })
        let url: URL
        do { url = try await server.start() } catch { throw fail(error) }
        print("gazette: serving \(options.outputDirectory) on \(url.absoluteString) (Ctrl-C to stop)")
        fflush(stdout)
        while !Task.isCancelled { try await Task.sleep(nanoseconds: 3_600_000_000_000) }
    }
}
