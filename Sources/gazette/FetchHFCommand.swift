import ArgumentParser
import Foundation
import GazetteCore

struct FetchHFCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hf",
        abstract: "Fetch Hugging Face Daily Papers listings, one content/dumps/YYYY-MM-DD.json per day.",
        discussion: """
        Without a date option, fetches yesterday (UTC), the last complete day. Ranges end with \
        yesterday too: today's listing still grows, and a written day is skipped later. A day with \
        no papers (weekends) writes nothing. The endpoint is --base-url, else $GAZETTE_HF_API_URL, \
        else https://huggingface.co/api/daily_papers.

        Example: gazette fetch hf --since 2025-08-01
        """
    )

    @OptionGroup var fetch: FetchOptions

    @Option(name: .long, help: "The one day to fetch, today allowed (example: --date 2025-08-07).")
    var date: String?

    @Option(name: .long, help: "Fetch every day from this one to yesterday (example: --since 2025-08-01).")
    var since: String?

    @Flag(name: .long, help: "Fetch the seven days before today (example: --week).")
    var week = false

    @Flag(name: .long, help: "Fetch the thirty days before today (example: --month).")
    var month = false

    func validate() throws {
        let chosen = [date != nil, since != nil, week, month].filter { $0 }.count
        if chosen > 1 { throw ValidationError("choose one of --date, --since, --week and --month") }
        for text in [date, since].compactMap({ $0 }) where PaperDate(iso: text) == nil {
            throw ValidationError(FetchError.badDate(text).description)
        }
    }

    /// The days the options name.
    var selection: DaySelection {
        if let date, let day = PaperDate(iso: date) { return .date(day) }
        if let since, let day = PaperDate(iso: since) { return .since(day) }
        if week { return .week }
        if month { return .month }
        return .lastCompleteDay
    }

    func run() async throws {
        do {
            let endpoint = try fetch.endpoint(variable: "GAZETTE_HF_API_URL", fallback: DailyPapersSource.defaultURL)
            let source = DailyPapersSource(api: PagedAPI(client: fetch.client(), endpoint: endpoint, pageSize: 100))
            let days = try selection.days(today: PaperDate(utc: Date()))
            let outcomes = try await fetchDailyPapers(days: days, into: fetch.dumpsDirectory, force: fetch.force, source: source) {
                print("gazette: \($0.message)")
            }
            let written = outcomes.filter { if case .written = $0 { return true } else { return false } }.count
            print("gazette: fetched \(written) of \(days.count) day\(days.count == 1 ? "" : "s")")
        } catch {
            throw fail(error)
        }
    }
}
