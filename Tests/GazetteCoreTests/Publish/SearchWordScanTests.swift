import XCTest
@testable import GazetteCore

/// The search index scans words as bytes; it must find what the string scan finds.
final class SearchWordScanTests: XCTestCase {
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
