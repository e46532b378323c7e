import CompiledMustache

/// Where a page of a long list is among its pages (`partials/pagination`): its number, how many there
/// are, and the pages before and after it. Only on lists of two or more pages.
struct Pagination: Sendable, TemplateModel {
    /// From 1.
    let current: Int
    let total: Int
    /// The page before and the page after; nil on the first and the last.
    let previousURL: String?
    let nextURL: String?

    /// Page `current` of `total` pages whose first is at `first`; nil when the list has one page.
    init?(current: Int, total: Int, first: String, routes: Routes) {
        guard total > 1 else { return nil }
        self.current = current
        self.total = total
        previousURL = current > 1 ? routes.page(current - 1, of: first) : nil
        nextURL = current < total ? routes.page(current + 1, of: first) : nil
    }

    static var templateFields: TemplateFields<Pagination> {
        [
            "current": .text { String($0.current) },
            "total": .text { String($0.total) },
            "previousURL": .text { $0.previousURL },
            "nextURL": .text { $0.nextURL },
        ]
    }
}

/// A link from the first part of a long list to all of it: `{{#more}}<a href="{{url}}">… ({{count}})</a>{{/more}}`.
struct MoreLink: Sendable, TemplateModel {
    /// The first page of the whole list.
    let url: String
    /// How many entries the whole list has.
    let count: Int

    /// nil when the list shows everything already.
    init?(url: String?, count: Int, shown: Int) {
        guard let url, count > shown else { return nil }
        self.url = url
        self.count = count
    }

    static var templateFields: TemplateFields<MoreLink> {
        ["url": .text { $0.url }, "count": .text { String($0.count) }]
    }
}
