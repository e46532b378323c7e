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
    let dates: [String: DateText]
    /// Whether each handout links to its PDF, which a build with PDFs writes beside it.
    public var handoutPDFs = false

    public init(graph: SiteGraph, templates: TemplateSet, strings: UIStrings, bodies: RenderedBodies) {
        self.graph = graph
        self.templates = templates
        self.strings = strings
        self.bodies = bodies
        self.dates = Dictionary(uniqueKeysWithValues: graph.config.languages.map { ($0.code, DateText(locale: $0.locale)) })
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
        write(Self.outputPath(sitePath, basePath: config.basePath), render(context, template: template))
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

    func absolute(_ sitePath: String) -> String { config.absoluteURL(sitePath) }

    func formatted(_ day: Day?, _ language: String) -> String? {
        day.map { dates[language]?.format($0) ?? $0.iso }
    }

    /// What every page shares: language, titles, navigation, the language switcher and alternates.
    func layout(language code: String, title: String, description: String?, sitePath: String?, key: ContentKey?,
                extra: [String: Any]) -> [String: Any] {
        let language = config.language(code)!
        var context: [String: Any] = [
            "lang": code,
            "dir": language.isRightToLeft ? "rtl" : "ltr",
            "title": title,
            "siteTitle": language.title,
            "pageTitle": title == language.title ? title : "\(title) — \(language.title)",
            "stylesheet": routes.stylesheet,
            "homeURL": routes.home(code),
            "t": strings.strings(code),
            "nav": [
                ["label": strings.text("navHome", code), "url": routes.home(code)],
                ["label": strings.text("navArticles", code), "url": routes.index(.articles, language: code)],
                ["label": strings.text("navConditions", code), "url": routes.index(.conditions, language: code)],
                ["label": strings.text("navCauses", code), "url": routes.index(.causes, language: code)],
            ],
        ]
        if let description { context["description"] = description }
        if let disclaimer = routes.resolve(ContentKey(kind: .page, id: "disclaimer"), language: code) {
            context["disclaimerURL"] = disclaimer.path
        }
        if let sitePath { context["canonical"] = absolute(sitePath) }
        // Alternates and the switcher: the page's translations, or every language's counterpart of an index page.
        var alternates: [[String: Any]] = []
        var switcher: [[String: Any]] = []
        for other in config.languages {
            let target: String?
            if let key {
                target = routes.path(key, language: other.code)
            } else if let sitePath {
                target = counterpart(sitePath, from: code, to: other.code)
            } else {
                target = nil
            }
            if let target { alternates.append(["hreflang": other.code, "url": absolute(target)]) }
            switcher.append([
                "code": other.code, "name": other.name,
                "url": target ?? routes.home(other.code),
                "current": other.code == code,
                "missing": target == nil,
                "missingLabel": strings.text("notTranslated", other.code),
            ])
        }
        if alternates.count > 1 {
            context["alternates"] = alternates
            let source = alternates.first { ($0["hreflang"] as? String) == config.defaultLanguage } ?? alternates[0]
            context["xDefault"] = source["url"]!
        }
        context["switcher"] = switcher
        for (k, v) in extra { context[k] = v }
        return context
    }

    /// The same index page in another language (home and section lists exist in every language).
    func counterpart(_ sitePath: String, from: String, to: String) -> String? {
        if sitePath == routes.home(from) { return routes.home(to) }
        for section in Section.allCases where sitePath == routes.index(section, language: from) {
            return routes.index(section, language: to)
        }
        return nil
    }

    func languageChoices() -> [[String: Any]] {
        config.languages.map { ["code": $0.code, "name": $0.name, "url": routes.home($0.code), "title": $0.title] }
    }

    /// A link to another page of the site, in this language when it exists, marked with its language when not.
    func link(_ key: ContentKey, language: String) -> [String: Any]? {
        guard let target = routes.resolve(key, language: language), let file = graph.file(key, language: target.language) else { return nil }
        // Every key is always set: Mustache looks a missing key up in the enclosing contexts.
        let other = target.language != language
        return [
            "title": file.meta.title, "url": target.path, "summary": file.meta.summary ?? "",
            "otherLanguage": other, "hreflang": target.language,
            "languageName": config.language(target.language)?.name ?? target.language,
            "evidence": false,
        ]
    }

    /// A list for a template section that is shown only when it has items: `{{#x}}…{{#items}}…{{/items}}…{{/x}}`.
    func section(_ items: [[String: Any]]) -> Any {
        items.isEmpty ? false : ["items": items]
    }
}
