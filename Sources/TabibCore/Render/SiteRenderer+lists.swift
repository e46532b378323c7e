extension SiteRenderer {
    /// The model of a language's home page: its introduction and the first page of the articles index.
    func homePage(_ code: String) -> HomePage {
        let intro = strings.text(.homeIntro, code)
        let all = alphabetical(.article, code)
        let shown = all.prefix(config.pageSize).map(\.card)
        let home = HomePage.Home(articles: LinkList(shown),
                                 more: MoreLink(url: routes.index(.articles, language: code), count: all.count, shown: shown.count),
                                 intro: intro,
                                 conditionsURL: routes.index(.conditions, language: code),
                                 causesURL: routes.index(.causes, language: code))
        return HomePage(layout: layout(language: code, title: config.language(code)!.title, description: intro,
                                       sitePath: routes.home(code), key: nil),
                        home: home)
    }

    /// The model of a listed kind's index in a language: the first page of its articles, or the A–Z
    /// index of its causes or conditions (all of them, or when there are more than `letterPagesAbove`
    /// entries, the letter bar leading to a page per letter).
    func listPage(_ kind: ContentKind, _ code: String) -> ListPage {
        kind.isEntity ? aToZPage(kind, code) : articlesPage(code, page: 1)
    }

    /// Page `number` of a language's articles, A–Z, grouped by letter; the letter bar links each letter
    /// to the page where its articles start.
    func articlesPage(_ code: String, page number: Int) -> ListPage {
        let entries = alphabetical(.article, code)
        let first = routes.index(.articles, language: code)
        let size = config.pageSize
        let pages = Routes.pageCount(entries.count, pageSize: size)
        let shown = entries[min((number - 1) * size, entries.count)..<min(number * size, entries.count)]
        let letters = AlphabeticalOrder.letters.enumerated().map { rank, letter in
            let run = Self.entries(entries, rank: rank)
            return ListPage.LetterLink(letter: letter, url: run.isEmpty ? nil : {
                let page = run.startIndex / size + 1
                return (page == number ? "" : routes.page(page, of: first)) + "#" + anchor(letter)
            }(), current: false)
        }
        let pagination = Pagination(current: number, total: pages, first: first, routes: routes)
        return listPage(section: .articles, code, sitePath: routes.page(number, of: first), heading: indexTitle(.article, code),
                        intro: indexIntro(.article, code), empty: entries.isEmpty, letters: letters,
                        groups: groups(shown), pagination: pagination, parent: nil)
    }

    /// The first page of the A–Z index of causes or conditions.
    func aToZPage(_ kind: ContentKind, _ code: String) -> ListPage {
        let section = kind.section
        let entries = alphabetical(kind, code)
        let split = entries.count > config.letterPagesAbove
        let letters = AlphabeticalOrder.letters.enumerated().map { rank, letter in
            ListPage.LetterLink(letter: letter,
                                url: Self.entries(entries, rank: rank).isEmpty ? nil
                                    : (split ? routes.letter(letter, section: section, language: code) : "#" + anchor(letter)),
                                current: false)
        }
        return listPage(section: section, code, sitePath: routes.index(section, language: code), heading: indexTitle(kind, code),
                        intro: indexIntro(kind, code), empty: entries.isEmpty, letters: letters,
                        groups: split ? [] : groups(entries[...]), pagination: nil, parent: nil)
    }

    /// Page `number` of one letter of an A–Z index split by letter.
    func letterPage(_ kind: ContentKind, _ code: String, letter: String, page number: Int) -> ListPage {
        let section = kind.section
        let entries = alphabetical(kind, code)
        let ofLetter = AlphabeticalOrder.letters.firstIndex(of: letter).map { Self.entries(entries, rank: $0) } ?? []
        let size = config.pageSize
        let first = routes.letter(letter, section: section, language: code)
        let shown = ofLetter[min(ofLetter.startIndex + (number - 1) * size, ofLetter.endIndex)..<min(ofLetter.startIndex + number * size, ofLetter.endIndex)]
        let letters = AlphabeticalOrder.letters.enumerated().map { rank, other in
            ListPage.LetterLink(letter: other, url: Self.entries(entries, rank: rank).isEmpty ? nil : routes.letter(other, section: section, language: code),
                                current: other == letter)
        }
        let pagination = Pagination(current: number, total: Routes.pageCount(ofLetter.count, pageSize: size), first: first, routes: routes)
        return listPage(section: section, code, sitePath: routes.page(number, of: first), heading: "\(indexTitle(kind, code)): \(letter)",
                        intro: indexIntro(kind, code), empty: ofLetter.isEmpty, letters: letters, groups: groups(shown),
                        pagination: pagination, parent: nil)
    }

    /// Page `number` of every article, cause or effect of a cause or condition, in a language it is written in.
    func entityListPage(_ key: ContentKey, _ code: String, list: EntityList, page number: Int) -> ListPage {
        let file = graph.file(key, language: code)!
        reads?.insert(.frontMatter(path: file.path))
        let items = entityListEntries(file, list)
        let size = config.pageSize
        let first = routes.entityList(list, of: key, language: code)!
        let shown = entityListCards(file, list, items[min((number - 1) * size, items.count)..<min(number * size, items.count)])
        let name = strings.text(Self.entityListTitle(list), code)
        let group = ListPage.LetterGroup(letter: name, anchor: "daftar",
                                         items: shown.map { ListEntry(card: $0, alias: nil, order: nil) })
        let pagination = Pagination(current: number, total: Routes.pageCount(items.count, pageSize: size), first: first, routes: routes)
        return listPage(section: nil, entity: key, code, sitePath: routes.page(number, of: first), heading: "\(file.meta.title): \(name)", intro: nil,
                        empty: items.isEmpty, letters: [], groups: [group], pagination: pagination, parent: link(key, language: code))
    }

    /// A list page's model around its list: the title says which page of how many it is. A page with no
    /// counterpart of its own in other languages (a letter, page 2) switches to the same list's first page
    /// there: the section's index, or the entity's page (no alternates: the pages are not translations).
    func listPage(section: Section?, entity: ContentKey? = nil, _ code: String, sitePath: String, heading: String, intro: String?, empty: Bool,
                  letters: [ListPage.LetterLink], groups: [ListPage.LetterGroup], pagination: Pagination?, parent: LinkCard?) -> ListPage {
        var title = heading
        if let pagination, pagination.current > 1 {
            title += " (\(strings.text(.pageNumber, code)) \(pagination.current) \(strings.text(.pageOf, code)) \(pagination.total))"
        }
        let layout = layout(language: code, title: title, description: intro, sitePath: sitePath, key: nil)
        layout.previousURL = pagination?.previousURL
        layout.nextURL = pagination?.nextURL
        if layout.alternates.isEmpty, config.languages.count > 1 {
            if let entity { reads?.insert(.translations(entity)) }
            layout.switcher = config.languages.map { other in
                let target = section.map { routes.index($0, language: other.code) } ?? entity.flatMap { routes.path($0, language: other.code) }
                let language = parts.languages[other.code]!
                return PageLayout.SwitcherEntry(code: other.code, name: other.name, url: target ?? language.homePath, current: other.code == code,
                                                missing: target == nil, missingLabel: language.notTranslated)
            }
        }
        return ListPage(layout: layout, list: ListPage.SectionIndex(heading: heading, intro: intro, empty: empty, letters: ListPage.LetterBar(letters),
                                                                    groups: groups, pagination: pagination, parent: parent))
    }

    /// Entries of one A–Z list, grouped by letter in order.
    func groups(_ entries: ArraySlice<ListEntry>) -> [ListPage.LetterGroup] {
        var groups: [ListPage.LetterGroup] = []
        var start = entries.startIndex
        while start < entries.endIndex {
            let rank = entries[start].rank
            var end = start
            while end < entries.endIndex, entries[end].rank == rank { end += 1 }
            let letter = AlphabeticalOrder.letters[rank]
            groups.append(.init(letter: letter, anchor: anchor(letter), items: Array(entries[start..<end])))
            start = end
        }
        return groups
    }

    /// The entries of one letter (by its `AlphabeticalOrder.rank`): a run of the list, which is sorted
    /// by letter first, found by bisection.
    static func entries(_ entries: [ListEntry], rank: Int) -> ArraySlice<ListEntry> {
        /// The first index whose entry's rank is not below `rank`.
        func first(_ rank: Int) -> Int {
            var (low, high) = (entries.startIndex, entries.endIndex)
            while low < high {
                let middle = (low + high) / 2
                if entries[middle].rank < rank { low = middle + 1 } else { high = middle }
            }
            return low
        }
        return entries[first(rank)..<first(rank + 1)]
    }

    /// A letter's anchor on an A–Z page: `huruf-k`, `huruf-0-9`.
    func anchor(_ letter: String) -> String { "huruf-" + Routes.letterSegment(letter) }

    /// The title and introduction of a listed kind's index, as its `PageKind` names them.
    func indexTitle(_ kind: ContentKind, _ code: String) -> String {
        strings.text(PageKind.of(kind).index!.title, code)
    }

    func indexIntro(_ kind: ContentKind, _ code: String) -> String {
        strings.text(PageKind.of(kind).index!.intro, code)
    }

    static func entityListTitle(_ list: EntityList) -> UIStrings.Key {
        switch list {
        case .articles: .articlesAbout
        case .causes: .possibleCauses
        case .effects: .canLeadTo
        }
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

    /// Every page of a kind A–Z as lists of the language show it, with other names of causes and conditions.
    func alphabetical(_ kind: ContentKind, _ code: String) -> [ListEntry] {
        reads?.insert(.list(kind, language: code))
        return parts.alphabetical[code]?[kind] ?? []
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
