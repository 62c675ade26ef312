import Foundation
import XCTest
@testable import GazetteCore

/// Paths of the repository's test fixtures, default content and theme, found from this file.
enum Fixtures {
    /// The repository root (two levels above `Tests/GazetteCoreTests`).
    static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let directory = repository.appendingPathComponent("Tests/Fixtures")
    static let templates = repository.appendingPathComponent("templates").path
    static let defaultContent = repository.appendingPathComponent("content").path

    /// The bytes of `Tests/Fixtures/<relative>`.
    static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(relative)))
    }

    /// The path of `Tests/Fixtures/<relative>`.
    static func path(_ relative: String) -> String { directory.appendingPathComponent(relative).path }

    /// A fresh empty temporary directory, removed when the test ends.
    static func temporaryDirectory(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// `content/dumps` inside a fresh temporary directory, not created yet: fetches make it.
    static func dumpsFolder(_ test: XCTestCase) throws -> URL {
        try temporaryDirectory(test).appendingPathComponent("content/dumps")
    }

    /// Every file under `root`, relative path → bytes (directories are not entries).
    static func snapshot(_ root: String) -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: root + "/" + path) { result[path] = data }
        }
        return result
    }

    /// The names in `folder`, sorted; none when it does not exist.
    static func fileNames(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }
}

/// The site model of a content directory, as a build makes it (parse, merge, slugs, topics), with
/// `configure` applied to its config first.
func siteModel(_ contentDirectory: String, configure: (inout SiteConfig) -> Void = { _ in }) throws -> SiteModel {
    var content = try loadContent(contentDirectory)
    configure(&content.config)
    var papers = mergePapers(content.dumps)
    assignSlugs(&papers)
    return SiteModel(config: content.config, dumps: content.dumps, papers: papers,
                     topics: inferTopics(papers, options: content.config.topics), pages: content.pages)
}

/// Fails unless `actual` holds the same files as `expected`, byte for byte; names each that differs.
func assertSameFiles(_ expected: OutputTree, _ actual: OutputTree, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(expected.files.keys.sorted(), actual.files.keys.sorted(), label, file: file, line: line)
    for (path, bytes) in expected.files where bytes != actual.files[path] {
        XCTFail("\(label): \(path) differs", file: file, line: line)
    }
}
