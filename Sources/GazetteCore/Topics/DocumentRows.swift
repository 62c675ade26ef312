/// Every document's (term id, weighted count) row, back to back in flat arrays: at 100k papers
/// the rows hold millions of entries, and an array per document of 16-byte tuples cost several
/// times the memory. A row reads as `[(term: Int, count: Double)]`, sorted by term id.
public struct DocumentRows: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable {
    /// Row d is `terms[ends[d - 1]..<ends[d]]` (from 0 for the first row).
    private(set) var ends: [Int] = []
    private(set) var terms: [Int32] = []
    /// Counts are sums of the title weight and ones, exact in a Float.
    private(set) var counts: [Float] = []

    /// No rows.
    public init() {}

    /// Rows from per-document lists.
    public init(_ rows: [[(term: Int, count: Double)]]) {
        for row in rows { append(row.lazy.map { (Int32($0.term), Float($0.count)) }) }
    }

    /// No rows yet, with room for `entries` entries in `rows` rows.
    init(reservingEntries entries: Int, rows: Int) {
        terms.reserveCapacity(entries)
        counts.reserveCapacity(entries)
        ends.reserveCapacity(rows)
    }

    /// How many (term, count) entries all rows hold together.
    var entryCount: Int { terms.count }

    public init(arrayLiteral rows: [(term: Int, count: Double)]...) { self.init(rows) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    public subscript(document: Int) -> [(term: Int, count: Double)] {
        range(document).map { (Int(terms[$0]), Double(counts[$0])) }
    }

    /// Where row `document` sits in `terms` and `counts`.
    func range(_ document: Int) -> Range<Int> { (document == 0 ? 0 : ends[document - 1])..<ends[document] }

    /// Calls `body` with the term ids and counts of row `document`, without building an array.
    func withRow<R>(_ document: Int, _ body: (ArraySlice<Int32>, ArraySlice<Float>) throws -> R) rethrows -> R {
        let range = range(document)
        return try body(terms[range], counts[range])
    }

    /// Appends a row (entries already sorted by term).
    mutating func append<S: Sequence>(_ row: S) where S.Element == (Int32, Float) {
        for (term, count) in row {
            terms.append(term)
            counts.append(count)
        }
        ends.append(terms.count)
    }

    /// Appends all of `other`'s rows.
    mutating func append(contentsOf other: DocumentRows) {
        let base = terms.count
        terms += other.terms
        counts += other.counts
        ends += other.ends.map { $0 + base }
    }
}
