/// A page of a long list beyond what the index pages and the entity pages show, named the same way in
/// every build (by key and language rather than by a file's index), so that a quick build can tell it.
public enum ListPageJob: Sendable, Hashable {
    /// Page 2 or later of a language's articles index.
    case articles(language: String, page: Int)
    /// A page (from 1) of one letter of the A–Z index of causes or conditions, when it is split by letter.
    case letter(ContentKind, language: String, letter: String, page: Int)
    /// A page (from 1) of a cause's or condition's articles, causes or effects, when they are more than a page.
    case entity(ContentKey, language: String, list: EntityList, page: Int)
}

extension SiteRenderer {
    /// Every list page that exists beside the first pages: as many as the lists need at `pageSize`.
    func listJobs() -> [ListPageJob] {
        var jobs: [ListPageJob] = []
        let size = config.pageSize
        for language in config.languages {
            let code = language.code
            let articles = parts.alphabetical[code]?[.article] ?? []
            let pages = Routes.pageCount(articles.count, pageSize: size)
            if pages > 1 { jobs += (2...pages).map { .articles(language: code, page: $0) } }
            for kind in [ContentKind.cause, .condition] { jobs += letterJobs(kind, language: code) }
        }
        for file in graph.files where file.kind == .cause || file.kind == .condition {
            for list in EntityList.allCases {
                let count = entityListEntries(file, list).count
                guard count > size else { continue }
                jobs += (1...Routes.pageCount(count, pageSize: size)).map {
                    .entity(file.key, language: file.language, list: list, page: $0)
                }
            }
        }
        return jobs
    }

    /// The letter pages of a kind's A–Z index in a language: none unless it is split by letter.
    func letterJobs(_ kind: ContentKind, language code: String) -> [ListPageJob] {
        let entries = parts.alphabetical[code]?[kind] ?? []
        guard entries.count > config.letterPagesAbove else { return [] }
        var jobs: [ListPageJob] = []
        for (rank, letter) in AlphabeticalOrder.letters.enumerated() {
            let count = Self.entries(entries, rank: rank).count
            guard count > 0 else { continue }
            jobs += (1...Routes.pageCount(count, pageSize: config.pageSize)).map { .letter(kind, language: code, letter: letter, page: $0) }
        }
        return jobs
    }

    /// The model of a further list page.
    func listPage(_ job: ListPageJob) -> ListPage {
        switch job {
        case let .articles(code, number): articlesPage(code, page: number)
        case let .letter(kind, code, letter, number): letterPage(kind, code, letter: letter, page: number)
        case let .entity(key, code, list, number): entityListPage(key, code, list: list, page: number)
        }
    }

    func sitePath(_ job: ListPageJob) -> String {
        switch job {
        case let .articles(code, number): routes.page(number, of: routes.index(.articles, language: code))
        case let .letter(kind, code, letter, number): routes.page(number, of: routes.letter(letter, section: kind.section, language: code))
        case let .entity(key, code, list, number): routes.page(number, of: routes.entityList(list, of: key, language: code)!)
        }
    }

    /// Every article, cause or effect of a cause or condition that pages of its language show, in order,
    /// before their cards are made: counting and paging a list needs only these, and only the cards a
    /// page shows are made, with their evidence. Made once for the site (`PageParts.entityLists`);
    /// made again, noting what it reads, when the renderer records.
    func entityListEntries(_ file: ContentFile, _ list: EntityList) -> [EntityListEntry] {
        if reads == nil, let lists = parts.entityLists[file.path] { return lists[EntityList.allCases.firstIndex(of: list)!] }
        return PageParts.entityListEntries(file, list, graph: graph, cards: parts.cards[file.language], reads: reads)
    }

    /// The cards of some entries of one of `file`'s lists, a cause or effect with the articles that are
    /// its edge's evidence.
    func entityListCards(_ file: ContentFile, _ list: EntityList, _ entries: some Collection<EntityListEntry>) -> [LinkCard] {
        guard let cards = cardTable(file.language) else { return [] }
        func edgeCard(_ id: String, _ edge: Edge) -> LinkCard? {
            guard let key = entityKey(id), let card = cards[key] else { return nil }
            return card.with(evidence: LinkList(edge.evidence.compactMap { cards[ContentKey(kind: .article, id: $0)] }))
        }
        switch list {
        case .causes:
            let edges = causeEdges(of: file.id)
            return entries.compactMap { edgeCard(edges[$0.index].cause, edges[$0.index]) }
        case .effects:
            let edges = effectEdges(of: file.id)
            return entries.compactMap { edgeCard(edges[$0.index].effect, edges[$0.index]) }
        case .articles:
            let ids = articlesAbout(file.id) ?? []
            return entries.compactMap { cards[ContentKey(kind: .article, id: ids[$0.index])] }
        }
    }
}

/// One line of a cause's or condition's list before its card is made: its place in the graph's list
/// (`SiteGraph.causes(of:)`, `effects(of:)`, `articlesAbout`). Four bytes: the site keeps every list's.
struct EntityListEntry: Sendable {
    let position: Int32
    var index: Int { Int(position) }
}
