/// How many distinct papers one site may hold. A year of daily listings is about 10,000; far more
/// is a mistake (or an attack) that would take gigabytes to render, so it stops the build early
/// with an error instead.
public let maximumPapers = 20_000

/// Counts distinct papers (by normalised title) as dumps are read, and throws at the first entry
/// beyond `limit`, naming its file and line.
struct PaperLimit {
    let limit: Int
    private var seen: Set<String> = []

    init(limit: Int = maximumPapers) { self.limit = limit }

    mutating func count(_ dump: Dump) throws {
        for entry in dump.entries {
            seen.insert(normalizedTitleKey(entry.title))
            if seen.count > limit {
                throw IngestError.tooManyPapers(file: dump.path, line: entry.line, limit: limit)
            }
        }
    }
}
