import Foundation
import XCTest
@testable import GazetteCore

/// The rendered site must not depend on how many threads render it.
final class RenderDeterminismTests: XCTestCase {
    func render(_ contentDirectory: String, workers: Int) throws -> OutputTree {
        try renderSite(try siteModel(contentDirectory), templates: TemplateSet(directory: Fixtures.templates), workers: workers).0
    }

    func testOneThreadAndManyThreadsRenderTheSameBytes() throws {
        for content in [Fixtures.path("Hostile/content"), Fixtures.defaultContent] {
            let single = try render(content, workers: 1)
            XCTAssertGreaterThan(single.files.count, 20)
            for workers in [4] {
                let many = try render(content, workers: workers)
                XCTAssertEqual(single.files.keys.sorted(), many.files.keys.sorted())
                XCTAssertTrue(single.files == many.files, "\(content) with \(workers) threads differs from one thread")
            }
        }
    }
}
