/// Renders every file's Markdown body (on every core), then checks every `#anchor` of every `@/` link
/// against the headings of the page it leads to, and gathers "what links here".
public struct RenderedBodies: Sendable {
    /// Indexed like `SiteGraph.files`.
    public let bodies: [RenderedBody]
    /// Target key → the keys of the pages whose bodies link to it.
    public let backlinks: [ContentKey: Set<ContentKey>]
}

enum BodyStage {
    static func render(_ graph: SiteGraph, strings: UIStrings, images: ImageCatalog = ImageCatalog(), preview: Bool = false) async -> (RenderedBodies, [Diagnostic]) {
        var cache = BodyCache()
        return await render(graph, strings: strings, images: images, preview: preview, reusing: &cache)
    }

    /// Renders like `render(_:strings:)`, taking from `cache` every body whose text and inputs are
    /// unchanged, and leaves this build's bodies in `cache` for the next one. When the files are the
    /// same as the cached build's, "what links here" and the anchor checks are brought up to date
    /// for the bodies that changed instead of being made again.
    static func render(_ graph: SiteGraph, strings: UIStrings, images: ImageCatalog = ImageCatalog(), preview: Bool = false,
                       reusing cache: inout BodyCache) async -> (RenderedBodies, [Diagnostic]) {
        let inputs = Dictionary(uniqueKeysWithValues: graph.config.languages.map { language in
            let titles = Dictionary(uniqueKeysWithValues: CalloutKind.allCases.map { ($0, strings.text(.callout($0), language.code)) })
            return (language.code, BodyCache.LanguageInputs(aliases: graph.aliasList[language.code] ?? [], calloutTitles: titles))
        })
        let previous = cache
        cache = BodyCache()
        let allowRawHTML = graph.config.allowRawHTML
        let reuse = previous.reuse(inputs: inputs, allowRawHTML: allowRawHTML, preview: preview, routes: graph.routes)
        let aligned = previous.isAligned(with: graph.files)
        let byPath = aligned ? [:] : previous.entriesByPath()

        // What can be taken from the cache, file by file; the rest is rendered on every core.
        var entries: [BodyCache.Entry?] = graph.files.indices.map { i in
            let file = graph.files[i]
            let entry = aligned ? previous.entries[i] : byPath[file.path]
            guard let entry, previous.reusable(entry, for: file, reuse, targets: graph, images: images) else { return nil }
            return entry
        }
        let stale = graph.files.indices.filter { entries[$0] == nil }
        let rendered = await ParallelMap.map(stale) { i -> BodyCache.Entry in
            let file = graph.files[i]
            let recorder = RecordingTargets(graph)
            let body = BodyRenderer(file: file, targets: recorder,
                                    aliases: file.kind == .article ? graph.aliases[file.language] : nil,
                                    calloutTitles: inputs[file.language]?.calloutTitles ?? [:],
                                    allowRawHTML: allowRawHTML, images: images, preview: preview).render()
            return BodyCache.Entry(source: BodySource(file), body: body, lookups: recorder.lookups, reusable: !recorder.listedIDs && !body.diagnostics.hasErrors,
                                   needsSameRoutes: recorder.askedSitePaths)
        }
        for (i, entry) in zip(stale, rendered) { entries[i] = entry }
        let all = entries.map { $0! }
        let bodies = all.map(\.body)

        var diagnostics = bodies.flatMap(\.diagnostics)
        let backlinks: [ContentKey: Set<ContentKey>]
        let anchorDiagnostics: [Diagnostic]
        if aligned, let previousBacklinks = previous.backlinks, previous.anchorsChecked {
            let changed = stale
            backlinks = updatedBacklinks(previousBacklinks, changed: changed, before: previous.entries.map { $0!.body }, after: bodies, graph)
            // Links from changed bodies, and links into changed bodies whose headings changed.
            var sources = Set(changed)
            for i in changed where previous.entries[i]!.body.anchors != bodies[i].anchors {
                for key in backlinks[graph.files[i].key] ?? [] { sources.formUnion((graph.index[key] ?? [:]).values) }
            }
            anchorDiagnostics = brokenAnchors(from: sources.sorted(), bodies, graph)
        } else {
            backlinks = allBacklinks(bodies, graph)
            anchorDiagnostics = brokenAnchors(from: Array(graph.files.indices), bodies, graph)
        }
        diagnostics += anchorDiagnostics

        cache.languages = inputs
        cache.allowRawHTML = allowRawHTML
        cache.preview = preview
        cache.routes = graph.routes.paths
        cache.imageBasePath = images.basePath
        cache.paths = graph.files.map(\.path)
        cache.changed = !stale.isEmpty || !reuse.sameRoutes || !aligned
        cache.entries = all.map { $0.reusable ? $0 : nil }
        cache.backlinks = backlinks
        cache.anchorsChecked = anchorDiagnostics.isEmpty && !cache.entries.contains { $0 == nil }
        return (RenderedBodies(bodies: bodies, backlinks: backlinks), diagnostics)
    }

    /// Target key → the keys of the pages whose bodies link to it.
    static func allBacklinks(_ bodies: [RenderedBody], _ graph: SiteGraph) -> [ContentKey: Set<ContentKey>] {
        var backlinks: [ContentKey: Set<ContentKey>] = [:]
        for (i, body) in bodies.enumerated() {
            let source = graph.files[i].key
            for link in body.links where link.target != source { backlinks[link.target, default: []].insert(source) }
        }
        return backlinks
    }

    /// The backlinks of the same files after the bodies at `changed` were rendered again.
    static func updatedBacklinks(_ backlinks: [ContentKey: Set<ContentKey>], changed: [Int], before: [RenderedBody], after: [RenderedBody],
                                 _ graph: SiteGraph) -> [ContentKey: Set<ContentKey>] {
        var backlinks = backlinks
        for source in Set(changed.map { graph.files[$0].key }) {
            let files = (graph.index[source] ?? [:]).values
            var targets: Set<ContentKey> = []
            for i in files { targets.formUnion(before[i].links.map(\.target)); targets.formUnion(after[i].links.map(\.target)) }
            for target in targets where target != source {
                let links = files.contains { after[$0].links.contains { $0.target == target } }
                if links { backlinks[target, default: []].insert(source) } else { backlinks[target]?.remove(source) }
                if backlinks[target]?.isEmpty == true { backlinks[target] = nil }
            }
        }
        return backlinks
    }

    /// Every `#anchor` of the links in the bodies at `sources` that no heading of its page has.
    static func brokenAnchors(from sources: [Int], _ bodies: [RenderedBody], _ graph: SiteGraph) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for i in sources {
            for link in bodies[i].links {
                guard let anchor = link.anchor, let target = graph.index[link.target]?[link.targetLanguage] else { continue }
                let anchors = bodies[target].anchors
                if !anchors.contains(anchor) {
                    var notes: [String] = []
                    if let guess = Suggestion.closest(to: anchor, in: anchors) { notes.append("did you mean '#\(guess)'?") }
                    else if !anchors.isEmpty { notes.append("its headings are: \(anchors.sorted().map { "#\($0)" }.joined(separator: ", ")).") }
                    diagnostics.append(.error("broken-anchor",
                        "the link leads to \(graph.files[target].path), which has no heading with the anchor '#\(anchor)'; fix the anchor or the heading.",
                        at: link.location, notes: notes))
                }
            }
        }
        return diagnostics
    }
}
