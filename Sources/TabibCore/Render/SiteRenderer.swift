import CompiledMustache
import Foundation

/// One page to write: its path under the output folder and its contents.
public struct OutputFile: Sendable {
    public var path: String
    public var contents: [UInt8]
    public init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
    }
    public init(path: String, text: String) { self.init(path: path, contents: Array(text.utf8)) }
}

/// A page of the site to render, named without its contents so the list is cheap to make.
public enum PageJob: Sendable, Hashable {
    case file(Int)
    case handout(Int)
    case home(String)
    case index(Section, String)
    /// A further page of a long list (`SiteRenderer+listPages.swift`).
    case list(ListPageJob)
    case root
    case notFound
    /// A language's search page, on a site with search.
    case search(String)
}

/// The third stage: every page of the site as a typed model (`Render/Pages/`), made from the graph
/// and the rendered bodies, through its compiled template into bytes.
public struct SiteRenderer: Sendable {
    public let graph: SiteGraph
    public let templates: PageTemplates
    public let strings: UIStrings
    public let bodies: RenderedBodies
    let parts: PageParts
    /// Whether each handout links to its PDF, which a build with PDFs writes beside it.
    public var handoutPDFs = false
    /// Handouts' QR codes, kept between builds.
    var qrCodes = QRCodeCache()
    /// What the page being made reads, when `tabib serve` records it (`renderRecordingReads(_:)`).
    var reads: PageReads?

    public init(graph: SiteGraph, templates: PageTemplates, strings: UIStrings, bodies: RenderedBodies) {
        self.init(graph: graph, templates: templates, strings: strings, bodies: bodies,
                  parts: PageParts(graph: graph, strings: strings, bodies: bodies, templates: templates))
    }

    /// With parts made for an earlier build that showed the same front matter, strings and disclaimer.
    init(graph: SiteGraph, templates: PageTemplates, strings: UIStrings, bodies: RenderedBodies, parts: PageParts) {
        self.graph = graph
        self.templates = templates
        self.strings = strings
        self.bodies = bodies
        self.parts = parts
    }

    var config: SiteConfig { graph.config }
    var routes: Routes { graph.routes }

    public func jobs() -> [PageJob] {
        var jobs: [PageJob] = [.root, .notFound]
        for language in config.languages {
            jobs.append(.home(language.code))
            for section in [Section.articles, .causes, .conditions] { jobs.append(.index(section, language.code)) }
            if config.search, templates.search != nil { jobs.append(.search(language.code)) }
        }
        for (i, file) in graph.files.enumerated() {
            jobs.append(.file(i))
            if file.kind == .article { jobs.append(.handout(i)) }
        }
        return jobs + listJobs()
    }

    public func render(_ job: PageJob) -> (OutputFile?, [Diagnostic]) {
        switch job {
        case let .file(i):
            let file = graph.files[i]
            let path = routes.path(file.key, language: file.language)!
            switch file.kind {
            case .article: return page(path, templates.article, articlePage(i))
            case .cause: return page(path, templates.cause, entityPage(i))
            case .condition: return page(path, templates.condition, entityPage(i))
            case .page: return page(path, templates.page, simplePage(i))
            }
        case let .handout(i):
            return handout(i)
        case let .home(language):
            return page(routes.home(language), templates.home, homePage(language))
        case let .index(section, language):
            return page(routes.index(section, language: language), templates.list, listPage(section, language))
        case let .list(job):
            return render(job)
        case .root:
            return page(routes.root, templates.root, rootPage())
        case .notFound:
            return (OutputFile(path: "404.html", contents: Self.bytes(notFoundPage(), templates.notFound)), [])
        case let .search(language):
            guard let template = templates.search else { return (nil, []) }
            return page(routes.index(.search, language: language), template, searchPage(language))
        }
    }

