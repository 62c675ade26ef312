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

    /// Cards without a score, by paper index.
    let plain: [[UInt8]]
    /// Cards with the score mark, by paper index.
    let scored: [[UInt8]]

    /// Renders both cards of every paper, on all cores, from the contexts `context(paper)` (whose
    /// `score` is false; the scored card gets the score mark).
    init(count: Int, shapes: TemplateShapes, context: (Int) -> [String: Any]) throws {
        let chunks = try concurrentMap(Array(stride(from: 0, to: count, by: 512))) { start -> ([[UInt8]], [[UInt8]]) in
            var plain: [[UInt8]] = [], scored: [[UInt8]] = []
            for paper in start..<min(count, start + 512) {
                var values = context(paper)
                plain.append(try shapes.render("paper-card", values))
                values["score"] = Self.scoreMark
                scored.append(try shapes.render("paper-card", values))
            }
            return (plain, scored)
        }
        plain = chunks.flatMap(\.0)
        scored = chunks.flatMap(\.1)
    }

    /// The card of `paper` for a page whose root is `root`, with `score` when given.
    func html(_ paper: Int, root: String, score: String? = nil) -> String {
        let card = score == nil ? plain[paper] : scored[paper]
        let rootBytes = Array(root.utf8), scoreBytes = Array((score ?? "").utf8)
        var out: [UInt8] = []
        out.reserveCapacity(card.count + 8 * rootBytes.count)
        card.withUnsafeBufferPointer { bytes in
            // Copy the runs between marks whole.
            var start = 0
            for i in bytes.indices where bytes[i] <= 0x02 && (bytes[i] == 0x01 || bytes[i] == 0x02) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                out.append(contentsOf: bytes[i] == 0x01 ? rootBytes : scoreBytes)
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
