import XCTest
@testable import GazetteCore

final class ContentPageTests: XCTestCase {
    private let path = "content/pages/about.md"

    /// The description of the error parsing `text` throws, or a failure when it does not throw.
    private func errorMessage(_ text: String, line: UInt = #line) -> String? {
        do {
            _ = try parseContentPage(text, path: path)
            XCTFail("expected an error", line: line)
            return nil
        } catch {
            return "\(error)"
        }
    }

    func testFrontMatterIsParsed() throws {
        let page = try parseContentPage("""
            ---
            title: About this digest
            description: What Gazette is.
            slug: About Us
            menu: 2
            ---
            Some **Markdown**.
            """, path: path)
        XCTAssertEqual(page.title, "About this digest")
        XCTAssertEqual(page.description, "What Gazette is.")
        XCTAssertEqual(page.slug, "about-us")
        XCTAssertEqual(page.menuOrder, 2)
        XCTAssertEqual(page.markdown, "Some **Markdown**.")
        XCTAssertEqual(page.path, path)
    }

    func testOptionalKeysDefaultFromFileName() throws {
        let page = try parseContentPage("---\ntitle: Colophon\n---\nText\n", path: "content/pages/How It Works.md")
        XCTAssertEqual(page.slug, "how-it-works")
        XCTAssertNil(page.description)
        XCTAssertNil(page.menuOrder)
    }

    func testCRLFAndByteOrderMarkAreAccepted() throws {
        let page = try parseContentPage("\u{FEFF}---\r\ntitle: About\r\n---\r\nBody\r\n", path: path)
        XCTAssertEqual(page.title, "About")
        XCTAssertEqual(page.markdown, "Body\n")
    }

    func testMissingTitleThrowsNamingTheFile() throws {
        let message = try XCTUnwrap(errorMessage("---\ndescription: No title here\n---\nBody\n"))
        XCTAssertTrue(message.contains(path), message)
        XCTAssertTrue(message.contains("title"), message)
    }

    func testMissingFrontMatterThrowsNamingTheFile() throws {
        let message = try XCTUnwrap(errorMessage("# Just Markdown\n"))
        XCTAssertTrue(message.contains(path + ":1"), message)
    }

    func testPageErrorDoesNotCallThePageADump() throws {
        let message = try XCTUnwrap(errorMessage("---\ndescription: No title here\n---\nBody\n"))
        XCTAssertFalse(message.contains("dump"), message)
    }

    func testUnclosedFrontMatterThrowsNamingTheFile() throws {
        let message = try XCTUnwrap(errorMessage("---\ntitle: About\n\nBody text but no closing fence\n"))
        XCTAssertTrue(message.contains(path), message)
        XCTAssertTrue(message.contains("never closed"), message)
    }

    func testUnknownKeyThrowsNamingFileLineAndKey() throws {
        let message = try XCTUnwrap(errorMessage("---\ntitle: About\nmenu_order: 1\n---\nBody\n"))
        XCTAssertTrue(message.contains(path + ":3"), message)
        XCTAssertTrue(message.contains("menu_order"), message)
    }
}
