import Foundation
import Yams

/// The reader-facing labels of each language, from `templates/i18n/<lang>.yaml`. A key missing in
/// one language falls back to the default language's text, and `tabib check` warns about it. A key
/// another language defines but the default language lacks is an error: the other languages' files
/// say which keys the site's templates need, and the default language has nothing to fall back on
/// (an Indonesian emergency box would show the English heading). So is a key the code reads
/// (`Key`) that the default language lacks, on a site of any number of languages.
public struct UIStrings: Sendable {

    /// language → key → text, with fallbacks already filled in.
    public let table: [String: [String: String]]

    public func strings(_ language: String) -> [String: String] { table[language] ?? [:] }

    /// A string the code reads by name; the default language is sure to have it (`load` checks).
    public func text(_ key: Key, _ language: String) -> String {
        table[language]?[key.name] ?? table.values.first { $0[key.name] != nil }?[key.name] ?? key.name
    }

    /// A UI string that tabib's code reads by name, outside the templates (which name theirs as
    /// `{{t.key}}`, checked when they are compiled). The default language's file must have each one,
    /// even on a site with one language: a new one is added here, and `load` then requires it.
    public struct Key: Hashable, Sendable {
        public let name: String
        private init(_ name: String) { self.name = name }

        static let navHome = Key("navHome"), navArticles = Key("navArticles")
        static let navConditions = Key("navConditions"), navCauses = Key("navCauses")
        static let articlesIntro = Key("articlesIntro"), causesIntro = Key("causesIntro"), conditionsIntro = Key("conditionsIntro")
        static let notTranslated = Key("notTranslated"), homeIntro = Key("homeIntro"), notFoundTitle = Key("notFoundTitle")
        static let pageNumber = Key("pageNumber"), pageOf = Key("pageOf")
        static let articlesAbout = Key("articlesAbout"), possibleCauses = Key("possibleCauses"), canLeadTo = Key("canLeadTo")
        static let published = Key("published"), shortDisclaimer = Key("shortDisclaimer")
        static let handoutTitle = Key("handoutTitle"), handoutQRLabel = Key("handoutQRLabel"), handoutPage = Key("handoutPage")
        /// The search page's heading and the line under it, read on a site with search.
        static let searchTitle = Key("searchTitle"), searchIntro = Key("searchIntro")
        /// The heading of a callout (`> [!NOTE]`).
        static func callout(_ kind: CalloutKind) -> Key { Key(kind.stringKey) }
        /// The label of a cause's or condition's `kind:` (`kind-disease`).
        static func entityKind(_ kind: String) -> Key { Key("kind-\(kind)") }

        /// Every key the code reads.
        static let all: [Key] = [navHome, navArticles, navConditions, navCauses, articlesIntro, causesIntro, conditionsIntro, notTranslated, homeIntro, notFoundTitle,
                                 pageNumber, pageOf, articlesAbout, possibleCauses, canLeadTo,
                                 published, shortDisclaimer, handoutTitle, handoutQRLabel, handoutPage]
            + CalloutKind.allCases.map(callout) + FrontMatterParser.entityKinds.map(entityKind)

        /// Every key the code reads on a site with these settings: the search page's only with `search: true`.
        static func required(_ config: SiteConfig) -> [Key] {
            config.search ? all + [searchTitle, searchIntro] : all
        }
    }

    public static func load(root: URL, config: SiteConfig) -> (UIStrings?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var raw: [String: [String: String]] = [:]
        for language in config.languages {
            let path = "templates/i18n/\(language.code).yaml"
            if let outside = LinkedFile.outside(root.appendingPathComponent(path).path, path: path, realRoot: LinkedFile.realRoot(root)) {
                diagnostics.append(outside)
                continue
            }
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else {
                let severity: Diagnostic.Severity = language.code == config.defaultLanguage ? .error : .warning
                diagnostics.append(Diagnostic(severity, "missing-strings",
                    "there is no \(path) for the language '\(language.code)'; copy templates/i18n/\(config.defaultLanguage).yaml there and translate it.",
                    at: SourceLocation(path: path)))
                continue
            }
            let text: String
            switch SourceText.decode(data, path: path) {
            case let .success(t): text = t
            case let .failure(d): diagnostics.append(d); continue
            }
            var reader = YAMLValueReader(path: path, lineOffset: 0)
            guard let node = reader.compose(text), case let .mapping(mapping) = node else {
                diagnostics += reader.diagnostics
                if reader.diagnostics.isEmpty {
                    diagnostics.append(.error("wrong-type", "\(path) must be a mapping of 'key: text' lines.", at: SourceLocation(path: path, line: 1, column: 1)))
                }
                continue
            }
            var strings: [String: String] = [:]
            for (key, value) in mapping {
                guard let name = key.scalar?.string else { continue }
                if let s = reader.string(value, key: name) { strings[name] = s }
            }
            diagnostics += reader.diagnostics
            raw[language.code] = strings
        }
        guard let source = raw[config.defaultLanguage] else { return (nil, diagnostics) }
        let sourcePath = "templates/i18n/\(config.defaultLanguage).yaml"
        let required = Set(raw.values.flatMap(\.keys)).union(Key.required(config).map(\.name)).sorted()
        for key in required where source[key] == nil {
            let elsewhere = config.languages.lazy.compactMap { language in raw[language.code]?[key].map { (language.code, $0) } }.first
            diagnostics.append(.error("missing-string",
                "the key '\(key)' is missing; \(config.defaultLanguage) is the default language, so its pages would show the text of another language or none: add '\(key): …' with the \(config.defaultLanguage) text.",
                at: SourceLocation(path: sourcePath),
                notes: elsewhere.map { ["templates/i18n/\($0.0).yaml has it: '\($0.1)'."] } ?? []))
        }
        var table: [String: [String: String]] = [:]
        for language in config.languages {
            var strings = raw[language.code] ?? [:]
            if raw[language.code] != nil {
                for key in source.keys.sorted() where strings[key] == nil {
                    diagnostics.append(.warning("missing-string",
                        "templates/i18n/\(language.code).yaml has no '\(key)'; the \(config.defaultLanguage) text is shown until you add it.",
                        at: SourceLocation(path: "templates/i18n/\(language.code).yaml")))
                }
            }
            for (key, value) in source where strings[key] == nil { strings[key] = value }
            table[language.code] = strings
        }
        return (diagnostics.hasErrors ? nil : UIStrings(table: table), diagnostics)
    }
}
