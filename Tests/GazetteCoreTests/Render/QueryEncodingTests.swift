import Foundation
import XCTest
@testable import GazetteCore

final class QueryEncodingTests: XCTestCase {
    /// Every ASCII character, alone and in a title, encodes as Foundation encodes it.
    func testASCIIMatchesFoundation() {
        for byte in UInt8(0)...UInt8(0x7F) {
            let text = "a" + String(UnicodeScalar(byte)) + "Z9"
            XCTAssertEqual(percentEncodedQuery(text), text.addingPercentEncoding(withAllowedCharacters: .alphanumerics), "byte \(byte)")
        }
        let title = "Adaptive Prompting: Ad-hoc (15) & \"quotes\" / 100% <b>"
        XCTAssertEqual(percentEncodedQuery(title), "Adaptive%20Prompting%3A%20Ad%2Dhoc%20%2815%29%20%26%20%22quotes%22%20%2F%20100%25%20%3Cb%3E")
    }

    /// Non-ASCII text is encoded by Foundation, as before.
    func testNonASCIIMatchesFoundation() {
        for text in ["Café über naïve", "Zürich — 東京 «x»", "e\u{301}", "", "🙂 emoji"] {
            XCTAssertEqual(percentEncodedQuery(text), text.addingPercentEncoding(withAllowedCharacters: .alphanumerics), text)
        }
    }
}
