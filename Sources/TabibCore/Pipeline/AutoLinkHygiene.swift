/// Aliases that would link everyday words: one that is a common word of its language (its list in
/// `templates/i18n/<lang>.common-words.txt`), or that auto-links in more than `autoLinkMaxPercent`
/// of a language's articles (once it has `minimumArticles`), is a warning with its count, unless the
/// writer confirmed it (`{text: …, confirmed: true}`).
enum AutoLinkHygiene {
    /// Below this many articles in a language, a share says nothing about how common a word is.
    static let minimumArticles = 10

    /// What one check counted, and its warnings: kept between builds by `tabib serve`.
    struct Checked: Sendable {
        let config: SiteConfig
        let commonWords: CommonWords
        let files: [ContentFile]
        let bodies: [RenderedBody]
        let warnings: [Diagnostic]

        /// Whether a check of these files and bodies counts the same: the same files, the entities with the
        /// same aliases, and each body that changed linking the same aliases.
        func holds(for graph: SiteGraph, bodies: RenderedBodies, commonWords: CommonWords) -> Bool {
            guard config == graph.config, self.commonWords == commonWords, files.count == graph.files.count,
                  self.bodies.count == bodies.bodies.count else { return false }
            for (old, new) in zip(files, graph.files) where old !== new {
                guard old.path == new.path, !new.kind.isEntity || old.meta.aliases == new.meta.aliases
                        && old.meta.confirmedAliases == new.meta.confirmedAliases else { return false }
            }
            for (old, new) in zip(self.bodies, bodies.bodies) where old !== new {
                guard Set(old.linkedAliases) == Set(new.linkedAliases) else { return false }
            }
            return true
        }
    }

    /// The warnings, counted again only when `previous` does not hold for these files and bodies; leaves this check in `previous`.
    static func warnings(_ graph: SiteGraph, bodies: RenderedBodies, commonWords: CommonWords, reusing previous: inout Checked?) -> [Diagnostic] {
        if let kept = previous, kept.holds(for: graph, bodies: bodies, commonWords: commonWords) {
            previous = Checked(config: graph.config, commonWords: commonWords, files: graph.files, bodies: bodies.bodies, warnings: kept.warnings)
            return kept.warnings
        }
        let warnings = warnings(graph, bodies: bodies, commonWords: commonWords)
        previous = Checked(config: graph.config, commonWords: commonWords, files: graph.files, bodies: bodies.bodies, warnings: warnings)
        return warnings
    }

    static func warnings(_ graph: SiteGraph, bodies: RenderedBodies, commonWords: CommonWords) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let maxPercent = graph.config.autoLinkMaxPercent
        for language in graph.config.languages {
            let code = language.code
            var articles = 0
            var linkedIn: [String: Int] = [:]
            for (file, body) in zip(graph.files, bodies.bodies) where file.kind == .article && file.language == code {
                articles += 1
                for alias in Set(body.linkedAliases) { linkedIn[alias, default: 0] += 1 }
            }
            for file in graph.files where file.kind.isEntity && file.language == code {
                for alias in file.meta.aliases where !file.meta.confirmedAliases.contains(alias.value) {
                    let count = linkedIn[alias.value] ?? 0
                    // Made only for a warning: most aliases have none.
                    var confirm: String {
                        "remove it from 'aliases', or, if every use of it in the articles means this page, confirm it as '{text: \(alias.value), confirmed: true}'."
                    }
                    var linking: String { "it auto-links in \(count) of \(articles) \(language.name) \(articles == 1 ? "article" : "articles")" }
                    if commonWords.contains(alias.value, language: code) {
                        diagnostics.append(.warning("common-word-alias",
                            "the alias '\(alias.value)' is a common word (\(CommonWords.path(code))), so everyday uses of it would link to this page, and \(linking); \(confirm)",
                            at: alias.location))
                    } else if articles >= minimumArticles, count * 100 > articles * maxPercent {
                        diagnostics.append(.warning("frequent-alias",
                            "the alias '\(alias.value)' is too common to be a mention of this page: \(linking), more than the \(maxPercent)% 'autoLinkMaxPercent' allows; \(confirm)",
                            at: alias.location))
                    }
                }
            }
        }
        return diagnostics
    }
}
