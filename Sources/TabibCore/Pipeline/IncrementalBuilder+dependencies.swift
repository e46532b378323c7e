/// Which pages and site files a quick build makes again: every page and site file records what it read
/// (`PageInput`, `PageReads`) while it is made, and it is made again exactly when one of those inputs
/// differs between the previous build and this one, or when it is new. Nothing here knows what a page or
/// the sitemap shows; the renderer says it by what it reads.
extension IncrementalBuilder {
    /// A page, named the same way in every build: by its output's name and by the content file it
    /// shows rather than its index.
    struct PageID: Hashable, Sendable {
        let output: String
        let subject: Subject

        enum Subject: Hashable, Sendable {
            case file(String)
            case language(String)
            case site
            /// A further page of a long list, named by its list and number.
            case list(ListPageJob)
        }

        init(_ job: PageJob, _ renderer: SiteRenderer) {
            output = renderer.templates.outputs[job.output].name
            switch job.subject {
            case let .file(i): subject = .file(renderer.graph.files[i].path)
            case let .language(code): subject = .language(code)
            case .site: subject = .site
            case let .list(job): subject = .list(job)
            }
        }
    }

    /// What the pages of a build read, to tell which to render again after the next edit.
    struct Dependencies: Sendable {
        /// Each page: the file it was written to, and what it read.
        var pages: [PageID: (path: String, reads: Set<PageInput>)] = [:]
        /// Each input → the pages that read it.
        var readers: [PageInput: Set<PageID>] = [:]
        /// Each content file's index in the build's graph, by path.
        var fileIndex: [String: Int] = [:]

        init(fileIndex: [String: Int]) { self.fileIndex = fileIndex }

        /// Notes what `page` read this time, in place of what it read before.
        mutating func record(_ page: PageID, path: String, reads: Set<PageInput>) {
            if let old = pages[page] {
                for input in old.reads.subtracting(reads) {
                    readers[input]?.remove(page)
                    if readers[input]?.isEmpty == true { readers[input] = nil }
                }
                for input in reads.subtracting(old.reads) { readers[input, default: []].insert(page) }
            } else {
                for input in reads { readers[input, default: []].insert(page) }
            }
            pages[page] = (path, reads)
        }

        mutating func remove(_ page: PageID) {
            guard let old = pages.removeValue(forKey: page) else { return }
            for input in old.reads {
                readers[input]?.remove(page)
                if readers[input]?.isEmpty == true { readers[input] = nil }
            }
        }
    }

    struct Plan {
        /// The pages to render, with their ids.
        var pages: [(job: PageJob, id: PageID)]
        /// The previous build's pages and site files this one does not have.
        var gone: [PageID]
        /// The site files (sitemap, robots.txt, feeds) to write again.
        var siteFiles: [PageJob]
        var fileIndex: [String: Int]
        /// How many pages the site has.
        var total: Int
    }

    /// The pages whose recorded inputs changed, and the new ones.
    static func plan(_ new: SiteBuilder.Prepared, previous: State) -> Plan {
        let graph = new.renderer.graph
        if let plan = planSameStructure(new, previous: previous) { return plan }
        var fileIndex: [String: Int] = [:]
        fileIndex.reserveCapacity(graph.files.count)
        for (i, file) in graph.files.enumerated() { fileIndex[file.path] = i }
        let comparison = InputComparison(old: previous.prepared.renderer, new: new.renderer,
                                         oldIndex: previous.dependencies.fileIndex, newIndex: fileIndex)
        // One look at each stage's output tells which kinds of input may differ; only those are compared one by one.
        var dirty: Set<PageID> = []
        for (input, readers) in previous.dependencies.readers where comparison.changed(input) { dirty.formUnion(readers) }
        let jobs = new.renderer.jobs()
        var pages: [(job: PageJob, id: PageID)] = []
        var siteFiles: [PageJob] = []
        var present: Set<PageID> = []
        present.reserveCapacity(jobs.count)
        for job in jobs {
            let id = PageID(job, new.renderer)
            present.insert(id)
            if dirty.contains(id) || previous.dependencies.pages[id] == nil { pages.append((job, id)) }
        }
        for job in new.renderer.siteFileJobs() {
            let id = PageID(job, new.renderer)
            present.insert(id)
            if dirty.contains(id) || previous.dependencies.pages[id] == nil { siteFiles.append(job) }
        }
        let gone = previous.dependencies.pages.keys.filter { !present.contains($0) }
        return Plan(pages: pages, gone: gone, siteFiles: siteFiles, fileIndex: fileIndex, total: jobs.count)
    }

