/// An alias and the cause or condition it names, in the order the graph indexed them.
public struct AliasClaim: Sendable, Equatable {
    public var alias: String
    public var target: ContentKey
}

/// A link of the graph: `cause` can lead to `effect`, as stated by the articles in `evidence`.
public struct Edge: Sendable, Hashable {
    public var cause: String
    public var effect: String
    /// Ids of the articles that state it, sorted.
    public var evidence: [String]
}

/// The second stage: the site as a graph of causes and conditions linked by the articles that state
/// each link, with every page's route. Built from front matter only; no Markdown is read here.
public struct SiteGraph: Sendable, LinkTargets {
    public let config: SiteConfig
    public internal(set) var files: [ContentFile]
    public let routes: Routes
    /// key → language → index in `files`.
    let index: [ContentKey: [String: Int]]
    /// Entity id → cause or condition.
    public let entityKinds: [String: ContentKind]
    public let edges: [Edge]
    /// Entity id → edges where it is the effect / the cause.
    let causesOf: [String: [Edge]]
    let effectsOf: [String: [Edge]]
    /// Entity id → ids of the articles that name it in `conditions` or `causes`.
    public let articlesAbout: [String: [String]]
    /// Language → the aliases of its entities.
    public let aliases: [String: AliasIndex]
    /// Language → the same aliases as a list, to tell whether two builds link the same words.
    public let aliasList: [String: [AliasClaim]]

    public func file(_ key: ContentKey, language: String) -> ContentFile? {
        index[key]?[language].map { files[$0] }
    }

    /// The file in the language, else the source, else any translation.
    public func bestFile(_ key: ContentKey, language: String) -> ContentFile? {
        guard let byLanguage = index[key] else { return nil }
        for code in [language, config.defaultLanguage] + config.languages.map(\.code) {
            if let i = byLanguage[code] { return files[i] }
        }
        return nil
    }

    public func keys(of kind: ContentKind) -> [ContentKey] {
        index.keys.filter { $0.kind == kind }.sorted()
    }

    public func entityKey(_ id: String) -> ContentKey? { entityKinds[id].map { ContentKey(kind: $0, id: id) } }
    public func causes(of id: String) -> [Edge] { causesOf[id] ?? [] }
    public func effects(of id: String) -> [Edge] { effectsOf[id] ?? [] }

    public func resolve(_ key: ContentKey, language: String) -> (path: String, language: String)? {
        routes.resolve(key, language: language)
    }

    public func ids(of kind: ContentKind) -> [String] { keys(of: kind).map(\.id) }
}

