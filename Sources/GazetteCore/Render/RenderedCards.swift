import Foundation

/// Every paper's card, rendered once from the theme's `paper-card` template and placed as HTML on
/// each page that lists the paper. A card is rendered with marks where the page's root and the
/// similarity score go, so one rendering serves every page (a card used to be rendered again on
/// each of the nine or so pages that list its paper: most of a large build's time).
final class RenderedCards: @unchecked Sendable {
    /// Stands for the relative root of the page the card is placed on. Ingest strips control
    /// characters from every value a card shows, so the marks cannot come from the content.
    static let rootMark = "\u{1}"
    /// Stands for the score shown on cards in ranked lists.
    static let scoreMark = "\u{2}"

    /// Which card a list places: lists show a paper's title and facts; only the lists readers
    /// browse a topic by add its summary, which would otherwise repeat on every list of the paper.
    enum Variant: Int, CaseIterable, Sendable {
        /// No score, no summary: all papers, the home page.
        case plain
        /// With the score mark, no summary: related papers, papers that touch on a topic.
        case scored
        /// With the summary, without the score (the list's order, closest first, says it) and the
        /// topic (the page's own): a topic's own papers.
        case summarized
        /// The compact entry of `paper-item` (the plain card for a theme without it): archive months, issues.
        case item
    }

    /// Each paper's cards (one per variant) and where the marks are in each, once rendered.
    private var cards: [[[UInt8]]?]
    private var marks: [[[Int32]]?]
    private let lock = NSLock()
    private let shapes: TemplateShapes
    private let context: (Int) -> [String: Any]
    private var firstFailure: Error?

    /// Prepares the cards of `count` papers from the contexts `context(paper)` (whose `score` is
    /// false and whose `summary` is the paper's; the plain and scored cards get no summary, the
    /// scored ones the score mark). `eager` renders them all now, on all cores.
    init(count: Int, shapes: TemplateShapes, eager: Bool = true, context: @escaping (Int) -> [String: Any]) throws {
        self.shapes = shapes
        self.context = context
        cards = Array(repeating: nil, count: count)
        marks = Array(repeating: nil, count: count)
        guard eager else { return }
        let chunks = try concurrentMap(Array(stride(from: 0, to: count, by: 512))) { start -> [[[UInt8]]] in
            try (start..<min(count, start + 512)).map { try Self.render($0, shapes: shapes, context: context) }
        }
        cards = chunks.flatMap { $0 }
        marks = cards.map { $0!.map(Self.marks(in:)) }
    }

    private static func render(_ paper: Int, shapes: TemplateShapes, context: (Int) -> [String: Any]) throws -> [[UInt8]] {
        var values = context(paper)
        let summary = values["summary"] ?? false
        values["summary"] = false
        let unscored = values
        let plain = try shapes.render("paper-card", values)
        values["score"] = Self.scoreMark
        let scored = try shapes.render("paper-card", values)
        values["summary"] = summary
        // A topic's own list is the only place of this variant: its topic link would lead to the page it is on.
        values["topic"] = false
        values["score"] = false
        let summarized = try shapes.render("paper-card", values)
        let item = shapes.templates.sources["paper-item"] == nil ? plain : try shapes.render("paper-item", unscored)
        return [plain, scored, summarized, item]
    }

    /// The first card that failed to render when a page needed it (the build reports it).
    var failure: Error? {
        lock.lock()
        defer { lock.unlock() }
        return firstFailure
    }

    /// The cards and marks of `paper`, rendered now if they were not yet (one that fails shows
    /// empty and is kept in `failure`).
    private func cardsAndMarks(_ paper: Int) -> ([[UInt8]], [[Int32]]) {
        lock.lock()
        if let done = cards[paper], let doneMarks = marks[paper] {
            lock.unlock()
            return (done, doneMarks)
        }
        lock.unlock()
        var made: [[UInt8]] = Variant.allCases.map { _ in [] }
        var error: Error?
        do { made = try Self.render(paper, shapes: shapes, context: context) } catch let failure { error = failure }
        let madeMarks = made.map(Self.marks(in:))
        lock.lock()
        if firstFailure == nil { firstFailure = error }
        cards[paper] = made
        marks[paper] = madeMarks
        lock.unlock()
        return (made, madeMarks)
    }

    /// Offsets of the root and score marks in `card`.
    static func marks(in card: [UInt8]) -> [Int32] {
        var marks: [Int32] = []
        for (i, byte) in card.enumerated() where byte <= 0x02 && (byte == 0x01 || byte == 0x02) { marks.append(Int32(i)) }
        return marks
    }

    /// The card of `paper` for a page whose root is `root`; a plain card with a `score` is the scored one.
    func html(_ paper: Int, root: String, score: String? = nil, variant: Variant = .plain) -> String {
        let variant: Variant = variant == .plain && score != nil ? .scored : variant
        let (all, allMarks) = cardsAndMarks(paper)
        let card = all[variant.rawValue]
        let marks = allMarks[variant.rawValue]
        var root = root, score = score ?? ""
        return root.withUTF8 { rootBytes in
            score.withUTF8 { scoreBytes in
                card.withUnsafeBufferPointer { bytes in
                    var out: [UInt8] = []
                    out.reserveCapacity(card.count + marks.count * max(rootBytes.count, scoreBytes.count))
                    // Copy the runs between marks whole.
                    var start = 0
                    for mark in marks {
                        let i = Int(mark)
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                        out.append(contentsOf: bytes[i] == 0x01 ? rootBytes : scoreBytes)
                        start = i + 1
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
                    return String(decoding: out, as: UTF8.self)
                }
            }
        }
    }
}
