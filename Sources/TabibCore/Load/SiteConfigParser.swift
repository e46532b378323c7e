import Yams

/// Reads `content/site.yaml`.
enum SiteConfigParser {
    static let path = "content/site.yaml"

    static func parse(_ text: String, baseURLOverride: String?) -> (SiteConfig?, [Diagnostic]) {
        var reader = YAMLValueReader(path: path, lineOffset: 0)
        guard let root = reader.compose(text) else {
            if reader.diagnostics.isEmpty {
                reader.diagnostics.append(.error("missing-key", "site.yaml is empty; add baseURL, defaultLanguage and languages.", at: SourceLocation(path: path, line: 1, column: 1)))
            }
            return (nil, reader.diagnostics)
        }
        var baseURL: String?, defaultLanguage: Located<String>?, interval = 12, allowRaw = false, search = false
        var languages: [Language] = []
        var clinic = Clinic()
        var publishBeforeClinicalReview = false, autoLinkMaxPercent = 50
        var pageSize = 50, letterPagesAbove = 200
        let pairs = reader.mapping(root, what: "site.yaml",
                                   allowed: ["baseURL", "defaultLanguage", "languages", "reviewIntervalMonths", "allowRawHTML", "clinic",
                                             "publishBeforeClinicalReview", "autoLinkMaxPercent", "pageSize", "letterPagesAbove", "search"])
        for (key, _, value) in pairs {
            switch key {
            case "baseURL":
                if let text = reader.string(value, key: key) {
                    if let problem = SiteConfig.baseURLProblem(text) {
                        reader.error("bad-url", "'baseURL' \(problem); write the address the site is served from, such as https://example.org/ or https://example.org/kesehatan/.", value)
                    } else {
                        baseURL = SiteConfig.normalizedBaseURL(text)
                    }
                }
            case "defaultLanguage": defaultLanguage = reader.string(value, key: key).map { Located($0, at: reader.location(value)) }
            case "reviewIntervalMonths": interval = reader.int(value, key: key, range: 1...DateRules.maximumMonthsBetweenReviews) ?? interval
            case "publishBeforeClinicalReview": publishBeforeClinicalReview = reader.bool(value, key: key) ?? false
            case "autoLinkMaxPercent": autoLinkMaxPercent = reader.int(value, key: key, range: 1...100) ?? autoLinkMaxPercent
            case "pageSize": pageSize = reader.int(value, key: key, range: 1...1000) ?? pageSize
            case "letterPagesAbove": letterPagesAbove = reader.int(value, key: key, range: 1...100_000) ?? letterPagesAbove
            case "allowRawHTML": allowRaw = reader.bool(value, key: key) ?? false
            case "search": search = reader.bool(value, key: key) ?? false
            case "clinic":
                for (k, _, v) in reader.mapping(value, what: "'clinic'", allowed: ["name", "contact", "emergencyNumber"]) {
                    let text = reader.string(v, key: "clinic.\(k)")
                    switch k {
                    case "name": clinic.name = text
                    case "contact": clinic.contact = text
                    default: clinic.emergencyNumber = text
                    }
                }
            case "languages":
                for item in reader.sequence(value, key: key) {
                    if let language = self.language(item, reader: &reader) {
                        if languages.contains(where: { $0.code == language.code }) {
                            reader.error("duplicate-language", "the language '\(language.code)' is listed twice; keep one entry.", item)
                        } else {
                            languages.append(language)
                        }
                    }
                }
            default: break
            }
        }
        let present = Set(pairs.map(\.key))
        for key in ["baseURL", "defaultLanguage", "languages"] where !present.contains(key) {
            reader.diagnostics.append(.error("missing-key", "site.yaml needs '\(key)'; add it.", at: SourceLocation(path: path, line: 1, column: 1)))
        }
        if let override = baseURLOverride {
            if let problem = SiteConfig.baseURLProblem(override) {
                reader.diagnostics.append(.error("bad-url", "--base-url \(problem); pass the address the site is served from, such as https://example.org/kesehatan/."))
            } else {
                baseURL = SiteConfig.normalizedBaseURL(override)
            }
        }
        if let code = defaultLanguage, !languages.contains(where: { $0.code == code.value }), present.contains("languages") {
            reader.diagnostics.append(.error("unknown-language",
                "the default language '\(code.value)' is not in 'languages'; add it there or choose one of: \(languages.map(\.code).joined(separator: ", ")).",
                at: code.location))
        }
        guard !reader.diagnostics.hasErrors, let baseURL, let defaultLanguage else { return (nil, reader.diagnostics) }
        // The default language comes first everywhere languages are listed.
        languages.sort { ($0.code == defaultLanguage.value ? 0 : 1) < ($1.code == defaultLanguage.value ? 0 : 1) }
        var config = SiteConfig(baseURL: baseURL, defaultLanguage: defaultLanguage.value, languages: languages,
                                reviewIntervalMonths: interval, allowRawHTML: allowRaw, clinic: clinic,
                                publishBeforeClinicalReview: publishBeforeClinicalReview, autoLinkMaxPercent: autoLinkMaxPercent,
                                search: search)
        config.pageSize = pageSize
        config.letterPagesAbove = letterPagesAbove
        return (config, reader.diagnostics)
    }

    private static func language(_ node: Node, reader: inout YAMLValueReader) -> Language? {
        let pairs = reader.mapping(node, what: "a language", allowed: ["code", "name", "locale", "direction", "title", "sections"])
        var code: String?, name: String?, locale: String?, rtl = false, title: String?
        var sections: [Section: Located<String>] = [:]
        for (key, _, value) in pairs {
            switch key {
            case "code":
                code = reader.string(value, key: "code")
                if let c = code, !c.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || $0 == "-" }) {
                    reader.error("bad-language", "the language code '\(c)' must be lowercase letters, such as 'id' or 'en'.", value)
                }
            case "name": name = reader.string(value, key: "name")
            case "locale": locale = reader.string(value, key: "locale")
            case "title": title = reader.string(value, key: "title")
            case "direction":
                switch reader.string(value, key: "direction") {
                case "rtl": rtl = true
                case "ltr", nil: rtl = false
                default: reader.error("wrong-type", "'direction' must be 'ltr' or 'rtl'.", value)
                }
            case "sections":
                // Which sections exist is the graph's to say (`Routes.sections`): handouts are not content.
                for (k, keyNode, v) in reader.mapping(value, what: "'sections'", allowed: nil) {
                    guard let segment = reader.string(v, key: "sections.\(k)") else { continue }
                    if let problem = FrontMatterParser.slugProblem(segment) {
                        reader.error("bad-slug", "the section name '\(segment)' \(problem); use lowercase letters, digits and '-'.", v)
                    } else {
                        sections[Section(k)] = Located(segment, at: reader.location(keyNode))
                    }
                }
            default: break
            }
        }
        for key in ["code", "name", "title"] where !pairs.contains(where: { $0.key == key }) {
            reader.error("missing-key", "this language needs '\(key)'; add it.", node)
        }
        guard let code, let name, let title else { return nil }
        return Language(code: code, name: name, locale: locale ?? code, isRightToLeft: rtl, title: title, sections: sections)
    }
}