    /// The plan when the graph was kept (`SiteGraph.reused`): the same pages in the same places, so only the
    /// inputs the edit can have changed are looked at, and nothing is done for every page. Nil otherwise, and
    /// when a retitled cause or condition changes which letter pages its A–Z index has.
    static func planSameStructure(_ new: SiteBuilder.Prepared, previous: State) -> Plan? {
        let (old, graph) = (previous.prepared.renderer, new.renderer.graph)
        guard old.graph.structure === graph.structure, old.config == new.renderer.config,
              old.templates.outputs.map(\.name) == new.renderer.templates.outputs.map(\.name) else { return nil }
        // The same files in the same order: the previous index holds.
        let fileIndex = previous.dependencies.fileIndex
        let comparison = InputComparison(old: old, new: new.renderer, oldIndex: fileIndex, newIndex: fileIndex)
        guard let candidates = comparison.candidates else { return nil }
        if old.parts !== new.renderer.parts, let since = new.renderer.parts.changedSince {
            for kind in Set(since.keys.map(\.kind)) where kind.isEntity {
                for language in graph.config.languages where old.letterJobs(kind, language: language.code)
                    != new.renderer.letterJobs(kind, language: language.code) { return nil }
            }
        }
        var dirty: Set<PageID> = []
        for input in candidates {
            guard let readers = previous.dependencies.readers[input], comparison.changed(input) else { continue }
            dirty.formUnion(readers)
        }
        // The same pages: the sitemap lists the previous build's.
        new.renderer.pageJobs.adopt(old.pageJobs)
        let outputs = Dictionary(uniqueKeysWithValues: new.renderer.templates.outputs.enumerated().map { ($1.name, $0) })
        var pages: [(job: PageJob, id: PageID)] = []
        var siteFiles: [PageJob] = []
        for id in dirty {
            let subject: OutputSubject = switch id.subject {
            case let .file(path): .file(fileIndex[path]!)
            case let .language(code): .language(code)
            case .site: .site
            case let .list(job): .list(job)
            }
            let job = PageJob(output: outputs[id.output]!, subject: subject)
            if new.renderer.templates.outputs[job.output].isSiteFile { siteFiles.append(job) } else { pages.append((job, id)) }
        }
        let total = previous.dependencies.pages.count - new.renderer.siteFileJobs().count
        return Plan(pages: pages, gone: [], siteFiles: siteFiles, fileIndex: fileIndex, total: total)
    }
}

/// Tells whether one input a page read has the same value in two builds.
struct InputComparison {
    let old: SiteRenderer
    let new: SiteRenderer
    let oldIndex: [String: Int]
    let newIndex: [String: Int]
    /// The shared page parts are made again only when front matter, strings, templates or the
    /// disclaimer changed; the same parts mean the same cards, lists and layouts.
    let sameParts: Bool
    let settingsChanged: Bool
    let changedTemplates: Set<String>
    /// A changed template that sets other delimiters or uses a dynamic partial: its partials cannot
    /// be followed by reading its tags, so every page's template counts as changed.
    let templatesOpaque: Bool

    /// The paths of the content files whose front matter or body may differ: a file or body taken
    /// over from the previous build is the same object, so only the others are compared.
    let touchedPaths: Set<String>
    /// Whether the graph's tables that the pages read by id are all equal: then no input of that kind changed.
    let sameEntityKinds: Bool
    let sameCauses: Bool
    let sameEffects: Bool
    let sameArticlesAbout: Bool
    /// Whether every page's address and handout address is the same.
    let sameAddresses: Bool
    /// Whether what related articles are ranked by is the same: then only a touched article's can differ.
    let sameRanking: Bool
    /// The keys whose "what links here" may differ: the targets of the touched bodies' links, before and after.
    let touchedTargets: Set<ContentKey>

