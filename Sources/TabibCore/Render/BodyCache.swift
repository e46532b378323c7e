/// The Markdown bodies of an earlier build with everything each one read besides its own text: a
/// rebuild renders again only the bodies whose text or inputs changed.
public struct BodyCache: Sendable {
    struct Entry: Sendable {
        var file: ContentFile
        var body: RenderedBody
        /// Every `resolve` the body asked of the link targets, with the answer it got.
        var lookups: [TargetLookup]
        /// False when the body depends on more than its lookups (it asked for every id to suggest a
        /// fix) or has errors: it is rendered again next time.
        var reusable = true
        /// It asked what a hand-written path or a left-out page leads to: reusable only while every
        /// route is the same.
        var needsSameRoutes = false
    }

    /// What every body of one language reads: the aliases it links and the titles of its callouts.
    struct LanguageInputs: Equatable, Sendable {
        var aliases: [AliasClaim]
        var calloutTitles: [CalloutKind: String]
    }

    /// The cached build's files, and their bodies in the same order (nil: not reusable).
    var files: [ContentFile] = []
    var entries: [Entry?] = []
    var languages: [String: LanguageInputs] = [:]
    var allowRawHTML = false
    var preview = false
    /// The routes the bodies were rendered with: when they are all the same, no lookup needs checking.
    var routes: Routes?
    /// "What links here" of the cached build, and whether its anchors were all checked and found.
    var backlinks: [ContentKey: Set<ContentKey>]?
    var anchorsChecked = false
    /// The base path the bodies' image addresses start with.
    var imageBasePath = "/"

    public init() {}

    /// What a build may take from the cache: the languages whose inputs are unchanged, and whether
    /// every route is the same as before.
    struct Reuse: Sendable {
        var languages: Set<String>
        var sameRoutes: Bool
    }

    func reuse(inputs: [String: LanguageInputs], allowRawHTML: Bool, preview: Bool, routes: Routes) -> Reuse {
        guard allowRawHTML == self.allowRawHTML, preview == self.preview else { return Reuse(languages: [], sameRoutes: false) }
        return Reuse(languages: Set(inputs.keys.filter { languages[$0] == inputs[$0] }), sameRoutes: self.routes?.paths == routes.paths)
    }

    /// Whether `files` are the cached build's files, in the same order (their contents may differ).
    func isAligned(with files: [ContentFile]) -> Bool {
        guard files.count == self.files.count, !files.isEmpty else { return false }
        return zip(files, self.files).allSatisfy { $0 === $1 || $0.path == $1.path }
    }

    /// The entries by their file's path, for a build whose files are not aligned with the cache's.
    func entriesByPath() -> [String: Entry] {
        var result: [String: Entry] = [:]
        for case let entry? in entries { result[entry.file.path] = entry }
        return result
    }

    /// Whether `entry` is still what `file` renders to: the same text, and the same answers to
    /// everything it read.
    func reusable(_ entry: Entry, for file: ContentFile, _ reuse: Reuse, targets: some LinkTargets, images: ImageCatalog) -> Bool {
        guard reuse.languages.contains(file.language), Self.sameSource(entry.file, file) else { return false }
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
