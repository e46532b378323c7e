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
        let titles: [String: [CalloutKind: String]] = Dictionary(uniqueKeysWithValues: graph.config.languages.map { language in
            (language.code, Dictionary(uniqueKeysWithValues: CalloutKind.allCases.map { ($0, strings.text($0.stringKey, language.code)) }))
        })
        let bodies = await ParallelMap.map(Array(graph.files.indices)) { i in
            let file = graph.files[i]
            return BodyRenderer(file: file, targets: graph,
                                aliases: file.kind == .article ? graph.aliases[file.language] : nil,
                                calloutTitles: titles[file.language] ?? [:],
                                allowRawHTML: graph.config.allowRawHTML).render()
        }
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
