/// Why a dump could not be read at all; each case names the file and, where it helps, the line.
public enum IngestError: Error, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case notADump(file: String, line: Int, reason: String)
    case invalidPage(file: String, line: Int, reason: String)
    case tooManyPapers(file: String, line: Int, limit: Int)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "ingest: \(file): cannot read the dump: \(reason)"
        case let .notADump(file, line, reason):
            return "ingest: \(file):\(line): not a paper dump: \(reason)"
        case let .invalidPage(file, line, reason):
            return "ingest: \(file):\(line): invalid page: \(reason)"
        case let .tooManyPapers(file, line, limit):
            return "ingest: \(file):\(line): more than \(limit) distinct papers in the content; build the dumps as several smaller sites"
        }
    }
}
