/// A date as HF's papers pages print it, found inside a short line: `Oct 5, 2023`, `Published on
/// Oct 5, 2023`, or `May 29` (the pages leave out the year when it is the current one).
struct CaptureDateText: Hashable, Sendable {
    var month: Int
    var day: Int
    var year: Int?
    /// Whether the words before it say it is another date than the paper's publication
    /// (`Submitted by … on`, `Updated`, a comment's date).
    var isOtherEvent: Bool
    /// Whether nothing follows the date on its line (listings put the comment count right after it).
    var endsLine: Bool

    /// The first date among the words of `text`, or nil. Only short lines: an abstract's dates
    /// are not the paper's.
    init?(_ text: String) {
        guard text.utf8.count <= 160 else { return nil }
        let words = text.split(separator: " ")
        for index in words.indices {
            guard let month = Self.month(words[index]), index + 1 < words.count else { continue }
            let dayWord = words[index + 1]
            let hasComma = dayWord.last == ","
            guard let day = Int(hasComma ? dayWord.dropLast() : dayWord), (1...31).contains(day) else { continue }
            var year: Int?
            if hasComma, index + 2 < words.count, let y = Int(words[index + 2]), (1900...2999).contains(y) { year = y }
            if hasComma && year == nil { continue }
            self.month = month
            self.day = day
            self.year = year
            let before = words[..<index].map { $0.lowercased() }
            isOtherEvent = before.contains { $0 == "submitted" || $0 == "updated" || $0 == "commented" }
            endsLine = index + (year == nil ? 2 : 3) == words.count
            return
        }
        return nil
    }

    /// Month number of `Oct`, `Oct.` or `October`.
    static func month(_ word: Substring) -> Int? {
        let name = word.last == "." ? word.dropLast() : word
        if let month = PaperDate.month(named: name) { return month }
        return PaperDate.longMonthNames.firstIndex { $0 == name }.map { $0 + 1 }
    }

    /// The date with its year: printed, or the capture's year (the pages drop the year of dates
    /// in the year they are viewed), or from the arXiv id (`2606.…` is June 2026; a paper is
    /// published in its id's month or just after). Nil when nothing gives the year.
    func resolved(capturedOn capture: PaperDate?, arxivID: String?) -> PaperDate? {
        if let year { return PaperDate(year: year, month: month, day: day) }
        if let capture {
            let later = (month, day) > (capture.month, capture.day)
            return PaperDate(year: later ? capture.year - 1 : capture.year, month: month, day: day)
        }
        guard let id = arxivID, let yy = Int(id.prefix(2)), let mm = Int(id.dropFirst(2).prefix(2)) else { return nil }
        // `Dec 31` on a January id is the year before.
        let year = 2000 + yy - (month > mm + 1 ? 1 : 0)
        return PaperDate(year: year, month: month, day: day)
    }

    /// A `YYYY-MM-DD` at the start of `text` (front matter's `retrieved:` or `timestamp:`).
    static func isoDate(_ text: String) -> PaperDate? {
        let parts = text.prefix(10).split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
              let day = Int(parts[2]), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return PaperDate(year: year, month: month, day: day)
    }
}
