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
    case root
    case notFound
}

/// The third stage: every page through the templates, with the graph and the rendered bodies.
public struct SiteRenderer: Sendable {
    public let graph: SiteGraph
    public let templates: TemplateSet
    public let strings: UIStrings
    public let bodies: RenderedBodies
    let parts: PageParts
    /// Whether each handout links to its PDF, which a build with PDFs writes beside it.
    public var handoutPDFs = false

    public init(graph: SiteGraph, templates: TemplateSet, strings: UIStrings, bodies: RenderedBodies) {
        self.init(graph: graph, templates: templates, strings: strings, bodies: bodies,
                  parts: PageParts(graph: graph, strings: strings, bodies: bodies, templates: templates))
    }

    /// With parts made for an earlier build that showed the same front matter, strings and disclaimer.
    init(graph: SiteGraph, templates: TemplateSet, strings: UIStrings, bodies: RenderedBodies, parts: PageParts) {
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
        }
        for (i, file) in graph.files.enumerated() {
            jobs.append(.file(i))
            if file.kind == .article { jobs.append(.handout(i)) }
        }
        return jobs
    }

    public func render(_ job: PageJob) -> (OutputFile?, [Diagnostic]) {
        switch job {
        case let .file(i):
            let file = graph.files[i]
            let path = routes.path(file.key, language: file.language)!
            switch file.kind {
            case .article: return page(path, template: "article", articleContext(i), about: file)
            case .cause, .condition: return page(path, template: file.kind.rawValue, entityContext(i), about: file)
            case .page: return page(path, template: "page", simplePageContext(i), about: file)
            }
        case let .handout(i):
            return handoutPage(i)
        case let .home(language):
            return page(routes.home(language), template: "home", homeContext(language), about: nil)
        case let .index(section, language):
            return page(routes.index(section, language: language), template: "list", indexContext(section, language), about: nil)
        case .root:
            return page(routes.root, template: "root", rootContext(), about: nil)
        case .notFound:
            let context = layout(language: config.defaultLanguage, title: strings.text("notFoundTitle", config.defaultLanguage),
                                 description: nil, sitePath: nil, key: nil, extra: ["languages": languageChoices()])
            return write("404.html", render(context, template: "404"))
        }
    }

    /// Renders a page and writes it at `sitePath/index.html`.
    func page(_ sitePath: String, template: String, _ context: [String: Any], about file: ContentFile?) -> (OutputFile?, [Diagnostic]) {
        write(Self.outputPath(sitePath, basePath: parts.basePath), render(context, template: template))
    }

    func render(_ context: [String: Any], template: String) -> String {
        // Template names are checked when the templates are loaded; a miss here is tabib's own bug.
        guard let html = templates.render(context, template: template) else { preconditionFailure("template \(template) vanished") }
        return html
    }

    func write(_ path: String, _ text: String) -> (OutputFile?, [Diagnostic]) {
        (OutputFile(path: path, text: text), [])
    }

    /// `/base/id/artikel/x/` → `id/artikel/x/index.html`.
    public static func outputPath(_ sitePath: String, basePath: String) -> String {
        var relative = String(sitePath.dropFirst(basePath.count))
        if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
        return relative
    }

    /// `Routes.handout`, with the base path worked out once.
    func handoutPath(_ file: ContentFile) -> String {
        parts.languages[file.language]!.handoutPrefix + (file.meta.slug?.value ?? file.id) + "/"
    }

    /// `SiteConfig.absoluteURL`, with the origin worked out once.
    func absolute(_ sitePath: String) -> String { parts.origin + sitePath }

    func formatted(_ day: Day?, _ language: String) -> String? {
        day.map { parts.languages[language]?.dates.format($0) ?? DateText.iso($0) }
    }

    /// What every page shares: language, titles, navigation, the language switcher and alternates.
    func layout(language code: String, title: String, description: String?, sitePath: String?, key: ContentKey?,
                extra: [String: Any]) -> [String: Any] {
        let language = parts.languages[code]!
        var context = language.layout
        context["title"] = title
        context["pageTitle"] = title == language.title ? title : "\(title) — \(language.title)"
        if let description { context["description"] = description }
        if let sitePath { context["canonical"] = absolute(sitePath) }
        // Alternates and the switcher: the page's translations, or every language's counterpart of an index page.
        let targets = config.languages.map { other -> String? in
            if let key { return routes.path(key, language: other.code) }
            if let sitePath { return counterpart(sitePath, from: code, to: other.code) }
            return nil
        }
        if targets.allSatisfy({ $0 == nil }) {
            context["switcher"] = language.switcherAlone
        } else {
            var alternates: [[String: Any]] = []
            var switcher: [[String: Any]] = []
            for (other, target) in zip(config.languages, targets) {
                if let target { alternates.append(["hreflang": other.code, "url": absolute(target)]) }
                switcher.append([
                    "code": other.code, "name": other.name,
                    "url": target ?? parts.languages[other.code]!.homePath,
                    "current": other.code == code,
                    "missing": target == nil,
                    "missingLabel": parts.languages[other.code]!.notTranslated,
                ])
            }
            if alternates.count > 1 {
                context["alternates"] = alternates
                let source = alternates.first { ($0["hreflang"] as? String) == config.defaultLanguage } ?? alternates[0]
                context["xDefault"] = source["url"]!
            }
            context["switcher"] = switcher
        }
        for (k, v) in extra { context[k] = v }
        return context
    }

    /// The same index page in another language (home and section lists exist in every language).
    func counterpart(_ sitePath: String, from: String, to: String) -> String? {
        let from = parts.languages[from]!, to = parts.languages[to]!
        if sitePath == from.homePath { return to.homePath }
        for (i, index) in from.indexPaths.enumerated() where sitePath == index.path { return to.indexPaths[i].path }
        return nil
    }

    func languageChoices() -> [[String: Any]] {
        config.languages.map { ["code": $0.code, "name": $0.name, "url": routes.home($0.code), "title": $0.title] }
    }

    /// A link to another page of the site, in this language when it exists, marked with its language when not.
    func link(_ key: ContentKey, language: String) -> [String: Any]? {
        parts.cards[language]?[key]?.context
    }

    /// A list for a template section that is shown only when it has items: `{{#x}}…{{#items}}…{{/items}}…{{/x}}`.
    func section(_ items: [[String: Any]]) -> Any {
        items.isEmpty ? false : ["items": items]
    }
}
