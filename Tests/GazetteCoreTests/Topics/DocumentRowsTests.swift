import XCTest
@testable import GazetteCore

final class DocumentRowsTests: XCTestCase {
    func testRowsReadBackAsTheyWereGivenIncludingEmptyOnes() {
        let given: [[(term: Int, count: Double)]] = [[(0, 2), (3, 1.5)], [], [(7, 1)]]
        let rows = DocumentRows(given)
        XCTAssertEqual(rows.count, 3)
        for (row, expected) in zip(rows, given) {
            XCTAssertEqual(row.map(\.term), expected.map(\.term))
            XCTAssertEqual(row.map(\.count), expected.map(\.count))
        }
        XCTAssertEqual(rows.withRow(0) { terms, counts in zip(terms, counts).map { "\($0):\($1)" } }, ["0:2.0", "3:1.5"])
        XCTAssertTrue(rows.withRow(1) { terms, _ in terms.isEmpty })
    }

    func testJoiningPartsKeepsEachRowWholeInOrderOrWherePlaced() {
        func parts() -> [DocumentRows] { [[[(1, 1)]], [[], [(2, 2), (5, 3)]]] }
        var inOrder = parts()
        let rows = DocumentRows(joining: &inOrder, placing: nil)
        XCTAssertEqual(rows.map { $0.map(\.term) }, [[1], [], [2, 5]])
        XCTAssertEqual(rows[2].map(\.count), [2, 3])
        XCTAssertTrue(inOrder.allSatisfy(\.isEmpty), "parts are let go")
        var placed = parts()
        let moved = DocumentRows(joining: &placed, placing: [2, 0, 1])
        XCTAssertEqual(moved.map { $0.map(\.term) }, [[], [2, 5], [1]])
        XCTAssertEqual(moved[1].map(\.count), [2, 3])
    }

    func testWeightedCountsAreSummedPerRowAndSortedByTerm() {
        // Chunks of 512 documents: 1,100 documents span three chunks joined in order.
        let documents = (0..<1100).map { i in (title: "alpha w\(i % 9)", body: "beta beta w\(i % 9) gamma\(i % 3)") }
        let corpus = analyzeCorpus(documents)
        XCTAssertEqual(corpus.documents.count, 1100)
        for index in [0, 511, 512, 1099] {
            let row = corpus.documents[index]
            XCTAssertEqual(row.map(\.term), row.map(\.term).sorted())
            let counts = Dictionary(uniqueKeysWithValues: row.map { (corpus.terms[$0.term].key, $0.count) })
            XCTAssertEqual(counts["w\(index % 9)"], 3, "title word twice, abstract once")
        }
    }
}
