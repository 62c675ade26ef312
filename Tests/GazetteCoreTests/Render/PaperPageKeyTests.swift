import XCTest
@testable import GazetteCore

/// A paper page's key stands in for its context's fingerprint in an incremental build: whenever
/// the context (or the layout around it) changes, the key must change too, or the build would keep
/// a stale page.
final class PaperPageKeyTests: XCTestCase {
    private static func fullPaper() -> Paper {
        Paper(slug: "a-paper", title: "A $\\alpha$ Paper", abstract: "An abstract.", authorCount: 3,
              published: PaperDate(year: 2024, month: 5, day: 7), upvotes: 12, codeLinks: ["https://github.com/a/b"],
              otherLinks: ["https://example.org"], sources: [SourceRef(dump: "d.txt", line: 4)], abstractIsAISummary: false,
              details: PaperDetails(arxivID: "2405.01234", authors: ["Ada", "Bo"], submittedOnDaily: PaperDate(year: 2024, month: 5, day: 8),
                                    updated: PaperDate(year: 2024, month: 6, day: 1), comments: 2, githubRepo: "https://github.com/a/b",
                                    projectPage: "https://a.org", aiSummary: "Summary.", aiKeywords: ["k"], categories: ["cs.CL"]))
    }

    private static func recordKey(_ paper: Paper) -> UInt64 {
        var key = ValueFingerprint()
        key.add(paper: paper)
        return key.value
    }

    func testEveryFieldOfAPaperIsInItsRecordKey() {
        // A field added to these types must be added to `ValueFingerprint.add(paper:)`, and a case here.
        XCTAssertEqual(Mirror(reflecting: Self.fullPaper()).children.count, 11, "Paper gained a field: add it to add(paper:)")
        XCTAssertEqual(Mirror(reflecting: Self.fullPaper().details).children.count, 10, "PaperDetails gained a field: add it to add(paper:)")
        XCTAssertEqual(Mirror(reflecting: PaperDate(year: 2024, month: 1, day: 1)).children.count, 3)
        XCTAssertEqual(Mirror(reflecting: SourceRef(dump: "d", line: 1)).children.count, 2)
        let edits: [(String, (inout Paper) -> Void)] = [
            ("slug", { $0.slug = "b-paper" }), ("title", { $0.title = "Another" }), ("abstract", { $0.abstract = nil }),
            ("authorCount", { $0.authorCount = 4 }), ("published", { $0.published = PaperDate(year: 2024, month: 5, day: 8) }),
            ("upvotes", { $0.upvotes = nil }), ("codeLinks", { $0.codeLinks = [] }), ("otherLinks", { $0.otherLinks.append("https://x.org") }),
            ("source dump", { $0.sources[0].dump = "e.txt" }), ("source line", { $0.sources[0].line = 5 }),
            ("abstractIsAISummary", { $0.abstractIsAISummary = true }), ("arxivID", { $0.details.arxivID = nil }),
            ("authors", { $0.details.authors = ["Ada"] }), ("submittedOnDaily", { $0.details.submittedOnDaily = nil }),
            ("updated", { $0.details.updated = PaperDate(year: 2025, month: 6, day: 1) }), ("comments", { $0.details.comments = 3 }),
            ("githubRepo", { $0.details.githubRepo = nil }), ("projectPage", { $0.details.projectPage = "https://b.org" }),
            ("aiSummary", { $0.details.aiSummary = "Other." }), ("aiKeywords", { $0.details.aiKeywords = [] }),
            ("categories", { $0.details.categories = ["cs.LG"] }),
            // Moving text from one field to the next is a change too.
            ("authors split", { $0.details.authors = ["AdaBo"] }),
        ]
        let base = Self.recordKey(Self.fullPaper())
        XCTAssertEqual(base, Self.recordKey(Self.fullPaper()), "the same paper, the same key")
        var seen: [UInt64: String] = [base: "unchanged"]
        for (field, edit) in edits {
            var paper = Self.fullPaper()
            edit(&paper)
            let key = Self.recordKey(paper)
            XCTAssertNil(seen[key], "\(field): same key as \(seen[key] ?? "")")
            seen[key] = field
        }
    }

