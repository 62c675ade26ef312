extension PageContexts {
    /// Path of the archive's index.
    static let archivePath = "archive/index.html"

    /// The archive's months, newest first, each with its papers newest first (ties by title), and
    /// the undated papers (by title) last, under the key `undated`.
    func archiveMonths() -> [(key: String, label: String, papers: [Int])] {
        // Taken from the newest-first order, each month's papers are in it already: newest first,
        // ties by title then slug; the undated come last in it, by title then slug.
        var months: [String: [Int]] = [:]
        var undated: [Int] = []
        for index in newestFirst {
            if let date = model.papers[index].published { months[date.monthKey, default: []].append(index) } else { undated.append(index) }
        }
        var groups = months.keys.sorted(by: >).map { key in
            let papers = months[key]!
            return (key: key, label: model.papers[papers[0]].published!.monthDisplay, papers: papers)
        }
        if !undated.isEmpty { groups.append((key: "undated", label: "Undated", papers: undated)) }
        return groups
    }

    /// The pages of one month of the archive.
    func archiveMonthPages(key: String, papers: [Int]) -> [ListPage] {
        listPages(papers, perPage: perPage, directory: "archive/\(key)/")
    }

    /// The archive's index: every month with its count, linking to the month's page, and the issues.
    func archive(months: [(key: String, label: String, papers: [Int])]) -> [String: Any] {
        let root = Self.root(for: Self.archivePath)
        let dated = months.filter { $0.key != "undated" }
        let undatedPapers = months.first { $0.key == "undated" }?.papers ?? []
        let undated = undatedPapers.count
        // A digest that fits on one page lists every title under its month, as a blog archive does.
        let withTitles = model.papers.count <= perPage
        func titles(_ papers: [Int]) -> [[String: Any]] {
            guard withTitles else { return [] }
            return papers.map { ["title": self.titles[$0], "href": root + Self.paperPath(model.papers[$0])] }
        }
        return [
            "months": dated.map { month -> [String: Any] in
                ["key": month.key, "label": month.label, "count": month.papers.count,
                 "count_label": month.papers.count == 1 ? "1 paper" : "\(month.papers.count) papers",
                 "href": root + "archive/\(month.key)/index.html",
                 "titles": titles(month.papers), "has_titles": withTitles]
            },
            "undated_titles": titles(undatedPapers),
            "has_titles": withTitles,
            "month_count": dated.count, "paper_count": model.papers.count,
            "has_undated": undated > 0, "undated_count": undated,
            "undated_count_label": undated == 1 ? "1 paper" : "\(undated) papers",
            "undated_href": root + "archive/undated/index.html",
            "issues": model.issues.map { issueSummary($0, root: root) },
        ]
    }

    /// One page of a month of the archive (or of the undated papers).
    func archiveMonth(label: String, total: Int, page: ListPage) -> [String: Any] {
        let root = Self.root(for: page.path)
        return [
            "label": label, "count": total, "count_label": total == 1 ? "1 paper" : "\(total) papers",
            "undated": page.path.hasPrefix("archive/undated/"),
            "papers": page.items.map { item($0, root: root) },
        ].merging(listValues(page, root: root)) { own, _ in own }
    }
}
