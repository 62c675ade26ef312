import XCTest
@testable import GazetteCore

final class SiteConfigTests: XCTestCase {
    private let file = "content/site.yml"

    private func parse(_ yaml: String) throws -> SiteConfig { try SiteConfig.parse(yaml, file: file) }

    /// The `ConfigError.invalid` parsing `yaml` throws, or a failure when it does not.
    private func invalid(_ yaml: String, callLine: UInt = #line) -> (line: Int?, reason: String, description: String)? {
        do {
            _ = try parse(yaml)
            XCTFail("expected ConfigError.invalid", line: callLine)
        } catch let error as ConfigError {
            guard case let .invalid(errorFile, line, reason) = error else {
                XCTFail("expected ConfigError.invalid, got \(error)", line: callLine)
                return nil
            }
            XCTAssertEqual(errorFile, file, line: callLine)
            return (line, reason, error.description)
        } catch {
            XCTFail("expected ConfigError, got \(error)", line: callLine)
        }
        return nil
    }

    // MARK: Defaults

    func testFormatsMapFilePatternsToFormatNamesInFileOrder() throws {
        let config = try parse("formats:\n  \"*.md\": text\n  \"arxiv-*.xml\": atom\n")
        XCTAssertEqual(config.formats, [FormatRule(pattern: "*.md", format: "text"), FormatRule(pattern: "arxiv-*.xml", format: "atom")])
    }

    func testUnknownFormatNameIsAnErrorListingTheKnownOnes() throws {
        let error = try XCTUnwrap(invalid("title: T\nformats:\n  \"*.md\": markdown\n"))
        XCTAssertEqual(error.line, 3)
        XCTAssertTrue(error.reason.contains("unknown format"), error.reason)
        for name in DumpFormats.names { XCTAssertTrue(error.reason.contains(name), error.reason) }
    }

    func testFormatsMustBeAMapping() throws {
        let error = try XCTUnwrap(invalid("formats: [text]\n"))
        XCTAssertTrue(error.reason.contains("map file patterns"), error.reason)
    }

    func testMissingFileGivesDefaults() throws {
        let path = try Fixtures.temporaryDirectory(self).appendingPathComponent("site.yml").path
        let config = try SiteConfig.load(path: path)
        XCTAssertEqual(config, SiteConfig())
        XCTAssertEqual(config.title, "Gazette")
        XCTAssertNil(config.baseURL)
        XCTAssertNil(config.topics.count)
        XCTAssertEqual(config.homeTopPapers, 10)
    }

    func testEmptyFileGivesDefaults() throws {
        XCTAssertEqual(try parse(""), SiteConfig())
    }

    func testFileOnDiskIsRead() throws {
        let url = try Fixtures.temporaryDirectory(self).appendingPathComponent("site.yml")
        try "title: From disk\n".write(to: url, atomically: true, encoding: .utf8)
        XCTAssertEqual(try SiteConfig.load(path: url.path).title, "From disk")
    }

    // MARK: Values

    func testTitleAndDescriptionAreParsed() throws {
        let config = try parse("title: My Digest\ndescription: Papers I read.\n")
        XCTAssertEqual(config.title, "My Digest")
        XCTAssertEqual(config.description, "Papers I read.")
    }

    func testBaseURLGetsTrailingSlash() throws {
        XCTAssertEqual(try parse("base_url: https://example.org/digest\n").baseURL, "https://example.org/digest/")
    }

    func testBaseURLWithTrailingSlashIsKept() throws {
        XCTAssertEqual(try parse("base_url: http://example.org/\n").baseURL, "http://example.org/")
    }

    func testNonHTTPBaseURLIsRejectedNamingTheLine() throws {
        let error = try XCTUnwrap(invalid("title: Digest\nbase_url: ftp://example.org/\n"))
        XCTAssertEqual(error.line, 2)
        XCTAssertTrue(error.reason.contains("http"), error.reason)
        XCTAssertEqual(error.description, "config: content/site.yml:2: " + error.reason)
    }

    func testTopicCountIsParsed() throws {
        XCTAssertEqual(try parse("topics:\n  count: 12\n").topics.count, 12)
    }

    func testTopicCountAutoMeansChosenFromData() throws {
        XCTAssertNil(try parse("topics:\n  count: auto\n").topics.count)
    }

    func testTopicCountBelowOneIsRejected() throws {
        let error = try XCTUnwrap(invalid("topics:\n  count: 0\n"))
        XCTAssertEqual(error.line, 2)
    }

    func testSeedsAreParsed() throws {
        let config = try parse("""
            topics:
              seeds:
                - name: Compositionality
                  terms: [compositional generalization, compositionality]
                - name: Evaluation
                  terms: [benchmark]
            """)
        XCTAssertEqual(config.topics.seeds, [
            SeedTopic(name: "Compositionality", terms: ["compositional generalization", "compositionality"]),
            SeedTopic(name: "Evaluation", terms: ["benchmark"]),
        ])
    }

