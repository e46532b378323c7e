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
    /// What the publication gate left out of this build, and the site paths those pages would have had:
    /// links to them are quietly unlinked, not reported as broken.
    public let withheld: PublicationGate.Withheld
    public let withheldKeys: Set<ContentKey>
    let withheldPaths: [String: ContentKey]
    /// Site path → the content page written there; and the paths of the pages tabib makes itself.
    let pathIndex: [String: (ContentKey, String)]
    let generatedPaths: Set<String>
    /// Made once by `build` and kept by `reused(for:)`: two graphs with the same one have the same
    /// structure (keys, routes, edges, aliases), whatever their files' titles and bodies.
    let structure = Structure()
    final class Structure: Sendable {}

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

    public func isWithheld(_ key: ContentKey) -> Bool { index[key] == nil && withheldKeys.contains(key) }

    /// What a hand-written site path leads to: `path` starts at the site's root (`/id/artikel/x/`), or
    /// already with the base path; the answer carries the path the build writes, base path included.
    public func page(atSitePath path: String) -> SitePathTarget? {
        var candidates = [config.basePath + path.drop { $0 == "/" }]
        if config.basePath != "/", path.hasPrefix(config.basePath) { candidates.append(path) }
        for candidate in candidates {
            for form in candidate.hasSuffix("/") || candidate.split(separator: "/").last?.contains(".") == true ? [candidate] : [candidate, candidate + "/"] {
                if let (key, language) = pathIndex[form] { return .page(key, language: language, path: form) }
                if let key = withheldPaths[form] { return .withheld(key) }
                if generatedPaths.contains(form) || form.hasPrefix(config.basePath + "assets/") { return .generated(path: form) }
            }
        }
        return nil
    }
}

/// Where a hand-written link to one of the site's own paths leads.
public enum SitePathTarget: Sendable, Equatable {
    /// A content page, at its full site path.
    case page(ContentKey, language: String, path: String)
    /// A page tabib makes itself: a home or index page, a handout, a feed, the sitemap, an asset.
    case generated(path: String)
    /// A page this build leaves out (not yet clinically reviewed, or flagged).
    case withheld(ContentKey)
}

extension SiteGraph {
    /// A language's `sections:` in `site.yaml` that names a section the site does not have.
    static func sectionDiagnostics(_ config: SiteConfig) -> [Diagnostic] {
        let known = Routes.sections.map(\.name)
        return config.languages.flatMap { language in
            language.sections.filter { !Routes.sections.contains($0.key) }.sorted { $0.value.location < $1.value.location }.map { section, segment in
                var notes: [String] = []
                if let guess = Suggestion.closest(to: section.name, in: known) { notes.append("did you mean '\(guess)'?") }
                notes.append("known keys here: \(known.joined(separator: ", ")).")
                return .error("unknown-key", "unknown key '\(section.name)' in 'sections'; fix its spelling or remove it.",
                              at: segment.location, notes: notes)
            }
        }
    }

