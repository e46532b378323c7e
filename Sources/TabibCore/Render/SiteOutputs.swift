import CompiledMustache

/// Every output of a build, in one table: what files the site is made of, and from what.
enum SiteOutputs {
    /// Each kind's pages, the homes, the kinds' index pages, the search pages (on a site with `search:
    /// true`), the further pages of long lists, the root, the 404 page, the handouts, the feeds, the
    /// sitemap and robots.txt.
    static let standard: [any SiteOutput] = PageKind.all.map(\.pages) + [
        PageOutput("home", template: "home", fields: HomePage.templateFields, subjects: languages,
                   sitePath: { $0.routes.home($1.language) }, sitemap: .everyLanguage, model: { $0.homePage($1.language) }),
    ] + PageKind.all.compactMap(\.indexPages) + [
        PageOutput("search", template: "search", fields: SearchPage.templateFields,
                   subjects: { $0.config.search ? languages($0) : [] }, sitePath: { $0.routes.index(.search, language: $1.language) },
                   sitemap: .everyLanguage, templateIsOptional: true, model: { $0.searchPage($1.language) }),
        PageOutput("list", template: "list", fields: ListPage.templateFields, subjects: { $0.listJobs().map(OutputSubject.list) },
                   sitePath: { $0.sitePath($1.list) }, model: { $0.listPage($1.list) }),
        PageOutput("root", template: "root", fields: RootPage.templateFields, subjects: site,
                   sitePath: { renderer, _ in renderer.routes.root }, model: { renderer, _ in renderer.rootPage() }),
        PageOutput("404", template: "404", fields: NotFoundPage.templateFields, subjects: site,
                   sitePath: { renderer, _ in renderer.parts.basePath + "404.html" }, sitemap: .unlisted, model: { renderer, _ in renderer.notFoundPage() }),
        HandoutOutput(),
        SiteFileOutput(name: "feed", subjectsOf: languages, sitePath: { $0.routes.feed($1.language) },
                       bytes: { SiteFiles.feed($0, language: $1.language) }),
        SiteFileOutput(name: "sitemap", subjectsOf: site, sitePath: { renderer, _ in renderer.routes.sitemap },
                       bytes: { renderer, _ in SiteFiles.sitemap(renderer) }),
        SiteFileOutput(name: "robots", subjectsOf: site, sitePath: { renderer, _ in renderer.routes.robots },
                       bytes: { renderer, _ in SiteFiles.robots(renderer) }),
    ]

    /// The templates `outputs` render through, and `layout`, the parent of every page: every site needs them.
    static func templateNames(_ outputs: [any SiteOutput]) -> [String] {
        var names = ["layout"]
        for name in outputs.filter({ !$0.templateIsOptional }).compactMap(\.templateName) where !names.contains(name) { names.append(name) }
        return names
    }

    /// Subjects: each file of a kind, each language, the site once.
    static func files(of kind: ContentKind) -> @Sendable (SiteRenderer) -> [OutputSubject] {
        { renderer in
            let files = renderer.graph.files
            return files.indices.filter { files[$0].kind == kind }.map(OutputSubject.file)
        }
    }
    static let languages: @Sendable (SiteRenderer) -> [OutputSubject] = { $0.config.languages.map { .language($0.code) } }
    static let site: @Sendable (SiteRenderer) -> [OutputSubject] = { _ in [.site] }
}

/// Each article's printable handout. Apart from a `PageOutput`, because a handout that leaves out the
/// disclaimer, the review date or the article's URL fails the build (`SiteRenderer.handout`).
struct HandoutOutput: SiteOutput {
    var template: CompiledTemplate<HandoutPage>?

    var name: String { "handout" }
    var templateName: String? { "handout" }
    var templateIsOptional: Bool { false }
    var isSiteFile: Bool { false }
    func subjects(_ renderer: SiteRenderer) -> [OutputSubject] {
        let files = renderer.graph.files
        return files.indices.filter { Routes.hasHandout(files[$0]) }.map(OutputSubject.file)
    }
    func path(_ subject: OutputSubject, _ renderer: SiteRenderer) -> String {
        SiteRenderer.outputPath(renderer.handoutPath(renderer.graph.files[subject.file]), basePath: renderer.parts.basePath)
    }
    func sitemapEntry(_ subject: OutputSubject, _ renderer: SiteRenderer) -> SitemapEntry? {
        SitemapEntry(sitePath: renderer.handoutAddress(subject.file), lastmod: renderer.lastmod(subject.file))
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
