import CompiledMustache

/// The index of a section — all articles, causes or conditions of a language, A–Z, grouped by
/// first letter (`templates/list.mustache`): the layout, with the list under `list`.
struct ListPage: Sendable {
    var layout: PageLayout
    var list: SectionIndex

    struct SectionIndex: Sendable, TemplateModel {
        /// The section's name, which is also the page's title.
        let heading: String
        /// The section's introduction (the UI string `articlesIntro`, `causesIntro` or `conditionsIntro`).
        let intro: String
        /// Whether the section has no pages in this language.
        let empty: Bool
        let groups: [LetterGroup]

        static var templateFields: TemplateFields<SectionIndex> {
            [
                "heading": .text { $0.heading },
                "intro": .text { $0.intro },
                "empty": .bool { $0.empty },
                "groups": .list { $0.groups },
            ]
        }
    }

    /// The pages whose titles start with one letter.
    struct LetterGroup: Sendable, TemplateModel {
        /// The letter, upper-case.
        let letter: String
        /// The group's anchor on the page, `huruf-a`.
        let anchor: String
        let items: [LinkCard]

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
