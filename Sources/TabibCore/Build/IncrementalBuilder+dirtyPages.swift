import Foundation

/// Which pages a quick build renders again. A page is rendered again when something it shows changed:
///
/// - a file's front matter or rendered body: its page and its handout; the disclaimer's: every handout;
/// - what a page shows of another (its "card": title, summary, address, whether it exists in a language):
///   - an article's: the pages of the causes and conditions it names, the articles whose related list
///     has it or now ranks differently, and the home and article index pages;
///   - a cause's or condition's: the articles that name it, its neighbours in the graph, its index page;
///   - anyone's: its pages in every language (their language switchers), and the pages its body links
///     to, whose "what links here" lists it;
/// - an article's causes or conditions: the same pages as its card, but not the index pages;
/// - the links a body makes: the pages added to or dropped from "what links here".
///
/// Settings, UI strings and the disclaimer's card are read by every page: any change there is a full build.
extension IncrementalBuilder {
    struct Plan {
        var pages: Set<PageJob>
        /// Every output path of the new build, when pages were added, removed or moved; nil when unchanged.
        var outputs: Set<String>?
        /// Whether the sitemap, robots.txt and feeds must be written again.
        var siteFiles: Bool
    }

    /// What changed between two prepared builds, key by key.
    struct Changes {
        /// Files (indices in the new build) whose front matter or body changed.
        var files: Set<Int> = []
        /// Keys with a file whose front matter or body changed, or that was added or removed.
        var contents: Set<ContentKey> = []
        var cards: Set<ContentKey> = []
        var topics: Set<ContentKey> = []
        /// Keys whose body links changed, with the targets added or dropped.
        var linkTargets: Set<ContentKey> = []
        var frontMatter = false
        var addresses = false
    }

    static let disclaimerKey = ContentKey(kind: .page, id: "disclaimer")

    /// The pages to render again, or nil when only a full build is safe.
    static func plan(_ new: SiteBuilder.Prepared, previous: State) -> Plan? {
        let old = previous.prepared
        let (r0, r1) = (old.renderer, new.renderer)
        let (g0, g1) = (r0.graph, r1.graph)
        guard g0.config == g1.config, r0.strings.table == r1.strings.table, r0.handoutPDFs == r1.handoutPDFs else { return nil }
        let changes = self.changes(from: r0, to: r1, parsed: new.parsed)
        if changes.cards.contains(disclaimerKey) { return nil }

        var keys: Set<ContentKey> = changes.cards
        var lists: Set<PageJob> = []
        let languages = g1.config.languages.map(\.code)
        for key in changes.cards.union(changes.topics) {
            let cardChanged = changes.cards.contains(key)
            switch key.kind {
            case .article:
                let ids = entityIDs(of: key, in: g0).union(entityIDs(of: key, in: g1))
                keys.formUnion(ids.compactMap { g1.entityKey($0) ?? g0.entityKey($0) })
                keys.formUnion(articlesWithChangedRelated(around: key, entities: ids, r0, r1, cardChanged: cardChanged))
                if cardChanged { for code in languages { lists.formUnion([.home(code), .index(.articles, code)]) } }
            case .cause, .condition:
                let about = (g0.articlesAbout[key.id] ?? []) + (g1.articlesAbout[key.id] ?? [])
                keys.formUnion(about.map { ContentKey(kind: .article, id: $0) })
                for graph in [g0, g1] {
                    for edge in graph.causes(of: key.id) + graph.effects(of: key.id) {
                        for id in [edge.cause, edge.effect] where id != key.id {
                            if let neighbour = graph.entityKey(id) { keys.insert(neighbour) }
                        }
                    }
                }
                if cardChanged {
                    let section: Section = key.kind == .cause ? .causes : .conditions
                    for code in languages { lists.insert(.index(section, code)) }
                }
            case .page:
                break
            }
            // "What links here" on the pages its body links to shows its card.
            if cardChanged { keys.formUnion(linkTargets(of: key, r0).union(linkTargets(of: key, r1))) }
        }
        // On a site with search, an article carries the aliases of its causes and conditions (`searchAliases`).
        if g1.config.search {
            for key in changes.contents where key.kind == .cause || key.kind == .condition {
                let about = (g0.articlesAbout[key.id] ?? []) + (g1.articlesAbout[key.id] ?? [])
                keys.formUnion(about.map { ContentKey(kind: .article, id: $0) })
            }
        }
        keys.formUnion(changes.linkTargets)

        var pages = lists
        for i in changes.files {
            pages.insert(.file(i))
            if g1.files[i].kind == .article { pages.insert(.handout(i)) }
        }
        for key in keys {
            for i in (g1.index[key] ?? [:]).values {
                pages.insert(.file(i))
                if key.kind == .article { pages.insert(.handout(i)) }
            }
        }
        if changes.contents.contains(disclaimerKey) {
            for (i, file) in g1.files.enumerated() where file.kind == .article { pages.insert(.handout(i)) }
        }
        lazy var jobs = r1.jobs()
        let (templates, before) = (r1.templates.sources, r0.templates.sources)
        let changedTemplates = Set(templates.keys).union(before.keys).filter { templates[$0] != before[$0] }
        if !changedTemplates.isEmpty {
            let all = templates.merging(before) { new, old in new + "\n" + old }
            // Dynamic partials and changed delimiters cannot be followed by reading the tags.
            if all.values.contains(where: { $0.contains("{{>*") || $0.contains("{{> *") || $0.contains("{{=") }) { return nil }
            var affected: [String: Bool] = [:]
            for job in jobs {
                let name = templateName(job, r1)
                if affected[name] == nil { affected[name] = !closure(of: name, in: all).isDisjoint(with: changedTemplates) }
                if affected[name]! { pages.insert(job) }
            }
        }
        let outputs: Set<String>? = changes.addresses ? Set(jobs.map { outputPath($0, r1) } + previous.outputs.filter { !$0.hasSuffix(".html") }) : nil
        return Plan(pages: pages, outputs: outputs, siteFiles: changes.frontMatter)
    }

