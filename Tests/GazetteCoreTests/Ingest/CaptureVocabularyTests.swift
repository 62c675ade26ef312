import XCTest
@testable import GazetteCore

final class CaptureVocabularyTests: XCTestCase {
    func testTitlesAreTellFromProseLabelsAndCounts() {
        XCTAssertTrue(CaptureVocabulary.isTitleLike("What do we learn from inverting CLIP models?", minWords: 2))
        XCTAssertTrue(CaptureVocabulary.isTitleLike("Does Liking Yellow Imply Driving a School Bus? Semantic Leakage in Language Models", minWords: 2))
        XCTAssertTrue(CaptureVocabulary.isTitleLike("Wordcraft", minWords: 1))
        XCTAssertFalse(CaptureVocabulary.isTitleLike("Wordcraft", minWords: 2))
        for notTitle in ["Daily Papers - Hugging Face", "Paper page - DSPy", "Authors:", "3 authors", "Upvote 33",
                         "Published on Oct 5, 2023", "https://huggingface.co/papers/2310.03714", "We present a method that works."] {
            XCTAssertFalse(CaptureVocabulary.isTitleLike(notTitle, minWords: 1), notTitle)
        }
    }

    func testSummariesAreOneSentenceAndAbstractsSeveral() {
        let summary = "UniMate is a unified diffusion transformer that generates articulated motion for arbitrary skeletons."
        XCTAssertTrue(CaptureVocabulary.isProse(summary))
        XCTAssertTrue(CaptureVocabulary.isSummaryShaped(summary))
        XCTAssertFalse(CaptureVocabulary.isSummaryShaped("We study things. We find that things are as they seem."))
    }

    func testClosingSectionsOfAPaperPage() {
        for heading in ["Community", "Community 3", "Models citing this paper 0", "Collections including this paper 21"] {
            XCTAssertTrue(CaptureVocabulary.isClosingSection(heading), heading)
        }
        XCTAssertFalse(CaptureVocabulary.isClosingSection("Community Detection with Large Language Models"))
    }

    func testCountsAndLabels() {
        XCTAssertEqual(CaptureVocabulary.authorCount("- - - 3 authors"), 3)
        XCTAssertEqual(CaptureVocabulary.authorCount("1 author"), 1)
        XCTAssertNil(CaptureVocabulary.authorCount("by 442 authors"))
        XCTAssertEqual(CaptureVocabulary.upvoteCount("Upvote 117")?.count, 117)
        XCTAssertEqual(CaptureVocabulary.upvoteCount("[-] 19")?.count, 19)
        XCTAssertEqual(CaptureVocabulary.upvoteCount("Upvote")?.labelled, true)
        XCTAssertNil(CaptureVocabulary.upvoteCount("+25"))
        XCTAssertNil(CaptureVocabulary.upvoteCount("GitHub 131"))
        XCTAssertEqual(CaptureVocabulary.arxivLine("arxiv:2310.03714"), "2310.03714")
        XCTAssertEqual(CaptureVocabulary.authorsAfterLabel("Authors: A B, C D and E F"), ["A B", "C D", "E F"])
        XCTAssertEqual(CaptureVocabulary.withoutPlaceholders("[图片：kandinskylab] Kandinsky Lab"), "Kandinsky Lab")
        XCTAssertEqual(CaptureVocabulary.withoutPlaceholders("[Upvote"), "Upvote")
    }
}
