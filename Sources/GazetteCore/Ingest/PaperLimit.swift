/// How many distinct papers one site may hold: room for every day of Hugging Face papers for years,
/// or all of arXiv's ML listings (the scaling benchmark builds 100,000). Far more is a mistake, or
/// an attack, that would take gigabytes to render, so it stops the build early with an error.
public let maximumPapers = 250_000

/// Counts distinct papers (by normalised title) as dumps are read, and throws at the first entry
/// beyond `limit`, naming its file and line.
struct PaperLimit {
    let limit: Int
    private var seen: Set<String> = []

    init(limit: Int = maximumPapers) { self.limit = limit }

    mutating func count(_ dump: Dump) throws {
        seen.reserveCapacity(min(limit + 1, seen.count + dump.entries.count))
        for entry in dump.entries {
            seen.insert(normalizedTitleKey(entry.title))
            if seen.count > limit {
                throw IngestError.tooManyPapers(file: dump.path, line: entry.line, limit: limit)
            }
        }
    }
}
