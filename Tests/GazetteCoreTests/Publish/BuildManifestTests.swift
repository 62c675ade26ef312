import XCTest
@testable import GazetteCore

final class BuildManifestTests: XCTestCase {
    private func general(_ text: String) -> BuildManifest? {
        BuildManifest.parse(lines: text.split(separator: "\n", omittingEmptySubsequences: false))
    }

    func testAManifestRoundTrips() {
        let manifest = BuildManifest(site: 0x0123_4567_89AB_CDEF, output: "/tmp/site out", files: [
            "index.html": .init(fingerprint: 0, bytes: 10), "papers/a b/index.html": .init(fingerprint: .max, bytes: 0),
            "assets/style.css": .init(fingerprint: nil, bytes: 123_456), "papers/été/index.html": .init(fingerprint: 0xABC, bytes: 7),
        ])
        XCTAssertEqual(BuildManifest.parse(Array(manifest.text().utf8)), manifest)
    }

    /// Lines as `text()` writes them are read from their bytes, others as strings: both agree with
    /// the reader of strings on every text, good or damaged.
    func testTheByteReaderAgreesWithTheStringReader() {
        let head = "gazette-build-manifest 1\nsite 00000000000000ff\noutput /o\n"
        let lines = ["- 5 a", "00000000000000ff 5 a", "FF 5 a", "ff 5 a", "-  5 a", "- 5  a", "- 5 a b ", "- 05 a", "- 5 é",
                     "- -5 a", "- 5", "- x a", "0123456789abcdef0 5 a", "0123456789abcdefg 5 a", "-5 a", "- 99999999999999999999 a",
                     "- 999999999999999999 a", "0123456789abcdef  5 a", " - 5 a"]
        for line in lines {
            let text = head + line + "\n- 1 other\n"
            XCTAssertEqual(BuildManifest.parse(Array(text.utf8)), general(text), line)
            XCTAssertEqual(BuildManifest.parse(Array((text + "\n\n").utf8)), general(text + "\n\n"), line)
        }
        XCTAssertEqual(BuildManifest.parse(Array((head + "- 5 a b").utf8))?.files, ["a b": .init(fingerprint: nil, bytes: 5)])
        XCTAssertNil(BuildManifest.parse(Array((head + "- x a").utf8)))
    }

    func testADamagedOrForeignManifestIsNone() {
        for text in ["", "gazette-build-manifest 1\nsite 1\n", "gazette-build-manifest 2\nsite 1\noutput /o\n",
                     "gazette-build-manifest 1\nsite zz\noutput /o\n", "gazette-build-manifest 1\noutput /o\nsite 1\n",
                     "gazette-build-manifest 1\r\nsite 1\r\noutput /o\r\n- 5 a\r\n"] {
            XCTAssertNil(BuildManifest.parse(Array(text.utf8)), text)
            XCTAssertNil(general(text), text)
        }
        XCTAssertEqual(BuildManifest.parse(Array("gazette-build-manifest 1\nsite 1\noutput /o".utf8))?.files, [:])
    }
}
