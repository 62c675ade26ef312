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

    /// Each paper's cards and where the marks are in each, by `paper * variants + variant`, once rendered.
    private var cards: [[UInt8]?]
    private var marks: [[Int32]?]
    private static let variants = Variant.allCases.count
    private let lock = NSLock()
    private let shapes: TemplateShapes
    private let context: (Int, Bool) -> [String: Any]
    private var firstFailure: Error?

    /// Prepares the cards of `count` papers from the contexts `context(paper, summarized)` (whose
    /// `score` is false and whose `summary` is the paper's when `summarized` is true, which only
    /// the summarized card needs; the others get no summary, the scored ones the score mark). `eager` renders them all now, on all cores; otherwise each
    /// variant is rendered when a page first places it (an incremental build's topic pages need
    /// only their papers' summarized cards, a quarter of the work of all four).
    init(count: Int, shapes: TemplateShapes, eager: Bool = true, context: @escaping (Int, Bool) -> [String: Any]) throws {
        self.shapes = shapes
        self.context = context
        cards = Array(repeating: nil, count: count * Self.variants)
        marks = Array(repeating: nil, count: count * Self.variants)
        guard eager else { return }
        let chunks = try concurrentMap(Array(stride(from: 0, to: count, by: 512))) { start -> [[UInt8]] in
            try (start..<min(count, start + 512)).flatMap { paper in
                let values = context(paper, true)
                return try Variant.allCases.map { try Self.render($0, values, shapes: shapes) }
            }
        }
        cards = chunks.flatMap { $0 }
        marks = cards.map { $0.map(Self.marks(in:)) }
    }

    /// One card of a paper from its context.
    private static func render(_ variant: Variant, _ paperValues: [String: Any], shapes: TemplateShapes) throws -> [UInt8] {
        var values = paperValues
        switch variant {
        case .plain:
            values["summary"] = false
            return try shapes.render("paper-card", values)
        case .scored:
            values["summary"] = false
            values["score"] = Self.scoreMark
            return try shapes.render("paper-card", values)
        case .summarized:
            // A topic's own list is the only place of this variant: its topic link would lead to the page it is on.
            values["topic"] = false
            values["score"] = false
            return try shapes.render("paper-card", values)
        case .item:
            values["summary"] = false
            return try shapes.render(shapes.templates.sources["paper-item"] == nil ? "paper-card" : "paper-item", values)
        }
    }

    /// The first card that failed to render when a page needed it (the build reports it).
    var failure: Error? {
        lock.lock()
        defer { lock.unlock() }
        return firstFailure
    }

    /// One card of `paper` and where its marks are, rendered now if it was not yet (one that fails
    /// shows empty and is kept in `failure`).
    private func cardAndMarks(_ paper: Int, _ variant: Variant) -> ([UInt8], [Int32]) {
        let slot = paper * Self.variants + variant.rawValue
        lock.lock()
        if let done = cards[slot], let doneMarks = marks[slot] {
            lock.unlock()
            return (done, doneMarks)
        }
        lock.unlock()
        var made: [UInt8] = []
        var error: Error?
        do { made = try Self.render(variant, context(paper, variant == .summarized), shapes: shapes) } catch let failure { error = failure }
        let madeMarks = Self.marks(in: made)
        lock.lock()
        if firstFailure == nil { firstFailure = error }
        cards[slot] = made
        marks[slot] = madeMarks
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
        let (card, marks) = cardAndMarks(paper, variant)
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
