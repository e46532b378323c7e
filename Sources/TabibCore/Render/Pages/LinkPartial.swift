import CompiledMustache

/// What `templates/partials/link.mustache` sees when tabib renders a card's link: the card, and
/// around it what every page of the list's language shows (the card's names win).
struct LinkPartial: Sendable {
    let language: LanguageLayout
    let card: LinkCard

    static func templateFields(stringKeys keys: [String]) -> TemplateFields<LinkPartial> {
        TemplateFields.embedding({ $0.language }, LanguageLayout.templateFields(stringKeys: keys))
            .adding(.embedding({ $0.card }, LinkCard.templateFields))
    }
}
