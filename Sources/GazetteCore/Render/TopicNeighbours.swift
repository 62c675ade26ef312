extension PageContexts {
    /// The papers just newer and just older than `index` in its main topic, by publication date
    /// (as the topic's feed runs), or false when the paper has no topic. Date order, not closeness
    /// to the topic, so that a new issue changes the links of the few papers it lands between and
    /// leaves every other paper page as it was.
    func neighbours(of index: Int, root: String) -> Any {
        guard let primary = model.topics.memberships[index].first, primary.isPrimary else { return false }
        let list = primaryByDate[primary.topic]
        let position = datePosition[index]
        guard list.indices.contains(position), list[position] == index else { return false }
        func link(_ i: Int) -> Any {
            guard list.indices.contains(i) else { return false }
            return ["title": titles[list[i]], "href": Self.siblingPaperHref(model.papers[list[i]])]
        }
        let topic = model.topics.topics[primary.topic]
        return ["topic": topic.name, "topic_href": root + Self.topicPath(topic), "newer": link(position - 1), "older": link(position + 1)]
    }
}