    /// Where a translated article names other causes or conditions than its source: errors that name both files.
    static func graphDifferences(_ file: ContentFile, source: ContentFile) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func compare(_ key: String, _ mine: [String], _ theirs: [String]) {
            let added = mine.filter { !theirs.contains($0) }, missing = theirs.filter { !mine.contains($0) }
            guard !added.isEmpty || !missing.isEmpty else { return }
            var differences: [String] = []
            if !added.isEmpty { differences.append("adds \(added.map { "'\($0)'" }.joined(separator: ", "))") }
            if !missing.isEmpty { differences.append("leaves out \(missing.map { "'\($0)'" }.joined(separator: ", "))") }
            diagnostics.append(.error("translation-changes-graph",
                "the '\(key)' of this translation differ from those of its source \(source.path): it \(differences.joined(separator: " and ")); a translation states what its source states, so copy '\(key)' from the source (and change the source first if it is wrong).",
                at: file.meta.keyLocations[key] ?? SourceLocation(path: file.path, line: 1, column: 1)))
        }
        func entries(_ file: ContentFile) -> [String] {
            file.meta.causes.map { reference in
                reference.targets.map { "\(reference.cause.value): [\($0.map(\.value).sorted().joined(separator: ", "))]" } ?? reference.cause.value
            }
        }
        compare("conditions", file.meta.conditions.map(\.value), source.meta.conditions.map(\.value))
        compare("causes", entries(file), entries(source))
        return diagnostics
    }

    /// Builds the graph and reports every problem: ids shared by a cause and a condition, references to
    /// unknown ids, aliases claimed twice, pages that would be written to the same URL.
    public static func build(_ content: LoadedContent) -> (SiteGraph?, [Diagnostic]) {
        let config = content.config
        let files = content.files
        var diagnostics = sectionDiagnostics(config)
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

        // Translations: each has its source, and an article's translation states the same causes and conditions.
        var isTranslation = [Bool](repeating: false, count: files.count)
        for (i, file) in files.enumerated() {
            let from = file.meta.translation?.from ?? config.defaultLanguage
            guard file.language != from || file.meta.translation != nil else { continue }
            guard from != file.language, let j = index[file.key]?[from] else {
                let sourcePath = "content/\(from)/\(file.kind.folder)/\(file.id).md"
                diagnostics.append(.error("translation-without-source",
                    from == file.language
                        ? "'translation.from' names the file's own language '\(from)'; name the language it was translated from, or remove 'translation' if this is the original."
                        : "this translates \(sourcePath), which is not in this build (it is missing or a draft); write or publish the source first: a translation must say what its source says.",
                    at: file.meta.keyLocations["translation"] ?? SourceLocation(path: file.path, line: 1, column: 1)))
                continue
            }
            isTranslation[i] = true
            if file.kind == .article { diagnostics += graphDifferences(file, source: files[j]) }
        }

        // Edges from source-language articles, with their evidence: a translation adds nothing.
        var evidence: [String: [String: Set<String>]] = [:]
        var about: [String: Set<String>] = [:]
        for (i, file) in files.enumerated() where file.kind == .article && !isTranslation[i] {
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
            for reserved in [routes.home(language.code)] + Routes.sections.map({ routes.index($0, language: language.code) }) {
                claimed[reserved, default: []].append("(tabib's \(reserved) index page)")
            }
        }
        for file in files where file.kind != .page {
            if let problem = Routes.reservedSlugProblem(file.slug, kind: file.kind) {
                diagnostics.append(.error("url-collision", "this page's address would end in '\(file.slug)/', which \(problem); give it another 'slug'.",
                                          at: file.meta.slug?.location ?? SourceLocation(path: file.path)))
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
        let withheldPaths = Dictionary(content.withheldFiles.map { (Routes.path(for: $0, config: config), $0.key) }) { first, _ in first }
        var pathIndex: [String: (ContentKey, String)] = [:]
        var generated: Set<String> = [routes.root, routes.sitemap, routes.robots]
        for file in files {
            pathIndex[Routes.path(for: file, config: config)] = (file.key, file.language)
            if Routes.hasHandout(file) { generated.insert(routes.handout(file)) }
        }
        for language in config.languages {
            generated.insert(routes.home(language.code))
            generated.insert(routes.feed(language.code))
            for section in Routes.sections { generated.insert(routes.index(section, language: language.code)) }
        }
        return (SiteGraph(config: config, files: files, routes: routes, index: index, entityKinds: entityKinds, edges: edges,
                          causesOf: causesOf, effectsOf: effectsOf, articlesAbout: about.mapValues { $0.sorted() },
                          aliases: aliasIndexes, aliasList: aliasLists, withheld: content.withheld,
                          withheldKeys: Set(content.withheldFiles.map(\.key)), withheldPaths: withheldPaths,
                          pathIndex: pathIndex, generatedPaths: generated), diagnostics)
    }
}
