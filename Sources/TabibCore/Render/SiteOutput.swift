import CompiledMustache

/// What one file of an output is made from: a content file, a language, the whole site, or a further
/// page of a long list.
public enum OutputSubject: Sendable, Hashable {
    /// `graph.files[i]`.
    case file(Int)
    case language(String)
    case site
    /// A page of a list beyond its first (`SiteRenderer+listPages.swift`).
    case list(ListPageJob)

    /// The content file's index; an output only asks for it when it made file subjects.
    var file: Int {
        guard case let .file(i) = self else { preconditionFailure("\(self) is not a content file") }
        return i
    }

    var language: String {
        guard case let .language(code) = self else { preconditionFailure("\(self) is not a language") }
        return code
    }

    var list: ListPageJob {
        guard case let .list(job) = self else { preconditionFailure("\(self) is not a list page") }
        return job
    }
}

/// A page's entry in `sitemap.xml`: its address, its translations (language, address), and the day it
/// last changed, if known.
struct SitemapEntry {
    let sitePath: String
    var alternates: [(language: String, sitePath: String)] = []
    var lastmod: Day? = nil
}

/// How a page output's pages appear in the sitemap.
enum SitemapListing: Sendable {
    /// Not at all: the 404 page, whose address is any address that has no page.
    case unlisted
    /// Its address alone.
    case page
    /// With the same output's page in every language as its alternates (a home, an index page).
    case everyLanguage
    /// With the content file's translations as its alternates, and the day it was last reviewed (else published).
    case contentFile
}

/// One file to make, named without its contents so the list is cheap to make: which output
/// (`PageTemplates.outputs[output]`) makes it, and from what.
public struct PageJob: Sendable, Hashable {
    public let output: Int
    public let subject: OutputSubject
}

/// A kind of file the site is made of — the pages of a content kind, handouts, index pages, feeds, the
/// sitemap — described once: the files it makes from the graph, where each goes, and how it is made,
/// through its compiled template. A new output is one value of a type conforming to this (most are a
/// `PageOutput`) in `SiteOutputs.standard`, and its template.
protocol SiteOutput: Sendable {
    /// Names its files between builds (`IncrementalBuilder`), e.g. `article` or `index:articles`.
    var name: String { get }
    /// The template it renders with (checked against its model before any page is rendered); nil: none.
    var templateName: String? { get }
    /// Whether the output is left out when the templates do not have its template, rather than the
    /// template being required (the search page: only a site with `search: true` needs it).
    var templateIsOptional: Bool { get }
    /// Site files (feeds, the sitemap, robots.txt) are written after the pages, and list them. Pages and
    /// site files alike record what they read, and are made again when that changes.
    var isSiteFile: Bool { get }
    /// What it makes one file of.
    func subjects(_ renderer: SiteRenderer) -> [OutputSubject]
    /// Where the file of `subject` goes, relative to the output folder.
    func path(_ subject: OutputSubject, _ renderer: SiteRenderer) -> String
    /// The page's entry in the sitemap, which lists every page the build writes but the 404 page; nil:
    /// not listed, as site files are not.
    func sitemapEntry(_ subject: OutputSubject, _ renderer: SiteRenderer) -> SitemapEntry?
    /// This output with its template compiled against its model; nil when the template has errors,
    /// which `compiler` collects.
    func compiled(_ compiler: inout TemplateCompiler) -> (any SiteOutput)?
    func render(_ subject: OutputSubject, _ renderer: SiteRenderer) -> (OutputFile?, [Diagnostic])
}

/// An output of typed pages: a model per subject, rendered through one compiled template.
struct PageOutput<Model: Sendable>: SiteOutput {
    let name: String
    let template: String
    let fields: @Sendable (_ stringKeys: [String]) -> TemplateFields<Model>
    let subjectsOf: @Sendable (SiteRenderer) -> [OutputSubject]
    /// The page's site path (`/id/artikel/x/`, written to `…/index.html`), or its output path when it is a file.
    let sitePath: @Sendable (SiteRenderer, OutputSubject) -> String
    let sitemap: SitemapListing
    let templateIsOptional: Bool
    let model: @Sendable (SiteRenderer, OutputSubject) -> Model
    var compiledTemplate: CompiledTemplate<Model>?

