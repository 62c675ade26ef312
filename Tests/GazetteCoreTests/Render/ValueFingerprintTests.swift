import XCTest
@testable import GazetteCore

final class ValueFingerprintTests: XCTestCase {
    /// A manifest written by one process is read by the next: the value may not depend on the
    /// process (string hashing seeds, dictionary order, addresses).
    func testTheFingerprintIsTheSameInEveryProcess() {
        let context: [String: Any] = ["title": "Attention", "count": 3, "shown": true, "score": 0.5,
                                      "nav": [["title": "Topics", "current": false]], "terms": ["a", "b"]]
        XCTAssertEqual(ValueFingerprint.of("paper", context), 5_617_963_978_696_085_304)
    }

    func testDictionaryOrderDoesNotCountButEveryValueDoes() {
        var a: [String: Any] = [:]
        var b: [String: Any] = [:]
        for i in 0..<50 { a["key\(i)"] = i }
        for i in (0..<50).reversed() { b["key\(i)"] = i }
        XCTAssertEqual(ValueFingerprint.of(a), ValueFingerprint.of(b))
        b["key7"] = 8
        XCTAssertNotEqual(ValueFingerprint.of(a), ValueFingerprint.of(b))
    }

    func testTypesLengthsAndSplitsAreToldApart() {
        let values: [Any] = [1, "1", true, 1.0, UInt64(1), ["1"], [1] as [Any], ["a": 1] as [String: Any]]
        XCTAssertEqual(Set(values.map { ValueFingerprint.of(0, $0) }).count, values.count)
        XCTAssertNotEqual(ValueFingerprint.of("ab", "c"), ValueFingerprint.of("a", "bc"))
        XCTAssertNotEqual(ValueFingerprint.of("a"), ValueFingerprint.of("a\u{0}"))
        // Every byte of a long string counts, in whole words and in the tail.
        let long = String(repeating: "abcdefgh", count: 4) + "xyz"
        var seen: Set<UInt64> = [ValueFingerprint.of(long)]
        for offset in 0..<long.utf8.count {
            var bytes = Array(long.utf8)
            bytes[offset] ^= 1
            seen.insert(ValueFingerprint.of(String(decoding: bytes, as: UTF8.self)))
        }
        XCTAssertEqual(seen.count, long.utf8.count + 1)
    }

    /// Arrays of dictionaries and of strings take a shortcut; it must agree with the general path.
    func testTypedArraysHashAsTheirElements() {
        let dictionaries: [[String: Any]] = [["title": "Topics", "current": true], ["title": "Archive"]]
        // (A lone `[Any]` would be taken as the variadic list itself: hence the leading value.)
        XCTAssertEqual(ValueFingerprint.of(0, dictionaries), ValueFingerprint.of(0, dictionaries.map { $0 as Any }))
        let strings = ["a", "bb", "ccc"]
        XCTAssertEqual(ValueFingerprint.of(0, strings), ValueFingerprint.of(0, strings.map { $0 as Any }))
        XCTAssertEqual(ValueFingerprint.of("x"[...]), ValueFingerprint.of("x"))
    }
}