    /// Compares two builds file by file: files added or removed, front matter, cards, topics, bodies and links.
    static func changes(from r0: SiteRenderer, to r1: SiteRenderer, parsed: Set<String>) -> Changes {
        let (g0, g1) = (r0.graph, r1.graph)
        var changes = Changes()
        func compare(_ i0: Int?, _ i1: Int?) {
            let f0 = i0.map { g0.files[$0] }, f1 = i1.map { g1.files[$0] }
            guard let key = f1?.key ?? f0?.key else { return }
            guard let i0, let i1, let f0, let f1 else {
                // Added, removed, or drafted: everything about it changed.
                changes.contents.insert(key)
                changes.cards.insert(key)
                if key.kind == .article { changes.topics.insert(key) }
                changes.frontMatter = true
                changes.addresses = true
                let targets = i0.map { Set(r0.bodies.bodies[$0].links.map(\.target)) } ?? i1.map { Set(r1.bodies.bodies[$0].links.map(\.target)) } ?? []
                changes.linkTargets.formUnion(targets.subtracting([key]))
                return
            }
            if f0 !== f1, parsed.contains(f1.path), f0.meta != f1.meta {
                changes.files.insert(i1)
                changes.contents.insert(key)
                changes.frontMatter = true
                if f0.meta.title != f1.meta.title || f0.meta.summary != f1.meta.summary { changes.cards.insert(key) }
                if f0.meta.slug?.value != f1.meta.slug?.value {
                    changes.cards.insert(key)
                    changes.addresses = true
                }
                if key.kind == .article, topics(f0.meta) != topics(f1.meta) { changes.topics.insert(key) }
            }
            let (b0, b1) = (r0.bodies.bodies[i0], r1.bodies.bodies[i1])
            if b0.html != b1.html || b0.redFlags != b1.redFlags {
                changes.files.insert(i1)
                changes.contents.insert(key)
            }
            if b0.links != b1.links {
                let (t0, t1) = (Set(b0.links.map(\.target)), Set(b1.links.map(\.target)))
                changes.linkTargets.formUnion(t0.symmetricDifference(t1).subtracting([key]))
            }
        }
        if g0.files.count == g1.files.count, zip(g0.files, g1.files).allSatisfy({ $0.path == $1.path }) {
            for i in g1.files.indices { compare(i, i) }
        } else {
            let before = Dictionary(uniqueKeysWithValues: g0.files.enumerated().map { ($1.path, $0) })
            let after = Dictionary(uniqueKeysWithValues: g1.files.enumerated().map { ($1.path, $0) })
            for path in Set(before.keys).union(after.keys) { compare(before[path], after[path]) }
        }
        return changes
    }

