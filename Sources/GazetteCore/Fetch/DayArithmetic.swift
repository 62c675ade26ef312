import Foundation

/// Calendar days for fetching: parsing `YYYY-MM-DD`, stepping by days and today's date, all in UTC
/// because the Daily Papers API dates its listings in UTC.
extension PaperDate {
    /// The day `2025-08-07` names, or nil when it is not a real day in that form.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        let date = PaperDate(year: year, month: month, day: day)
        // Calendar normalises Feb 30 into March: a day that does not round-trip does not exist.
        guard let instant = date.midnightUTC, PaperDate(utc: instant) == date else { return nil }
        self = date
    }

    /// The UTC day `instant` falls on.
    public init(utc instant: Date) {
        let parts = PaperDate.utcCalendar.dateComponents([.year, .month, .day], from: instant)
        self.init(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> PaperDate {
        guard let start = midnightUTC, let moved = PaperDate.utcCalendar.date(byAdding: .day, value: count, to: start) else { return self }
        return PaperDate(utc: moved)
    }

    private var midnightUTC: Date? {
        PaperDate.utcCalendar.date(from: DateComponents(year: year, month: month, day: day))
    }

    private static var utcCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }
}
