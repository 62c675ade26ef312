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

extension PaperDate {
    /// The date of an ISO-8601 timestamp (`2025-09-04T21:26:31.000Z` or `2025-09-04`), or nil.
    public init?(timestamp text: String) {
        let digits = Array(text.utf8.prefix(10))
        guard digits.count == 10, digits[4] == UInt8(ascii: "-"), digits[7] == UInt8(ascii: "-"),
              let year = Int(String(decoding: digits[0..<4], as: UTF8.self)),
              let month = Int(String(decoding: digits[5..<7], as: UTF8.self)),
              let day = Int(String(decoding: digits[8..<10], as: UTF8.self)),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        self.init(year: year, month: month, day: day)
    }
}
