extension PageContexts {
    /// The papers before and after `index` in its primary topic's listing (closest to the topic
    /// first, as the topic page shows them), or false when the paper has no topic.
    func neighbours(of index: Int, root: String) -> Any {
        guard let primary = model.topics.memberships[index].first, primary.isPrimary else { return false }
        let list = primaryPapers[primary.topic]
        let position = primaryPosition[index]
        guard list.indices.contains(position), list[position] == index else { return false }
        func link(_ i: Int) -> Any {
            guard list.indices.contains(i) else { return false }
            return ["title": titles[list[i]], "href": root + Self.paperPath(model.papers[list[i]])]
        }
        let topic = model.topics.topics[primary.topic]
        return ["topic": topic.name, "topic_href": root + Self.topicPath(topic), "previous": link(position - 1), "next": link(position + 1),
                "position": position + 1, "count": list.count]
    }
}