    /// Renders a page and writes it at `sitePath/index.html`.
    func page<Model>(_ sitePath: String, _ template: CompiledTemplate<Model>, _ model: Model) -> (OutputFile?, [Diagnostic]) {
        (OutputFile(path: Self.outputPath(sitePath, basePath: parts.basePath), contents: Self.bytes(model, template)), [])
    }

    /// A page's bytes, in a buffer large enough for most pages at once.
    static func bytes<Model>(_ model: Model, _ template: CompiledTemplate<Model>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(pageCapacity)
        template.render(model, into: &bytes)
        return bytes
    }

    /// What a page's buffer starts with: most pages fit, few waste much.
    static let pageCapacity = 32 * 1024

    /// `/base/id/artikel/x/` → `id/artikel/x/index.html`.
    public static func outputPath(_ sitePath: String, basePath: String) -> String {
        var relative = String(sitePath.dropFirst(basePath.count))
        if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
        return relative
    }

    /// `Routes.handout`, with the base path worked out once.
    func handoutPath(_ file: ContentFile) -> String {
        parts.languages[file.language]!.handoutPrefix + file.slug + "/"
    }

    /// `SiteConfig.absoluteURL`, with the origin worked out once.
    func absolute(_ sitePath: String) -> String { parts.origin + sitePath }

    func formatted(_ day: Day?, _ language: String) -> String? {
        day.map { parts.languages[language]?.dates.format($0) ?? DateText.iso($0) }
    }

    /// What every page shares: language, titles, navigation, the language switcher and alternates.
    func layout(language code: String, title: String, description: String?, sitePath: String?, key: ContentKey?) -> PageLayout {
        let language = parts.languages[code]!
        if let reads {
            reads.insert(.settings)
            reads.insert(.disclaimerURL(language: code))
            if let key { reads.insert(.translations(key)) }
        }
        var layout = PageLayout(language: language.layout, title: title,
                                pageTitle: title == language.title ? title : "\(title) — \(language.title)",
                                description: description, canonical: sitePath.map(absolute), switcher: language.switcherAlone)
        // Alternates and the switcher: the page's translations, or every language's counterpart of an index page.
        let targets = config.languages.map { other -> String? in
            if let key { return routes.path(key, language: other.code) }
            if let sitePath { return counterpart(sitePath, from: code, to: other.code) }
            return nil
        }
        guard !targets.allSatisfy({ $0 == nil }) else { return layout }
        var alternates: [PageLayout.Alternate] = []
        var switcher: [PageLayout.SwitcherEntry] = []
        for (other, target) in zip(config.languages, targets) {
            if let target { alternates.append(.init(hreflang: other.code, url: absolute(target))) }
            let otherLanguage = parts.languages[other.code]!
            switcher.append(.init(code: other.code, name: other.name, url: target ?? otherLanguage.homePath,
                                  current: other.code == code, missing: target == nil, missingLabel: otherLanguage.notTranslated))
        }
        if alternates.count > 1 {
            layout.alternates = alternates
            layout.xDefault = (alternates.first { $0.hreflang == config.defaultLanguage } ?? alternates[0]).url
        }
        layout.switcher = switcher
        return layout
    }

    /// The same index page in another language (home and section lists exist in every language).
    func counterpart(_ sitePath: String, from: String, to: String) -> String? {
        let from = parts.languages[from]!, to = parts.languages[to]!
        if sitePath == from.homePath { return to.homePath }
        for (i, index) in from.indexPaths.enumerated() where sitePath == index.path { return to.indexPaths[i].path }
        return nil
    }

    func languageChoices() -> [LanguageChoice] {
        config.languages.map { LanguageChoice(code: $0.code, name: $0.name, url: routes.home($0.code), title: $0.title) }
    }

    /// A link to another page of the site, in this language when it exists, marked with its language when not.
    func link(_ key: ContentKey, language: String) -> LinkCard? {
        reads?.insert(.card(key, language: language))
        return parts.cards[language]?[key]
    }
}
