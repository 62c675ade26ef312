import XCTest
@testable import GazetteCore

/// Pages filled in from a shape's marked rendering must be byte for byte what Mustache renders.
final class TemplateShapesTests: XCTestCase {
    func render(_ contentDirectory: String, baseURL: String?, shapes: Bool) throws -> OutputTree {
        let model = try siteModel(contentDirectory) { $0.baseURL = baseURL }
        return try renderSite(model, templates: TemplateSet(directory: Fixtures.templates), layoutShells: false, templateShapes: shapes).0
    }

    func testShapesGiveTheSamePagesAsFullRendering() throws {
        XCTAssertTrue(TemplateShapes(templates: try TemplateSet(directory: Fixtures.templates)).enabled)
        for content in [Fixtures.path("Site/content"), Fixtures.path("Hostile/content"), Fixtures.defaultContent] {
            for baseURL in [nil, "https://example.org/digest/"] as [String?] {
                assertSameFiles(try render(content, baseURL: baseURL, shapes: false), try render(content, baseURL: baseURL, shapes: true),
                                "\(content) \(baseURL ?? "no base URL")")
            }
        }
    }

    func testPagesOfOneShapeShareOneRendering() throws {
        let model = try siteModel(Fixtures.defaultContent)
        let shapes = TemplateShapes(templates: try TemplateSet(directory: Fixtures.templates))
        let contexts = try PageContexts(model: model, markdown: MarkdownRenderer(), shapes: shapes)
        let before = shapes.shapeCount
        for index in model.papers.indices { _ = try shapes.render("paper", contexts.paper(index)) }
        let paperShapes = shapes.shapeCount - before
        XCTAssertGreaterThan(paperShapes, 1)
        XCTAssertLessThan(paperShapes, model.papers.count / 2, "\(paperShapes) shapes for \(model.papers.count) papers")
    }

    /// A theme of one template, `page`, with `text`.
    private func theme(_ text: String, partials: [String: String] = [:]) throws -> TemplateSet {
        let directory = try Fixtures.temporaryDirectory(self)
        for name in TemplateSet.required {
            try "-".write(to: directory.appendingPathComponent(name + ".mustache"), atomically: true, encoding: .utf8)
        }
        for (name, body) in partials.merging(["page": text]) { $1 } {
            try body.write(to: directory.appendingPathComponent(name + ".mustache"), atomically: true, encoding: .utf8)
        }
        return try TemplateSet(directory: directory.path)
    }

    func testValuesAreEscapedOrNotAsTheTemplateSays() throws {
        let templates = try theme("""
            <h1 title="{{title}}">{{{title}}}</h1>{{#date}}<time>{{date}}</time>{{/date}}{{^date}}undated{{/date}}
            {{#count}}<b>{{count}}</b>{{/count}} {{#flag}}yes{{/flag}}{{^flag}}no{{/flag}}
            <ul>{{#items}}<li>{{name}} {{title}} {{topic.name}}</li>{{/items}}</ul>{{#links}}<a href="{{.}}">{{.}}</a>{{/links}}
            {{>part}}
            """, partials: ["part": "<p>{{&title}} {{topic.name}}</p>"])
        let shapes = TemplateShapes(templates: templates)
        XCTAssertTrue(shapes.enabled)
        let contexts: [[String: Any]] = [
            ["title": "A <b>&</b> \"q\" 'x'", "date": "Jan 1", "count": 0, "flag": true, "topic": ["name": "T & U"],
             "items": [["name": "one"], ["name": "<two>"]], "links": ["https://a.org/?x=1&y=2", "b"]],
            ["title": "Plain", "date": "Feb 2", "count": 12, "flag": true, "topic": ["name": "V"],
             "items": [["name": "three"], ["name": "four"]], "links": ["c", "d"]],
            ["title": "", "date": false, "count": false, "flag": false, "topic": ["name": ""], "items": [], "links": [] as [String]],
            ["title": "Bell \u{7}0< inside", "date": "x", "count": 1, "flag": true, "topic": ["name": "x"], "items": [], "links": ["\u{7}"]],
            ["title": "A double", "date": 1.5, "count": 1, "flag": true, "topic": ["name": "x"], "items": [], "links": []],
        ]
        for context in contexts {
            XCTAssertEqual(String(decoding: try shapes.render("page", context), as: UTF8.self), try templates.render("page", context))
        }
        // The first two share a shape; the third differs; the last two are rendered in full.
        XCTAssertEqual(shapes.shapeCount, 2)
    }

    func testAListOrDictionaryShownWholeIsRenderedInFull() throws {
        // `{{.}}` on a dictionary prints Swift's description of it, marks and all.
        let templates = try theme("{{#items}}<li>{{.}}</li>{{/items}}{{topic}}")
        let shapes = TemplateShapes(templates: templates)
        for context in [["items": [["name": "one", "n": 1]], "topic": ["a"]], ["items": [["name": "two", "n": 2]], "topic": ["b"]]] as [[String: Any]] {
            XCTAssertEqual(String(decoding: try shapes.render("page", context), as: UTF8.self), try templates.render("page", context))
        }
    }

