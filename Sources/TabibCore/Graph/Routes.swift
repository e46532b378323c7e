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

    static func path(for file: ContentFile, config: SiteConfig) -> String {
        let language = config.language(file.language)!
        let slug = file.slug
        if file.kind == .page { return config.basePath + "\(file.language)/\(slug)/" }
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
    public func handout(_ file: ContentFile) -> String {
        let language = config.language(file.language)!
        return config.basePath + "\(file.language)/\(language.segment(.handouts))/\(file.slug)/"
    }
    public var root: String { config.basePath }
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
