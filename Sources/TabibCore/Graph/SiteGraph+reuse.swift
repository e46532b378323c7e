extension SiteGraph {
    /// This graph with the files of `content`, when the graph would be built the same from them: the
    /// same settings, and the same files in the same order with the same front matter. The graph is
    /// made of front matter only, so an edit to Markdown bodies alone keeps it.
    func reused(for content: LoadedContent) -> SiteGraph? {
        guard config == content.config, files.count == content.files.count, withheld == content.withheld,
              withheldKeys == Set(content.withheldFiles.map(\.key)) else { return nil }
        for (old, new) in zip(files, content.files) {
            guard old === new || old.path == new.path && old.meta == new.meta else { return nil }
        }
        var graph = self
        graph.files = content.files
        return graph
    }
}