    /// Renders each context through shapes and in full, and fails where they differ.
    private func assertShapedEqualsFull(_ templates: TemplateSet, _ contexts: [[String: Any]], file: StaticString = #filePath, line: UInt = #line) throws {
        let shapes = TemplateShapes(templates: templates)
        XCTAssertTrue(shapes.enabled, file: file, line: line)
        for context in contexts {
            XCTAssertEqual(String(decoding: try shapes.render("page", context), as: UTF8.self), try templates.render("page", context), file: file, line: line)
        }
    }

    func testEveryTemplateAndPartialEscapesBytesEvenBeforeACombiningMark() throws {
        // The library's own escaping works on Characters: `"` followed by U+0338 is one Character it
        // does not know, and would end the attribute.
        let hostile = "\"\u{338} onmouseover=\"alert(1) <\u{338}b>"
        let templates = try theme("<p title=\"{{title}}\">{{>part}}</p>", partials: ["part": "<i title=\"{{title}}\">{{title}}</i>"])
        let html = try templates.render("page", ["title": hostile])
        XCTAssertFalse(html.contains("\"\u{338}"), html)
        XCTAssertFalse(html.contains("<\u{338}"), html)
        XCTAssertEqual(html.components(separatedBy: "&quot;\u{338} onmouseover=&quot;alert(1) &lt;\u{338}b&gt;").count, 4, html)
        try assertShapedEqualsFull(templates, [["title": hostile], ["title": "plain"]])
    }

    func testADictionaryOfFlagsPrintedWholeIsRenderedInFull() throws {
        let keys = (0..<12).map { "k\($0)" }
        let forward = Dictionary(uniqueKeysWithValues: keys.map { ($0, true) })
        let backward = Dictionary(uniqueKeysWithValues: keys.reversed().map { ($0, true) })
        try assertShapedEqualsFull(try theme("{{flags}}|{{#one}}{{.}}{{/one}}"), [["flags": forward, "one": forward], ["flags": backward, "one": backward]])
    }

    func testKeysNoTemplateNamesAreNoPartOfTheShape() throws {
        let templates = try theme("{{#items}}{{name}}{{/items}}{{ topic.label }}\n{{>part}}", partials: ["part": "{{#flag}}{{{other}}}{{/flag}}"])
        XCTAssertEqual(TemplateShapes.names(usedBy: "page", in: templates.sources), ["items", "name", "topic", "label", "flag", "other"])
        let contexts: [[String: Any]] = [
            ["items": [["name": "a", "unused": true]], "topic": ["label": "x", "id": 1], "flag": true, "other": "<o>", "menu": [1, 2]],
            ["items": [["name": "b", "unused": false]], "topic": ["label": "y", "id": 2], "flag": true, "other": "p", "menu": [1]],
        ]
        try assertShapedEqualsFull(templates, contexts)
        let shapes = TemplateShapes(templates: templates)
        for context in contexts { _ = try shapes.render("page", context) }
        XCTAssertEqual(shapes.shapeCount, 1)
    }

    func testANumberObjectIsRenderedInFull() throws {
        try assertShapedEqualsFull(try theme("{{a}}{{#b}}yes{{/b}}"), [["a": "x", "b": NSNumber(value: 0)], ["a": "y", "b": NSNumber(value: 1)]])
    }

    func testTemplatesThatMightChangeAMarkTurnShapesOff() throws {
        XCTAssertTrue(TemplateShapes.rendersValuesAsGiven(["page": "{{! a comment (with parentheses) }}{{title}}\n{{>part}}\n", "part": "{{{x}}}"]))
        for text in ["{{uppercased(title)}}", "{{#reversed(items)}}{{.}}{{/reversed(items)}}", "{{=<% %>=}}<%title%>",
                     "{{>*dynamic}}", "<div>\n  {{>part}}\n</div>", "\t{{<parent}}{{/parent}}", "text \u{7} bell",
                     "<div>\n  {{! body }}{{$b}}\n{{{body_html}}}</div>{{/b}}\n", "<main>\r\n{{>part}}\r\n</main>",
                     "{{<*which}}{{/*which}}", "{{>\n*which}}", "{{=<% }%=}}<%uppercased(title)}%", "{{ = | | = }}|title|"] {
            XCTAssertFalse(TemplateShapes.rendersValuesAsGiven(["page": text]), text)
        }
        let off = TemplateShapes(templates: try theme("{{lowercased(title)}}"))
        XCTAssertFalse(off.enabled)
        XCTAssertEqual(String(decoding: try off.render("page", ["title": "ABC"]), as: UTF8.self), "abc")
    }
}
