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

    /// The rows of `parts` one after another, row j (counting through all parts) placed at
    /// `placing[j]` (in order when nil). Each part is emptied once copied, so the parts and the
    /// whole are not held twice over.
    init(joining parts: inout [DocumentRows], placing: [Int]?) {
        let rowCount = parts.reduce(0) { $0 + $1.count }
        var lengths = [Int](repeating: 0, count: rowCount)
        var j = 0
        for part in parts {
            for row in part.indices {
                lengths[placing?[j] ?? j] = part.range(row).count
                j += 1
            }
        }
        var total = 0
        ends = lengths.map { total += $0; return total }
        terms = [Int32](repeating: 0, count: total)
        counts = [Float](repeating: 0, count: total)
        j = 0
        for p in parts.indices {
            let part = parts[p]
            parts[p] = DocumentRows()
            for row in part.indices {
                let target = placing?[j] ?? j
                let source = part.range(row), start = ends[target] - lengths[target]
                terms[start..<ends[target]] = part.terms[source]
                counts[start..<ends[target]] = part.counts[source]
                j += 1
            }
        }
    }

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

}
