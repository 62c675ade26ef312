import XCTest
@testable import GazetteCore

final class WordTableTests: XCTestCase {
    func intern(_ word: String, into table: inout WordTable) -> (id: Int, inserted: Bool) {
        var word = word
        return word.withUTF8 { table.intern($0) }
    }

    func testGivesDenseIdsInFirstSeenOrderAndFindsRepeats() {
        var table = WordTable()
        XCTAssertEqual(intern("model", into: &table).id, 0)
        XCTAssertEqual(intern("models", into: &table).id, 1)
        let again = intern("model", into: &table)
        XCTAssertEqual(again.id, 0)
        XCTAssertFalse(again.inserted)
        XCTAssertEqual(table.count, 2)
        XCTAssertEqual(table.string(1), "models")
    }

    func testKeepsEveryWordAcrossGrowth() {
        var table = WordTable(capacity: 4)
        let words = (0..<5000).map { "w\($0)x" }
        for (index, word) in words.enumerated() { XCTAssertEqual(intern(word, into: &table).id, index) }
        for (index, word) in words.enumerated() {
            var bytes = word
            XCTAssertEqual(bytes.withUTF8 { table.id(of: $0) }, index)
            XCTAssertEqual(table.string(index), word)
        }
        var absent = "absent"
        XCTAssertNil(absent.withUTF8 { table.id(of: $0) })
    }
}
