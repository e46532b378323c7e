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

    /// The pages of the site: each page output's files, the site's first, then each language's, each
    /// content file's, and the further pages of lists, each in the order of the outputs' table (the
    /// order the sitemap lists them and pages are written in).
    public func jobs() -> [PageJob] {
        jobs { !$0.isSiteFile }.enumerated().sorted { a, b in
            let (x, y) = (rank(a.element.subject), rank(b.element.subject))
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
    }

    /// Where a subject's pages come among the jobs.
    func rank(_ subject: OutputSubject) -> (Int, Int) {
        switch subject {
        case .site: (0, 0)
        case let .language(code): (1, config.languages.firstIndex { $0.code == code } ?? 0)
        case let .file(i): (2, i)
        case .list: (3, 0)
        }
    }

    /// The site files (feeds, sitemap, robots.txt), written after the pages.
    public func siteFileJobs() -> [PageJob] { jobs { $0.isSiteFile } }

    func jobs(_ included: (any SiteOutput) -> Bool) -> [PageJob] {
        var jobs: [PageJob] = []
        for (i, output) in templates.outputs.enumerated() where included(output) {
            jobs += output.subjects(self).map { PageJob(output: i, subject: $0) }
        }
        return jobs
    }

    public func render(_ job: PageJob) -> (OutputFile?, [Diagnostic]) {
        templates.outputs[job.output].render(job.subject, self)
    }

    /// Where a job's file goes, relative to the output folder.
    func path(_ job: PageJob) -> String { templates.outputs[job.output].path(job.subject, self) }

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

    /// `Routes.handout`, with its prefix worked out once per language.
    func handoutPath(_ file: ContentFile) -> String {
        parts.languages[file.language]!.handoutPrefix + file.slug + "/"
    }

    /// `SiteConfig.absoluteURL`, with its origin worked out once.
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
        let layout = PageLayout(language: language.layout, title: title,
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
