/// A part of the site whose URL segment each language may name in its own words (`sections:` in
/// `site.yaml`): each content kind's (`KindDescription.section`), and those of the pages tabib makes
/// itself, which the stages that make them name (`Routes.sections`).
public struct Section: Sendable, Hashable {
    /// The key in `sections:`, and the segment when a language does not name it.
    public let name: String
    public init(_ name: String) { self.name = name }

    public static let articles = ContentKind.article.section, causes = ContentKind.cause.section
    public static let conditions = ContentKind.condition.section, pages = ContentKind.page.section
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
    /// URL segment per section, e.g. `articles: artikel`, as `site.yaml` names them; the graph checks
    /// that each section is one the site has (`Routes.sections`).
    public var sections: [Section: Located<String>]

    public func segment(_ section: Section) -> String { sections[section]?.value ?? section.name }
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
    /// `publishBeforeClinicalReview: true`: articles no clinician has reviewed yet are published, each
    /// with a notice to readers; by default they are held back. A flagged article never is published.
    public var publishBeforeClinicalReview = false
    /// An alias that auto-links in more than this share of a language's articles (in percent) is
    /// reported: a word that common is rarely a mention of the cause or condition.
    public var autoLinkMaxPercent = 50
    /// How many entries a page of a long list shows: the articles index, the A–Z letter pages, and the
    /// articles, causes and effects of a cause or condition (`pageSize:`).
    public var pageSize = 50
    /// An A–Z index of causes or conditions with more entries than this has one page per letter
    /// (`letterPagesAbove:`); at most this many, it is one page with letter anchors.
    public var letterPagesAbove = 200
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

    /// The base URL without its path (`https://host`): a site path after it is an absolute URL.
    public var origin: String { String(baseURL.dropLast(basePath.count)) }

    /// `baseURL` with the path replaced: `https://host/base/` + `id/x/` → absolute URL.
    public func absoluteURL(_ sitePath: String) -> String { origin + sitePath }

    /// Normalises a user-given base URL: it must be absolute http(s); a missing final `/` is added.
    public static func normalizedBaseURL(_ text: String) -> String? {
        guard baseURLProblem(text) == nil else { return nil }
        return text.hasSuffix("/") ? text : text + "/"
    }

    /// What keeps `text` from being a base URL, as the end of a sentence that starts with its name
    /// (`'baseURL' has no host name…`), or nil. A base URL is `http://` or `https://`, a host (with a
    /// port if needed) and a path, with nothing a page could not write unescaped into an attribute.
    public static func baseURLProblem(_ text: String) -> String? {
        guard let scheme = ["https://", "http://"].first(where: text.hasPrefix) else {
            return "does not start with https:// or http://"
        }
        if let bad = text.unicodeScalars.first(where: { $0.value <= 0x20 || (0x7F...0x9F).contains($0.value) || $0.properties.isWhitespace
                                                   || "\"'<>`\\{}|^".unicodeScalars.contains($0) }) {
            let name = switch bad {
            case " ": "a space"
            case "\t": "a tab"
            case "\n", "\r": "a line break"
            case _ where bad.value < 0x20 || (0x7F...0x9F).contains(bad.value): "a control character"
            case _ where bad.properties.isWhitespace: "a space (U+\(String(bad.value, radix: 16, uppercase: true)))"
            default: "'\(bad)'"
            }
            return "contains \(name), which a URL cannot hold; remove it, or percent-encode it in the path (a space is %20)"
        }
        if text.contains("?") || text.contains("#") {
            return "has a query ('?') or a fragment ('#'), which a base URL cannot have"
        }
        let authority = text.dropFirst(scheme.count).prefix { $0 != "/" }
        if authority.isEmpty { return "has no host name after '\(scheme)', such as example.org" }
        if authority.contains("@") { return "holds a user name ('@'); leave it out" }
        // host, [IPv6] or either with :port
        var host = authority, port: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return "has an unclosed '[' in its host; write an IPv6 address as [::1]" }
            host = authority[...close]
            let rest = authority[authority.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { return "has '\(rest)' after its host; only a port such as :8080 may follow it" }
                port = rest.dropFirst()
            }
        } else if let colon = authority.firstIndex(of: ":") {
            host = authority[..<colon]
            port = authority[authority.index(after: colon)...]
        }
        if let port, !(port.allSatisfy { $0.isASCII && $0.isNumber } && (Int(port).map { (1...65535).contains($0) } ?? false)) {
            return "has the port '\(port)'; a port is a number from 1 to 65535, such as :8080"
        }
        if host.isEmpty || host == "[]" || host.hasPrefix(".") || host.contains("..") {
            return "has no host name after '\(scheme)', such as example.org"
        }
        return nil
    }
}
