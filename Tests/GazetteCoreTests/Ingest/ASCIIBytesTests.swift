import XCTest
@testable import GazetteCore

final class ASCIIBytesTests: XCTestCase {
    /// A non-ASCII byte is found wherever it sits: in the eight-byte blocks or in the tail after them.
    func testFindsANonASCIIByteAtEveryPosition() {
        for length in 0...40 {
            let plain = String(repeating: "a", count: length)
            XCTAssertTrue(isASCII(plain), "length \(length)")
            for position in 0..<length {
                var chars = Array(plain)
                chars[position] = "é"
                XCTAssertFalse(isASCII(String(chars)), "length \(length), é at \(position)")
            }
        }
        XCTAssertTrue(isASCII("\u{7F}\u{0}~"))
        XCTAssertFalse(isASCII("\u{80}"))
    }
}
