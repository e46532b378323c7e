import Foundation
import CompiledMustache

/// `tabib new`: starts a content file from the site's own template for its kind, as Hugo's archetypes
/// do: `templates/new/<kind>.md` for a new page in the source language, `templates/new/<kind>-translation.md`
/// for a translation of an existing one. The templates are Mustache (without HTML escaping); the values
/// they get are ready to stand in YAML (`NewContent.context`).
public struct NewContent: Sendable {
    public var root: URL
    public var today: Day

    public init(root: URL, today: Day = .today) {
        self.root = root
        self.today = today
    }

    /// A file to write: its path relative to the root, and its text.
    public struct Scaffold: Sendable, Equatable {
        public var path: String
        public var text: String
    }

    /// Writes the new file; its path relative to the root. Refuses an invalid id, an existing file, an id
    /// that another page uses as its slug, and a translation of a page that does not exist.
    public func create(_ kind: ContentKind, id: String, language: String? = nil) throws(BuildFailure) -> String {
        let scaffold = try make(kind, id: id, language: language)
        let url = root.appendingPathComponent(scaffold.path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Never over a file that appeared since the check.
            try Data(scaffold.text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw BuildFailure([.error("write-failed", "could not write \(scaffold.path) (\(error.localizedDescription)); check the folder's permissions.")])
        }
        return scaffold.path
    }

    /// The file `create` would write, without writing it.
    public func make(_ kind: ContentKind, id: String, language: String? = nil) throws(BuildFailure) -> Scaffold {
        let config = try loadConfig()
        let code = language ?? config.defaultLanguage
        guard config.language(code) != nil else {
            let known = config.languages.map(\.code)
            var notes = ["the languages of site.yaml: \(known.joined(separator: ", "))."]
            if let guess = Suggestion.closest(to: code, in: known) { notes.insert("did you mean '\(guess)'?", at: 0) }
            throw BuildFailure([.error("unknown-language", "'\(code)' is not a language of site.yaml; pass --lang with one of its languages.", notes: notes)])
        }
        if let problem = FrontMatterParser.slugProblem(id) {
            throw BuildFailure([.error("bad-id",
                "the id '\(id)' \(problem); the id is the file's name and the page's URL, so use lowercase letters, digits and '-', such as 'kram-otot'.")])
        }
        let path = "content/\(code)/\(kind.folder)/\(id).md"
        if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) {
            throw BuildFailure([.error("file-exists", "this file already exists; edit it, or pick another id.", at: SourceLocation(path: path))])
        }
        if let owner = slugOwner(id, kind: kind, language: code) {
            throw BuildFailure([.error("slug-exists",
                "\(owner.path) already uses '\(id)' as its slug, so both pages would have the same URL; pick another id.",
                at: owner.location)])
        }
        var source: ContentFile?
        if code != config.defaultLanguage {
            let sourcePath = "content/\(config.defaultLanguage)/\(kind.folder)/\(id).md"
            source = try loadSource(sourcePath, kind: kind, language: config.defaultLanguage, config: config)
        }
        let templateName = "templates/new/\(kind.rawValue)\(source == nil ? "" : "-translation").md"
        let text = try render(templateName, context: context(kind: kind, id: id, language: code, config: config, source: source))
        // A template a publisher changed must still make a file tabib can read.
        if case let .failure(problem) = FrontMatterParser.split(text, path: path, kind: kind) {
            throw BuildFailure([Self.madeBadFile(templateName, problem)])
        }
        if case let .success(split) = FrontMatterParser.split(text, path: path, kind: kind) {
            let (_, diagnostics) = FrontMatterParser.parse(split.yaml, path: path, kind: kind, languages: Set(config.languages.map(\.code)))
            if let problem = diagnostics.errors.first { throw BuildFailure([Self.madeBadFile(templateName, problem)]) }
        }
        return Scaffold(path: path, text: text)
    }

    static func madeBadFile(_ template: String, _ problem: Diagnostic) -> Diagnostic {
        .error("bad-new-template", "\(template) makes a file tabib cannot read: \(problem.location.map { "\($0): " } ?? "")\(problem.message) Fix the template.",
               at: SourceLocation(path: template))
    }

    // MARK: What the template is given