    /// An article's causes and conditions, with the targets each cause names.
    static func topics(_ meta: FrontMatter) -> [[String]] {
        [meta.conditions.map(\.value)] + meta.causes.map { [$0.cause.value] + ($0.targets?.map(\.value) ?? ["*"]) }
    }

    /// The ids of the causes and conditions any language's file of `key` names.
    static func entityIDs(of key: ContentKey, in graph: SiteGraph) -> Set<String> {
        var ids: Set<String> = []
        for i in (graph.index[key] ?? [:]).values {
            let meta = graph.files[i].meta
            ids.formUnion(meta.conditions.map(\.value))
            for cause in meta.causes {
                ids.insert(cause.cause.value)
                ids.formUnion(cause.targets?.map(\.value) ?? [])
            }
        }
        return ids
    }

    /// The articles sharing a cause or condition with `key` whose related articles differ between the
    /// two builds, or include `key` when its card changed.
    static func articlesWithChangedRelated(around key: ContentKey, entities: Set<String>, _ r0: SiteRenderer, _ r1: SiteRenderer,
                                           cardChanged: Bool) -> Set<ContentKey> {
        var candidates: Set<String> = []
        for id in entities {
            candidates.formUnion(r0.graph.articlesAbout[id] ?? [])
            candidates.formUnion(r1.graph.articlesAbout[id] ?? [])
        }
        candidates.remove(key.id)
        var result: Set<ContentKey> = []
        for id in candidates {
            let candidate = ContentKey(kind: .article, id: id)
            for (language, i1) in r1.graph.index[candidate] ?? [:] {
                let now = r1.relatedArticles(r1.graph.files[i1])
                let before = r0.graph.index[candidate]?[language].map { r0.relatedArticles(r0.graph.files[$0]) }
                if before != now || (cardChanged && now.contains(key)) {
                    result.insert(candidate)
                    break
                }
            }
        }
        return result
    }

    /// The pages the bodies of `key` (any language) link to.
    static func linkTargets(of key: ContentKey, _ renderer: SiteRenderer) -> Set<ContentKey> {
        var targets: Set<ContentKey> = []
        for i in (renderer.graph.index[key] ?? [:]).values { targets.formUnion(renderer.bodies.bodies[i].links.map(\.target)) }
        targets.remove(key)
        return targets
    }

    /// Where a page is written, as `SiteRenderer.render(_:)` writes it.
    static func outputPath(_ job: PageJob, _ renderer: SiteRenderer) -> String {
        let routes = renderer.graph.routes
        let base = renderer.graph.config.basePath
        switch job {
        case let .file(i):
            let file = renderer.graph.files[i]
            return SiteRenderer.outputPath(routes.path(file.key, language: file.language)!, basePath: base)
        case let .handout(i): return SiteRenderer.outputPath(routes.handout(renderer.graph.files[i]), basePath: base)
        case let .home(code): return SiteRenderer.outputPath(routes.home(code), basePath: base)
        case let .index(section, code): return SiteRenderer.outputPath(routes.index(section, language: code), basePath: base)
        case .root: return SiteRenderer.outputPath(routes.root, basePath: base)
        case .notFound: return "404.html"
        case let .search(code): return SiteRenderer.outputPath(routes.index(.search, language: code), basePath: base)
        }
    }

    /// The template a page is rendered with, as `SiteRenderer.render(_:)` chooses it.
    static func templateName(_ job: PageJob, _ renderer: SiteRenderer) -> String {
        switch job {
        case let .file(i):
            switch renderer.graph.files[i].kind {
            case .article: "article"
            case .cause: "cause"
            case .condition: "condition"
            case .page: "page"
            }
        case .handout: "handout"
        case .home: "home"
        case .index: "list"
        case .root: "root"
        case .notFound: "404"
        case .search: "search"
        }
    }

    /// A template and every partial and parent it uses, transitively.
    static func closure(of name: String, in sources: [String: String]) -> Set<String> {
        var seen: Set<String> = []
        var stack = [name]
        while let next = stack.popLast() {
            guard seen.insert(next).inserted, let text = sources[next] else { continue }
            stack += TemplateSet.partialReferences(in: text).map(\.name)
        }
        return seen
    }
}
