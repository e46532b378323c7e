/// Renders every file's Markdown body (on every core), then checks every `#anchor` of every `@/` link
/// against the headings of the page it leads to, and gathers "what links here".
public struct RenderedBodies: Sendable {
    /// Indexed like `SiteGraph.files`.
    public let bodies: [RenderedBody]
    /// Target key → the keys of the pages whose bodies link to it.
    public let backlinks: [ContentKey: Set<ContentKey>]
}

enum BodyStage {
    static func render(_ graph: SiteGraph, strings: UIStrings) async -> (RenderedBodies, [Diagnostic]) {
        var cache = BodyCache()
        return await render(graph, strings: strings, reusing: &cache)
    }

    /// Renders like `render(_:strings:)`, taking from `cache` every body whose text and inputs are
    /// unchanged, and leaves this build's bodies in `cache` for the next one.
    static func render(_ graph: SiteGraph, strings: UIStrings, reusing cache: inout BodyCache) async -> (RenderedBodies, [Diagnostic]) {
        let inputs = Dictionary(uniqueKeysWithValues: graph.config.languages.map { language in
            let titles = Dictionary(uniqueKeysWithValues: CalloutKind.allCases.map { ($0, strings.text($0.stringKey, language.code)) })
            return (language.code, BodyCache.LanguageInputs(aliases: graph.aliasList[language.code] ?? [], calloutTitles: titles))
        })
        let previous = cache
        let allowRawHTML = graph.config.allowRawHTML
        let reuse = previous.reuse(inputs: inputs, allowRawHTML: allowRawHTML, routes: graph.routes)
        let results = await ParallelMap.map(Array(graph.files.indices)) { i -> (RenderedBody, BodyCache.Entry?) in
            let file = graph.files[i]
            let language = inputs[file.language]
            if let body = previous.reusable(file, reuse, targets: graph) {
                return (body, previous.entries[file.path])
            }
            let recorder = RecordingTargets(graph)
            let body = BodyRenderer(file: file, targets: recorder,
                                    aliases: file.kind == .article ? graph.aliases[file.language] : nil,
                                    calloutTitles: language?.calloutTitles ?? [:],
                                    allowRawHTML: allowRawHTML).render()
            let reusable = !recorder.listedIDs && !body.diagnostics.hasErrors
            return (body, reusable ? BodyCache.Entry(file: file, body: body, lookups: recorder.lookups) : nil)
        }
        cache = BodyCache()
        cache.languages = inputs
        cache.allowRawHTML = allowRawHTML
        cache.routes = graph.routes
        for (file, (_, entry)) in zip(graph.files, results) { cache.entries[file.path] = entry }
        let bodies = results.map(\.0)
        var diagnostics = bodies.flatMap(\.diagnostics)
        var backlinks: [ContentKey: Set<ContentKey>] = [:]
        for (i, body) in bodies.enumerated() {
            let source = graph.files[i]
            for link in body.links {
                if link.target != source.key { backlinks[link.target, default: []].insert(source.key) }
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
        return (RenderedBodies(bodies: bodies, backlinks: backlinks), diagnostics)
    }
}
