import XCTest
@testable import GazetteCore

final class PaperLinkTargetTests: XCTestCase {
    func testEachPartOfAnEntryIsKnownByWhereItLinks() {
        XCTAssertEqual(PaperLinkTarget("https://huggingface.co/papers/2310.03714"), .paper("2310.03714"))
        XCTAssertEqual(PaperLinkTarget("/papers/2310.03714"), .paper("2310.03714"))
        XCTAssertEqual(PaperLinkTarget("papers/2502.20581v2"), .paper("2502.20581"))
        XCTAssertEqual(PaperLinkTarget("https://huggingface.co/papers/2606.00683#community"), .paperSection("2606.00683"))
        XCTAssertEqual(PaperLinkTarget("https://huggingface.co/login?next=%2Fpapers%2F2606.00683"), .login("2606.00683"))
        XCTAssertEqual(PaperLinkTarget("https://arxiv.org/abs/2310.03714"), .arxiv("2310.03714"))
        XCTAssertEqual(PaperLinkTarget("https://arxiv.org/pdf/2310.03714"), .arxiv("2310.03714"))
    }

    func testOtherPagesAreNotPapers() {
        for url in ["https://huggingface.co/papers/trending", "https://huggingface.co/papers/date/2026-03-24",
                    "https://huggingface.co/papers?date=2023-10-05", "https://huggingface.co/akhaliq",
                    "https://huggingface.co/login", "https://github.com/x/papers/2310.03714",
                    "https://huggingface.co/papers/2310.03714/files", "https://huggingface.co/papers/2313.03714"] {
            XCTAssertEqual(PaperLinkTarget(url), .other, url)
        }
    }

    func testArxivIDsAreNewStyleWithoutVersion() {
        XCTAssertEqual(leadingArxivID("1802.08979)"), "1802.08979")
        XCTAssertEqual(leadingArxivID("2502.20581v3"), "2502.20581")
        XCTAssertEqual(leadingArxivID("0704.0001"), "0704.0001")  // four digits before 2015
        XCTAssertNil(leadingArxivID("2502.205"))
        XCTAssertNil(leadingArxivID("2502.205812"))
        XCTAssertNil(leadingArxivID("2502.20581abc"))
        XCTAssertNil(leadingArxivID("hep-th/9901001"))
    }
}
