import CompiledMustache

/// A page as other pages list it, in one language: in this language when it exists, marked with
/// its language when not. Made once per page and language (`PageParts`), shared by every list.
final class LinkCard: Sendable, TemplateModel {
    let title: String
    /// The page's address on the site.
    let url: String
    /// The page's summary; empty when it has none.
    let summary: String
    /// The card shows a translation: the page does not exist in the list's language.
    let otherLanguage: Bool
    /// The language the linked page is in, and its name.
    let hreflang: String
    let languageName: String
    /// On a cause's or condition's link to another one: the articles that state the link.
    let evidence: LinkList?
    /// The card rendered through `templates/partials/link.mustache`, shown with `{{{link}}}`; empty
    /// while that partial renders it.
    let link: String

    init(title: String, url: String, summary: String, otherLanguage: Bool, hreflang: String, languageName: String,
         evidence: LinkList? = nil, link: String = "") {
        self.title = title
        self.url = url
        self.summary = summary
        self.otherLanguage = otherLanguage
        self.hreflang = hreflang
        self.languageName = languageName
        self.evidence = evidence
        self.link = link
    }

    /// The same card with its rendered link.
    func with(link: String) -> LinkCard {
        LinkCard(title: title, url: url, summary: summary, otherLanguage: otherLanguage, hreflang: hreflang,
                 languageName: languageName, evidence: evidence, link: link)
    }

    /// The same card with the articles that are the evidence of an edge.
    func with(evidence: LinkList?) -> LinkCard {
        LinkCard(title: title, url: url, summary: summary, otherLanguage: otherLanguage, hreflang: hreflang,
                 languageName: languageName, evidence: evidence, link: link)
    }

    static var templateFields: TemplateFields<LinkCard> {
        [
            "title": .text { $0.title },
            "url": .text { $0.url },
            "summary": .text { $0.summary },
            "otherLanguage": .bool { $0.otherLanguage },
            "hreflang": .text { $0.hreflang },
            "languageName": .text { $0.languageName },
            "evidence": .model { $0.evidence },
            "link": .text { $0.link },
        ]
    }
}

/// A list of links that a template shows only when it has items: `{{#related}}…{{#items}}…{{/items}}…{{/related}}`.
struct LinkList: Sendable, TemplateModel {
    let items: [LinkCard]

    /// nil when there are no items, so that the section is not shown.
    init?(_ items: [LinkCard]) {
        guard !items.isEmpty else { return nil }
        self.items = items
    }

    static var templateFields: TemplateFields<LinkList> {
        ["items": .list { $0.items }]
    }
}
