extension SiteGraph {
    /// This graph with the files of `content`, when the graph would be built the same from them: the
    /// same settings, and the same files in the same order with the same front matter as far as the
    /// graph reads it (causes, conditions, aliases, translation, slug). The graph is made of those
    /// alone, so an edit to a body, a title or a summary keeps it. An error-free graph has no
    /// diagnostics, so keeping it keeps them too.
    /// Also returns the indexes of the files whose front matter differs in any other way.
    func reused(for content: LoadedContent) -> (graph: SiteGraph, changedMeta: [Int])? {
        guard config == content.config, files.count == content.files.count, withheld == content.withheld,
              withheldKeys == Set(content.withheldFiles.map(\.key)) else { return nil }
        var changedMeta: [Int] = []
        for (i, (old, new)) in zip(files, content.files).enumerated() where old !== new {
            guard old.path == new.path else { return nil }
            if old.meta == new.meta { continue }
            guard Self.sameGraphFields(old.meta, new.meta) else { return nil }
            changedMeta.append(i)
        }
        var graph = self
        graph.files = content.files
        return (graph, changedMeta)
    }

    /// Whether the graph reads the same from two versions of a file's front matter.
    static func sameGraphFields(_ a: FrontMatter, _ b: FrontMatter) -> Bool {
        a.conditions == b.conditions && a.causes == b.causes && a.aliases == b.aliases && a.translation == b.translation && a.slug == b.slug
    }
}
