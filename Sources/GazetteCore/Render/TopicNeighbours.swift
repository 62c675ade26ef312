extension PageContexts {
    /// The papers just newer and just older than `index` in its main topic, by publication date
    /// (as the topic's feed runs), or false when the paper has no topic. Date order, not closeness
    /// to the topic, so that a new issue changes the links of the few papers it lands between and
    /// leaves every other paper page as it was.
    func neighbours(of index: Int, root: String) -> Any {
        guard let (topicIndex, newer, older) = neighbourPapers(of: index) else { return false }
        func link(_ other: Int?) -> Any {
            guard let other else { return false }
            return ["title": titles[other], "href": Self.siblingPaperHref(model.papers[other])]
        }
        let topic = model.topics.topics[topicIndex]
        return ["topic": topic.name, "topic_href": root + Self.topicPath(topic), "newer": link(newer), "older": link(older)]
    }

    /// The main topic of paper `index` and the papers just newer and older in it (nil at either
    /// end), or nil when the paper has no main topic. Shared by the page and its key.
    func neighbourPapers(of index: Int) -> (topic: Int, newer: Int?, older: Int?)? {
        guard let primary = model.topics.memberships[index].first, primary.isPrimary else { return nil }
        let list = primaryByDate[primary.topic]
        let position = datePosition[index]
        guard list.indices.contains(position), list[position] == index else { return nil }
        return (primary.topic, list.indices.contains(position - 1) ? list[position - 1] : nil,
                list.indices.contains(position + 1) ? list[position + 1] : nil)
    }
}
