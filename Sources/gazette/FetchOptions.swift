import ArgumentParser
import Foundation
import GazetteCore

/// The options every `gazette fetch` source shares: where dumps go, overwriting, and where requests go.
struct FetchOptions: ParsableArguments {
    @Option(name: .long, help: "Content directory; dumps are written to its dumps/ folder (example: --content content).")
    var content = "content"

    @Flag(name: .long, help: "Fetch and overwrite dumps that are already there (example: --force).")
    var force = false

    @Option(name: .customLong("base-url"), help: "API endpoint to ask instead of the public one, for mirrors and tests (example: --base-url http://127.0.0.1:8080/api/daily_papers).")
    var baseURL: String?

    @Option(name: .long, help: "Seconds to wait for an answer before giving up on a request (example: --timeout 30).")
    var timeout: Double = 30

    func validate() throws {
        if timeout <= 0 { throw ValidationError("--timeout must be more than 0 seconds (example: --timeout 30)") }
    }

    /// The folder the dumps are written to.
    var dumpsDirectory: String { (content as NSString).appendingPathComponent("dumps") }

    /// The endpoint: --base-url, else `variable` from the environment, else `fallback`.
    func endpoint(variable: String, fallback: URL) throws -> URL {
        try apiEndpoint(option: baseURL, environment: ProcessInfo.processInfo.environment, variable: variable, fallback: fallback)
    }

    func client(retry: RetryPolicy = RetryPolicy()) -> FetchClient {
        FetchClient(timeout: timeout, retry: retry)
    }
}
