extension PageContexts {
    /// Path of the archive page.
    static let archivePath = "archive/index.html"

    /// The archive: papers grouped by publication month, newest month first, newest paper first
    /// within a month (ties by title); papers without a date last.
    func archive() -> [String: Any] {
        let root = Self.root(for: Self.archivePath)
        var months: [String: [Int]] = [:]
        var undated: [Int] = []
        for (index, paper) in model.papers.enumerated() {
            if let date = paper.published { months[date.monthKey, default: []].append(index) } else { undated.append(index) }
        }
        let byDate: (Int, Int) -> Bool = { a, b in
            let pa = model.papers[a], pb = model.papers[b]
            return pa.published != pb.published ? pa.published! > pb.published! : (pa.title, pa.slug) < (pb.title, pb.slug)
        }
        let groups: [[String: Any]] = months.keys.sorted(by: >).map { key in
            let papers = months[key]!.sorted(by: byDate)
            return ["key": key, "label": model.papers[papers[0]].published!.monthDisplay, "count": papers.count,
                    "count_label": papers.count == 1 ? "1 paper" : "\(papers.count) papers",
                    "papers": papers.map { card($0, root: root) }]
        }
        let undatedCards = undated.sorted { (model.papers[$0].title, model.papers[$0].slug) < (model.papers[$1].title, model.papers[$1].slug) }
            .map { card($0, root: root) }
        return [
            "months": groups, "month_count": groups.count, "paper_count": model.papers.count,
            "undated": undatedCards, "has_undated": !undatedCards.isEmpty, "undated_count": undatedCards.count,
            "issues": model.issues.map { issueSummary($0, root: root) },
        ]
    }
}
