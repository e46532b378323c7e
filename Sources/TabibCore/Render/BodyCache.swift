/// The Markdown bodies of an earlier build with everything each one read besides its own text: a
/// rebuild renders again only the bodies whose text or inputs changed.
public struct BodyCache: Sendable {
    /// A class, so that the tens of thousands a build keeps are passed on without copying each one's fields.
    final class Entry: Sendable {
        let source: BodySource
        let body: RenderedBody
        /// Every `resolve` the body asked of the link targets, with the answer it got.
        let lookups: [TargetLookup]
        /// False when the body depends on more than its lookups (it asked for every id to suggest a
        /// fix) or has errors: it is rendered again next time.
        let reusable: Bool
        /// It asked what a hand-written path or a left-out page leads to: reusable only while every
        /// route is the same.
        let needsSameRoutes: Bool

        init(source: BodySource, body: RenderedBody, lookups: [TargetLookup], reusable: Bool = true, needsSameRoutes: Bool = false) {
            self.source = source
            self.body = body
            self.lookups = lookups
            self.reusable = reusable
            self.needsSameRoutes = needsSameRoutes
        }
    }

    /// What every body of one language reads: the aliases it links and the titles of its callouts.
    struct LanguageInputs: Equatable, Sendable {
        var aliases: [AliasClaim]
        var calloutTitles: [CalloutKind: String]
    }

    /// The paths of the cached build's files, and their bodies in the same order (nil: not reusable).
    var paths: [String] = []
    var entries: [Entry?] = []
    var languages: [String: LanguageInputs] = [:]
    var allowRawHTML = false
    var preview = false
    /// The routes the bodies were rendered with (`Routes.paths`): when they are all the same, no
    /// lookup needs checking.
    var routes: [ContentKey: [String: String]]?
    /// "What links here" of the cached build, and whether its anchors were all checked and found.
    var backlinks: [ContentKey: Set<ContentKey>]?
    var anchorsChecked = false
    /// The base path the bodies' image addresses start with.
    var imageBasePath = "/"
    /// Whether the last build rendered a body or found other routes than the cache it was given: the
    /// copy in `.tabib-cache/` is then written again.
    var changed = false

    /// Whether no build has filled it.
    var isEmpty: Bool { paths.isEmpty && languages.isEmpty }

    public init() {}

    /// What a build may take from the cache: the languages whose inputs are unchanged, and whether
    /// every route is the same as before.
    struct Reuse: Sendable {
        var languages: Set<String>
        var sameRoutes: Bool
    }

    func reuse(inputs: [String: LanguageInputs], allowRawHTML: Bool, preview: Bool, routes: Routes) -> Reuse {
        guard allowRawHTML == self.allowRawHTML, preview == self.preview else { return Reuse(languages: [], sameRoutes: false) }
        return Reuse(languages: Set(inputs.keys.filter { languages[$0] == inputs[$0] }), sameRoutes: self.routes == routes.paths)
    }

    /// Whether `files` are the cached build's files, in the same order (their contents may differ).
    func isAligned(with files: [ContentFile]) -> Bool {
        guard files.count == paths.count, !files.isEmpty else { return false }
        return zip(files, paths).allSatisfy { $0.path == $1 }
    }

    /// The entries by their file's path, for a build whose files are not aligned with the cache's.
    func entriesByPath() -> [String: Entry] {
        var result: [String: Entry] = [:]
        for case let entry? in entries { result[entry.source.path] = entry }
        return result
    }

    /// Whether `entry` is still what `file` renders to: the same text, and the same answers to
    /// everything it read.
    func reusable(_ entry: Entry, for file: ContentFile, _ reuse: Reuse, targets: some LinkTargets, images: ImageCatalog) -> Bool {
        guard reuse.languages.contains(file.language), entry.source.isSource(of: file) else { return false }
        if !entry.body.images.isEmpty {
            guard images.basePath == imageBasePath else { return false }
            for use in entry.body.images where images.image(named: use.name)?.fingerprint != use.fingerprint { return false }
        }
        if !reuse.sameRoutes {
            if entry.needsSameRoutes { return false }
            for lookup in entry.lookups where !lookup.holds(in: targets) { return false }
        }
        return true
    }

}

/// What a body is rendered from in its own file: the Markdown, and what the positions it reports
/// and the links it resolves start from.
struct BodySource: Sendable {
    var path: String
    var kind: ContentKind
    var language: String
    var id: String
    var bodyStartLine: Int
    var body: String

    init(_ file: ContentFile) {
        self.init(path: file.path, kind: file.kind, language: file.language, id: file.id, bodyStartLine: file.bodyStartLine, body: file.body)
    }

    init(path: String, kind: ContentKind, language: String, id: String, bodyStartLine: Int, body: String) {
        self.path = path
        self.kind = kind
        self.language = language
        self.id = id
        self.bodyStartLine = bodyStartLine
        self.body = body
    }

    /// Whether the Markdown and every position reported from it are those of `file`.
    func isSource(of file: ContentFile) -> Bool {
        path == file.path && kind == file.kind && language == file.language && id == file.id
            && bodyStartLine == file.bodyStartLine && body == file.body
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

    /// Asked about a hand-written path or a left-out page: answers that depend on every route.
    private(set) var askedSitePaths = false

    func isWithheld(_ key: ContentKey) -> Bool {
        askedSitePaths = true
        return base.isWithheld(key)
    }

    func page(atSitePath path: String) -> SitePathTarget? {
        askedSitePaths = true
        return base.page(atSitePath: path)
    }
}
