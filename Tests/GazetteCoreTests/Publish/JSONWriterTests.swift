import Foundation
import XCTest
@testable import GazetteCore

/// The hand-written exports must be byte for byte what JSONEncoder (through `encodeJSON`) writes.
final class JSONWriterTests: XCTestCase {
    struct Item: Encodable {
        let a: String
        let b: [Int]
        let c: Double
        let d: Bool
        let e: [String]
        let f: Int?
    }

    func write(_ items: [Item], pretty: Bool) -> [UInt8] {
        var json = JSONWriter(pretty: pretty)
        json.beginArray()
        for item in items {
            json.beginObject()
            json.key("a"); json.string(item.a)
            json.key("b"); json.ints(item.b)
            json.key("c"); json.double(item.c)
            json.key("d"); json.bool(item.d)
            json.key("e"); json.beginArray(); for s in item.e { json.string(s) }; json.endArray()
            if let f = item.f { json.key("f"); json.int(f) }
            json.endObject()
        }
        json.endArray()
        return json.finish()
    }

    func testMatchesJSONEncoderOnAwkwardText() throws {
        let texts = ["plain", "quote \" backslash \\ slash / tab \t line\nreturn\r", "<script>&amp;</script>", "\u{0}\u{1}\u{8}\u{c}\u{1f}\u{7f}",
                     "café ∑ 日本 😀", "", "\u{2028}\u{2029}"]
        let items = texts.enumerated().map { i, text in
            Item(a: text, b: i % 2 == 0 ? [] : [0, -3, 42, Int.max, Int.min + 1], c: [0, 1, 0.5, 0.3571, -2.25, 1e-4, 123456789.0][i],
                 d: i % 2 == 0, e: i % 3 == 0 ? [] : [text, "x"], f: i % 2 == 0 ? nil : i)
        }
        for pretty in [true, false] {
            XCTAssertEqual(String(decoding: write(items, pretty: pretty), as: UTF8.self),
                           String(decoding: try encodeJSON(items, pretty: pretty), as: UTF8.self), "pretty: \(pretty)")
        }
        XCTAssertEqual(String(decoding: write([], pretty: true), as: UTF8.self), String(decoding: try encodeJSON([Item](), pretty: true), as: UTF8.self))
    }

    func testAChunkedArrayIsTheSameAsOneWrittenInOnePiece() {
        let count = 1000
        let chunked = jsonArray(count: count) { json, i in json.beginObject(); json.key("n"); json.int(i); json.endObject() }
        var whole = JSONWriter(pretty: true)
        whole.beginArray()
        for i in 0..<count { whole.beginObject(); whole.key("n"); whole.int(i); whole.endObject() }
        whole.endArray()
        XCTAssertEqual(chunked, whole.finish())
        XCTAssertEqual(jsonArray(count: 0) { _, _ in }, try encodeJSON([Int](), pretty: true))
    }
}
