import Foundation

/// Every paper's card, rendered once from the theme's `paper-card` template and placed as HTML on
/// each page that lists the paper. A card is rendered with marks where the page's root and the
/// similarity score go, so one rendering serves every page (a card used to be rendered again on
/// each of the nine or so pages that list its paper: most of a large build's time).
struct RenderedCards: Sendable {
    /// Stands for the relative root of the page the card is placed on. Ingest strips control
    /// characters from every value a card shows, so the marks cannot come from the content.
    static let rootMark = "\u{1}"
    /// Stands for the score shown on cards in ranked lists.
    static let scoreMark = "\u{2}"

    /// Which card a list places: lists show a paper's title and facts; only the lists readers
    /// browse a topic by add its summary, which would otherwise repeat on every list of the paper.
    enum Variant: Int, CaseIterable, Sendable {
        /// No score, no summary: all papers, archive months, issues, the home page.
        case plain
        /// With the score mark, no summary: related papers, papers that touch on a topic.
        case scored
        /// With the score mark and the summary: a topic's own papers.
        case summarized
    }

    /// Each variant's cards, by paper index.
    let cards: [[[UInt8]]]
    /// Where the marks are in each card: found once, since a card is placed on many pages.
    let marks: [[[Int32]]]

    /// Renders the three cards of every paper, on all cores, from the contexts `context(paper)`
    /// (whose `score` is false and whose `summary` is the paper's; the plain and scored cards get
    /// no summary, the scored ones the score mark).
    init(count: Int, shapes: TemplateShapes, context: (Int) -> [String: Any]) throws {
        let chunks = try concurrentMap(Array(stride(from: 0, to: count, by: 512))) { start -> [[[UInt8]]] in
            try (start..<min(count, start + 512)).map { paper in
                var values = context(paper)
                let summary = values["summary"] ?? false
                values["summary"] = false
                let plain = try shapes.render("paper-card", values)
                values["score"] = Self.scoreMark
                let scored = try shapes.render("paper-card", values)
                values["summary"] = summary
                return [plain, scored, try shapes.render("paper-card", values)]
            }
        }
        cards = Variant.allCases.map { variant in chunks.flatMap { $0.map { $0[variant.rawValue] } } }
        marks = cards.map { $0.map(Self.marks(in:)) }
    }

    /// Offsets of the root and score marks in `card`.
    static func marks(in card: [UInt8]) -> [Int32] {
        var marks: [Int32] = []
        for (i, byte) in card.enumerated() where byte <= 0x02 && (byte == 0x01 || byte == 0x02) { marks.append(Int32(i)) }
        return marks
    }

    /// The card of `paper` for a page whose root is `root`, with `score` when given (the scored
    /// variants need one).
    func html(_ paper: Int, root: String, score: String? = nil, variant: Variant = .plain) -> String {
        let variant = score == nil ? .plain : variant == .plain ? .scored : variant
        let card = cards[variant.rawValue][paper]
        let marks = marks[variant.rawValue][paper]
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
