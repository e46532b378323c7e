import CompiledMustache

/// Every output of a build, in one table: what files the site is made of, and from what.
enum SiteOutputs {
    /// Each kind's pages and index pages, the homes, the root, the 404 page, the handouts, the feeds,
    /// the sitemap and robots.txt.
    static let standard: [any SiteOutput] = PageKind.all.map(\.pages) + PageKind.listed.compactMap(\.indexPages) + [
        PageOutput("home", template: "home", fields: HomePage.templateFields, subjects: languages,
                   sitePath: { $0.routes.home($1.language) }, model: { $0.homePage($1.language) }),
        PageOutput("root", template: "root", fields: RootPage.templateFields, subjects: site,
                   sitePath: { renderer, _ in renderer.routes.root }, model: { renderer, _ in renderer.rootPage() }),
        PageOutput("404", template: "404", fields: NotFoundPage.templateFields, subjects: site,
                   sitePath: { renderer, _ in renderer.parts.basePath + "404.html" }, model: { renderer, _ in renderer.notFoundPage() }),
        HandoutOutput(),
        SiteFileOutput(name: "feed", subjectsOf: languages, sitePath: { $0.routes.feed($1.language) },
                       text: { SiteFiles.feed($0, language: $1.language) }),
        SiteFileOutput(name: "sitemap", subjectsOf: site, sitePath: { renderer, _ in renderer.routes.sitemap },
                       text: { renderer, _ in SiteFiles.sitemap(renderer) }),
        SiteFileOutput(name: "robots", subjectsOf: site, sitePath: { renderer, _ in renderer.routes.robots },
                       text: { renderer, _ in SiteFiles.robots(renderer) }),
    ]

    /// The templates `outputs` render through, and `layout`, the parent of every page: every site needs them.
    static func templateNames(_ outputs: [any SiteOutput]) -> [String] {
        var names = ["layout"]
        for name in outputs.compactMap(\.templateName) where !names.contains(name) { names.append(name) }
        return names
    }

    /// Subjects: each file of a kind, each language, the site once.
    static func files(of kind: ContentKind) -> @Sendable (SiteGraph) -> [OutputSubject] {
        { graph in graph.files.indices.filter { graph.files[$0].kind == kind }.map(OutputSubject.file) }
    }
    static let languages: @Sendable (SiteGraph) -> [OutputSubject] = { $0.config.languages.map { .language($0.code) } }
    static let site: @Sendable (SiteGraph) -> [OutputSubject] = { _ in [.site] }
}

/// Each article's printable handout. Apart from a `PageOutput`, because a handout that leaves out the
/// disclaimer, the review date or the article's URL fails the build (`SiteRenderer.handout`).
struct HandoutOutput: SiteOutput {
    var template: CompiledTemplate<HandoutPage>?

    var name: String { "handout" }
    var templateName: String? { "handout" }
    var isSiteFile: Bool { false }
    func subjects(_ graph: SiteGraph) -> [OutputSubject] {
        graph.files.indices.filter { Routes.hasHandout(graph.files[$0]) }.map(OutputSubject.file)
    }
    func path(_ subject: OutputSubject, _ renderer: SiteRenderer) -> String {
        SiteRenderer.outputPath(renderer.handoutPath(renderer.graph.files[subject.file]), basePath: renderer.parts.basePath)
    }
    func compiled(_ compiler: inout TemplateCompiler) -> (any SiteOutput)? {
        var output = self
        output.template = compiler.compile("handout", HandoutPage.templateFields(stringKeys: compiler.stringKeys))
        return output.template == nil ? nil : output
    }
    func render(_ subject: OutputSubject, _ renderer: SiteRenderer) -> (OutputFile?, [Diagnostic]) {
        renderer.handout(subject.file, template: template!)
    }
}
