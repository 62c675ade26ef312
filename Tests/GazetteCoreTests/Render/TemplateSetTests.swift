import XCTest
@testable import GazetteCore
import Mustache

final class TemplateSetTests: XCTestCase {
    /// A theme directory holding every required template (as `{{value}}`) except `omitting`,
    /// with `overrides` replacing the text of some.
    private func makeTheme(omitting: String? = nil, overrides: [String: String] = [:]) throws -> URL {
        let directory = try Fixtures.temporaryDirectory(self)
        for name in TemplateSet.required where name != omitting {
            let text = overrides[name] ?? "<p>{{value}}</p>\n"
            try text.write(to: directory.appendingPathComponent(name + ".mustache"), atomically: true, encoding: .utf8)
        }
        return directory
    }

    func testRealTemplatesLoad() throws {
        let templates = try TemplateSet(directory: Fixtures.templates)
        XCTAssertEqual(templates.directory, Fixtures.templates)
        XCTAssertTrue(templates.assets.contains { $0.path == "style.css" && !$0.bytes.isEmpty })
    }

    func testRealPageTemplateRenders() throws {
        let templates = try TemplateSet(directory: Fixtures.templates)
        let html = try templates.render("page", ["title": "About & more", "content_html": "<p>Hi <em>there</em></p>"])
        XCTAssertTrue(html.contains("<h1>About &amp; more</h1>"), html)
        XCTAssertTrue(html.contains("<p>Hi <em>there</em></p>"), html)
    }

    func testMinimalThemeLoads() throws {
        let directory = try makeTheme()
        XCTAssertNoThrow(try TemplateSet(directory: directory.path))
    }

    func testUnclosedSectionThrowsSyntaxErrorNamingTheFile() throws {
        let directory = try makeTheme(overrides: ["topic": "<h1>{{name}}</h1>\n{{#open}}\n<p>never closed</p>\n"])
        let file = directory.appendingPathComponent("topic.mustache").path
        XCTAssertThrowsError(try TemplateSet(directory: directory.path)) { error in
            guard case let TemplateError.syntax(errorFile, _, _, _)? = error as? TemplateError else {
                return XCTFail("expected TemplateError.syntax, got \(error)")
            }
            XCTAssertEqual(errorFile, file)
            XCTAssertTrue("\(error)".contains(file), "\(error)")
        }
    }

    func testMissingRequiredTemplateThrowsNamingIt() throws {
        let directory = try makeTheme(omitting: "paper")
        XCTAssertThrowsError(try TemplateSet(directory: directory.path)) { error in
            let expected = directory.appendingPathComponent("paper.mustache").path
            XCTAssertEqual(error as? TemplateError, .missing(file: expected))
            XCTAssertTrue("\(error)".contains(expected), "\(error)")
        }
    }

    func testMissingDirectoryThrows() throws {
        let missing = try Fixtures.temporaryDirectory(self).appendingPathComponent("no-such-theme").path
        XCTAssertThrowsError(try TemplateSet(directory: missing)) { error in
            XCTAssertEqual(error as? TemplateError, .missingDirectory(missing))
        }
    }

    func testRenderingEscapesDoubleBraceValues() throws {
        let templates = try TemplateSet(directory: try makeTheme().path)
        let html = try templates.render("layout", ["value": #"<script>a & "b" 'c'</script>"#])
        XCTAssertEqual(html, "<p>&lt;script&gt;a &amp; &quot;b&quot; &#39;c&#39;&lt;/script&gt;</p>\n")
    }

    func testTripleBracesKeepHTML() throws {
        let templates = try TemplateSet(directory: try makeTheme(overrides: ["page": "<div>{{{body_html}}}</div>"]).path)
        XCTAssertEqual(try templates.render("page", ["body_html": "<em>x</em>"]), "<div><em>x</em></div>")
    }

    func testRenderingUnknownTemplateThrowsMissing() throws {
        let directory = try makeTheme()
        let templates = try TemplateSet(directory: directory.path)
        XCTAssertThrowsError(try templates.render("nonexistent", [:])) { error in
            XCTAssertEqual(error as? TemplateError, .missing(file: directory.appendingPathComponent("nonexistent.mustache").path))
        }
    }

    func testFastEscapingMatchesMustachesOwn() throws {
        let samples = ["plain", "a < b && c > d", "\"quoted\" and 'single'", "naïve – café ✓ 漢字 <x>", "", "&amp;"]
        let library = try MustacheTemplate(string: "{{value}}")
        for sample in samples {
            XCTAssertEqual(FastHTMLContentType().escapeText(sample), library.render(["value": sample]), sample)
        }
    }
}
