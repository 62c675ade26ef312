import FlyingFox
import FlyingSocks
import Foundation

/// A local HTTP server on a free port that answers requests with recorded answers, in order, and
/// keeps what each request carried, so fetch tests never reach the internet.
actor ReplayServer {
    /// One recorded answer.
    struct Answer: Sendable {
        var status: Int
        var headers: [String: String]
        var body: Data
        /// When set, only this many bytes of `body` are sent before the connection is dropped, while
        /// Content-Length announces the whole body: a transfer cut off mid-way.
        var cutAfter: Int?

        init(status: Int = 200, headers: [String: String] = [:], body: Data = Data(), cutAfter: Int? = nil) {
            self.status = status
            self.headers = headers
            self.body = body
            self.cutAfter = cutAfter
        }

        /// A 200 with the bytes of `Tests/Fixtures/API/<fixture>`.
        static func fixture(_ name: String, cutAfter: Int? = nil) throws -> Answer {
            Answer(body: try Data(contentsOf: Fixtures.directory.appendingPathComponent("API").appendingPathComponent(name)), cutAfter: cutAfter)
        }
    }

    /// What a request carried.
    struct Request: Sendable {
        var path: String
        var query: [String: String]
        var userAgent: String?
        var accept: String?
    }

    private var answers: [Answer]
    private(set) var requests: [Request] = []
    private var server: HTTPServer?
    private var task: Task<Void, Never>?

    init(_ answers: [Answer]) {
        self.answers = answers
    }

    /// Starts listening on 127.0.0.1 and a port the system picks; returns `http://127.0.0.1:PORT<path>`.
    func start(path: String) async throws -> URL {
        let server = HTTPServer(config: .init(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: 0), logger: .disabled),
                                handler: ClosureHTTPHandler { [weak self] request in
                                    guard let self else { return HTTPResponse(statusCode: .serviceUnavailable) }
                                    return await self.respond(to: request)
                                })
        self.server = server
        task = Task { try? await server.run() }
        try await server.waitUntilListening()
        guard case let .ip4(_, port)? = await server.listeningAddress else { throw URLError(.cannotConnectToHost) }
        return URL(string: "http://127.0.0.1:\(port)\(path)")!
    }

    func stop() async {
        // No grace period: the client's idle keep-alive connection would hold it open to the end.
        // Stopping ends `run()`; waiting for it, rather than cancelling its task, keeps the server's
        // own cancellation handlers from racing a cancel from outside.
        await server?.stop(timeout: 0)
        await task?.value
    }

    private func respond(to request: HTTPRequest) -> HTTPResponse {
        requests.append(Request(path: request.path,
                                query: Dictionary(request.query.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first }),
                                userAgent: request.headers[HTTPHeader("User-Agent")],
                                accept: request.headers[HTTPHeader("Accept")]))
        guard !answers.isEmpty else {
            return HTTPResponse(statusCode: .notFound, body: Data("the test recorded no more answers".utf8))
        }
        let answer = answers.removeFirst()
        var headers = HTTPHeaders()
        for (name, value) in answer.headers { headers[HTTPHeader(name)] = value }
        let status = HTTPStatusCode(answer.status, phrase: "Replayed")
        guard let cut = answer.cutAfter else { return HTTPResponse(statusCode: status, headers: headers, body: answer.body) }
        headers[.contentLength] = String(answer.body.count)
        let bytes = CutOffBytes(bytes: [UInt8](answer.body.prefix(cut)))
        return HTTPResponse(statusCode: status, headers: headers, body: HTTPBodySequence(from: bytes, count: answer.body.count))
    }
}

/// Bytes that end in an error instead of normally: the server then closes the connection short of
/// the Content-Length it announced.
private struct CutOffBytes: AsyncBufferedSequence, AsyncBufferedIteratorProtocol {
    typealias Element = UInt8
    var bytes: [UInt8]
    var sent = false

    struct Dropped: Error {}

    func makeAsyncIterator() -> CutOffBytes { self }

    mutating func next() async throws -> UInt8? {
        try await nextBuffer(suggested: 1)?.first
    }

    mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
        guard !sent else { throw Dropped() }
        sent = true
        return bytes
    }
}
