import XCTest
@testable import GazetteCore

final class WordTableTests: XCTestCase {
    func number(_ table: inout WordTable, _ word: String) -> Int {
        var word = word
        return word.withUTF8 { table.number(of: $0, hash: WordTable.hash($0)) }
    }

    func testNumbersEachDistinctWordOnceInOrderOfFirstSight() {
        var table = WordTable(capacity: 4)
        let words = (0..<5000).map { "w\($0 % 1700)x" }
        let numbers = words.map { number(&table, $0) }
        XCTAssertEqual(table.count, 1700)
        XCTAssertEqual(Array(numbers.prefix(1700)), Array(0..<1700))
        for (word, n) in zip(words, numbers) { XCTAssertEqual(table.word(n), word) }
        // Same bytes, same number; a prefix or extension is another word.
        XCTAssertEqual(number(&table, "w5x"), numbers[5])
        XCTAssertEqual(number(&table, "w5"), 1700)
        XCTAssertEqual(number(&table, "w5xx"), 1701)
    }

    func testTheByteScanFindsTheSameWordsAsTheStringScan() {
        let text = "Café GPT-4 models: the 3D co-operation of ÉCOLE x and ab"
        var scanned: [String] = []
        SearchIndex.forEachWordBytes(text) { bytes, hash in
            scanned.append(String(decoding: bytes, as: UTF8.self))
            XCTAssertEqual(hash, WordTable.hash(bytes))
        }
        var expected: [String] = []
        SearchIndex.forEachWord(text) { expected.append($0) }
        XCTAssertEqual(scanned, expected)
        XCTAssertEqual(scanned, ["cafe", "gpt", "models", "the", "3d", "co", "operation", "of", "ecole", "and", "ab"])
    }
}
