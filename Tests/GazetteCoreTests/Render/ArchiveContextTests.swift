import XCTest
@testable import GazetteCore

final class ArchiveContextTests: XCTestCase {
    /// The archive's months come from the newest-first order; they must be what sorting each month
    /// on its own gives: months newest first, papers newest first, ties by title then slug, and the
    /// undated last by title then slug.
    func testMonthsHoldEachMonthsPapersNewestFirstTiesByTitleThenSlug() throws {
        var model = try siteModel(Fixtures.defaultContent)
        // Ties the order must break: same day and title (two papers), and papers without a date.
        model.papers[1].published = model.papers[0].published
        model.papers[1].title = model.papers[0].title
        for index in [2, 3, 4] { model.papers[index].published = nil }
        model.papers[3].title = model.papers[2].title
        let contexts = try PageContexts(model: model, markdown: MarkdownRenderer(), shapes: TemplateShapes(templates: TemplateSet(directory: Fixtures.templates), enabled: true))
        let dated = model.papers.indices.filter { model.papers[$0].published != nil }
        let keys = Set(dated.map { model.papers[$0].published!.monthKey }).sorted(by: >)
        func byTitleThenSlug(_ a: Int, _ b: Int) -> Bool { (model.papers[a].title, model.papers[a].slug) < (model.papers[b].title, model.papers[b].slug) }
        var expected: [(String, [Int])] = keys.map { key in
            (key, dated.filter { model.papers[$0].published!.monthKey == key }.sorted { a, b in
                let da = model.papers[a].published!, db = model.papers[b].published!
                return da != db ? da > db : byTitleThenSlug(a, b)
            })
        }
        expected.append(("undated", model.papers.indices.filter { model.papers[$0].published == nil }.sorted(by: byTitleThenSlug)))
        let months = contexts.archiveMonths()
        XCTAssertEqual(months.map(\.key), expected.map(\.0))
        XCTAssertEqual(months.map(\.papers), expected.map(\.1))
        XCTAssertGreaterThan(months.count, 2)
        XCTAssertTrue(Set([2, 3, 4]).isSubset(of: months.last?.papers ?? []))
    }
}
