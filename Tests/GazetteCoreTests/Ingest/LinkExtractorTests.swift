import XCTest
@testable import GazetteCore

final class LinkExtractorTests: XCTestCase {
    func testGitHubRepositoryIsCode() {
        let links = extractLinks(from: "We have shared our code in https://github.com/FengleiFan/ReLinear")
        XCTAssertEqual(links.code, ["https://github.com/FengleiFan/ReLinear"])
        XCTAssertEqual(links.other, [])
    }

    func testProjectPageIsOther() {
        let links = extractLinks(from: "Samples are on our project page https://metaphors.github.io/visual and in the appendix")
        XCTAssertEqual(links.code, [])
        XCTAssertEqual(links.other, ["https://metaphors.github.io/visual"])
    }

    func testGitHubUserPageWithoutRepositoryIsOther() {
        let links = extractLinks(from: "See https://github.com/FengleiFan for more")
        XCTAssertEqual(links.code, [])
        XCTAssertEqual(links.other, ["https://github.com/FengleiFan"])
    }

    func testTrailingPeriodIsTrimmed() {
        XCTAssertEqual(extractLinks(from: "Code: https://github.com/a/b.").code, ["https://github.com/a/b"])
    }

    func testTrailingCommaIsTrimmed() {
        XCTAssertEqual(extractLinks(from: "at https://example.org/data, and more").other, ["https://example.org/data"])
    }

    func testTrailingClosingParenthesisIsTrimmed() {
        XCTAssertEqual(extractLinks(from: "(code: https://github.com/a/b).").code, ["https://github.com/a/b"])
    }

    func testParenthesisOpenedInsideURLIsKept() {
        XCTAssertEqual(extractLinks(from: "see https://en.wikipedia.org/wiki/Idiom_(language).").other,
                       ["https://en.wikipedia.org/wiki/Idiom_(language)"])
    }

    func testURLInsideParenthesesKeepsOnlyItsOwnClosingParenthesis() {
        XCTAssertEqual(extractLinks(from: "idioms (see https://en.wikipedia.org/wiki/Idiom_(language)).").other,
                       ["https://en.wikipedia.org/wiki/Idiom_(language)"])
    }

    func testCurlyBraceEndsURL() {
        let text = "The results provided by our open-source benchmark suite (https://github.com/BlueVelvetSackOfGoldPotatoes/child-play{ChildPlay GitHub Repository}) caution against claims"
        let links = extractLinks(from: text)
        XCTAssertEqual(links.code, ["https://github.com/BlueVelvetSackOfGoldPotatoes/child-play"])
        XCTAssertEqual(links.other, [])
    }

    func testBareWWWGitHubLinkGetsHTTPS() {
        XCTAssertEqual(extractLinks(from: "Code at www.github.com/x/y now").code, ["https://www.github.com/x/y"])
    }

    func testBareGitHubLinkGetsHTTPS() {
        XCTAssertEqual(extractLinks(from: "Code at github.com/x/y now").code, ["https://github.com/x/y"])
    }

    func testDuplicateLinkIsListedOnce() {
        let links = extractLinks(from: "Code at https://github.com/a/b. Again: https://github.com/a/b, and https://example.org/p and https://example.org/p.")
        XCTAssertEqual(links.code, ["https://github.com/a/b"])
        XCTAssertEqual(links.other, ["https://example.org/p"])
    }

    func testLinksKeepOrderOfAppearance() {
        let links = extractLinks(from: "https://github.com/z/last then https://b.example.org then https://github.com/a/first then https://a.example.org")
        XCTAssertEqual(links.code, ["https://github.com/z/last", "https://github.com/a/first"])
        XCTAssertEqual(links.other, ["https://b.example.org", "https://a.example.org"])
    }

    func testWordsContainingURLPrefixesAreNotLinks() {
        let links = extractLinks(from: "A swww.example claim and nothttps://example.org here")
        XCTAssertEqual(links, ExtractedLinks())
    }

