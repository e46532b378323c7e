import CompiledMustache

/// An article's table of contents (`templates/partials/toc.mustache`): the sections of its body (its
/// `##` headings, `<h2>` on the page), each linking the anchor the body gives it. Only the sections,
/// not the `###` inside them, so that it stays short on a phone.
struct TableOfContents: Sendable, TemplateModel {
    let items: [Entry]

    /// A body shorter than this many sections is read without one.
    static let minimumSections = 3

    /// nil when the body has fewer than `minimumSections` sections.
    init?(_ headings: [BodyHeading]) {
        let sections = headings.filter { $0.level == 2 }
        guard sections.count >= Self.minimumSections else { return nil }
        items = sections.map { Entry(title: $0.text, anchor: $0.anchor) }
    }

    /// One section: the heading's text without its markup, and its anchor.
    struct Entry: Sendable, TemplateModel {
        let title: String
        let anchor: String

        static var templateFields: TemplateFields<Entry> {
            ["title": .text { $0.title }, "anchor": .text { $0.anchor }]
        }
    }

    static var templateFields: TemplateFields<TableOfContents> { ["items": .list { $0.items }] }
}
