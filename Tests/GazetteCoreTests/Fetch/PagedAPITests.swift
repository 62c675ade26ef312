import Foundation
@testable import GazetteCore
import XCTest

final class PagedAPITests: XCTestCase {
    private let client = FetchClient()

    func testQueryItemsFollowTheEndpointsOwn() {
        let api = PagedAPI(client: client, endpoint: URL(string: "http://127.0.0.1:9/api/query?key=k")!, pageSize: 10)
        XCTAssertEqual(api.url([URLQueryItem(name: "search_query", value: "cat:cs.CL AND ti:\"x y\"")]).absoluteString,
                       "http://127.0.0.1:9/api/query?key=k&search_query=cat:cs.CL%20AND%20ti:%22x%20y%22")
    }

    func testEachSourceCapsThePageSizeAtItsServicesLimit() {
        let endpoint = URL(string: "http://127.0.0.1:9/")!
        XCTAssertEqual(DailyPapersSource(api: PagedAPI(client: client, endpoint: endpoint, pageSize: 500)).api.pageSize, 100)
        XCTAssertEqual(DailyPapersSource(api: PagedAPI(client: client, endpoint: endpoint, pageSize: 0)).api.pageSize, 1)
        XCTAssertEqual(ArxivSource(api: PagedAPI(client: client, endpoint: endpoint, pageSize: 5000)).api.pageSize, 2000)
        XCTAssertEqual(ArxivSource(api: PagedAPI(client: client, endpoint: endpoint, pageSize: 200)).api.pageSize, 200)
    }
}
