import CompiledMustache

/// A page of a list (`templates/list.mustache`): the A–Z index of a section in one language (the
/// articles, a page of them at a time; the causes or conditions, on one page with letter anchors or a
/// page per letter), or every article, cause or effect of one cause or condition, a page at a time.
/// The layout, with the list under `list`.
struct ListPage: Sendable {
    var layout: PageLayout
    var list: SectionIndex

    struct SectionIndex: Sendable, TemplateModel {
        /// The list's name, which is also the page's title.
        let heading: String
        /// The list's introduction (the UI string `articlesIntro`, `causesIntro` or `conditionsIntro`);
        /// nil on an entity's lists.
        let intro: String?
        /// Whether the list has no entries.
        let empty: Bool
        /// The A–Z bar: every letter, linked when it has entries; nil on an entity's lists.
        let letters: LetterBar?
        /// The entries on this page, by letter (or one group named after the list, on an entity's lists).
        let groups: [LetterGroup]
        /// Where this page is among the list's pages; nil when the list has one page.
        let pagination: Pagination?
        /// On an entity's lists: the cause or condition whose list it is.
        let parent: LinkCard?

        static var templateFields: TemplateFields<SectionIndex> {
            [
                "heading": .text { $0.heading },
                "intro": .text { $0.intro },
                "empty": .bool { $0.empty },
                "letters": .model { $0.letters },
                "groups": .list { $0.groups },
                "pagination": .model { $0.pagination },
                "parent": .model { $0.parent },
            ]
        }
    }

    /// The A–Z bar, shown only when it has letters: `{{#letters}}…{{#items}}…{{/items}}…{{/letters}}`.
    struct LetterBar: Sendable, TemplateModel {
        let items: [LetterLink]

        init?(_ items: [LetterLink]) {
            guard !items.isEmpty else { return nil }
            self.items = items
        }

        static var templateFields: TemplateFields<LetterBar> { ["items": .list { $0.items }] }
    }

    /// One letter of the A–Z bar.
    struct LetterLink: Sendable, TemplateModel {
        /// `A`…`Z`, or `#`.
        let letter: String
        /// Where its entries start: an anchor on this page, or its page; nil when it has none.
        let url: String?
        /// Whether this page is the letter's own page.
        let current: Bool

        static var templateFields: TemplateFields<LetterLink> {
            ["letter": .text { $0.letter }, "url": .text { $0.url }, "current": .bool { $0.current }]
        }
    }

    /// The entries of one letter on this page.
    struct LetterGroup: Sendable, TemplateModel {
        /// The group's heading: its letter upper-case, or on an entity's list, the list's name.
        let letter: String
        /// The group's anchor on the page, `huruf-a`.
        let anchor: String
        let items: [ListEntry]

        static var templateFields: TemplateFields<LetterGroup> {
            ["letter": .text { $0.letter }, "anchor": .text { $0.anchor }, "items": .list { $0.items }]
        }
    }

    static func templateFields(stringKeys keys: [String]) -> TemplateFields<ListPage> {
        TemplateFields.embedding({ $0.layout }, PageLayout.templateFields(stringKeys: keys)).adding([
            "list": .model { $0.list },
        ])
    }
}