    /// The values a template for new files can show, each ready to stand in YAML.
    func context(kind: ContentKind, id: String, language: String, config: SiteConfig, source: ContentFile?) -> NewFileModel {
        var model = NewFileModel(id: id, kind: kind.rawValue, language: language, today: today.iso,
                                 nextReview: today.adding(months: config.reviewIntervalMonths).iso,
                                 reviewIntervalMonths: String(config.reviewIntervalMonths),
                                 title: YAMLText.quoted(Self.title(fromID: id)))
        guard let source else { return model }
        let meta = source.meta
        model.from = source.language
        model.sourcePath = source.path
        model.title = YAMLText.quoted("TODO: \(meta.title)")
        model.summary = meta.summary.map { YAMLText.quoted("TODO: \($0)") }
        model.date = today.iso
        model.reviewed = (meta.reviewed ?? today).iso
        model.conditions = meta.conditions.isEmpty ? nil : YAMLText.flowList(meta.conditions.map(\.value))
        model.causes = meta.causes.isEmpty ? nil : meta.causes.map { cause in
            "  - " + cause.cause.value + (cause.targets.map { ": " + YAMLText.flowList($0.map(\.value)) } ?? "")
        }.joined(separator: "\n")
        model.sources = meta.sources.isEmpty ? nil : meta.sources.map { reference in
            "  - {title: \(YAMLText.quoted(reference.title))\(reference.url.map { ", url: \(YAMLText.quoted($0))" } ?? "")}"
        }.joined(separator: "\n")
        model.keyPoints = meta.handoutPoints.isEmpty ? nil : meta.handoutPoints.map { "    - " + YAMLText.quoted("TODO: \($0)") }.joined(separator: "\n")
        model.aliases = meta.aliases.isEmpty ? nil : YAMLText.flowList(meta.aliases.map { YAMLText.quoted("TODO: \($0.value)") })
        model.entityKind = meta.entityKind
        model.body = TranslationSkeleton.body(of: source.body)
        return model
    }

    /// `kram-otot` → `Kram otot`: a first title for the editor to change.
    static func title(fromID id: String) -> String {
        let words = id.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    // MARK: Reading the site

    private func loadConfig() throws(BuildFailure) -> SiteConfig {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(SiteConfigParser.path).path) else {
            throw BuildFailure([.error("missing-config", "there is no content/site.yaml under \(root.path); run tabib in the site's folder or pass --root.")])
        }
        let text: String
        switch SourceText.decode(data, path: SiteConfigParser.path) {
        case let .success(decoded): text = decoded
        case let .failure(diagnostic): throw BuildFailure([diagnostic])
        }
        let (config, diagnostics) = SiteConfigParser.parse(text, baseURLOverride: nil)
        guard let config else { throw BuildFailure(diagnostics) }
        return config
    }

    private func loadSource(_ path: String, kind: ContentKind, language: String, config: SiteConfig) throws(BuildFailure) -> ContentFile {
        let absolute = root.appendingPathComponent(path).path
        guard FileManager.default.fileExists(atPath: absolute) else {
            throw BuildFailure([.error("missing-source",
                "there is no \(path) to translate; write it first (tabib new \(kind.rawValue) \(path.split(separator: "/").last!.dropLast(3))), or check the id.")])
        }
        let (file, diagnostics) = ContentLoader.loadFile(absolutePath: absolute, path: path, kind: kind, language: language,
                                                         languages: Set(config.languages.map(\.code)), realRoot: LinkedFile.realRoot(root))
        guard let file else { throw BuildFailure(diagnostics) }
        return file
    }

    /// The page of the same kind and language whose `slug` is `id`, if any: it has the URL the new page would get.
    private func slugOwner(_ id: String, kind: ContentKind, language: String) -> (path: String, location: SourceLocation)? {
        let folder = "content/\(language)/\(kind.folder)"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []).sorted()
        for name in names where name.hasSuffix(".md") {
            let path = "\(folder)/\(name)"
            let (file, _) = ContentLoader.loadFile(absolutePath: root.appendingPathComponent(path).path, path: path, kind: kind,
                                                   language: language, languages: [language], realRoot: LinkedFile.realRoot(root))
            if let slug = file?.meta.slug, slug.value == id { return (path, slug.location) }
        }
        return nil
    }

    private func render(_ templatePath: String, context: NewFileModel) throws(BuildFailure) -> String {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(templatePath).path) else {
            throw BuildFailure([.error("missing-new-template",
                "there is no \(templatePath) to start the file from; restore it from tabib's default templates (templates/new/ in tabib's repository).",
                at: SourceLocation(path: templatePath))])
        }
        let text: String
        switch SourceText.decode(data, path: templatePath) {
        case let .success(decoded): text = decoded
        case let .failure(diagnostic): throw BuildFailure([diagnostic])
        }
        do {
            // Plain text: the values are YAML and Markdown, never HTML-escaped.
            let library = try TemplateLibrary([TemplateSource(name: templatePath, path: templatePath, text: text)], escaping: .none)
            let template = try library.compile(templatePath, NewFileModel.templateFields)
            return String(decoding: template.render(context), as: UTF8.self)
        } catch {
            throw BuildFailure(error.errors.map(TemplateSet.diagnostic))
        }
    }
}
