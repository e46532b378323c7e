extension SiteRenderer {
    func homeContext(_ code: String) -> [String: Any] {
        let articles = cardsByTitle(.article, code).map(\.context)
        return layout(language: code, title: config.language(code)!.title, description: strings.text("homeIntro", code),
                      sitePath: routes.home(code), key: nil,
                      extra: ["home": ["articles": section(articles), "intro": strings.text("homeIntro", code),
                                       "conditionsURL": routes.index(.conditions, language: code),
                                       "causesURL": routes.index(.causes, language: code)]])
    }

    /// All articles, conditions or causes of a language, A–Z, grouped by first letter.
    func indexContext(_ section: Section, _ code: String) -> [String: Any] {
        let kind: ContentKind = section == .articles ? .article : section == .causes ? .cause : .condition
        let items = cardsByTitle(kind, code)
        var groups: [(String, [[String: Any]])] = []
        for item in items {
            let letter = String(item.title.prefix(1)).uppercased()
            if groups.last?.0 == letter { groups[groups.count - 1].1.append(item.context) } else { groups.append((letter, [item.context])) }
        }
        let title = strings.text(section == .articles ? "navArticles" : section == .causes ? "navCauses" : "navConditions", code)
        let intro = strings.text(section == .articles ? "articlesIntro" : section == .causes ? "causesIntro" : "conditionsIntro", code)
        return layout(language: code, title: title, description: intro, sitePath: routes.index(section, language: code), key: nil,
                      extra: ["list": ["heading": title, "intro": intro, "empty": items.isEmpty,
                                       "groups": groups.map { ["letter": $0.0, "anchor": "huruf-\(Anchor.slug($0.0))", "items": $0.1] }]])
    }

    /// The cards of every page of a kind, A–Z by title as a reader sorts them.
    func cardsByTitle(_ kind: ContentKind, _ code: String) -> [PageParts.LinkCard] {
        let cards = parts.cards[code]
        return graph.keys(of: kind).compactMap { cards?[$0] }.sorted { $0.title.localizedStandardCompare($1.title) == .orderedAscending }
    }

    /// The site root: pick a language, without JavaScript, the default language first.
    func rootContext() -> [String: Any] {
        let code = config.defaultLanguage
        return layout(language: code, title: config.language(code)!.title, description: nil, sitePath: routes.root, key: nil,
                      extra: ["languages": languageChoices()])
    }
}
