/// What rendering needs that can be known to be missing before any page is rendered: reported once,
/// here, instead of once by every page that needs it. (Missing templates are found by `TemplateSet.load`.)
enum RenderPrerequisites {
    static let disclaimerKey = ContentKey.disclaimer

    static func check(_ graph: SiteGraph) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Every article has a handout, and a handout is never printed without the full disclaimer.
        let handouts = graph.files.filter(Routes.hasHandout).count
        if handouts > 0, graph.index[disclaimerKey] == nil {
            let path = "content/\(graph.config.defaultLanguage)/pages/disclaimer.md"
            diagnostics.append(.error("missing-disclaimer",
                "this file is missing, and each of the \(DiagnosticGroup.grouped(handouts)) handout\(handouts == 1 ? "" : "s") must print the full disclaimer; create it with a 'title' and the disclaimer's text.",
                at: SourceLocation(path: path)))
        }
        return diagnostics
    }
}
