import XCTest
@testable import GazetteCore

final class JSONValueLocatorTests: XCTestCase {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private let text = """
    [
      {"paper": {"title": "A, with [brackets] and \\"quotes\\"", "id": "1"}},
      {
        "paper": {
          "authors": [{"name": "x"}, {"name": "y"}],
          "upvotes": "many"
        }
      }
    ]
    """

    func testFindsTheLineOfAValueByKeysAndIndices() {
        let locator = JSONValueLocator(bytes: Array(text.utf8))
        XCTAssertEqual(locator.line(of: [IndexKey(intValue: 1), Key("paper"), Key("upvotes")]), 6)
        XCTAssertEqual(locator.line(of: [IndexKey(intValue: 1), Key("paper"), Key("authors"), IndexKey(intValue: 1)]), 5)
        XCTAssertEqual(locator.line(of: [IndexKey(intValue: 0), Key("paper"), Key("id")]), 2)
        XCTAssertEqual(locator.line(of: [IndexKey(intValue: 1)]), 3)
    }

    func testAMissingPartGivesTheLineOfTheDeepestPartFound() {
        let locator = JSONValueLocator(bytes: Array(text.utf8))
        XCTAssertEqual(locator.line(of: [IndexKey(intValue: 1), Key("paper"), Key("title")]), 4)
        XCTAssertEqual(locator.line(of: [IndexKey(intValue: 7)]), 1)
    }

    func testEmptyTextHasNoLine() {
        XCTAssertNil(JSONValueLocator(bytes: []).line(of: []))
    }

    func testArrayElementLinesMatchLookingEachUp() {
        let locator = JSONValueLocator(bytes: Array(text.utf8))
        XCTAssertEqual(locator.arrayElementLines(), [2, 3])
        XCTAssertEqual(locator.arrayElementLines(), (0..<2).map { locator.line(of: [IndexKey(intValue: $0)]) })
        XCTAssertEqual(JSONValueLocator(bytes: Array("{}".utf8)).arrayElementLines(), [])
    }
}
