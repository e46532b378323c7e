/// The parts of pages that many pages share, made once when the renderer is made rather than once per
/// page: each language's fixed layout, the link card of every page in every language, the dates the
/// front matter names written out, and the article index that related articles are ranked with.
/// Immutable after `init`, so it depends on the templates too: each card carries its link rendered once
/// through `partials/link`, which lists show with `{{{link}}}` instead of rendering it on every page.
final class PageParts: Sendable {
    /// What every page of one language shows the same way. A class: every page reads it, and a copy
    /// of a struct this size would retain and release each of its fields.
    final class Language: Sendable {
        /// `lang`, `dir`, `siteTitle`, `stylesheet`, `homeURL`, `t`, `nav` and `disclaimerURL`.
        let layout: LanguageLayout
        let title: String
        let homePath: String
        /// Every listed kind's index page, in `PageKind.listed` order.
        let indexPaths: [(section: Section, path: String)]
        /// `Routes.handout` up to the article's slug.
        let handoutPrefix: String
        /// The language switcher of a page that has no counterpart in any language (handouts, 404).
        let switcherAlone: [PageLayout.SwitcherEntry]
        /// The language's name, and what the switcher says of it when a page is not written in it.
        let name: String
        let notTranslated: String
        /// The disclaimer handouts print: the page in this language, else its source.
        let disclaimer: (title: String, html: String, firstSentence: String?)?
        /// What handouts print besides the article: their title's prefix, the QR code's label, the clinic.
        let handoutTitle: String
        let handoutQRLabel: String
        let clinic: HandoutPage.Clinic
        let dates: DateText

        init(layout: LanguageLayout, title: String, homePath: String, indexPaths: [(section: Section, path: String)], handoutPrefix: String,
             switcherAlone: [PageLayout.SwitcherEntry], name: String, notTranslated: String,
             disclaimer: (title: String, html: String, firstSentence: String?)?, handoutTitle: String, handoutQRLabel: String,
             clinic: HandoutPage.Clinic, dates: DateText) {
            self.layout = layout
            self.title = title
            self.homePath = homePath
            self.indexPaths = indexPaths
            self.handoutPrefix = handoutPrefix
            self.switcherAlone = switcherAlone
            self.name = name
            self.notTranslated = notTranslated
            self.disclaimer = disclaimer
            self.handoutTitle = handoutTitle
            self.handoutQRLabel = handoutQRLabel
            self.clinic = clinic
            self.dates = dates
        }
    }

    let origin: String
    let basePath: String
    let languages: [String: Language]
    /// Language → key → the card of the page in that language, or of its translation when there is none.
    let cards: [String: [ContentKey: LinkCard]]
    /// Language → kind → every page of the kind A–Z as that language's lists show it, with the other
    /// names of causes and conditions (`ListEntry.alphabetical`).
    let alphabetical: [String: [ContentKind: [ListEntry]]]
    /// The kinds `alphabetical` lists.
    static let alphabeticalKinds: [ContentKind] = [.article, .cause, .condition]
    /// Article id → its place among all article ids in ascending order.
    let articleRank: [String: Int]
    /// Article ids in ascending order.
    let articleIDs: [String]
    /// Entity id → the ranks of the articles about it, as `SiteGraph.articlesAbout` lists them.
    let articleRanksAbout: [String: [Int]]

    /// Path of a cause or condition → its articles, causes and effects (`EntityList.allCases` order) as
    /// its pages show them, before their cards are made: every such page and its list pages read them.
    let entityLists: [String: [[EntityListEntry]]]

    /// The partial a card's `link` is rendered with.
    static let linkTemplate = "partials/link"

