/// Where every page of the site lives: one site path (starting with the base path, ending in `/`)
/// per content file, and the index pages of each language.
public struct Routes: Sendable {
    public let config: SiteConfig
    /// key → language → site path.
    private(set) var paths: [ContentKey: [String: String]] = [:]

    init(config: SiteConfig, files: [ContentFile]) {
        self.config = config
        for file in files {
            paths[file.key, default: [:]][file.language] = Self.path(for: file, config: config)
        }
    }

    /// Every section a language may name in `site.yaml`: each content kind's, the handouts' and the search page's.
    public static let sections: [Section] = ContentKind.allCases.map(\.section) + [.handouts, .search]

    static func path(for file: ContentFile, config: SiteConfig) -> String {
        let slug = file.slug
        guard file.kind.described.underSection else { return config.basePath + "\(file.language)/\(slug)/" }
        let language = config.language(file.language)!
        return config.basePath + "\(file.language)/\(language.segment(file.kind.section))/\(slug)/"
    }

    public func path(_ key: ContentKey, language: String) -> String? { paths[key]?[language] }
    public func languages(of key: ContentKey) -> [String] {
        let available = paths[key] ?? [:]
        return config.languages.map(\.code).filter { available[$0] != nil }
    }

    public func home(_ language: String) -> String { config.basePath + "\(language)/" }
    public func index(_ section: Section, language: String) -> String {
        config.basePath + "\(language)/\(config.language(language)!.segment(section))/"
    }
    /// Whether a file has a printable handout: articles do.
    public static func hasHandout(_ file: ContentFile) -> Bool { file.kind == .article }

    /// Where an article's printable handout lives: `handoutPrefix` and its slug.
    public func handout(_ file: ContentFile) -> String { handoutPrefix(file.language) + file.slug + "/" }
    /// The site path of a language's handouts, up to the article's slug.
    public func handoutPrefix(_ language: String) -> String {
        config.basePath + "\(language)/\(config.language(language)!.segment(.handouts))/"
    }
    public var root: String { config.basePath }
    /// A language's Atom feed of articles; the sitemap; robots.txt.
    public func feed(_ language: String) -> String { config.basePath + "\(language)/atom.xml" }
    public var sitemap: String { config.basePath + "sitemap.xml" }
    public var robots: String { config.basePath + "robots.txt" }
    public var stylesheet: String { config.basePath + "assets/style.css" }

    /// The page in `language`, else in the source language, else in any language it exists in.
    public func resolve(_ key: ContentKey, language: String) -> (path: String, language: String)? {
        guard let available = paths[key] else { return nil }
        for code in [language, config.defaultLanguage] + config.languages.map(\.code) {
            if let path = available[code] { return (path, code) }
        }
        return nil
    }
}

extension Section {
    /// Articles' printable handouts: not content, but pages made of it, with a segment of their own.
    public static let handouts = Section("handouts")
    /// A language's search page (`search: true`), not a folder of content.
    public static let search = Section("search")
}
