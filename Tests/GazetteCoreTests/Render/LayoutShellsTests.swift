import XCTest
@testable import GazetteCore

/// Pages made from layout shells must be byte for byte the pages a full rendering of the layout gives.
final class LayoutShellsTests: XCTestCase {
    func render(_ contentDirectory: String, baseURL: String?, shells: Bool) throws -> OutputTree {
        let model = try siteModel(contentDirectory) { $0.baseURL = baseURL }
        return try renderSite(model, templates: TemplateSet(directory: Fixtures.templates), layoutShells: shells).0
    }

    func testShellsGiveTheSamePagesAsFullRendering() throws {
        XCTAssertTrue(LayoutShells(templates: try TemplateSet(directory: Fixtures.templates), siteValues: ["Gazette"]).enabled)
        for content in [Fixtures.path("Site/content"), Fixtures.path("Hostile/content")] {
            for baseURL in [nil, "https://example.org/digest/"] as [String?] {
                assertSameFiles(try render(content, baseURL: baseURL, shells: false), try render(content, baseURL: baseURL, shells: true),
                                "\(content) \(baseURL ?? "no base URL")")
            }
        }
    }

    func testALayoutThatUsesPageValuesOtherwiseIsRenderedInFull() {
        let plain = ["layout": "{{! the page_title and body go here }}<title>{{page_title}}</title>{{#canonical}}<link href=\"{{canonical}}\">{{/canonical}}{{>head}}<main>{{{body}}}</main>",
                     "head": "<meta name=\"description\" content=\"{{description}}\">{{site_title}}"]
        XCTAssertTrue(LayoutShells.takesPageValuesPlainly(plain, from: "layout"))
        for (name, text) in [("layout", "{{#page_title}}<h1>{{page_title}}</h1>{{/page_title}}{{{body}}}"),
                             ("layout", "{{{page_title}}}{{{body}}}"),
                             ("layout", "{{body}}"),
                             ("head", "{{^description}}none{{/description}}"),
                             ("head", "{{uppercased(page_title)}}"),
                             ("layout", "{{=<% %>=}}<%page_title%>")] {
            var sources = plain
            sources[name] = text
            XCTAssertFalse(LayoutShells.takesPageValuesPlainly(sources, from: "layout"), text)
        }
    }

    func testAMarkInTheSitesOwnTextTurnsShellsOff() throws {
        let templates = try TemplateSet(directory: Fixtures.templates)
        XCTAssertFalse(LayoutShells(templates: templates, siteValues: ["Digest \u{3}"]).enabled)
    }
}