extension SiteGraph {
    /// Builds the graph and reports every problem: ids shared by a cause and a condition, references to
    /// unknown ids, aliases claimed twice, pages that would be written to the same URL.
    public static func build(_ content: LoadedContent) -> (SiteGraph?, [Diagnostic]) {
        let config = content.config
        let files = content.files
        var diagnostics: [Diagnostic] = []
        var index: [ContentKey: [String: Int]] = [:]
        for (i, file) in files.enumerated() { index[file.key, default: [:]][file.language] = i }

        // Entities: ids unique across causes/ and conditions/.
        var entityKinds: [String: ContentKind] = [:]
        var entityFile: [String: String] = [:]
        for file in files where file.kind.isEntity {
            if let other = entityKinds[file.id], other != file.kind {
                let otherPath = entityFile[file.id]!
                diagnostics.append(.error("duplicate-id",
                    "the id '\(file.id)' is both a \(other.rawValue) (\(otherPath)) and a \(file.kind.rawValue); ids are shared by causes and conditions, so rename one of them.",
                    at: SourceLocation(path: file.path)))
                continue
            }
            entityKinds[file.id] = file.kind
            entityFile[file.id] = entityFile[file.id] ?? "content/\(config.defaultLanguage)/\(file.kind.folder)/\(file.id).md"
            if file.language == config.defaultLanguage { entityFile[file.id] = file.path }
        }
        let allEntityIDs = entityKinds.keys.sorted()

        func check(_ reference: Located<String>, key: String) -> Bool {
            guard entityKinds[reference.value] == nil else { return true }
            var notes: [String] = []
            if let guess = Suggestion.closest(to: reference.value, in: allEntityIDs) {
                notes.append("did you mean '\(guess)' (\(entityFile[guess]!))?")
            } else {
                notes.append("write content/\(config.defaultLanguage)/causes/\(reference.value).md or content/\(config.defaultLanguage)/conditions/\(reference.value).md if it is new.")
            }
            diagnostics.append(.error("unknown-id", "unknown cause or condition '\(reference.value)' in '\(key)'.", at: reference.location, notes: notes))
            return false
        }

        // Edges from articles, with their evidence.
        var evidence: [String: [String: Set<String>]] = [:]
        var about: [String: Set<String>] = [:]
        for file in files where file.kind == .article {
            let conditions = file.meta.conditions.filter { check($0, key: "conditions") }.map(\.value)
            for id in conditions { about[id, default: []].insert(file.id) }
            for reference in file.meta.causes {
                guard check(reference.cause, key: "causes") else { continue }
                let cause = reference.cause.value
                about[cause, default: []].insert(file.id)
                let targets = reference.targets.map { $0.filter { check($0, key: "causes.\(cause)") }.map(\.value) } ?? conditions
                if reference.targets == nil, conditions.isEmpty {
                    diagnostics.append(.error("cause-without-condition",
                        "the cause '\(cause)' leads nowhere: the article lists no 'conditions'; add them, or name the targets as '- \(cause): [id]'.",
                        at: reference.cause.location))
                }
                for target in targets {
                    if target == cause {
                        diagnostics.append(.error("self-cause", "'\(cause)' is listed as a cause of itself; remove it from its own targets.",
                                                  at: reference.cause.location))
                        continue
                    }
                    evidence[cause, default: [:]][target, default: []].insert(file.id)
                }
            }
        }
        var edges: [Edge] = []
        for (cause, targets) in evidence {
            for (effect, articles) in targets { edges.append(Edge(cause: cause, effect: effect, evidence: articles.sorted())) }
        }
        edges.sort { ($0.cause, $0.effect) < ($1.cause, $1.effect) }
        var causesOf: [String: [Edge]] = [:], effectsOf: [String: [Edge]] = [:]
        for edge in edges {
            causesOf[edge.effect, default: []].append(edge)
            effectsOf[edge.cause, default: []].append(edge)
        }

        // Aliases, per language: one entity each.
        var aliasIndexes: [String: AliasIndex] = [:]
        var aliasLists: [String: [AliasClaim]] = [:]
        for language in config.languages {
            var owner: [String: ContentFile] = [:]
            var list: [(alias: String, target: ContentKey)] = []
            for file in files where file.kind.isEntity && file.language == language.code && entityKinds[file.id] == file.kind {
                for alias in file.meta.aliases {
                    if let other = owner[alias.value], other.id != file.id {
                        diagnostics.append(.error("duplicate-alias",
                            "the alias '\(alias.value)' is claimed by both \(other.path) and \(file.path); an alias must name one cause or condition, so remove it from one of them.",
                            at: alias.location))
                        continue
                    }
                    if owner[alias.value] == nil {
                        owner[alias.value] = file
                        list.append((alias.value, file.key))
                    }
                }
            }
            aliasIndexes[language.code] = AliasIndex(list)
            aliasLists[language.code] = list.map { AliasClaim(alias: $0.alias, target: $0.target) }
        }

        // Every output path belongs to one file.
        let routes = Routes(config: config, files: files)
        var claimed: [String: [String]] = [:]
        for file in files {
            if let path = routes.path(file.key, language: file.language) { claimed[path, default: []].append(file.path) }
        }
        for language in config.languages {
            for reserved in [routes.home(language.code)] + Section.allCases.map({ routes.index($0, language: language.code) }) {
                claimed[reserved, default: []].append("(tabib's \(reserved) index page)")
            }
        }
        for (path, owners) in claimed where owners.count > 1 {
            let files = owners.sorted()
            for owner in files where !owner.hasPrefix("(") {
                let others = files.filter { $0 != owner }
                diagnostics.append(.error("url-collision",
                    "this page would be written to \(path), like \(others.joined(separator: " and ")); give one of them another 'slug'.",
                    at: SourceLocation(path: owner)))
            }
        }

        if diagnostics.hasErrors { return (nil, diagnostics) }
        return (SiteGraph(config: config, files: files, routes: routes, index: index, entityKinds: entityKinds, edges: edges,
                          causesOf: causesOf, effectsOf: effectsOf, articlesAbout: about.mapValues { $0.sorted() },
                          aliases: aliasIndexes, aliasList: aliasLists), diagnostics)
    }
}
