extension SiteRenderer {
    /// The model of a language's home page.
    func homePage(_ code: String) -> HomePage {
        let intro = strings.text(.homeIntro, code)
        let home = HomePage.Home(articles: LinkList(cardsByTitle(.article, code)), intro: intro,
                                 conditionsURL: routes.index(.conditions, language: code),
                                 causesURL: routes.index(.causes, language: code))
        return HomePage(layout: layout(language: code, title: config.language(code)!.title, description: intro,
                                       sitePath: routes.home(code), key: nil),
                        home: home)
    }

    /// The model of a section's index in a language: all its articles, conditions or causes, A–Z,
    /// grouped by first letter.
    func listPage(_ section: Section, _ code: String) -> ListPage {
        let kind: ContentKind = section == .articles ? .article : section == .causes ? .cause : .condition
        let items = cardsByTitle(kind, code)
        var groups: [(letter: String, items: [LinkCard])] = []
        for item in items {
            let letter = String(item.title.prefix(1)).uppercased()
            if groups.last?.letter == letter { groups[groups.count - 1].items.append(item) } else { groups.append((letter, [item])) }
        }
        let title = strings.text(section.indexTitleKey!, code)
        let intro = strings.text(section == .articles ? .articlesIntro : section == .causes ? .causesIntro : .conditionsIntro, code)
        let list = ListPage.SectionIndex(heading: title, intro: intro, empty: items.isEmpty, groups: groups.map {
            ListPage.LetterGroup(letter: $0.letter, anchor: "huruf-\(Anchor.slug($0.letter))", items: $0.items)
        })
        return ListPage(layout: layout(language: code, title: title, description: intro, sitePath: routes.index(section, language: code), key: nil),
                        list: list)
    }

    /// The model of a language's search page.
    func searchPage(_ code: String) -> SearchPage {
        let title = strings.text(.searchTitle, code)
        let intro = strings.text(.searchIntro, code)
        let search = SearchPage.Search(heading: title, intro: intro, pagefindURL: config.basePath + "pagefind/pagefind.js",
                                       basePath: config.basePath, scriptURL: config.basePath + "assets/search.js",
                                       conditionsURL: routes.index(.conditions, language: code),
                                       causesURL: routes.index(.causes, language: code),
                                       articlesURL: routes.index(.articles, language: code))
        return SearchPage(layout: layout(language: code, title: title, description: intro,
                                         sitePath: routes.index(.search, language: code), key: nil),
                          search: search)
    }

    /// The cards of every page of a kind, A–Z by title as a reader sorts them.
    func cardsByTitle(_ kind: ContentKind, _ code: String) -> [LinkCard] {
        reads?.insert(.list(kind, language: code))
        let cards = parts.cards[code]
        return graph.keys(of: kind).compactMap { cards?[$0] }.sorted { $0.title.localizedStandardCompare($1.title) == .orderedAscending }
    }

    /// The model of the site root: pick a language, without JavaScript, the default language first.
    func rootPage() -> RootPage {
        let code = config.defaultLanguage
        return RootPage(layout: layout(language: code, title: config.language(code)!.title, description: nil, sitePath: routes.root, key: nil),
                        languages: languageChoices())
    }

    /// The model of the 404 page, in the default language.
    func notFoundPage() -> NotFoundPage {
        let code = config.defaultLanguage
        return NotFoundPage(layout: layout(language: code, title: strings.text(.notFoundTitle, code), description: nil, sitePath: nil, key: nil),
                            languages: languageChoices())
    }
}
