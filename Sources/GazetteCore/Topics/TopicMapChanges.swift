/// What a build or a refit changed in the topic map, for the maintainer.
public struct TopicMapChanges: Equatable, Sendable {
    /// A topic that appeared, and why.
    public struct Birth: Equatable, Sendable {
        public var name: String
        public var slug: String
        public var papers: Int
        public var reason: String
    }

    /// A topic that no longer stands on its own, and where its papers went.
    public struct Retirement: Equatable, Sendable {
        public var name: String
        public var slug: String
        /// The name of the topic that took its papers, if one did.
        public var into: String?
        public var reason: String
    }

    /// A paper whose main topic changed.
    public struct Move: Equatable, Sendable {
        public var paper: String
        public var from: String
        public var to: String
    }

    public var born: [Birth] = []
    public var retired: [Retirement] = []
    /// Topics that keep their id and slug but take a new name (refits only): old name, new name.
    public var renamed: [(from: String, to: String)] = []
    public var moved: [Move] = []
    /// Papers placed for the first time (new, or with changed text).
    public var placed = 0
    /// Papers that kept the topic the map gave them.
    public var kept = 0

    public init() {}

    public var isEmpty: Bool { born.isEmpty && retired.isEmpty && renamed.isEmpty && moved.isEmpty }

    /// The report `gazette topics --refit` prints; `limit` caps the list of moved papers.
    public func report(limit: Int = .max) -> String {
        var lines: [String] = []
        for birth in born { lines.append("born: \(birth.name) (topics/\(birth.slug)/, \(birth.papers) papers): \(birth.reason)") }
        for retirement in retired {
            lines.append("retired: \(retirement.name) (topics/\(retirement.slug)/) → " + (retirement.into.map { "merged into \($0)" } ?? "no successor") + ": \(retirement.reason)")
        }
        for rename in renamed { lines.append("renamed: \(rename.from) → \(rename.to) (same URL)") }
        let total = kept + moved.count
        lines.append("\(moved.count) of \(total) mapped papers move to another topic; \(placed) papers placed for the first time")
        for move in moved.prefix(limit) { lines.append("  \(move.paper): \(move.from) → \(move.to)") }
        if moved.count > limit { lines.append("  … and \(moved.count - limit) more") }
        return lines.joined(separator: "\n")
    }

    public static func == (a: TopicMapChanges, b: TopicMapChanges) -> Bool {
        a.born == b.born && a.retired == b.retired && a.moved == b.moved && a.placed == b.placed && a.kept == b.kept
            && a.renamed.map(\.from) == b.renamed.map(\.from) && a.renamed.map(\.to) == b.renamed.map(\.to)
    }
}