    /// Each paper's context fingerprint (path, page and layout, as the build takes it) and key.
    private func fingerprints(_ model: SiteModel) throws -> (contexts: [UInt64], keys: [UInt64], cards: [UInt64], cardKeys: [UInt64]) {
        let templates = try TemplateSet(directory: Fixtures.templates)
        let contexts = try PageContexts(model: model, markdown: MarkdownRenderer(), shapes: TemplateShapes(templates: templates), eagerCards: false)
            .fingerprinting()
        var byContext: [UInt64] = [], byKey: [UInt64] = []
        for index in model.papers.indices {
            let path = PageContexts.paperPath(model.papers[index])
            let title = contexts.titles[index], description = contexts.summary(index)
            byContext.append(ValueFingerprint.of(path, contexts.paper(index),
                                                 contexts.layout(path: path, title: title, description: description, body: "", section: "papers")))
            byKey.append(contexts.paperPageKey(index, title: title))
        }
        let cards = model.papers.indices.map {
            ValueFingerprint.of(PageContexts.cardContext($0, model: model, title: contexts.titles[$0], summary: contexts.summary($0)))
        }
        return (byContext, byKey, cards, contexts.cardFingerprints!)
    }

    func testAPaperPageOrCardKeyChangesWheneverThePageOrCardWould() throws {
        let model = try siteModel(Fixtures.defaultContent)
        let before = try fingerprints(model)
        // A paper with related papers and a newer neighbour in its topic, and one of each.
        let paper = model.papers.indices.first { !model.topics.related[$0].isEmpty && model.topics.memberships[$0].first?.isPrimary == true }!
        let related = model.topics.related[paper][0].paper
        let templates = try TemplateSet(directory: Fixtures.templates)
        let contexts = try PageContexts(model: model, markdown: MarkdownRenderer(), shapes: TemplateShapes(templates: templates), eagerCards: false)
        let sameTopic = contexts.primaryByDate[model.topics.memberships[paper][0].topic]
        let neighbour = sameTopic[contexts.datePosition[paper] == 0 ? 1 : contexts.datePosition[paper] - 1]
        let edits: [(String, (inout SiteModel) -> Void)] = [
            ("its own abstract", { $0.papers[paper].abstract = "Changed." }),
            ("a related paper's title", { $0.papers[related].title += " (revised)" }),
            ("a related paper's date", { $0.papers[related].published = PaperDate(year: 2001, month: 1, day: 1) }),
            ("its related list", { $0.topics.related[paper].removeLast() }),
            ("its topic's name", { $0.topics.topics[$0.topics.memberships[paper][0].topic].name = "Renamed" }),
            ("its topic's slug", { $0.topics.topics[$0.topics.memberships[paper][0].topic].slug = "renamed" }),
            ("why it is in its topic", { $0.topics.memberships[paper][0].becauseOf = ["other"] }),
            ("its second topic", { $0.topics.memberships[paper].append(TopicMembership(topic: ($0.topics.memberships[paper][0].topic + 1) % $0.topics.topics.count, score: 0.1, isPrimary: false, becauseOf: ["x"])) }),
            ("a neighbour's title", { $0.papers[neighbour].title += " (revised)" }),
            ("a neighbour's slug", { $0.papers[neighbour].slug += "-2" }),
            ("an issue's date", { $0.dumps[0].captureDate = CaptureDate(month: 2, day: 29) }),
            ("the menu", { $0.pages.append(ContentPage(slug: "new", title: "New page", description: nil, menuOrder: 1, markdown: "Hi", path: "pages/new.md")) }),
            ("the site title", { $0.config.title = "Another digest" }),
            ("its upvotes", { $0.papers[paper].upvotes = 99_999 }),
            ("its authors", { $0.papers[paper].authorCount = 77 }),
            ("its main topic", { $0.topics.memberships[paper][0].topic = ($0.topics.memberships[paper][0].topic + 1) % $0.topics.topics.count }),
        ]
        for (label, edit) in edits {
            var edited = model
            edit(&edited)
            let after = try fingerprints(edited)
            let changed = model.papers.indices.filter { before.contexts[$0] != after.contexts[$0] }
            XCTAssertFalse(changed.isEmpty, "\(label): the edit shows on no page")
            for index in changed {
                XCTAssertNotEqual(before.keys[index], after.keys[index], "\(label): \(model.papers[index].slug)'s page changed, its key did not")
            }
            // A card's key stands in for its context on every list that shows it.
            for index in model.papers.indices where before.cards[index] != after.cards[index] {
                XCTAssertNotEqual(before.cardKeys[index], after.cardKeys[index], "\(label): \(model.papers[index].slug)'s card changed, its key did not")
            }
            // Keys are worth having only if papers the edit does not touch keep theirs.
            let unchanged = model.papers.indices.filter { before.contexts[$0] == after.contexts[$0] }
            XCTAssertEqual(unchanged.filter { before.keys[$0] != after.keys[$0] }, [], "\(label): keys changed on unchanged pages")
        }
    }
}
