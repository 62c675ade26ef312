import Foundation
import XCTest
@testable import GazetteCore

final class QueryEncodingTests: XCTestCase {
    /// A title keeps its words and the punctuation a query value can hold; spaces are `+`; what
    /// would end the value or be escaped by the page is percent-encoded.
    func testTitleIsFormEncoded() {
        let title = "Adaptive Prompting: Ad-hoc (15) & \"quotes\" / 100% <b> a+b=c; it's #1"
        XCTAssertEqual(percentEncodedQuery(title),
                       "Adaptive+Prompting:+Ad-hoc+(15)+%26+%22quotes%22+/+100%25+%3Cb%3E+a%2Bb%3Dc%3B+it%27s+%231")
    }

    /// Decoding as a form does (`+` is a space, then percent escapes) gives back the text, for every
    /// ASCII character and for non-ASCII text, whose UTF-8 bytes are percent-encoded.
    func testDecodesBackToTheText() {
        var texts = ["Café über naïve", "Zürich — 東京 «x»", "e\u{301}", "", "🙂 emoji", "a + b"]
        texts += (UInt8(0)...UInt8(0x7F)).map { "a" + String(UnicodeScalar($0)) + "Z9" }
        for text in texts {
            let encoded = percentEncodedQuery(text)
            XCTAssertTrue(encoded.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }, encoded)
            XCTAssertFalse(encoded.contains { "&=#;'\"<> ".contains($0) }, encoded)
            XCTAssertEqual(encoded.replacingOccurrences(of: "+", with: " ").removingPercentEncoding, text, text)
        }
    }
}
