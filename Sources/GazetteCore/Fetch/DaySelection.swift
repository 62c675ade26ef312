/// Which days `gazette fetch hf` asks for. Ranges end with yesterday: today's listing is still
/// growing, and a day once written is skipped, so fetching it early would keep it incomplete.
public enum DaySelection: Equatable, Sendable {
    /// Exactly this day, today included.
    case date(PaperDate)
    /// Every day from this one to yesterday.
    case since(PaperDate)
    /// The seven days before today.
    case week
    /// The thirty days before today.
    case month
    /// Yesterday, the last complete day: the default, and what the daily workflow fetches.
    case lastCompleteDay

    /// The days to fetch, oldest first, given today's UTC date.
    public func days(today: PaperDate) throws -> [PaperDate] {
        let yesterday = today.adding(days: -1)
        switch self {
        case let .date(day):
            guard day <= today else { throw FetchError.dateInFuture(day.iso, today: today.iso) }
            return [day]
        case let .since(first):
            guard first <= today else { throw FetchError.dateInFuture(first.iso, today: today.iso) }
            guard first <= yesterday else { throw FetchError.emptyRange(from: first.iso, to: yesterday.iso) }
            return Self.range(from: first, to: yesterday)
        case .week:
            return Self.range(from: today.adding(days: -7), to: yesterday)
        case .month:
            return Self.range(from: today.adding(days: -30), to: yesterday)
        case .lastCompleteDay:
            return [yesterday]
        }
    }

    private static func range(from first: PaperDate, to last: PaperDate) -> [PaperDate] {
        var days: [PaperDate] = []
        var day = first
        while day <= last {
            days.append(day)
            day = day.adding(days: 1)
        }
        return days
    }
}
