/// One record of Hugging Face's Daily Papers API: an item of the daily list or of search results
/// (which wraps `paper` and carries the comment count), or a bare `paper` object. Fields Gazette does
/// not use are ignored.
struct DailyPapersRecord: Decodable {
    var paper: DailyPapersPaper
    var numComments: Int?

    private enum CodingKeys: String, CodingKey { case paper, numComments }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.paper) {
            paper = try container.decode(DailyPapersPaper.self, forKey: .paper)
            numComments = try container.decodeIfPresent(Int.self, forKey: .numComments)
        } else {
            paper = try DailyPapersPaper(from: decoder)
            numComments = try container.decodeIfPresent(Int.self, forKey: .numComments)
        }
    }
}

/// The `paper` object of the API.
struct DailyPapersPaper: Decodable {
    var id: String
    var title: String
    var summary: String?
    var authors: [DailyPapersAuthor]?
    var publishedAt: String?
    var submittedOnDailyAt: String?
    var upvotes: Int?
    var githubRepo: String?
    var projectPage: String?
    var aiSummary: String?
    var aiKeywords: [String]?

    private enum CodingKeys: String, CodingKey {
        case id, title, summary, authors, publishedAt, submittedOnDailyAt, upvotes, githubRepo, projectPage
        case aiSummary = "ai_summary", aiKeywords = "ai_keywords"
    }
}

/// An author of a `paper`; hidden authors are left out of the digest.
struct DailyPapersAuthor: Decodable {
    var name: String
    var hidden: Bool?
}
