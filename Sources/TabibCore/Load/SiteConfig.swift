/// The sections of a site whose URL segment each language names in its own words.
public enum Section: String, Sendable, CaseIterable, Hashable {
    case articles, causes, conditions, pages, handouts
    /// The search page (`search: true`), not a folder of content.
    case search
}

/// A language of the site, from `content/site.yaml`.
public struct Language: Sendable, Hashable {
    public var code: String
    public var name: String
    /// BCP 47 locale used for dates and numbers, e.g. `id-ID`.
    public var locale: String
    public var isRightToLeft: Bool
    /// The site's title in this language.
    public var title: String
    /// URL segment per section, e.g. `articles: artikel`.
    public var sections: [Section: String]

    public func segment(_ section: Section) -> String { sections[section] ?? section.rawValue }
}

/// Printed on handouts: who hands it out and whom to call.
public struct Clinic: Sendable, Hashable {
    public var name: String?
    public var contact: String?
    public var emergencyNumber: String?
}

/// `content/site.yaml`.
public struct SiteConfig: Sendable, Equatable {
    /// Absolute, always ending in `/`.
    public var baseURL: String
    public var defaultLanguage: String
    public var languages: [Language]
    public var reviewIntervalMonths: Int
    public var allowRawHTML: Bool
    public var clinic: Clinic
    /// Whether the build indexes the site with Pagefind and writes a search page per language (`search: true`).
    public var search = false

    public func language(_ code: String) -> Language? { languages.first { $0.code == code } }
    public var source: Language { language(defaultLanguage)! }

    /// The path part of the base URL (`/` or `/kesehatan/`): every generated link starts with it.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }

    /// `baseURL` with the path replaced: `https://host/base/` + `id/x/` → absolute URL.
    public func absoluteURL(_ sitePath: String) -> String {
        let origin = String(baseURL.dropLast(basePath.count))
        return origin + sitePath
    }

    /// Normalises a user-given base URL: it must be absolute http(s); a missing final `/` is added.
    public static func normalizedBaseURL(_ text: String) -> String? {
        guard text.hasPrefix("http://") || text.hasPrefix("https://"),
              text.count > 8, !text.contains(" "), !text.contains("?"), !text.contains("#") else { return nil }
        return text.hasSuffix("/") ? text : text + "/"
    }
}
