import XCTest
@testable import GazetteCore

/// The `output:` and `feeds:` keys of site.yml.
final class SiteConfigOutputTests: XCTestCase {
    private func parse(_ yaml: String) throws -> SiteConfig { try SiteConfig.parse(yaml, file: "site.yml") }

    func testOutputAndFeedsDefaults() throws {
        let config = try parse("title: T\n")
        XCTAssertEqual(config.output, "public")
        XCTAssertTrue(config.feeds)
    }

    func testOutputIsRead() throws {
        XCTAssertEqual(try parse("output: dist\n").output, "dist")
    }

    func testFeedsCanBeTurnedOff() throws {
        XCTAssertFalse(try parse("feeds: false\n").feeds)
        XCTAssertTrue(try parse("feeds: yes\n").feeds)
    }

    func testFeedsMustBeABooleanNamingTheLine() {
        XCTAssertThrowsError(try parse("title: T\nfeeds: sometimes\n")) { error in
            XCTAssertEqual((error as? ConfigError)?.description, "config: site.yml:2: `feeds` must be true or false")
        }
    }

    func testEmptyOutputIsRejected() {
        XCTAssertThrowsError(try parse("output: ''\n")) { error in
            XCTAssertTrue("\(error)".contains("site.yml:1: `output` must name a directory"), "\(error)")
        }
    }

    func testMisspelledNewKeysGetSuggestions() {
        XCTAssertThrowsError(try parse("feed: true\n")) { error in
            XCTAssertTrue("\(error)".hasSuffix("unknown key `feed`; did you mean `feeds`?"), "\(error)")
        }
        XCTAssertThrowsError(try parse("outptu: dist\n")) { error in
            XCTAssertTrue("\(error)".hasSuffix("did you mean `output`?"), "\(error)")
        }
    }
}
