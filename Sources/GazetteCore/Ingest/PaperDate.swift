/// A calendar date as the dumps print it (`Jan 26, 2024`), without time or zone.
public struct PaperDate: Hashable, Comparable, Sendable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let longMonthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// `2024-01-26`, the form used in data exports and `<time datetime>`.
    public var iso: String {
        "\(year)-\(Self.twoDigits(month))-\(Self.twoDigits(day))"
    }

    /// `Jan 26, 2024`, the form readers see.
    public var display: String { "\(Self.monthNames[month - 1]) \(day), \(year)" }

    /// `2024-01`, the archive bucket this date falls in.
    public var monthKey: String { "\(year)-\(Self.twoDigits(month))" }

    /// `January 2024`, the archive bucket's heading.
    public var monthDisplay: String { "\(Self.longMonthNames[month - 1]) \(year)" }

    public static func < (a: PaperDate, b: PaperDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Month number (1–12) of a three-letter English abbreviation, or nil.
    static func month(named name: Substring) -> Int? {
        monthNames.firstIndex { $0 == name }.map { $0 + 1 }
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
