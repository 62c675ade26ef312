import Foundation
@testable import GazetteCore
import XCTest

final class APIEndpointTests: XCTestCase {
    private let fallback = URL(string: "https://huggingface.co/api/daily_papers")!

    func testTheOptionThenTheEnvironmentThenThePublicService() throws {
        let environment = ["GAZETTE_HF_API_URL": "http://127.0.0.1:9/env"]
        XCTAssertEqual(try apiEndpoint(option: "http://127.0.0.1:9/option", environment: environment, variable: "GAZETTE_HF_API_URL", fallback: fallback).absoluteString,
                       "http://127.0.0.1:9/option")
        XCTAssertEqual(try apiEndpoint(option: nil, environment: environment, variable: "GAZETTE_HF_API_URL", fallback: fallback).absoluteString,
                       "http://127.0.0.1:9/env")
        XCTAssertEqual(try apiEndpoint(option: nil, environment: ["GAZETTE_HF_API_URL": ""], variable: "GAZETTE_HF_API_URL", fallback: fallback), fallback)
        XCTAssertEqual(try apiEndpoint(option: nil, environment: [:], variable: "GAZETTE_HF_API_URL", fallback: fallback), fallback)
    }

    func testOnlyHTTPURLsAreAccepted() {
        XCTAssertThrowsError(try apiEndpoint(option: "localhost:8080", environment: [:], variable: "V", fallback: fallback)) { error in
            XCTAssertEqual(error as? FetchError, .badEndpoint("localhost:8080", from: "--base-url"))
        }
        for text in ["ftp://example.org/api", "huggingface.co/api", "file:///tmp/x"] {
            XCTAssertThrowsError(try apiEndpoint(option: nil, environment: ["V": text], variable: "V", fallback: fallback)) { error in
                XCTAssertEqual(error as? FetchError, .badEndpoint(text, from: "V"))
            }
        }
    }
}