    init(_ name: String, template: String, fields: @escaping @Sendable ([String]) -> TemplateFields<Model>,
         subjects: @escaping @Sendable (SiteRenderer) -> [OutputSubject],
         sitePath: @escaping @Sendable (SiteRenderer, OutputSubject) -> String, sitemap: SitemapListing = .page,
         templateIsOptional: Bool = false, model: @escaping @Sendable (SiteRenderer, OutputSubject) -> Model) {
        self.name = name
        self.template = template
        self.fields = fields
        self.subjectsOf = subjects
        self.sitePath = sitePath
        self.sitemap = sitemap
        self.templateIsOptional = templateIsOptional
        self.model = model
    }

    var templateName: String? { template }
    var isSiteFile: Bool { false }
    func subjects(_ renderer: SiteRenderer) -> [OutputSubject] { subjectsOf(renderer) }

    func path(_ subject: OutputSubject, _ renderer: SiteRenderer) -> String {
        SiteRenderer.outputPath(sitePath(renderer, subject), basePath: renderer.parts.basePath)
    }

    func sitemapEntry(_ subject: OutputSubject, _ renderer: SiteRenderer) -> SitemapEntry? {
        let path = sitePath(renderer, subject)
        switch sitemap {
        case .unlisted:
            return nil
        case .page:
            return SitemapEntry(sitePath: path)
        case .everyLanguage:
            return SitemapEntry(sitePath: path, alternates: renderer.config.languages.map { ($0.code, sitePath(renderer, .language($0.code))) })
        case .contentFile:
            return SitemapEntry(sitePath: path, alternates: renderer.translations(renderer.graph.files[subject.file].key),
                                lastmod: renderer.lastmod(subject.file))
        }
    }

    func compiled(_ compiler: inout TemplateCompiler) -> (any SiteOutput)? {
        var output = self
        output.compiledTemplate = compiler.compile(template, fields(compiler.stringKeys))
        return output.compiledTemplate == nil ? nil : output
    }

    func render(_ subject: OutputSubject, _ renderer: SiteRenderer) -> (OutputFile?, [Diagnostic]) {
        let model = model(renderer, subject)
        return (OutputFile(path: path(subject, renderer), contents: SiteRenderer.bytes(model, compiledTemplate!)), [])
    }
}

/// An output of files written as text without a template: the feeds, the sitemap, robots.txt.
struct SiteFileOutput: SiteOutput {
    let name: String
    let subjectsOf: @Sendable (SiteRenderer) -> [OutputSubject]
    /// Its site path (`/base/id/atom.xml`), as `Routes` names it.
    let sitePath: @Sendable (SiteRenderer, OutputSubject) -> String
    let bytes: @Sendable (SiteRenderer, OutputSubject) -> [UInt8]

    var templateName: String? { nil }
    var templateIsOptional: Bool { false }
    var isSiteFile: Bool { true }
    func subjects(_ renderer: SiteRenderer) -> [OutputSubject] { subjectsOf(renderer) }
    func path(_ subject: OutputSubject, _ renderer: SiteRenderer) -> String {
        SiteRenderer.outputPath(sitePath(renderer, subject), basePath: renderer.parts.basePath)
    }
    func sitemapEntry(_ subject: OutputSubject, _ renderer: SiteRenderer) -> SitemapEntry? { nil }
    func compiled(_ compiler: inout TemplateCompiler) -> (any SiteOutput)? { self }
    func render(_ subject: OutputSubject, _ renderer: SiteRenderer) -> (OutputFile?, [Diagnostic]) {
        (OutputFile(path: path(subject, renderer), contents: bytes(renderer, subject)), [])
    }
}

/// Compiles templates against their models, collecting every error of every template.
struct TemplateCompiler {
    let set: TemplateSet
    /// The UI strings' keys `{{t.key}}` may name.
    let stringKeys: [String]
    var found: [(error: TemplateError, template: String)] = []

    mutating func compile<Root>(_ name: String, _ fields: TemplateFields<Root>) -> CompiledTemplate<Root>? {
        do {
            return try set.library.compile(name, fields)
        } catch {
            found += error.errors.map { ($0, name) }
            return nil
        }
    }
}
