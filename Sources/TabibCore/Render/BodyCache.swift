/// The Markdown bodies of an earlier build with everything each one read besides its own text: a
/// rebuild renders again only the bodies whose text or inputs changed.
public struct BodyCache: Sendable {
    struct Entry: Sendable {
        var file: ContentFile
        var body: RenderedBody
        /// Every `resolve` the body asked of the link targets, with the answer it got.
        var lookups: [TargetLookup]
    }

    /// What every body of one language reads: the aliases it links and the titles of its callouts.
    struct LanguageInputs: Equatable, Sendable {
        var aliases: [AliasClaim]
        var calloutTitles: [CalloutKind: String]
    }

    var entries: [String: Entry] = [:]
    var languages: [String: LanguageInputs] = [:]
    var allowRawHTML = false
    /// The routes the bodies were rendered with: when they are all the same, no lookup needs checking.
    var routes: Routes?

    public init() {}

    /// What a build may take from the cache: the languages whose inputs are unchanged, and whether
    /// every route is the same as before.
    struct Reuse: Sendable {
        var languages: Set<String>
        var sameRoutes: Bool
    }

    func reuse(inputs: [String: LanguageInputs], allowRawHTML: Bool, routes: Routes) -> Reuse {
        guard allowRawHTML == self.allowRawHTML else { return Reuse(languages: [], sameRoutes: false) }
        return Reuse(languages: Set(inputs.keys.filter { languages[$0] == inputs[$0] }), sameRoutes: self.routes?.paths == routes.paths)
    }

    /// The earlier rendering of `file`, when neither its text nor anything it read has changed.
    func reusable(_ file: ContentFile, _ reuse: Reuse, targets: some LinkTargets) -> RenderedBody? {
        guard reuse.languages.contains(file.language), let entry = entries[file.path], Self.sameSource(entry.file, file) else { return nil }
        if !reuse.sameRoutes {
            for lookup in entry.lookups where !lookup.holds(in: targets) { return nil }
        }
        return entry.body
    }

    /// Whether the Markdown and every position reported from it are the same.
    static func sameSource(_ a: ContentFile, _ b: ContentFile) -> Bool {
        a === b || a.path == b.path && a.kind == b.kind && a.language == b.language && a.id == b.id
            && a.bodyStartLine == b.bodyStartLine && a.body == b.body
    }
}

/// One question a body asked about where a page lives, and the answer.
struct TargetLookup: Sendable {
    var key: ContentKey
    var language: String
    var path: String?
    var resolvedLanguage: String?

    func holds(in targets: some LinkTargets) -> Bool {
        let now = targets.resolve(key, language: language)
        return now?.path == path && now?.language == resolvedLanguage
    }
}

/// The site's link targets, noting every question asked, for one body rendered on one task.
final class RecordingTargets: LinkTargets, @unchecked Sendable {
    let base: any LinkTargets
    private(set) var lookups: [TargetLookup] = []
    /// Asked for every id of a kind (to suggest a fix): the answer depends on the whole site.
    private(set) var listedIDs = false

    init(_ base: any LinkTargets) { self.base = base }

    func resolve(_ key: ContentKey, language: String) -> (path: String, language: String)? {
        let answer = base.resolve(key, language: language)
        lookups.append(TargetLookup(key: key, language: language, path: answer?.path, resolvedLanguage: answer?.language))
        return answer
    }

    func ids(of kind: ContentKind) -> [String] {
        listedIDs = true
        return base.ids(of: kind)
    }
}
