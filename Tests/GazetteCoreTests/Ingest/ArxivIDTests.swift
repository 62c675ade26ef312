import XCTest
@testable import GazetteCore

final class ArxivIDTests: XCTestCase {
    func testIDsAreFoundInEveryFormTheSourcesGiveWithoutTheirVersion() {
        for raw in ["2310.03714", "2310.03714v2", "http://arxiv.org/abs/2310.03714v1", "https://arxiv.org/pdf/2310.03714v3.pdf",
                    "arXiv:2310.03714", "https://huggingface.co/papers/2310.03714", " 2310.03714 "] {
            XCTAssertEqual(normalizedArxivID(raw), "2310.03714", raw)
        }
        XCTAssertEqual(normalizedArxivID("2401.1234"), "2401.1234")
        XCTAssertEqual(normalizedArxivID("http://arxiv.org/abs/hep-th/9901001v3"), "hep-th/9901001")
        XCTAssertEqual(normalizedArxivID("math.GT/0309136"), "math.GT/0309136")
    }

    func testTextThatIsNoIDGivesNil() {
        for raw in ["", "not-an-id", "2310.037", "23100.03714", "http://arxiv.org/api/errors#incorrect_id", "2310.03714x", "hep-th/99"] {
            XCTAssertNil(normalizedArxivID(raw), raw)
        }
    }

    func testPaperKeysOfIDsCannotMeetTitleKeys() {
        XCTAssertNotEqual(arxivPaperKey("2310.03714"), normalizedTitleKey("arxiv 2310.03714"))
    }
}
