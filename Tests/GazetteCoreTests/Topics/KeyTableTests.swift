import XCTest
@testable import GazetteCore

final class KeyTableTests: XCTestCase {
    func testGivesDenseIdsInFirstSeenOrderAcrossGrowth() {
        var table = KeyTable(capacity: 2)
        // Pairs of stem ids, as the analyzer makes them, including ones that differ in one half only.
        let keys = (0..<3000).map { UInt64($0 % 50) << 32 | UInt64($0 / 50) }
        for (index, key) in keys.enumerated() {
            let result = table.intern(key)
            XCTAssertEqual(result.id, index)
            XCTAssertTrue(result.inserted)
        }
        for (index, key) in keys.enumerated() {
            XCTAssertEqual(table.intern(key).id, index)
            XCTAssertFalse(table.intern(key).inserted)
            XCTAssertEqual(table.id(of: key), index)
        }
        XCTAssertEqual(table.keys, keys)
        XCTAssertNil(table.id(of: UInt64(999) << 32))
    }
}