    /// Every input that may differ, when they can be told without looking at every page's inputs: the
    /// graph's structure, the settings and the templates are the same, and the parts are the same or were
    /// updated for a few keys. Nil otherwise.
    var candidates: [PageInput]? {
        guard old.graph.structure === new.graph.structure, !settingsChanged, changedTemplates.isEmpty else { return nil }
        var inputs: [PageInput] = []
        if !sameParts {
            guard let since = new.parts.changedSince, since.previous == ObjectIdentifier(old.parts) else { return nil }
            for language in new.config.languages {
                for kind in Set(since.keys.map(\.kind)) { inputs.append(.list(kind, language: language.code)) }
                for key in since.keys { inputs.append(.card(key, language: language.code)) }
            }
        }
        for path in touchedPaths {
            inputs += [.frontMatter(path: path), .body(path: path), .related(path: path), .lastmod(path: path)]
            if let i = newIndex[path] { inputs.append(.files(new.graph.files[i].kind, language: new.graph.files[i].language)) }
        }
        for key in touchedTargets { inputs.append(.backlinks(key)) }
        return inputs
    }

    init(old: SiteRenderer, new: SiteRenderer, oldIndex: [String: Int], newIndex: [String: Int]) {
        self.old = old
        self.new = new
        self.oldIndex = oldIndex
        self.newIndex = newIndex
        sameParts = old.parts === new.parts
        var touched: Set<String> = [], targets: Set<ContentKey> = []
        var added = 0
        for (i, file) in new.graph.files.enumerated() {
            let after = new.bodies.bodies[i]
            guard let j = oldIndex[file.path] else {
                added += 1
                touched.insert(file.path)
                for link in after.links { targets.insert(link.target) }
                continue
            }
            let before = old.bodies.bodies[j]
            if before !== after {
                touched.insert(file.path)
                for link in before.links { targets.insert(link.target) }
                for link in after.links { targets.insert(link.target) }
            } else if old.graph.files[j] !== file {
                touched.insert(file.path)
            }
        }
        // Files removed since.
        if old.graph.files.count != new.graph.files.count - added {
            for (j, file) in old.graph.files.enumerated() where newIndex[file.path] == nil {
                touched.insert(file.path)
                for link in old.bodies.bodies[j].links { targets.insert(link.target) }
            }
        }
        touchedPaths = touched
        touchedTargets = targets
        let sameGraph = old.graph.structure === new.graph.structure && old.config == new.config || old.graph.files.count == new.graph.files.count && touched.allSatisfy { path in
            guard let i = oldIndex[path], let j = newIndex[path] else { return false }
            return old.graph.files[i] === new.graph.files[j] || old.graph.files[i].meta == new.graph.files[j].meta
        } && old.config == new.config
        sameEntityKinds = sameGraph || old.graph.entityKinds == new.graph.entityKinds
        sameCauses = sameGraph || old.graph.causesOf == new.graph.causesOf
        sameEffects = sameGraph || old.graph.effectsOf == new.graph.effectsOf
        sameArticlesAbout = sameGraph || old.graph.articlesAbout == new.graph.articlesAbout
        sameAddresses = sameGraph || old.config == new.config && old.graph.routes.paths == new.graph.routes.paths
            && old.config.languages.allSatisfy { old.parts.languages[$0.code]?.handoutPrefix == new.parts.languages[$0.code]?.handoutPrefix }
        sameRanking = sameParts || new.parts.changedSince?.previous == ObjectIdentifier(old.parts) || old.parts.articleIDs == new.parts.articleIDs && old.parts.articleRanksAbout == new.parts.articleRanksAbout
        settingsChanged = old.config != new.config || old.strings.table != new.strings.table
            || old.templates.stringKeys != new.templates.stringKeys || old.handoutPDFs != new.handoutPDFs
        let (before, after) = (old.templates.sources, new.templates.sources)
        changedTemplates = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
        templatesOpaque = !changedTemplates.isEmpty && before.merging(after) { $0 + $1 }.values.contains {
            $0.contains("{{=") || $0.contains("{{>*") || $0.contains("{{> *")
        }
    }

