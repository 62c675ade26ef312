import XCTest
@testable import GazetteCore

final class SlugTests: XCTestCase {
    func testSlugsAreLowercaseASCIIWithSingleHyphens() {
        XCTAssertEqual(slugify("ExeDec: Execution Decomposition — for Compositional Généralisation!"),
                       "exedec-execution-decomposition-for-compositional-generalisation")
    }

    func testSlugsAreAtMostEightyCharactersCutAtAWord() {
        let slug = slugify(String(repeating: "compositional generalization ", count: 10))
        XCTAssertLessThanOrEqual(slug.count, 80)
        XCTAssertFalse(slug.hasSuffix("-"))
        XCTAssertTrue(slug.hasSuffix("compositional") || slug.hasSuffix("generalization"))
    }

    func testCollidingAndEmptySlugsGetAStableHashSuffix() {
        var slugs = UniqueSlugs()
        let first = slugs.make("Attention Is All You Need")
        let second = slugs.make("Attention is all you need!")
        let empty = slugs.make("注意力")
        XCTAssertEqual(first, "attention-is-all-you-need")
        XCTAssertNotEqual(second, first)
        XCTAssertTrue(second.hasPrefix("attention-is-all-you-need-"))
        XCTAssertFalse(empty.isEmpty)
        XCTAssertTrue(empty.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        var again = UniqueSlugs()
        _ = again.make("Attention Is All You Need")
        XCTAssertEqual(again.make("Attention is all you need!"), second, "the suffix depends on the title, not on timing")
    }

    func testReservedNamesAreNeverHandedOut() {
        var slugs = UniqueSlugs()
        XCTAssertNotEqual(slugs.make("Assets"), "assets")
        XCTAssertNotEqual(slugs.make("index"), "index")
    }

    func testPaperSlugsDoNotDependOnInputOrder() {
        let titles = ["Same Title", "Same title.", "Another paper", "Third: one"]
        var forward = titles.map { Paper(title: $0) }
        var backward = Array(forward.reversed())
        assignSlugs(&forward)
        assignSlugs(&backward)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: forward.map { ($0.title, $0.slug) }),
                       Dictionary(uniqueKeysWithValues: backward.map { ($0.title, $0.slug) }))
        XCTAssertEqual(Set(forward.map(\.slug)).count, titles.count)
    }

    func testAPaperKeepsTheSlugItsMapRecordedWhenANewTitleCollidesAndSortsFirst() {
        let earlier = Paper(title: "Same title: a study", abstract: "First.")
        var alone = [earlier]
        assignSlugs(&alone)
        XCTAssertEqual(alone[0].slug, "same-title-a-study")
        let kept = ["same-title-a-study": placementHash(title: earlier.title, abstract: earlier.abstract)]
        // "Same title, a study" sorts before "Same title: a study" and gives the same slug.
        var grown = [Paper(title: "Same title, a study", abstract: "Second."), earlier]
        var unkept = grown
        assignSlugs(&unkept)
        XCTAssertEqual(unkept[0].slug, "same-title-a-study", "without the map the first in order takes the plain slug")
        assignSlugs(&grown, kept: kept)
        XCTAssertEqual(grown[1].slug, "same-title-a-study", "the earlier paper keeps its address")
        XCTAssertEqual(grown[0].slug, "same-title-a-study-" + stableHash("Same title, a study"))
        // A recorded slug whose paper's text changed is not held for it.
        var edited = [Paper(title: "Same title, a study", abstract: "Second."), Paper(title: "Same title: a study", abstract: "Edited.")]
        assignSlugs(&edited, kept: kept)
        XCTAssertEqual(edited[0].slug, "same-title-a-study")
        // Hashes taken beforehand (a build shares them with the topics) give the same slugs.
        var given = [Paper(title: "Same title, a study", abstract: "Second."), earlier]
        assignSlugs(&given, kept: kept, hashes: placementHashes(given))
        XCTAssertEqual(given.map(\.slug), grown.map(\.slug))
    }

    func testHostileTitlesGiveSlugsThatStayInsideTheirDirectory() throws {
        let hostile = ["..", "../../etc/passwd", "/etc/passwd", "C:\\Windows\\system32", "．．／．．／etc", "\u{2024}\u{2024}/x",
                       "papers", "ⓟⓐⓟⓔⓡⓢ", "pápers", "CON", "nul", "Com1", "lpt9", "\u{0}", "\u{202E}fdp.exe", "%2e%2e%2f", "~root", ""]
        var slugs = UniqueSlugs()
        var tree = OutputTree()
        for title in hostile {
            let slug = slugs.make(title)
            XCTAssertFalse(slug.isEmpty, title)
            XCTAssertTrue(slug.unicodeScalars.allSatisfy { $0.isASCIIAlphanumeric || $0 == "-" }, "\(title) → \(slug)")
            XCTAssertFalse(UniqueSlugs.reserved.contains(slug), "\(title) → \(slug)")
            XCTAssertNoThrow(try tree.add("papers/\(slug)/index.html", text: "x"), slug)
        }
    }

    func testWindowsDeviceNamesAreReserved() {
        var slugs = UniqueSlugs()
        for name in ["con", "aux", "com1", "lpt3"] { XCTAssertNotEqual(slugs.make(name), name) }
    }
}
