import Foundation

/// Why a fetch failed; each case names the URL or file and says what to do next.
public enum FetchError: Error, Equatable, CustomStringConvertible {
    case transport(url: String, reason: String)
    case httpStatus(url: String, status: Int, body: String)
    case gaveUp(url: String, status: Int, attempts: Int)
    case waitTooLong(url: String, seconds: Double, limit: Double)
    case malformedJSON(url: String, reason: String)
    case unexpectedShape(url: String, reason: String)
    case malformedXML(url: String, line: Int, reason: String)
    case apiError(url: String, message: String)
    case tooManyPages(url: String, pages: Int)
    case badDate(String)
    case dateInFuture(String, today: String)
    case emptyRange(from: String, to: String)
    case badQuery(String)
    case badEndpoint(String, from: String)
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .transport(url, reason):
            return "fetch: \(url): \(reason); check the network (or the base URL) and run again"
        case let .httpStatus(url, status, body):
            let detail = body.isEmpty ? "" : ": \(body)"
            return "fetch: \(url): HTTP \(status)\(detail); check the options (a date not later than today, a valid query)"
        case let .gaveUp(url, status, attempts):
            return "fetch: \(url): still HTTP \(status) after \(attempts) attempts; the service is busy or down, run again later"
        case let .waitTooLong(url, seconds, limit):
            return "fetch: \(url): the server asked to wait \(Int(seconds)) s before retrying, more than the \(Int(limit)) s Gazette waits; run again later"
        case let .malformedJSON(url, reason):
            return "fetch: \(url): the answer is not valid JSON (\(reason)); nothing was written, run again or report the answer"
        case let .unexpectedShape(url, reason):
            return "fetch: \(url): the answer is not a Daily Papers list: \(reason); check the base URL"
        case let .malformedXML(url, line, reason):
            return "fetch: \(url): line \(line): the answer is not valid XML (\(reason)); nothing was written, run again"
        case let .apiError(url, message):
            return "fetch: \(url): the API refused the request: \(message); check the query"
        case let .tooManyPages(url, pages):
            return "fetch: \(url): still full pages after \(pages) pages; the server seems to ignore paging, check the base URL"
        case let .badDate(text):
            return "fetch: `\(text)` is not a date; write it as YYYY-MM-DD (example: --date 2025-08-07)"
        case let .dateInFuture(text, today):
            return "fetch: \(text) is later than today (\(today), UTC); the API has no listing for it yet"
        case let .emptyRange(from, to):
            return "fetch: no complete day from \(from) to \(to) (UTC); name a day with --date to fetch today's listing so far"
        case let .badQuery(reason):
            return "fetch: \(reason)"
        case let .badEndpoint(text, from):
            return "fetch: `\(text)` (from \(from)) is not an http:// or https:// URL (example: --base-url http://127.0.0.1:8080/api/daily_papers)"
        case let .writeFailed(path, reason):
            return "fetch: \(path): cannot write the dump: \(reason); check that the folder exists and is writable"
        }
    }
}
