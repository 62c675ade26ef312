/// Why a dump could not be read at all; each case names the file and, where it helps, the line.
public enum IngestError: Error, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case notADump(file: String, line: Int, reason: String)
    case invalidPage(file: String, line: Int, reason: String)
    case tooManyPapers(file: String, line: Int, limit: Int)
    /// A structured dump (JSON, Atom) with a value of the wrong shape at `path`.
    case badRecord(file: String, line: Int, path: String, reason: String)
    /// Two dump files that would be the same issue (`a.txt` and `a.json`).
    case duplicateDumpName(file: String, other: String, name: String)

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
        case let .badRecord(file, line, path, reason):
            return "ingest: \(file):\(line): at `\(path)`: \(reason); fix or remove that value"
        case let .duplicateDumpName(file, other, name):
            return "ingest: \(file): same issue name `\(name)` as \(other); rename one of the two files"
        }
    }
}