    init(graph: SiteGraph, strings: UIStrings, bodies: RenderedBodies, templates: PageTemplates) {
        let config = graph.config
        let routes = graph.routes
        let basePath = config.basePath
        self.basePath = basePath
        origin = config.origin

        var days: [String: Set<Day>] = [:]
        for file in graph.files {
            let meta = file.meta
            if let date = meta.date { days[file.language, default: []].insert(date) }
            if let reviewed = meta.reviewed {
                days[file.language, default: []].insert(reviewed)
                days[file.language, default: []].insert(meta.nextReviewDue(intervalMonths: config.reviewIntervalMonths)!)
            }
        }

        let disclaimerKey = ContentKey.disclaimer
        var languages: [String: Language] = [:]
        for language in config.languages {
            let code = language.code
            let table = strings.strings(code)
            let layout = LanguageLayout(
                lang: code,
                dir: language.isRightToLeft ? "rtl" : "ltr",
                siteTitle: language.title,
                stylesheet: routes.stylesheet,
                homeURL: routes.home(code),
                t: templates.stringKeys.map { table[$0] ?? $0 },
                nav: [.init(label: strings.text(.navHome, code), url: routes.home(code))] + PageKind.listed.map {
                    .init(label: strings.text($0.index!.title, code), url: routes.index($0.kind.section, language: code))
                },
                disclaimerURL: routes.resolve(disclaimerKey, language: code)?.path,
                searchURL: config.search ? routes.index(.search, language: code) : nil)
            var disclaimer: (String, String, String?)?
            if let file = graph.bestFile(disclaimerKey, language: code), let i = graph.index[disclaimerKey]?[file.language] {
                let html = bodies.bodies[i].html
                disclaimer = (file.meta.title, html, SiteRenderer.firstSentence(of: html))
            }
            languages[code] = Language(
                layout: layout, title: language.title, homePath: routes.home(code),
                indexPaths: Routes.sections.map { ($0, routes.index($0, language: code)) },
                handoutPrefix: routes.handoutPrefix(code),
                switcherAlone: config.languages.map { other in
                    .init(code: other.code, name: other.name, url: routes.home(other.code), current: other.code == code,
                          missing: true, missingLabel: strings.text(.notTranslated, other.code))
                },
                name: language.name, notTranslated: strings.text(.notTranslated, code),
                disclaimer: disclaimer,
                handoutTitle: strings.text(.handoutTitle, code), handoutQRLabel: strings.text(.handoutQRLabel, code),
                clinic: .init(name: config.clinic.name ?? language.title, contact: config.clinic.contact,
                              emergencyNumber: config.clinic.emergencyNumber),
                dates: DateText(locale: language.locale, days: days[code] ?? []))
        }
        self.languages = languages

        var cards: [String: [ContentKey: LinkCard]] = [:]
        for language in config.languages {
            var byKey: [ContentKey: LinkCard] = [:]
            byKey.reserveCapacity(graph.index.count)
            cards[language.code] = byKey
        }
        Self.makeCards(of: Array(graph.index.keys), into: &cards, graph: graph, languages: languages, templates: templates)
        self.cards = cards
        alphabetical = Self.alphabetical(of: Self.alphabeticalKinds, cards: cards, graph: graph, sharing: [:])

        articleIDs = Set(graph.articlesAbout.values.joined()).sorted()
        articleRank = Dictionary(uniqueKeysWithValues: articleIDs.enumerated().map { ($1, $0) })
        articleRanksAbout = graph.articlesAbout.mapValues { [articleRank] ids in ids.map { articleRank[$0]! } }
        let entities = graph.files.filter(\.kind.isEntity)
        let lists = ParallelMap.mapBlocking(entities) { [cards] file in
            EntityList.allCases.map { Self.entityListEntries(file, $0, graph: graph, cards: cards[file.language], reads: nil) }
        }
        entityLists = Dictionary(uniqueKeysWithValues: zip(entities.map(\.path), lists))
        changedSince = nil
    }

    private init(_ previous: PageParts, cards: [String: [ContentKey: LinkCard]], changed keys: Set<ContentKey>, graph: SiteGraph) {
        origin = previous.origin
        basePath = previous.basePath
        languages = previous.languages
        self.cards = cards
        // A changed card changes the A–Z lists of its kind only.
        let kinds = Set(keys.map(\.kind)).filter(Self.alphabeticalKinds.contains)
        alphabetical = Self.alphabetical(of: Array(kinds), cards: cards, graph: graph, sharing: previous.alphabetical, changed: keys)
        articleRank = previous.articleRank
        articleIDs = previous.articleIDs
        articleRanksAbout = previous.articleRanksAbout
        // The same graph, and cards changed only in what they show: the same entries.
        entityLists = previous.entityLists
        changedSince = (ObjectIdentifier(previous), keys)
    }

    /// When these parts were made from `previous` by `updated(…)`: it, and the keys whose cards were made again.
    let changedSince: (previous: ObjectIdentifier, keys: Set<ContentKey>)?

