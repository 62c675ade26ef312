import XCTest
@testable import GazetteCore

final class SiteScaffoldTests: XCTestCase {
    func testEmbeddedThemeMatchesTemplatesFolder() throws {
        let onDisk = try filesUnder(Fixtures.templates)
        XCTAssertEqual(EmbeddedScaffold.templates.map(\.path), onDisk.map(\.0),
                       "the embedded theme lists other files than templates/: run `make embed-scaffold`")
        for (embedded, disk) in zip(EmbeddedScaffold.templates, onDisk) {
            XCTAssertEqual(embedded.text, disk.1, "\(embedded.path) differs from templates/: run `make embed-scaffold`")
        }
    }

    func testEmbeddedContentMatchesScaffoldFolder() throws {
        let onDisk = try filesUnder(Fixtures.repository.appendingPathComponent("scaffold/content").path)
        XCTAssertEqual(EmbeddedScaffold.content.map(\.path), onDisk.map(\.0))
        for (embedded, disk) in zip(EmbeddedScaffold.content, onDisk) {
            XCTAssertEqual(embedded.text, disk.1, "\(embedded.path) differs from scaffold/content/: run `make embed-scaffold`")
        }
    }

    func testNewDigestBuildsAtOnce() throws {
        let directory = try Fixtures.temporaryDirectory(self).appendingPathComponent("digest").path
        let written = try scaffoldSite(at: directory)
        XCTAssertTrue(written.contains("content/site.yml"))
        XCTAssertTrue(written.contains("content/pages/about.md"))
        XCTAssertTrue(written.contains("templates/layout.mustache"))
        XCTAssertTrue(written.contains("templates/assets/style.css"))
        XCTAssertTrue(written.contains { $0.hasPrefix("content/dumps/") && $0.hasSuffix(".txt") })

        let root = directory as NSString
        let report = try buildSite(BuildOptions(contentDirectory: root.appendingPathComponent("content"),
                                                outputDirectory: root.appendingPathComponent("public"),
                                                templatesDirectory: root.appendingPathComponent("templates")))
        XCTAssertGreaterThan(report.papers, 0)
        XCTAssertGreaterThan(report.topics, 0)
        XCTAssertTrue(report.diagnostics.filter { $0.severity == .error }.isEmpty)
        let about = try String(contentsOfFile: root.appendingPathComponent("public/about/index.html"), encoding: .utf8)
        XCTAssertTrue(about.contains("<h1>About</h1>") || about.contains(">About<"), about)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("public/index.html")))
    }

    func testNewRefusesANonEmptyFolder() throws {
        let directory = try Fixtures.temporaryDirectory(self)
        try Data("keep me".utf8).write(to: directory.appendingPathComponent("notes.txt"))
        XCTAssertThrowsError(try scaffoldSite(at: directory.path)) { error in
            XCTAssertEqual(error as? ScaffoldError, .notEmpty(directory.path))
        }
        XCTAssertEqual(try String(contentsOf: directory.appendingPathComponent("notes.txt"), encoding: .utf8), "keep me")
    }

    /// (relative path, text) of every non-hidden file under `folder`, sorted by path.
    private func filesUnder(_ folder: String) throws -> [(String, String)] {
        let fm = FileManager.default
        var found: [(String, String)] = []
        let enumerator = fm.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            let path = (folder as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            found.append((relative, try String(contentsOfFile: path, encoding: .utf8)))
        }
        return found.sorted { $0.0 < $1.0 }
    }
}
