/// Aliases that would link everyday words: one that is a common word of its language (its list in
/// `templates/i18n/<lang>.common-words.txt`), or that auto-links in more than `autoLinkMaxPercent`
/// of a language's articles (once it has `minimumArticles`), is a warning with its count, unless the
/// writer confirmed it (`{text: …, confirmed: true}`).
enum AutoLinkHygiene {
    /// Below this many articles in a language, a share says nothing about how common a word is.
    static let minimumArticles = 10

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
