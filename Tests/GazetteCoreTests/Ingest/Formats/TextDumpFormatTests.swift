import Foundation
import XCTest
@testable import GazetteCore

/// The copied-text layouts behind the format interface: the five real dumps of the default content
/// must give exactly the entries the text parser gave before the formats existed.
final class TextDumpFormatTests: XCTestCase {
    /// Every field of every entry, one line each, in a form that changes when any of them does.
    static func canonical(_ dump: Dump) -> String {
        var lines = ["capture \(dump.captureDate?.display ?? "-") entries \(dump.entries.count)"]
        for entry in dump.entries {
            lines.append([
                "\(entry.line)", entry.title, entry.abstract ?? "-", entry.authorCount.map(String.init) ?? "-",
                entry.published?.iso ?? "-", entry.upvotes.map(String.init) ?? "-",
            ].joined(separator: "\u{1F}"))
        }
        return lines.joined(separator: "\n")
    }

    /// FNV-1a, 64 bits: enough to pin a parse without storing the dumps' text twice.
    static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16)
    }

    func testRealDumpsParseAsBeforeTheFormatInterface() throws {
        let expected = try String(contentsOfFile: Fixtures.path("Dumps/default-content-parse.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let directory = Fixtures.defaultContent + "/dumps"
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertEqual(files.count, 5)
        let actual = try files.map { file -> String in
            let (dump, _) = try readDump(path: directory + "/" + file, rules: [])
            return "\(file) \(dump.entries.count) \(Self.fingerprint(Self.canonical(dump)))"
        }
        XCTAssertEqual(actual, expected)
    }
}