    func testDefaultSiteConfigParses() throws {
        let config = try SiteConfig.load(path: Fixtures.defaultContent + "/site.yml")
        XCTAssertEqual(config.title, "Gazette — language and reasoning papers")
        XCTAssertNil(config.baseURL)
        XCTAssertNil(config.topics.count)
        XCTAssertEqual(config.topics.seeds.map(\.name), [
            "Compositionality", "Reasoning", "Generalization and transfer", "Meaning and representations", "Interpretability",
            "Evaluation and benchmarks", "Alignment and safety", "Vision and multimodal", "Training and data", "Architectures",
            "Multilingual and translation", "Figurative language",
        ])
    }

    // MARK: Errors

    func testUnknownKeyNamesTheLineAndSuggestsTheCloseKey() throws {
        let error = try XCTUnwrap(invalid("description: A digest\ntitel: Typo\n"))
        XCTAssertEqual(error.line, 2)
        XCTAssertTrue(error.reason.contains("`titel`"), error.reason)
        XCTAssertTrue(error.reason.contains("did you mean `title`?"), error.reason)
    }

    func testUnknownTopicKeySuggestsTheCloseKey() throws {
        let error = try XCTUnwrap(invalid("topics:\n  cuont: 5\n"))
        XCTAssertEqual(error.line, 2)
        XCTAssertTrue(error.reason.contains("did you mean `count`?"), error.reason)
    }

    func testUnknownKeyFarFromAnyKnownListsTheKnownKeys() throws {
        let error = try XCTUnwrap(invalid("colour_scheme: dark\n"))
        XCTAssertFalse(error.reason.contains("did you mean"), error.reason)
        XCTAssertTrue(error.reason.contains("known keys: title, description"), error.reason)
    }

    func testMalformedYAMLNamesTheLine() throws {
        let error = try XCTUnwrap(invalid("title: Digest\ndescription: fine\ntopics: [unclosed, list\nlanguage: en\n"))
        XCTAssertNotNil(error.line)
        XCTAssertTrue((3...5).contains(error.line ?? 0), "line \(String(describing: error.line))")
        XCTAssertTrue(error.reason.contains("not valid YAML"), error.reason)
    }

    func testBadIndentationNamesTheLine() throws {
        let error = try XCTUnwrap(invalid("title: Digest\n  description: indented\n"))
        XCTAssertEqual(error.line, 2)
        XCTAssertTrue(error.reason.contains("not valid YAML"), error.reason)
    }

    func testAValueOfTheWrongKindNamesTheKeyAndItsLine() throws {
        for (yaml, key, line) in [("title: [a, b]\n", "`title`", 1), ("title: T\nhome_top_papers: many\n", "`home_top_papers`", 2),
                                  ("topics:\n  count: 2\n  min_size: {a: 1}\n", "`topics.min_size`", 3),
                                  ("title: T\ntopics: 5\n", "`topics`", 2)] {
            let error = try XCTUnwrap(invalid(yaml), yaml)
            XCTAssertEqual(error.line, line, yaml)
            XCTAssertTrue(error.reason.contains(key), "\(yaml): \(error.reason)")
        }
    }

    func testHostileYAMLIsRejectedOrReadAsPlainText() throws {
        // Anchors and aliases expanding exponentially (a "billion laughs") must not hang or exhaust memory.
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1..<12 { yaml += "a\(i): &a\(i) [*a\(i - 1), *a\(i - 1), *a\(i - 1), *a\(i - 1), *a\(i - 1), *a\(i - 1), *a\(i - 1), *a\(i - 1), *a\(i - 1), *a\(i - 1)]\n" }
        let error = try XCTUnwrap(invalid(yaml))
        XCTAssertEqual(error.line, 1)
        XCTAssertEqual(try SiteConfig.parse("title: \"<script>alert(1)</script>\"\n", file: "site.yml").title, "<script>alert(1)</script>")
    }

    // MARK: Host and exports

    func testHostNamesAKnownHostAndExportsCanBeTurnedOff() throws {
        XCTAssertNil(try parse("title: T\n").host)
        XCTAssertTrue(try parse("title: T\n").exports)
        for host in StaticHost.allCases {
            XCTAssertEqual(try parse("host: \(host.rawValue)\n").host, host)
        }
        XCTAssertFalse(try parse("exports: false\n").exports)
    }

    func testAnUnknownHostNamesTheLineAndTheKnownHosts() throws {
        let error = try XCTUnwrap(invalid("title: T\nhost: netlify\n"))
        XCTAssertEqual(error.line, 2)
        XCTAssertEqual(error.reason, "unknown host `netlify`; known hosts: github-pages, gitlab-pages, cloudflare-pages, cloudflare-pages-paid")
        XCTAssertEqual(try XCTUnwrap(invalid("exports: sometimes\n")).reason, "`exports` must be true or false")
    }
}