    /// These parts for the same graph (`SiteGraph.reused`), strings and templates, after the front matter of
    /// `changed` files changed in what the graph does not read: the cards of their keys are made again, the
    /// rest is shared. Nil when the change reaches further (a date the pages write out, the disclaimer's title):
    /// then make the parts anew.
    func updated(changed: [(old: ContentFile, new: ContentFile)], graph: SiteGraph, templates: PageTemplates) -> PageParts? {
        for (old, new) in changed {
            guard old.meta.date == new.meta.date, old.meta.reviewed == new.meta.reviewed, old.meta.nextReview == new.meta.nextReview,
                  new.key != .disclaimer else { return nil }
        }
        let keys = Set(changed.map(\.new.key))
        var cards = self.cards
        Self.makeCards(of: Array(keys), into: &cards, graph: graph, languages: languages, templates: templates)
        return PageParts(self, cards: cards, changed: keys, graph: graph)
    }

    /// The A–Z lists of `kinds` in every language made from `cards` (`ListEntry.alphabetical`); the other kinds' lists
    /// are those of `shared`.
    private static func alphabetical(of kinds: [ContentKind], cards: [String: [ContentKey: LinkCard]], graph: SiteGraph,
                                     sharing shared: [String: [ContentKind: [ListEntry]]],
                                     changed: Set<ContentKey>? = nil) -> [String: [ContentKind: [ListEntry]]] {
        let lists = graph.config.languages.flatMap { language in kinds.map { (language.code, $0) } }
        let sorted = ParallelMap.mapBlocking(lists) { code, kind in
            ListEntry.alphabetical(kind, language: code, cards: cards[code] ?? [:], graph: graph,
                                   updating: changed == nil ? nil : shared[code]?[kind], changed: changed ?? [])
        }
        var alphabetical = shared
        for ((code, kind), entries) in zip(lists, sorted) { alphabetical[code, default: [:]][kind] = entries }
        return alphabetical
    }

    /// Every article, cause or effect of a cause or condition that pages of its language show, in order,
    /// before their cards are made: those whose card exists in that language, by their place in the
    /// graph's list. `reads` notes what was read.
    static func entityListEntries(_ file: ContentFile, _ list: EntityList, graph: SiteGraph, cards: [ContentKey: LinkCard]?,
                                  reads: PageReads?) -> [EntityListEntry] {
        guard let cards else { return [] }
        let code = file.language
        func shown(_ id: String) -> Bool {
            reads?.insert(.entityKey(id))
            guard let key = graph.entityKey(id) else { return false }
            reads?.insert(.card(key, language: code))
            return cards[key] != nil
        }
        func entries<T>(_ items: [T], _ shows: (T) -> Bool) -> [EntityListEntry] {
            items.indices.filter { shows(items[$0]) }.map { EntityListEntry(position: Int32($0)) }
        }
        switch list {
        case .causes:
            reads?.insert(.causes(file.id))
            return entries(graph.causes(of: file.id)) { shown($0.cause) }
        case .effects:
            reads?.insert(.effects(file.id))
            return entries(graph.effects(of: file.id)) { shown($0.effect) }
        case .articles:
            reads?.insert(.articlesAbout(file.id))
            return entries(graph.articlesAbout[file.id] ?? []) { id in
                let key = ContentKey(kind: .article, id: id)
                reads?.insert(.card(key, language: code))
                return cards[key] != nil
            }
        }
    }

    /// Makes the cards of `keys` in every language, with their links rendered.
    private static func makeCards(of keys: [ContentKey], into cards: inout [String: [ContentKey: LinkCard]], graph: SiteGraph,
                                  languages: [String: Language], templates: PageTemplates) {
        let routes = graph.routes
        var unrendered: [(language: String, key: ContentKey, card: LinkCard)] = []
        for language in graph.config.languages {
            for key in keys {
                guard let files = graph.index[key], let target = routes.resolve(key, language: language.code), let i = files[target.language] else {
                    cards[language.code]![key] = nil
                    continue
                }
                let meta = graph.files[i].meta
                let card = LinkCard(title: meta.title, url: target.path, summary: meta.summary ?? "",
                                    otherLanguage: target.language != language.code, hreflang: target.language,
                                    languageName: languages[target.language]?.name ?? target.language)
                cards[language.code]![key] = card
                unrendered.append((language.code, key, card))
            }
        }
        if let link = templates.link {
            // The link partial sees the card and, around it, what every page of its language shows.
            let partials = unrendered.map { LinkPartial(language: languages[$0.language]!.layout, card: $0.card) }
            let links = ParallelMap.mapBlocking(partials) { partial in
                var html = String(decoding: link.render(partial), as: UTF8.self)
                if html.last?.isNewline == true { html.removeLast() }
                return html
            }
            for ((language, key, card), link) in zip(unrendered, links) { cards[language]![key] = card.with(link: link) }
        }
    }
}
