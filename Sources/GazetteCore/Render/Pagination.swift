/// One page of a list that is split over several pages: which items it shows and where it lives.
struct ListPage {
    /// 1-based.
    let number: Int
    let pageCount: Int
    let items: ArraySlice<Int>
    /// Path from the site root, `papers/index.html` or `papers/page/2/index.html`.
    let path: String
    /// Path of each page of the list, by number - 1.
    let paths: [String]
    /// Position of the first item in the whole list, 1-based.
    var firstPosition: Int { items.startIndex + 1 }
}

/// Splits `items` into pages of `perPage` under `directory` (`papers/`): the first page at the
/// list's own address, the others at `page/N/`, as Hugo does. An empty list still has one page.
func listPages(_ items: [Int], perPage: Int, directory: String) -> [ListPage] {
    let size = max(1, perPage)
    let count = max(1, (items.count + size - 1) / size)
    let paths = (1...count).map { $0 == 1 ? directory + "index.html" : directory + "page/\($0)/index.html" }
    return (1...count).map { number in
        let start = (number - 1) * size
        return ListPage(number: number, pageCount: count, items: items[start..<min(items.count, start + size)],
                        path: paths[number - 1], paths: paths)
    }
}

extension ListPage {
    /// The pager's Mustache context for a page whose root is `root`, or false when the list has one
    /// page: previous and next, the first and last pages and two on each side of this one.
    func pagerContext(root: String) -> Any {
        guard pageCount > 1 else { return false }
        var shown: [Int] = []
        for n in 1...pageCount where n == 1 || n == pageCount || abs(n - number) <= 2 { shown.append(n) }
        var pages: [[String: Any]] = []
        var last = 0
        for n in shown {
            if n > last + 1 { pages.append(["gap": true, "number": "", "href": "", "current": false]) }
            pages.append(["gap": false, "number": n, "href": root + paths[n - 1], "current": n == number])
            last = n
        }
        return [
            "pages": pages,
            "previous": number > 1 ? root + paths[number - 2] : false,
            "next": number < pageCount ? root + paths[number] : false,
            "number": number,
            "page_count": pageCount,
        ] as [String: Any]
    }
}