    func testTheFastScanFindsWhatAByteByByteScanFinds() {
        let pieces = ["http://", "https://", "www.", "github.com/", "GitHub.com/", "WWW.", "gitlab.com/a/b", "a", "b", ".", ":", " ", "(", ")",
                      "x.org", "/", ",", "é", "h", "w", "g", "ttp", "ww.", "\n", "\"", "[", "**"]
        var random = SeededRandom(seed: 3)
        for _ in 0..<3000 {
            let text = (0..<Int(random.next() % 40)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let expected = referenceLinks(text)
            let found = extractLinks(from: text)
            XCTAssertEqual(found.code, expected.code, text)
            XCTAssertEqual(found.other, expected.other, text)
        }
    }
}

// The scan as it was before it learned to skip text, kept as the reference.
private func referenceLinks(_ text: String) -> ExtractedLinks {
    var links = ExtractedLinks()
    var seen: Set<String> = []
    let bytes = Array(text.utf8)
    var i = 0
    while i < bytes.count {
        // Only look at the start of a word.
        if i > 0, !referenceIsLinkBoundary(bytes[i - 1]) {
            i += 1
            continue
        }
        var prefix = ""
        if referenceHasPrefix(bytes, at: i, "https://") || referenceHasPrefix(bytes, at: i, "http://") {
            prefix = ""
        } else if referenceHasPrefix(bytes, at: i, "www.") || referenceHasPrefix(bytes, at: i, "github.com/") {
            prefix = "https://"
        } else {
            i += 1
            continue
        }
        var end = i
        while end < bytes.count, referenceIsURLByte(bytes[end]) { end += 1 }
        var stop = end
        while stop > i, referenceIsTrailingPunctuation(bytes[stop - 1]) {
            // A closing parenthesis belongs to the URL when the URL opened one (Wikipedia-style links).
            if bytes[stop - 1] == 0x29 {
                let opened = bytes[i..<stop].filter { $0 == 0x28 }.count
                let closed = bytes[i..<stop].filter { $0 == 0x29 }.count
                if closed <= opened { break }
            }
            stop -= 1
        }
        let url = prefix + String(decoding: bytes[i..<stop], as: UTF8.self)
        if let hostStart = url.range(of: "://")?.upperBound, url[hostStart...].contains("."), !seen.contains(url) {
            seen.insert(url)
            let host = url[hostStart...].prefix { $0 != "/" }.lowercased()
            let isRepository = (host == "github.com" || host == "www.github.com" || host == "gitlab.com")
                && url[hostStart...].split(separator: "/").count >= 3
            if isRepository { links.code.append(url) } else { links.other.append(url) }
        }
        i = max(end, i + 1)
    }
    return links
}

private func referenceHasPrefix(_ bytes: [UInt8], at index: Int, _ prefix: StaticString) -> Bool {
    let p = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
    guard index + p.count <= bytes.count else { return false }
    for k in 0..<p.count where bytes[index + k] | 0x20 != p[k] | 0x20 { return false }
    return true
}

private func referenceIsLinkBoundary(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x09 || b == 0x0A || b == 0x28 || b == 0x5B || b == 0x3C || b == 0x22 || b == 0x27 || b == 0x3A || b == 0x2C
}

private func referenceIsURLByte(_ b: UInt8) -> Bool {
    // Stop at whitespace, quotes, angle and curly brackets, backslashes and non-ASCII.
    b > 0x20 && b < 0x7F && b != 0x22 && b != 0x3C && b != 0x3E && b != 0x7B && b != 0x7D && b != 0x5C && b != 0x60
}

private func referenceIsTrailingPunctuation(_ b: UInt8) -> Bool {
    b == 0x2E || b == 0x2C || b == 0x3B || b == 0x3A || b == 0x21 || b == 0x3F || b == 0x27 || b == 0x29 || b == 0x5D || b == 0x2A
}