    func changed(_ input: PageInput) -> Bool {
        switch input {
        case let .frontMatter(path):
            guard touchedPaths.contains(path) else { return false }
            switch (file(path, old, oldIndex), file(path, new, newIndex)) {
            case (nil, nil): return false
            case let (a?, b?): return !(a === b || a.meta == b.meta)
            default: return true
            }
        case let .body(path):
            guard touchedPaths.contains(path) else { return false }
            let a = oldIndex[path].map { old.bodies.bodies[$0] }, b = newIndex[path].map { new.bodies.bodies[$0] }
            switch (a, b) {
            case (nil, nil): return false
            case let (a?, b?): return !(a === b || a.html == b.html && a.redFlags == b.redFlags)
            default: return true
            }
        case let .card(key, language):
            return !sameParts && !Self.same(old.parts.cards[language]?[key], new.parts.cards[language]?[key])
        case let .list(kind, language):
            return !sameParts && old.parts.alphabetical[language]?[kind] != new.parts.alphabetical[language]?[kind]
        case let .entityKey(id):
            return !sameEntityKinds && old.graph.entityKey(id) != new.graph.entityKey(id)
        case let .causes(id):
            return !sameCauses && old.graph.causes(of: id) != new.graph.causes(of: id)
        case let .effects(id):
            return !sameEffects && old.graph.effects(of: id) != new.graph.effects(of: id)
        case let .articlesAbout(id):
            return !sameArticlesAbout && old.graph.articlesAbout[id] != new.graph.articlesAbout[id]
        case let .backlinks(key):
            return touchedTargets.contains(key) && old.bodies.backlinks[key] != new.bodies.backlinks[key]
        case let .related(path):
            guard !sameRanking || touchedPaths.contains(path) else { return false }
            switch (file(path, old, oldIndex), file(path, new, newIndex)) {
            case (nil, nil): return false
            case let (a?, b?): return old.relatedArticles(a) != new.relatedArticles(b)
            default: return true
            }
        case let .translations(key):
            return !sameAddresses && Self.translations(key, old) != Self.translations(key, new)
        case .settings:
            return settingsChanged
        case let .disclaimerURL(language):
            return !sameParts && old.parts.languages[language]?.layout.disclaimerURL != new.parts.languages[language]?.layout.disclaimerURL
        case let .disclaimer(language):
            guard !sameParts else { return false }
            let (a, b) = (old.parts.languages[language]?.disclaimer, new.parts.languages[language]?.disclaimer)
            return a?.title != b?.title || a?.html != b?.html || a?.firstSentence != b?.firstSentence
        case let .lastmod(path):
            guard touchedPaths.contains(path) else { return false }
            let (a, b) = (file(path, old, oldIndex), file(path, new, newIndex))
            return (a?.meta.reviewed ?? a?.meta.date) != (b?.meta.reviewed ?? b?.meta.date) || (a == nil) != (b == nil)
        case let .files(kind, language):
            if old.graph.structure === new.graph.structure {
                // The same files at the same addresses: only a touched one's front matter can differ.
                return touchedPaths.contains { path in
                    guard let a = file(path, old, oldIndex), let b = file(path, new, newIndex) else { return true }
                    return b.kind == kind && b.language == language && !(a === b || a.meta == b.meta)
                }
            }
            let (a, b) = (old.files(kind, language: language), new.files(kind, language: language))
            return a.count != b.count || !zip(a, b).allSatisfy { x, y in
                x.sitePath == y.sitePath && x.file.path == y.file.path && (x.file === y.file || x.file.meta == y.file.meta)
            }
        case .pages:
            // The same jobs of the same graph's files go to the same places.
            let (before, after) = (old.jobs(), new.jobs())
            if before == after, old.graph.structure === new.graph.structure, old.config == new.config { return false }
            return before.count != after.count || !zip(before, after).allSatisfy { old.path($0) == new.path($1) }
        case let .template(name):
            guard !changedTemplates.isEmpty else { return false }
            if templatesOpaque { return true }
            let sources = old.templates.sources.merging(new.templates.sources) { $0 + "\n" + $1 }
            return !Self.closure(of: name, in: sources).isDisjoint(with: changedTemplates)
        }
    }

    func file(_ path: String, _ renderer: SiteRenderer, _ index: [String: Int]) -> ContentFile? {
        index[path].map { renderer.graph.files[$0] }
    }

    /// Whether two cards show the same.
    static func same(_ a: LinkCard?, _ b: LinkCard?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a === b || a.title == b.title && a.url == b.url && a.summary == b.summary && a.otherLanguage == b.otherLanguage
            && a.hreflang == b.hreflang && a.languageName == b.languageName && a.link == b.link && a.evidence == nil && b.evidence == nil
    }

    /// In each language of the site: the address of the key's page and of its handout, if it has them.
    static func translations(_ key: ContentKey, _ renderer: SiteRenderer) -> [String?] {
        renderer.config.languages.flatMap { language in
            [renderer.routes.path(key, language: language.code),
             renderer.graph.file(key, language: language.code).map { renderer.handoutPath($0) }]
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
